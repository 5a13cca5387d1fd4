import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsgen.config import SiteConfig
from newsgen.errors import NewsgenError
from newsgen.model.listing import list_articles
from newsgen.model.site import build_site_model
from newsgen.records import Article, ContentPage, Entity


def article(slug, when=None, source=None, people=(), places=()):
    return Article(
        slug=slug, headline=slug.title(), standfirst="", date=when, date_inferred=False, body=(),
        source_path=source or f"seeds/{slug}.txt", word_count=0, reading_minutes=1,
        people=tuple(Entity(n, n.lower().replace(" ", "-"), "person") for n in people),
        places=tuple(Entity(n, n.lower().replace(" ", "-"), "place") for n in places),
    )


def config(**kw):
    return SiteConfig(root=Path("/x"), **kw)


def test_newest_first_and_undated_last():
    model = build_site_model(config(), [
        article("old", date(2020, 1, 1)), article("undated"), article("new", date(2024, 5, 1)),
    ], [])
    assert [v.article.slug for v in model.articles] == ["new", "old", "undated"]


def test_pagination_paths_and_links():
    items = [article(f"a{i:02d}", date(2024, 1, i + 1)) for i in range(5)]
    model = build_site_model(config(page_size=2), items, [])
    index_pages = [p for p in model.pages if p.template == "index.html"]
    assert [p.path for p in index_pages] == ["index.html", "page/2/index.html", "page/3/index.html"]
    second = index_pages[1].context["pagination"]
    assert (second.previous, second.next, second.total) == ("index.html", "page/3/index.html", 3)
    assert [v.article.slug for v in index_pages[2].context["items"]] == ["a00"]


def test_later_home_pages_are_titled_latest_articles_with_their_number():
    items = [article(f"a{i:02d}", date(2024, 1, i + 1)) for i in range(5)]
    model = build_site_model(config(title="The Daily", page_size=2), items, [])
    titles = [p.title for p in model.pages if p.template == "index.html"]
    assert titles == ["The Daily", "Latest articles — page 2", "Latest articles — page 3"]


def test_long_lists_link_first_last_a_window_and_the_middle_of_each_gap():
    items = [article(f"a{i:03d}", date(2020, 1, 1) + timedelta(days=i)) for i in range(112)]
    pages = [p for p in build_site_model(config(page_size=1), items, []).pages if p.template == "index.html"]
    numbers = {p.context["pagination"].number: p.context["pagination"].numbers for p in pages}
    assert [n.number for n in numbers[57]] == [1, 28, 55, 56, 57, 58, 59, 85, 112]
    assert [n.number for n in numbers[1]] == [1, 2, 3, 57, 112]  # page 57 is one click from the first
    assert [n.number for n in numbers[112]] == [1, 55, 110, 111, 112]
    assert [n.path for n in numbers[57] if n.number in (1, 57, 58, 112)] == [
        "index.html", "", "page/58/index.html", "page/112/index.html"]
    assert max(len(n) for n in numbers.values()) == 9


def test_short_lists_link_every_page_with_no_gap_of_one():
    assert [n.number for n in page_numbers_of(5, 1)] == [1, 2, 3, 4, 5]
    assert [n.number for n in page_numbers_of(1, 1)] == [1]


def page_numbers_of(total, number):
    items = [article(f"a{i:02d}", date(2024, 1, i + 1)) for i in range(total)]
    pages = [p for p in build_site_model(config(page_size=1), items, []).pages if p.template == "index.html"]
    return pages[number - 1].context["pagination"].numbers


def test_colliding_slugs_get_stable_distinct_paths():
    model = build_site_model(config(), [article("same", source="seeds/b.txt"), article("same", source="seeds/a.txt")], [])
    by_source = {v.article.source_path: v.path for v in model.articles}
    assert by_source == {"seeds/a.txt": "articles/same/index.html", "seeds/b.txt": "articles/same-2/index.html"}


def test_registered_sources_keep_their_slugs_and_new_ones_take_none_of_them():
    items = [article("same", source="seeds/a.txt"), article("same", source="seeds/b.txt"),
             article("same", source="seeds/c.txt"), article("other", source="seeds/d.txt")]
    registered = {"seeds/b.txt": "same", "seeds/c.txt": "same-2", "seeds/d.txt": "same-3", "seeds/gone.txt": "same-4"}
    listing = list_articles(items, registered)
    assert {v.article.source_path: v.path for v in listing.views} == {
        "seeds/a.txt": "articles/same-4/index.html", "seeds/b.txt": "articles/same/index.html",
        "seeds/c.txt": "articles/same-2/index.html", "seeds/d.txt": "articles/same-3/index.html"}
    assert listing.slugs == {"seeds/a.txt": "same-4", "seeds/b.txt": "same", "seeds/c.txt": "same-2",
                             "seeds/d.txt": "same-3"}


def test_two_pages_with_one_slug_keep_the_first_by_path_and_warn_naming_both():
    second = ContentPage("about", "About us", "<p>second</p>", "content/pages/b.md")
    first = ContentPage("about", "About", "<p>first</p>", "content/pages/a.md")
    model = build_site_model(config(), [], [second, first])
    assert [p.context["content"] for p in model.pages if p.path == "about/index.html"] == [first]
    assert [l.label for l in model.menu if l.path == "about/index.html"] == ["About"]
    assert [(w.path, "content/pages/a.md" in w.message) for w in model.warnings if "slug" in w.message] == [
        ("content/pages/b.md", True)]


def test_tag_pages_list_articles_newest_first_with_letter_index():
    model = build_site_model(config(), [
        article("x", date(2020, 1, 1), people=["Ann Lee"], places=["Oslo"]),
        article("y", date(2021, 1, 1), people=["Ann Lee", "Bo Ek"]),
    ], [])
    ann = next(t for t in model.people if t.entity.name == "Ann Lee")
    assert ann.path == "people/ann-lee/index.html"
    assert [v.article.slug for v in ann.articles] == ["y", "x"]
    people_index = next(p for p in model.pages if p.path == "people/index.html")
    assert [(l.label, l.count) for l in people_index.context["top"]] == [("Ann Lee", 2), ("Bo Ek", 1)]
    assert [(l.label, l.path) for l in people_index.context["letters"]] == [
        ("E", "people/e/index.html"), ("L", "people/l/index.html")]  # by surname
    assert [t.entity.name for t in model.places] == ["Oslo"]


def test_canonical_urls_only_with_base_url():
    plain = build_site_model(config(), [article("a")], [])
    assert all(p.canonical == "" for p in plain.pages)
    based = build_site_model(config(base_url="https://e.org/news/"), [article("a")], [])
    assert {p.path: p.canonical for p in based.pages}["articles/a/index.html"] == "https://e.org/news/articles/a/"


def test_content_pages_join_the_menu_and_reserved_slugs_are_refused():
    about = ContentPage("about", "About", "<p>x</p>", "content/about.md")
    model = build_site_model(config(), [], [about])
    assert [l.path for l in model.menu][-1] == "about/index.html"
    with pytest.raises(NewsgenError, match="reserved"):
        build_site_model(config(), [], [ContentPage("people", "People", "", "content/people.md")])


def test_the_menu_links_only_so_many_pages_and_warns_of_the_others():
    pages = [ContentPage(f"p{i:02d}", f"Page {i:02d}", "", f"content/p{i:02d}.md") for i in range(40)]
    model = build_site_model(config(), [], pages)
    linked = [l.label for l in model.menu][4:]
    assert 0 < len(linked) < 20 and linked == [p.title for p in pages[:len(linked)]]
    assert [w.path for w in model.warnings if "menu" in w.message] == [p.source_path for p in pages[len(linked):]]
    assert {p.path for p in model.pages} >= {f"p{i:02d}/index.html" for i in range(40)}


def test_article_pages_get_neighbours_and_related_articles():
    model = build_site_model(config(), [
        article("a", date(2024, 1, 1), people=["Ann Lee"]), article("b", date(2024, 2, 1), places=["Oslo"]),
        article("c", date(2024, 3, 1), people=["Ann Lee"], places=["Oslo"]), article("d", date(2024, 4, 1)),
    ], [])
    pages = {p.path: p.context for p in model.pages if p.template == "article.html"}
    c = pages["articles/c/index.html"]
    assert (c["newer"].article.slug, c["older"].article.slug) == ("d", "b")
    assert [v.article.slug for v in c["related"]] == ["b", "a"]
    assert pages["articles/d/index.html"]["related"] == ()


def test_articles_naming_the_same_person_share_one_link():
    model = build_site_model(config(), [article("a", date(2024, 1, 1), people=["Ann Lee"]),
                                        article("b", date(2024, 2, 1), people=["Ann Lee"])], [])
    first, second = model.articles
    assert first.people == second.people and first.people[0] is second.people[0]


def test_tag_pages_get_co_mentions_dates_timeline_and_feed():
    model = build_site_model(config(), [
        article("a", date(2024, 1, 1), people=["Ann Lee", "Bo Ek"], places=["Oslo"]),
        article("b", date(2024, 3, 5), people=["Ann Lee"], places=["Oslo"]),
    ], [])
    profile = next(p for p in model.pages if p.path == "people/ann-lee/index.html").context["profile"]
    assert [(l.label, l.path, l.count) for l in profile.people_with] == [("Bo Ek", "people/bo-ek/index.html", 1)]
    assert [(l.label, l.path, l.count) for l in profile.places_with] == [("Oslo", "places/oslo/index.html", 2)]
    assert (profile.first, profile.last) == (date(2024, 1, 1), date(2024, 3, 5))
    assert profile.timeline.start_label == "Jan 2024" and profile.feed_path == "people/ann-lee/feed.xml"
    assert [f.path for f in model.feeds] == ["feed.xml", "people/ann-lee/feed.xml", "people/bo-ek/feed.xml",
                                             "places/oslo/feed.xml"]


def test_an_entity_with_no_dated_article_has_no_feed_and_its_profile_names_none():
    model = build_site_model(config(), [article("a", date(2024, 1, 1), people=["Ann Lee"]),
                                        article("b", people=["Ann Lee", "Bo Ek"])], [])
    profiles = {p.path: p.context["profile"] for p in model.pages if p.template == "tag.html"}
    assert profiles["people/ann-lee/index.html"].feed_path == "people/ann-lee/feed.xml"
    assert profiles["people/bo-ek/index.html"].feed_path == "" and profiles["people/bo-ek/index.html"].first is None
    assert [f.path for f in model.feeds] == ["feed.xml", "people/ann-lee/feed.xml"]


def test_a_profile_shows_the_other_spellings_that_named_it_most_used_first():
    def named(slug, *mentions):
        return Article(**{**article(slug, date(2024, 1, 1)).__dict__,
                          "people": (Entity("Tony Blair", "tony-blair", "person", mentions),)})

    model = build_site_model(config(), [named("a", "Tony Blair", "Blair"), named("b", "Mr Blair", "BLAIR"),
                                        named("c", "TONY BLAIR", "Mr Blair")], [])
    profile = next(p for p in model.pages if p.path == "people/tony-blair/index.html").context["profile"]
    assert profile.aliases == ("Blair", "Mr Blair")  # "TONY BLAIR" is its name; Blair and BLAIR, one in two articles


def test_a_tag_list_that_runs_from_dated_to_undated_says_where_on_the_page_it_turns():
    items = [article(f"d{i}", date(2024, 1, i + 1), people=["Ann Lee"]) for i in range(3)]
    items += [article(f"u{i}", people=["Ann Lee", "Bo Ek"]) for i in range(3)]
    model = build_site_model(config(page_size=2), items, [])
    turns = {p.path: p.context["undated_from"] for p in model.pages if p.template == "tag.html"}
    assert turns == {"people/ann-lee/index.html": None, "people/ann-lee/page/2/index.html": 1,
                     "people/ann-lee/page/3/index.html": None, "people/bo-ek/index.html": None,
                     "people/bo-ek/page/2/index.html": None}  # Bo Ek's list is all undated: no turn


def test_a_profile_counts_an_article_once_however_often_it_names_someone():
    twice = article("a", date(2024, 1, 1), people=["Ann Lee"], places=["Oslo"])
    twice = Article(**{**twice.__dict__, "places": (Entity("Oslo", "oslo", "place", ("Oslo",)),
                                                    Entity("Oslo", "oslo", "place", ("OSLO",)))})
    model = build_site_model(config(), [twice], [])
    profile = next(p for p in model.pages if p.path == "people/ann-lee/index.html").context["profile"]
    assert [(link.label, link.count) for link in profile.co_mentions] == [("Oslo", 1)]


def test_menu_links_the_archive():
    assert "archive/index.html" in [l.path for l in build_site_model(config(), [], []).menu]


def test_busy_tag_pages_are_paginated_like_the_index():
    items = [article(f"a{i:02d}", date(2024, 1, i + 1), people=["Ann Lee"]) for i in range(5)]
    model = build_site_model(config(page_size=2), items, [])
    pages = [p for p in model.pages if p.template == "tag.html"]
    assert [p.path for p in pages] == [
        "people/ann-lee/index.html", "people/ann-lee/page/2/index.html", "people/ann-lee/page/3/index.html",
    ]
    middle = pages[1].context["pagination"]
    assert (middle.previous, middle.next) == ("people/ann-lee/index.html", "people/ann-lee/page/3/index.html")
    assert [v.article.slug for p in pages for v in p.context["items"]] == ["a04", "a03", "a02", "a01", "a00"]
    assert pages[1].title == "Ann Lee — page 2"


def test_a_memo_from_the_last_build_gives_the_same_model_and_follows_changes(tmp_path):
    from newsgen.util.memo import ResultMemo

    def contexts(model):
        return {p.path: (p.context.get("related"), p.context.get("profile")) for p in model.pages}

    before = [article("a", date(2024, 1, 1), people=["Ann Lee", "Bo Ek"]), article("b", date(2024, 2, 1), people=["Ann Lee"]),
              article("c", date(2024, 3, 1), people=["Bo Ek"], places=["Oslo"])]
    after = before[:2] + [article("c", date(2024, 3, 1), people=["Ann Lee"], places=["Oslo"])]
    memo = ResultMemo(tmp_path / "memo.pickle", "code")
    build_site_model(config(), before, [], memo)
    memo.save()
    for articles in (before, after):
        remembered = build_site_model(config(), articles, [], ResultMemo(tmp_path / "memo.pickle", "code"))
        assert contexts(remembered) == contexts(build_site_model(config(), articles, []))
    ann = next(p for p in remembered.pages if p.path == "people/ann-lee/index.html")
    assert [(link.label, link.count) for link in ann.context["profile"].co_mentions] == [("Bo Ek", 1), ("Oslo", 1)]


def test_related_articles_counted_in_another_process_are_the_same(monkeypatch):
    from newsgen.model import site as site_model

    monkeypatch.setattr(site_model, "RELATED_IN_BACKGROUND_FROM", 1)
    counted_in = []
    real = site_model.related_articles
    monkeypatch.setattr(site_model, "related_articles", lambda keys, **options: counted_in.append(os.getpid()) or real(keys, **options))
    items = [article(f"a{i}", date(2024, 1, 1 + i % 28), people=[f"P{i % 3}"], places=[f"L{i % 4}"]) for i in range(30)]
    alone, spread = (build_site_model(config(), items, [], jobs=jobs) for jobs in (1, 2))
    assert counted_in == [os.getpid()]  # the one in another process was counted there
    assert [(p.path, p.context) for p in alone.pages] == [(p.path, p.context) for p in spread.pages]
    assert any(p.context.get("related") for p in alone.pages)  # there is something to compare


def filed(slug, section, when=None):
    from newsgen.records import replaced

    return replaced(article(slug, when, source=f"seeds/{section or 'x'}/{slug}.txt"), section=section)


def test_sections_get_paginated_pages_feeds_and_menu_entries_in_name_order():
    items = [filed(f"b{i}", "Business", date(2024, 1, i + 1)) for i in range(3)] + [
        filed("t0", "Tech", date(2024, 2, 1)), filed("flat", "", date(2024, 3, 1))]
    model = build_site_model(config(page_size=2, base_url="https://example.org/"), items, [])
    pages = {p.path: p for p in model.pages if p.template == "section.html"}
    assert list(pages) == ["sections/business/index.html", "sections/business/page/2/index.html",
                           "sections/tech/index.html"]
    assert [v.article.slug for v in pages["sections/business/index.html"].context["items"]] == ["b2", "b1"]
    assert pages["sections/business/page/2/index.html"].title == "Business — page 2"
    assert [(l.label, l.path) for l in model.section_links] == [
        ("Business", "sections/business/index.html"), ("Tech", "sections/tech/index.html")]
    feeds = {f.path: f for f in model.feeds}
    assert [v.article.slug for v in feeds["sections/business/feed.xml"].entries] == ["b2", "b1", "b0"]
    assert feeds["sections/tech/feed.xml"].page_path == "sections/tech/index.html"
    by_slug = {v.article.slug: v.section for v in model.articles}
    assert by_slug["t0"].path == "sections/tech/index.html" and by_slug["flat"] is None
    assert {"sections/business/index.html", "sections/tech/index.html"} <= {e.path for e in model.sitemap}


def test_an_archive_filed_in_no_folder_has_no_sections():
    model = build_site_model(config(), [article("a", date(2024, 1, 1)), article("b")], [])
    assert model.sections == () and model.section_links == ()
    assert not [p for p in model.pages if p.path.startswith("sections/")]
    assert not [f for f in model.feeds if f.path.startswith("sections/")]


def test_sections_whose_names_slugify_alike_get_distinct_pages():
    model = build_site_model(config(), [filed("a", "World news"), filed("b", "World-News")], [])
    assert sorted(l.path for l in model.section_links) == ["sections/world-news-2/index.html",
                                                           "sections/world-news/index.html"]


def test_a_listed_articles_section_is_part_of_what_lists_show_of_it():
    view, = build_site_model(config(), [filed("a", "Tech")], []).articles
    assert view.section in view.list_fields


def test_a_page_slug_cannot_take_the_sections_folder():
    page = ContentPage(slug="sections", title="Sections", html="", source_path="content/sections.md")
    with pytest.raises(NewsgenError, match="reserved"):
        build_site_model(config(), [], [page])
