import json
import posixpath
from datetime import date
from pathlib import Path

from newsgen import urls
from newsgen.config import SiteConfig
from newsgen.model.site import build_site_model
from newsgen.records import Article, Entity, LinkCard, Paragraph
from newsgen.search import index as search_index
from newsgen.search import terms as search_terms
from newsgen.search.index import js_order, search_files, shards_for
from newsgen.search.terms import text_terms


def article(slug, headline, when, body="", standfirst="", people=(), places=()):
    return Article(
        slug=slug, headline=headline, standfirst=standfirst, date=when, date_inferred=False,
        body=(Paragraph(body), LinkCard("https://example.org/", "example.org")), source_path=f"seeds/{slug}.txt",
        word_count=1, reading_minutes=1,
        people=tuple(Entity(n, n.lower().replace(" ", "-"), "person") for n in people),
        places=tuple(Entity(n, n.lower().replace(" ", "-"), "place") for n in places),
    )


def index(*articles, own_terms=None):
    """Build the index and read every file back as {(kind, key): data}."""
    model = build_site_model(SiteConfig(root=Path("/x")), list(articles), [])
    files = {}
    for path, text in search_files(model.articles, own_terms):
        assert path.startswith(urls.SEARCH_SHARDS + "/") and path.endswith(".js")
        assert text.startswith("newsgenSearch.add(") and text.endswith(");\n")
        for call in text.splitlines():  # a term shard's file also gives its names' words ("n")
            kind, key, data = json.loads("[" + call[len("newsgenSearch.add("):-2] + "]")
            files[(kind, key)] = (path, data)
    return model, files


def postings(files, term):
    """doc id -> weight for `term`, decoding the gap encoding."""
    found = {}
    for (kind, key), (_, data) in files.items():
        if kind == "t" and term in data:
            doc, flat = 0, data[term]
            for gap, weight in zip(flat[::2], flat[1::2]):
                doc += gap
                found[doc] = weight
    return found


def test_people_and_places_outrank_words_in_the_body():
    model, files = index(
        article("a", "Talks resume", date(2024, 1, 2), body="Officials mention Lisbon once."),
        article("b", "Budget vote", date(2024, 1, 1), places=["Lisbon"]),
    )
    ids = {v.article.slug: i for i, v in enumerate(model.articles)}
    lisbon = postings(files, "lisbon")
    assert lisbon[ids["b"]] > lisbon[ids["a"]] > 0
    assert set(postings(files, "talks")) == {ids["a"]}
    assert postings(files, "the") == {} and postings(files, "a") == {}


def test_document_rows_link_relative_from_the_search_page():
    model, files = index(article("x", "Quiet day", date(2024, 3, 5), standfirst="Nothing happened. " * 30))
    _, rows = files[("d", 0)]
    href, headline, iso, label, standfirst, people, places = rows[0]
    assert people == places == []
    assert posixpath.normpath(posixpath.join(posixpath.dirname(urls.SEARCH_PAGE), href)) == model.articles[0].path
    assert (headline, iso, label) == ("Quiet day", "2024-03-05", "5 March 2024")
    assert len(standfirst) <= search_index.STANDFIRST_CHARS + 1 and standfirst.endswith("…")


def test_document_rows_carry_the_first_three_people_and_places_linked_from_the_search_page():
    model, files = index(article("x", "Quiet day", date(2024, 3, 5), people=["Ann Lee", "Bo Ek", "Cy Orr", "Di Fox"],
                                 places=["Oslo", "Kyiv", "Lagos", "Accra"]))
    _, rows = files[("d", 0)]
    people, places = rows[0][5:]
    view = model.articles[0]

    def target(href):
        return posixpath.normpath(posixpath.join(posixpath.dirname(urls.SEARCH_PAGE), href))

    assert [(name, target(href)) for name, href in people] == [(p.label, p.path) for p in view.people[:3]]
    assert [(name, target(href)) for name, href in places] == [(p.label, p.path) for p in view.places[:3]]
    assert [name for name, _ in people + places] == ["Ann Lee", "Bo Ek", "Cy Orr", "Oslo", "Kyiv", "Lagos"]


def test_documents_and_terms_are_sharded(monkeypatch):
    monkeypatch.setattr(search_index, "DOCS_PER_SHARD", 2)
    monkeypatch.setattr(search_index, "SHARD_BUDGET", 200)
    words = " ".join(f"bl{chr(97 + i)}{chr(97 + j)}" for i in range(6) for j in range(6))
    items = [article(f"a{i}", f"Story {i}", date(2024, 1, i + 1), body=words + " bl") for i in range(5)]
    _, files = index(*items)
    assert sorted(k for kind, k in files if kind == "d") == [0, 1, 2]
    _, manifest = files[("m", "")]
    assert manifest["per"] == 2 and manifest["docs"] == 5
    shards = {k: data for (kind, k), (_, data) in files.items() if kind == "t"}
    assert sorted(shards) == list(range(len(manifest["starts"]))) and len(shards) > 3
    all_terms = [t for data in shards.values() for t in data]
    assert len(all_terms) == len(set(all_terms)), "each term lives in one shard"
    for term in all_terms:
        assert set(postings(files, term)) == set(range(5)), term
        assert [k for k in shards if term in shards[k]] == shards_for(manifest, term)[:1], term
    # A prefix loads every shard holding a term that starts with it, and no other.
    for prefix in ("bla", "blc", "blf", "sto"):
        holding = sorted(k for k, data in shards.items() if any(t.startswith(prefix) for t in data))
        assert shards_for(manifest, prefix) == holding, prefix
    assert len(shards_for(manifest, "bl")) == 1, "a two-letter term matches whole terms only"


def test_terms_sort_as_the_script_compares_strings():
    # U+20000 is two UTF-16 code units starting 0xD840, so JS sorts it before U+FA0E.
    assert sorted(["\ufa0e", "\U00020000", "b", "ab"], key=js_order) == ["ab", "b", "\U00020000", "\ufa0e"]
    _, files = index(article("r", "Жанна в Москве", date(2024, 1, 1)))
    assert postings(files, "жанна") == {0: search_terms.HEADLINE_WEIGHT}


def test_large_archives_leave_out_words_in_most_articles(monkeypatch):
    monkeypatch.setattr(search_index, "COMMON_MIN_DOCS", 4)
    items = [article(f"a{i}", f"Talks {i}", date(2024, 1, i + 1), body="rare" if i == 0 else "") for i in range(5)]
    _, files = index(*items)
    _, manifest = files[("m", "")]
    assert "talks" in manifest["stop"] and postings(files, "talks") == {}
    assert postings(files, "rare") == {4: search_terms.BODY_WEIGHT} and "rare" not in manifest["stop"]
    assert manifest["prefix"] == search_index.MIN_PREFIX
    monkeypatch.setattr(search_index, "COMMON_MIN_DOCS", 6)  # a small archive keeps every word
    assert set(postings(index(*items)[1], "talks")) == set(range(5))


def test_terms_weighed_at_ingest_give_the_index_made_from_the_text():
    items = [article("a", "Talks resume in Lisbon", date(2024, 1, 2), body="Lisbon talks. " * 100, places=["Lisbon"]),
             article("b", "Budget vote", date(2024, 1, 1), standfirst="Talks on the budget", people=["Ann Lee"])]
    weighed = {a.source_path: text_terms(a) for a in items}
    assert index(*items, own_terms=weighed)[1] == index(*items)[1]
    assert postings(index(*items)[1], "lisbon") == {0: search_terms.MAX_WEIGHT}


def test_the_index_uses_the_terms_given_for_an_article():
    item = article("a", "Talks resume", date(2024, 1, 2))
    _, files = index(item, own_terms={item.source_path: text_terms(article("a", "Harbour plan", None))})
    assert postings(files, "harbour") == {0: search_terms.HEADLINE_WEIGHT} and postings(files, "talks") == {}


def test_a_word_in_several_names_adds_up_with_the_text():
    _, files = index(article("a", "Lee wins", date(2024, 1, 2), people=["Ann Lee", "Bob Lee"]), article("b", "Quiet", None))
    assert postings(files, "lee") == {0: 2 * search_terms.ENTITY_WEIGHT + search_terms.HEADLINE_WEIGHT}
    assert postings(files, "bob") == {0: search_terms.ENTITY_WEIGHT}
