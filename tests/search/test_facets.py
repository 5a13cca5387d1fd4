import posixpath
from datetime import date

from newsgen import urls
from newsgen.records import replaced
from newsgen.search import facets
from newsgen.search import index as search_index
from newsgen.search.index import shards_for

from .test_index import article, index


def from_search_page(href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(urls.SEARCH_PAGE), href))


def entity_rows(files) -> list[list]:
    blocks = sorted((key, data) for (kind, key), (_, data) in files.items() if kind == "e")
    return [row for _, block in blocks for row in block]


def values_by_document(files, per: int) -> dict[int, set[str]]:
    """doc id -> its facet values, decoding each facet shard's gaps."""
    found: dict[int, set[str]] = {}
    for (kind, key), (_, shard) in files.items():
        if kind != "f":
            continue
        for value, gaps in shard.items():
            doc = key * per
            for gap in gaps:
                doc += gap
                found.setdefault(doc, set()).add(value)
    return found


def test_the_entity_table_numbers_people_and_places_by_their_articles_most_first():
    model, files = index(article("a", "One", date(2024, 1, 3), people=["Ann Lee"], places=["Oslo"]),
                         article("b", "Two", date(2024, 1, 2), people=["Bo Ek", "Ann Lee"], places=["Oslo"]),
                         article("c", "Three", date(2024, 1, 1), people=["Ann Lee"]))
    rows = entity_rows(files)
    assert [(name, kind, count) for name, kind, _, count in rows] == [
        ("Ann Lee", "person", 3), ("Oslo", "place", 2), ("Bo Ek", "person", 1)]
    pages = {link.label: link.path for view in model.articles for link in view.people + view.places}
    assert [from_search_page(link) for _, _, link, _ in rows] == [pages["Ann Lee"], pages["Oslo"], pages["Bo Ek"]]


def test_facet_shards_give_each_document_its_people_places_and_section(monkeypatch):
    monkeypatch.setattr(facets, "FACET_DOCS", 2)
    model, files = index(replaced(article("a", "One", date(2024, 1, 3), people=["Ann Lee"], places=["Oslo"]),
                                  section="Business"),
                         article("b", "Two", date(2024, 1, 2), people=["Bo Ek", "Ann Lee"]),
                         replaced(article("c", "Three", date(2023, 1, 1), places=["Oslo", "Kyiv"]), section="Tech"),
                         article("d", "Four", None))
    _, manifest = files[("m", "")]
    assert manifest["facets"] == 2 and sorted(k for kind, k in files if kind == "f") == [0, 1]
    number = {row[0]: n for n, row in enumerate(entity_rows(files))}
    expected = {}
    for doc_id, view in enumerate(model.articles):
        values = {f"p{number[p.label]}" for p in view.people} | {f"l{number[p.label]}" for p in view.places}
        if view.section is not None:
            values.add(f"s{view.section.label}")
        if values:
            expected[doc_id] = values
    assert values_by_document(files, 2) == expected
    assert expected[0] == {"p0", "l1", "sBusiness"}


def test_the_manifest_gives_each_run_of_documents_of_one_year():
    model, files = index(article("a", "One", date(2024, 5, 3)), article("b", "Two", date(2024, 1, 2)),
                         article("c", "Three", date(2022, 1, 1)), article("d", "Undated one", None),
                         article("e", "Undated two", None))
    _, manifest = files[("m", "")]
    assert [v.article.slug for v in model.articles] == ["a", "b", "c", "d", "e"]
    assert manifest["years"] == [[2024, 0], [2022, 2], [0, 3]]


def test_each_word_of_a_name_is_in_the_term_shard_where_it_sorts(monkeypatch):
    monkeypatch.setattr(search_index, "SHARD_BUDGET", 60)
    monkeypatch.setattr(search_index, "COMMON_MIN_DOCS", 3)
    items = [article(f"a{i}", f"Story {i} about harbours", date(2024, 1, i + 1),
                     people=["Ann Lee", "Zed Lee"] if i else ["Mo Story"], places=["Oslo"]) for i in range(4)]
    _, files = index(*items)
    _, manifest = files[("m", "")]
    assert "story" in manifest["stop"], "a word in most articles is left out of the postings..."
    named = {}
    for (kind, key), (_, data) in files.items():
        if kind == "n":
            for word, numbers in data.items():
                assert shards_for(manifest, word)[:1] == [key], word
                named[word] = numbers
    assert len(manifest["starts"]) >= 3
    rows = entity_rows(files)
    by_name = {word: sorted(rows[n][0] for n in numbers) for word, numbers in named.items()}
    assert by_name == {"ann": ["Ann Lee"], "lee": ["Ann Lee", "Zed Lee"], "zed": ["Zed Lee"], "mo": ["Mo Story"],
                       "story": ["Mo Story"], "oslo": ["Oslo"]}, "...but not from the names"
