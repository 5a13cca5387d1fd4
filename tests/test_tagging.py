from pathlib import Path

from newsgen.entities import load_curation
from newsgen.records import Article, Entity, SeedOverride
from newsgen.tagging import tag_articles

from .conftest import write


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
    from newsgen.cache import ResultMemo

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
