from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgen.entities import load_curation
from newsgen.entities.tagging import tag_articles
from newsgen.records import Article, Entity, SeedOverride
from newsgen.util.memo import ResultMemo

from ..conftest import write


def article(slug):
    return Article(slug=slug, headline=slug, standfirst="", date=None, date_inferred=False, body=(),
                   source_path=f"seeds/{slug}.txt", word_count=0, reading_minutes=1)


def person(name, *mentions):
    return Entity(name, name.lower().replace(" ", "-"), "person", mentions or (name,))


def test_surnames_fold_into_the_one_full_name_across_the_archive():
    found = [[person("Antony Blinken")], [person("Blinken")]]
    tagged = tag_articles([article("a"), article("b")], found, [None, None])
    assert [[p.name for p in a.people] for a in tagged] == [["Antony Blinken"], ["Antony Blinken"]]


def test_editor_overrides_add_and_remove_per_article():
    found = [[person("Ann Lee"), Entity("Oslo", "oslo", "place", ("Oslo",))]]
    override = SeedOverride(path="content/seeds/a.yaml", add_places=("Bergen",), remove=("Oslo",))
    (tagged,) = tag_articles([article("a")], found, [override])
    assert [p.name for p in tagged.people] == ["Ann Lee"]
    assert [p.name for p in tagged.places] == ["Bergen"]


def test_a_curated_name_is_not_folded_into_another(tmp_path: Path):
    curation = load_curation(write(tmp_path / "entities.yaml", "entities:\n  - name: Biden\n    kind: person\n"))
    found = [[person("Joe Biden")], [person("Biden")]]
    folded = tag_articles([article("a"), article("b")], found, [None, None])
    kept = tag_articles([article("a"), article("b")], found, [None, None], curation)
    assert [p.name for p in folded[1].people] == ["Joe Biden"]
    assert [p.name for p in kept[1].people] == ["Biden"]


def test_a_memo_from_the_last_build_gives_the_same_tags_and_follows_changes(tmp_path: Path):
    articles = [article("a"), article("b")]
    before = [[person("Antony Blinken")], [person("Blinken")]]
    after = [[person("Antony Blinken")], [person("Blinken"), person("Ann Lee")]]
    memo = ResultMemo(tmp_path / "memo.pickle", "code")
    tag_articles(articles, before, [None, None], memo=memo)
    memo.save()
    override = SeedOverride(path="content/seeds/b.yaml", remove=("Ann Lee",))
    for found, overrides in ((before, [None, None]), (after, [None, None]), (after, [None, override])):
        remembered = tag_articles(articles, found, overrides, memo=ResultMemo(tmp_path / "memo.pickle", "code"))
        assert remembered == tag_articles(articles, found, overrides)
    assert [p.name for p in tag_articles(articles, after, [None, None])[1].people] == ["Ann Lee", "Antony Blinken"]


SPELLINGS = [person("Antony Blinken"), person("Blinken"), person("A. Blinken"), person("Joe Biden"),
             person("Hunter Biden"), person("Biden"), person("ANN LEE", "ANN LEE"), person("Ann Lee"),
             Entity("Oslo", "oslo", "place", ("Oslo",)), Entity("OSLO", "oslo", "place", ("OSLO",))]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 7), st.lists(st.sampled_from(SPELLINGS), max_size=3),
                                   st.booleans()), min_size=1, max_size=3), min_size=2, max_size=5))
def test_tags_kept_from_the_last_build_for_the_articles_an_edit_left_alone_are_those_made_afresh(
        tmp_path_factory, builds):
    """Each build edits articles (the entities found, an editor's removal) or deletes them when
    nothing is found: whatever the memo keeps, the tags are those of a build without it.
    A spelling or a surname elsewhere in the archive renames an untouched article's entities."""
    folder = tmp_path_factory.mktemp("memo")
    archive = {n: ([SPELLINGS[n]], False) for n in range(6)}
    removal = SeedOverride(path="content/seeds/x.yaml", remove=("Oslo",))
    for edits in builds:
        for n, entities, overridden in edits:
            archive[n] = (entities, overridden)
            if not entities and n % 2:
                del archive[n]
        articles = [article(f"a{n}") for n in archive]
        interned = {}  # one object per distinct entity, as a build gives them
        found = [[interned.setdefault(e, e) for e in entities] for entities, _ in archive.values()]
        overrides = [removal if overridden else None for _, overridden in archive.values()]
        memo = ResultMemo(folder / "memo.pickle", "code")
        assert tag_articles(articles, found, overrides, memo=memo) == tag_articles(articles, found, overrides)
        memo.save()


def test_an_articles_tags_follow_its_editors_rules_and_the_curation_though_it_is_unchanged(tmp_path: Path):
    ann, bo = person("Ann Lee"), person("Bo Ek")  # one object per entity, as a build gives them
    articles, found = [article("a"), article("b")], [[ann, bo], [bo]]
    removal = SeedOverride(path="content/seeds/a.yaml", remove=("Ann Lee",))
    curation = load_curation(write(tmp_path / "entities.yaml", "ignore: [Bo Ek]\n"))
    runs = [([None, None], None), ([removal, None], None), ([None, None], None), ([None, None], curation)]
    for overrides, curated in runs:
        memo = ResultMemo(tmp_path / "memo.pickle", "code")
        tagged = tag_articles(articles, found, overrides, curated, memo=memo)
        memo.save()
        assert tagged == tag_articles(articles, found, overrides, curated)
    assert [[p.name for p in a.people] for a in tagged] == [["Ann Lee"], []]
