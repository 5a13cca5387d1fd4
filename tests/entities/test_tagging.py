from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgen.entities import EntityExtractor, load_curation
from newsgen.entities.tagging import MAX_PER_KIND, extract_one, tag_articles
from newsgen.records import Article, Entity, Paragraph, SeedOverride
from newsgen.sources.files import read_source
from newsgen.sources.seed import parse_seed
from newsgen.util.memo import ResultMemo

from ..conftest import SEED, write


def article(slug):
    return Article(slug=slug, headline=slug, standfirst="", date=None, date_inferred=False, body=(),
                   source_path=f"seeds/{slug}.txt", word_count=0, reading_minutes=1)


def person(name, *mentions):
    return Entity(name, name.lower().replace(" ", "-"), "person", mentions or (name,))


def test_surnames_fold_into_the_one_full_name_across_the_archive():
    found = [[person("Antony Blinken", "Antony Blinken", "Blinken")], [person("Blinken")]]
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
    found = [[person("Joe Biden", "Joe Biden", "Biden")], [person("Biden")]]
    folded = tag_articles([article("a"), article("b")], found, [None, None])
    kept = tag_articles([article("a"), article("b")], found, [None, None], curation)
    assert [p.name for p in folded[1].people] == ["Joe Biden"]
    assert [p.name for p in kept[1].people] == ["Biden"]


def test_a_memo_from_the_last_build_gives_the_same_tags_and_follows_changes(tmp_path: Path):
    articles = [article("a"), article("b")]
    blinken = person("Antony Blinken", "Antony Blinken", "Blinken")
    before = [[blinken], [person("Blinken")]]
    after = [[blinken], [person("Blinken"), person("Ann Lee")]]
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


def _word(n: int) -> str:
    """A distinct made-up word of three letters for each n below 16,000."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    n += 26 * 27
    return letters[n // 676] + letters[n // 26 % 26] + letters[n % 26]


def _crowded(names: list[str], again: list[str], **fields) -> Article:
    """An article naming John X<name> and the place Y<name> on a line each, then `again` a second time."""
    body = tuple(Paragraph(f"John X{w} said in Y{w}.") for w in names + again)
    return Article(slug="crowd", headline="A crowd", standfirst="", date=None, date_inferred=False, body=body,
                   source_path="seeds/crowd.txt", word_count=5 * len(body), reading_minutes=1, **fields)


def _first_written(text: str, e: Entity) -> int:
    return min(text.index(m) for m in e.mentions)


def test_an_article_naming_ten_times_the_bound_keeps_the_bound_mentioned_most_then_first_and_warns():
    names = [_word(n) for n in range(10 * MAX_PER_KIND)]
    again = names[-10:]  # named last, but twice: kept ahead of all those named once
    article = _crowded(names, again)
    everything = EntityExtractor().extract(article.texts())
    entities, warning = extract_one(EntityExtractor(), article)
    text = "\n".join(article.texts())
    for kind, twice in (("person", {f"John X{w}" for w in again}), ("place", {f"Y{w}" for w in again})):
        kept = [e for e in entities if e.kind == kind]
        left = [e for e in everything if e.kind == kind and e not in kept]
        assert len(kept) == MAX_PER_KIND and len(left) > 8 * MAX_PER_KIND
        assert twice <= {e.name for e in kept}
        once = [e for e in kept if e.name not in twice]
        assert max(_first_written(text, e) for e in once) < min(_first_written(text, e) for e in left)
    left_people = sum(e.kind == "person" for e in everything) - MAX_PER_KIND
    left_places = sum(e.kind == "place" for e in everything) - MAX_PER_KIND
    assert warning is not None and warning.path == "seeds/crowd.txt"
    assert f"left out {left_people:,} people and {left_places:,} places" in warning.message
    assert set(entities) <= set(everything) and entities == sorted(entities, key=everything.index)


class _Ranked:
    """An extractor that finds the given entities, most mentioned first."""

    def __init__(self, entities: list[Entity]):
        self.entities = entities

    def ranked(self, texts):
        return list(self.entities)


def test_the_editors_own_people_and_places_always_count_and_take_no_place_of_the_bound():
    found = [person(f"Ann Lee{_word(n)}") for n in range(2 * MAX_PER_KIND)]
    last, unnamed = found[-1], person("Zed Declared")
    article = _crowded([], [], origin="markdown", people=(last, unnamed))  # front matter
    entities, warning = extract_one(_Ranked(found), article)
    assert len(entities) == MAX_PER_KIND + 2 and {last, unnamed} <= set(entities)
    assert found[MAX_PER_KIND] not in entities and "left out 199 people, those mentioned least" in warning.message
    override = SeedOverride(path="content/seeds/crowd.yaml", add_people=(found[-2].name, "Zoe Added"))
    (tagged,) = tag_articles([article], [entities], [override])
    assert {found[-2].name, "Zoe Added", last.name, "Zed Declared"} <= {p.name for p in tagged.people}
    assert len(tagged.people) == MAX_PER_KIND + 4


def test_an_ordinary_articles_people_and_places_are_all_kept_without_a_warning():
    article, _ = parse_seed(read_source(SEED, "seeds/seed.txt"), "seeds/seed.txt")
    entities, warning = extract_one(EntityExtractor(), article)
    assert warning is None
    assert [(e.kind, e.name, e.mentions) for e in entities] == [
        ("person", "Antony Blinken", ("Antony Blinken", "Blinken")),
        ("person", "Benjamin Netanyahu", ("Benjamin Netanyahu", "Netanyahu")),
        ("person", "Joe Biden", ("Biden", "Joe Biden")), ("person", "Kamala Harris", ("Kamala Harris",)),
        ("person", "Mohammad Al-Kassim", ("Mohammad Al-Kassim",)), ("person", "Sami Abu Zuhri", ("Sami Abu Zuhri",)),
        ("place", "Cairo", ("Cairo",)), ("place", "Chicago", ("Chicago",)), ("place", "Doha", ("Doha",)),
        ("place", "East Jerusalem", ("East Jerusalem",)), ("place", "Egypt", ("Egypt",)), ("place", "Gaza", ("Gaza",)),
        ("place", "Israel", ("Israel",)), ("place", "Middle East", ("Middle East",)), ("place", "Qatar", ("Qatar",)),
        ("place", "Tel Aviv", ("Tel Aviv",)), ("place", "United States", ("US",))]


def test_a_memo_follows_the_archives_evidence_when_only_the_evidence_changes(tmp_path: Path):
    from newsgen.entities.evidence import CUES, SPEECH, packed

    articles, found = [article("a"), article("b")], [[person("Zxqor")], [person("Ann Lee")]]
    heard = [0] * len(CUES)
    heard[SPEECH] = 1
    silent, speaking = [(), ()], [(("Zxqor", packed(heard)),), ()]
    memo = ResultMemo(tmp_path / "memo.pickle", "code")
    tag_articles(articles, found, [None, None], memo=memo, evidence=silent)
    memo.save()
    remembered = tag_articles(articles, found, [None, None], memo=ResultMemo(tmp_path / "memo.pickle", "code"),
                              evidence=speaking)
    assert remembered == tag_articles(articles, found, [None, None], evidence=speaking)
    assert [p.name for p in remembered[0].people] == ["Zxqor"]
