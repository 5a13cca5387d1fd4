import pytest

from newsgen.entities import Curation, load_curation, unify_across_archive
from newsgen.entities.resolve import entity
from newsgen.errors import NewsgenError


def write(tmp_path, text):
    path = tmp_path / "entities.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path, text):
    path = write(tmp_path, text)
    with pytest.raises(NewsgenError) as info:
        load_curation(path)
    return info.value, path


def test_missing_or_empty_file_is_empty_curation(tmp_path):
    assert load_curation(tmp_path / "entities.yaml").entities == ()
    assert load_curation(write(tmp_path, "# nothing yet\n")).ignore == ()


def test_full_schema_is_read(tmp_path):
    curation = load_curation(
        write(
            tmp_path,
            "entities:\n"
            "  - name: Antony Blinken\n"
            "    kind: person\n"
            "    aliases: [Blinken, Tony Blinken]\n"
            "    description: US Secretary of State.\n"
            "  - name: Gaza Strip\n"
            "    aliases: Gaza\n"
            "ignore:\n"
            "  - Hamas\n"
            "  - No\n",
        )
    )
    first, second = curation.entities
    assert (first.name, first.kind, first.aliases, first.description, first.line) == (
        "Antony Blinken", "person", ("Blinken", "Tony Blinken"), "US Secretary of State.", 2,
    )  # fmt: skip
    assert (second.name, second.kind, second.aliases) == ("Gaza Strip", None, ("Gaza",))
    assert curation.ignore == ("Hamas", "No")  # YAML 1.1 "No" stays a string
    assert curation.find("BLINKEN") is first
    assert curation.ignores("hamas")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("entities:\n  - name: Gaza\n    kind: city\n", 3, "kind must be person or place"),
        ("entities:\n  - name: Gaza\n    colour: red\n", 3, "unknown key 'colour'"),
        ("entities:\n  - kind: place\n", 2, "needs a 'name'"),
        (
            "entities:\n  - name: A B\n  - name: C D\n    aliases:\n      - E\n      - a b\n",
            6,
            "already belongs to 'A B' (line 2)",
        ),
        ("entities:\n  - name: Hamas\nignore:\n  - Hamas\n", 4, "is also entity 'Hamas'"),
        ("people: []\n", 1, "unknown key 'people'"),
        ("entities:\n  - name: X\n    description: |\n      two\n      lines\n", 3, "one line"),
        ("ignore: [a, [b]]\n", 1, "non-empty string"),
        ("entities:\n  - name: !!python/object:os.system x\n", 2, "tag"),
        ("entities:\n  - name: [unclosed\n", 3, "invalid YAML"),
    ],
)
def test_invalid_entries_name_file_and_line(tmp_path, text, line, words):
    error, path = error_of(tmp_path, text)
    assert error.path == str(path)
    assert error.line == line
    assert words in error.message
    assert str(error).startswith(f"{path}:{line}: ")


def test_apply_renames_rekinds_describes_and_ignores():
    curation = Curation(
        entities=(
            *load_like("Georgia", "place", "Country in the Caucasus."),
            *load_like("Antony J. Blinken", None, "", "Blinken"),
        ),
        ignore=("Hamas", "Saturday"),
    )
    out = curation.apply(
        [
            entity("Georgia", "person", ["Georgia"]),
            entity("Blinken", "person", ["Blinken"]),
            entity("Hamas", "place", ["Hamas"]),
            entity("Gaza", "place", ["Gaza", "Saturday"]),
        ]
    )
    assert [(e.name, e.kind, e.mentions, e.description) for e in out] == [
        ("Antony J. Blinken", "person", ("Blinken",), ""),
        ("Gaza", "place", ("Gaza",), ""),
        ("Georgia", "place", ("Georgia",), "Country in the Caucasus."),
    ]


def test_a_mention_does_not_pull_an_entity_into_an_entry_of_another_kind():
    curation = Curation(entities=load_like("Jordan", "place", ""))
    out = curation.apply([entity("Michael Jordan", "person", ["Jordan", "Michael Jordan"])])
    assert [(e.name, e.kind) for e in out] == [("Michael Jordan", "person")]


def load_like(name, kind, description, *aliases):
    from newsgen.entities.curation import CuratedEntity

    return (CuratedEntity(name, kind, aliases, description),)


def test_spot_finds_curated_names_the_tagger_missed():
    curation = Curation(entities=load_like("Gaza Strip", "place", "", "Gaza"))
    assert curation.spot(["Aid reached the GAZA STRIP.", "see example.org/gaza"]) == {"GAZA STRIP": "place"}


def test_archive_folding_never_renames_the_editors_names():
    curation = Curation(entities=load_like("Biden", "person", ""))
    out = unify_across_archive([[entity("Joe Biden", "person")], [entity("Biden", "person")]], curation)
    assert [e.name for e in out[1]] == ["Biden"]


def test_a_curation_that_changes_nothing_gives_back_what_one_article_is_found_to_name():
    """The extractor skips `apply` then: canonicalise names each kind and name once, in order."""
    from newsgen.entities.gazetteer import load_gazetteer
    from newsgen.entities.resolve import canonicalise

    kinds = {"Antony Blinken": "person", "BLINKEN": "person", "Blinken": "person", "LONDON": "place",
             "U.S.": "place", "US": "place", "Oslo": "place", "Ann Lee": "person"}
    found = canonicalise(kinds, load_gazetteer())
    assert Curation().changes_nothing and not Curation(ignore=("Oslo",)).changes_nothing
    assert Curation().apply(found) == found
