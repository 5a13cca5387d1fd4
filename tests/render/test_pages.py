from pathlib import Path

import pytest

from newsgen.config import SiteConfig
from newsgen.errors import NewsgenError
from newsgen.model.site import build_site_model
from newsgen.records import Article, Paragraph, Tweet
from newsgen.render.theme import static_files

from ..conftest import write
from ..rendered import site_texts

PAYLOAD = '<script>alert("x")</script>'


def hostile_article():
    return Article(
        slug="a", headline=PAYLOAD, standfirst=PAYLOAD, date=None, date_inferred=False,
        body=(Paragraph(PAYLOAD), Tweet(text=PAYLOAD, author=PAYLOAD, handle="h", url="https://x.com/h")),
        source_path="seeds/a.txt", word_count=1, reading_minutes=1,
    )


def render(root: Path, articles=()):
    config = SiteConfig(root=root)
    return site_texts(config, build_site_model(config, list(articles), []))


def test_autoescape_keeps_markup_out(tmp_path):
    pages = render(tmp_path, [hostile_article()])
    for html in pages.values():
        assert PAYLOAD not in html
    assert "&lt;script&gt;" in pages["articles/a/index.html"]


def test_site_template_overrides_the_theme_file_by_file(tmp_path):
    write(tmp_path / "templates" / "index.html", '{% extends "base.html" %}{% block content %}MINE{% endblock %}')
    pages = render(tmp_path, [hostile_article()])
    assert "MINE" in pages["index.html"]
    assert 'class="site-header"' in pages["index.html"], "base.html still comes from the theme"
    assert "MINE" not in pages["articles/a/index.html"]


def test_site_static_overrides_the_theme_file_by_file(tmp_path):
    write(tmp_path / "static" / "style.css", "body{}")
    write(tmp_path / "static" / "extra.js", "")
    files = static_files(tmp_path)
    assert files["style.css"] == tmp_path / "static" / "style.css"
    assert "extra.js" in files


def test_template_error_names_template_and_line(tmp_path):
    write(tmp_path / "templates" / "index.html", "line one\n{{ no_such_variable }}\n")
    with pytest.raises(NewsgenError) as info:
        render(tmp_path)
    assert info.value.path.endswith("templates/index.html") and info.value.line == 2


def test_template_syntax_error_names_template_and_line(tmp_path):
    write(tmp_path / "templates" / "index.html", "ok\n\n{% if %}\n")
    with pytest.raises(NewsgenError) as info:
        render(tmp_path)
    assert info.value.path.endswith("index.html") and info.value.line == 3


def test_every_page_has_the_search_form_and_no_inline_code(tmp_path):
    import posixpath
    import re

    pages = render(tmp_path, [hostile_article()])
    html_pages = {path: html for path, html in pages.items() if path.endswith(".html")}
    assert "search/index.html" in html_pages and "search/shards/meta.js" in pages
    for path, html in html_pages.items():
        action = re.search(r'<form class="search-form" role="search" action="([^"]+)"', html).group(1)
        assert posixpath.normpath(posixpath.join(posixpath.dirname(path), action)) == "search/index.html", path
        scripts = re.findall(r"<script[^>]*>", html)
        assert all(" src=" in tag or 'type="application/ld+json"' in tag for tag in scripts), path  # data, not code
        assert not re.search(r"<[^>]*\son[a-z]+=", html), path
    search = html_pages["search/index.html"]
    assert '<script src="../static/search.js" defer>' in search and 'data-manifest="shards/meta.js"' in search


def test_counts_and_page_numbers_in_the_thousands_are_grouped(tmp_path):
    from datetime import date

    from newsgen.records import Entity
    from newsgen.render.pages import make_environment, render_page

    ann = (Entity("Ann Lee", "ann-lee", "person"),)
    articles = [Article(slug=f"a{i}", headline=f"Report {i}", standfirst="", date=date(2024, 1, 1 + i % 28),
                        date_inferred=False, body=(), source_path=f"seeds/a{i}.txt", word_count=1, reading_minutes=1,
                        people=ann) for i in range(20_020)]
    config = SiteConfig(root=tmp_path)
    model = build_site_model(config, articles, [])
    pages = {page.path: page for page in model.pages}
    env = make_environment(tmp_path)
    person = render_page(env, config, model, pages["people/ann-lee/index.html"])
    assert "Mentioned in 20,020 articles" in person and "Page 1 of 1,001" in person
    month = render_page(env, config, model, pages["archive/2024/01/index.html"])
    assert "20,020 articles, newest first" in month


def test_a_count_of_one_article_reads_one_article_on_every_page_that_counts(tmp_path):
    """The A–Z, a person's page, its co-mentions, the archive's years and months and the undated list."""
    from datetime import date

    from newsgen.records import Entity

    people = (Entity("Ann Lee", "ann-lee", "person"), Entity("Bo Ek", "bo-ek", "person"))
    dated = Article(slug="d", headline="Dated", standfirst="", date=date(2024, 1, 2), date_inferred=False, body=(),
                    source_path="seeds/d.txt", word_count=1, reading_minutes=1, people=people)
    pages = render(tmp_path, [dated, hostile_article()])
    texts = {path: " ".join(pages[path].split()) for path in (
        "people/index.html", "people/ann-lee/index.html", "archive/index.html", "archive/2024/index.html",
        "archive/2024/01/index.html", "archive/undated/index.html")}
    assert all("1 articles" not in text for text in texts.values())
    assert '<a href="ann-lee/index.html">Ann Lee</a> <span class="count">1 article</span>' in texts["people/index.html"]
    assert "Mentioned in 1 article," in texts["people/ann-lee/index.html"]
    assert 'Bo Ek <span class="count">1 article</span>' in texts["people/ann-lee/index.html"]
    assert '2024</a> <span class="count">1 article</span>' in texts["archive/index.html"]
    assert 'January</a> <span class="count">1 article</span>' in texts["archive/index.html"]
    assert 'Undated articles</a> <span class="count">1 article</span>' in texts["archive/index.html"]
    assert "<p class=\"meta\">1 article.</p>" in texts["archive/2024/index.html"]
    assert "1 article, newest first." in texts["archive/2024/01/index.html"]
    assert "1 article with no date in their text" in texts["archive/undated/index.html"]


def test_no_a_to_z_page_passes_100_kb_however_many_and_long_the_names(tmp_path):
    """Each initial's names come a page at a time: at 100,000 articles the largest A–Z page is one
    page of names, here of the longest a slug allows, each in 100,000 articles."""
    from newsgen.model.tag_index import LETTER_PAGE_SIZE, tag_index_pages
    from newsgen.model.views import TagView
    from newsgen.records import Entity
    from newsgen.render.pages import make_environment, render_page

    config = SiteConfig(root=tmp_path)
    model = build_site_model(config, [hostile_article()], [])
    many = (None,) * 100_000  # only their number is shown
    tags = [TagView(Entity(name, name.lower(), "person"), f"people/{name.lower()}/index.html", many)
            for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            for name in (f"Ann {letter}{n:05d}{'x' * 74}" for n in range(3 if letter != "M" else 3 * LETTER_PAGE_SIZE))]
    pages = tag_index_pages("person", "People", tags)
    env = make_environment(config.root)
    sizes = {page.path: len(render_page(env, config, model, page).encode()) for page in pages}
    assert len(sizes) == 1 + 26 + 2  # the front page, an initial each, and M's pages 2 and 3
    assert max(sizes.values()) < 100_000, max(sizes.items(), key=lambda item: item[1])


def _item_names(html: str, page: str) -> list[tuple[str, str]]:
    """Each list item's people and places on `page`: (name, the site path its link leads to)."""
    import posixpath
    import re

    found = []
    for line in re.findall(r'<p class="item-names">(.*?)</p>', html, re.DOTALL):
        for href, name in re.findall(r'<a href="([^"]+)">([^<]+)</a>', line):
            found.append((name, posixpath.normpath(posixpath.join(posixpath.dirname(page), href))))
    return found


def test_list_items_on_every_kind_of_list_show_the_first_three_people_and_places_as_links(tmp_path):
    from datetime import date

    from newsgen.records import Entity

    people = tuple(Entity(n, n.lower().replace(" ", "-"), "person") for n in ("Ann Lee", "Bo Ek", "Cy Orr", "Di Fox"))
    places = tuple(Entity(n, n.lower(), "place") for n in ("Oslo", "Lagos", "Kyiv", "Accra"))
    named = Article(slug="n", headline="Named", standfirst="", date=date(2024, 1, 2), date_inferred=False, body=(),
                    source_path="seeds/business/n.txt", word_count=1, reading_minutes=1, people=people,
                    places=places, section="Business")
    pages = render(tmp_path, [named, hostile_article()])
    shown = [("Ann Lee", "people/ann-lee/index.html"), ("Bo Ek", "people/bo-ek/index.html"),
             ("Cy Orr", "people/cy-orr/index.html"), ("Oslo", "places/oslo/index.html"),
             ("Lagos", "places/lagos/index.html"), ("Kyiv", "places/kyiv/index.html")]
    for page in ("index.html", "sections/business/index.html", "archive/2024/01/index.html",
                 "people/di-fox/index.html", "places/accra/index.html"):
        assert _item_names(pages[page], page) == shown, page
    assert all(path in pages for _, path in shown)
    assert '<p class="item-names">' not in pages["archive/undated/index.html"]  # an item naming no one: no line


def test_no_month_page_passes_100_kb_however_busy_the_month_and_long_its_lines(tmp_path):
    """A month's lines come a page at a time: at 100,000 articles a month has ~330; here 400, each
    with a long headline and three people and three places of long names."""
    from datetime import date

    from newsgen.model.archives import MONTH_PAGE_SIZE
    from newsgen.records import Entity
    from newsgen.render.pages import make_environment, render_page

    def named(kind: str, n: int) -> tuple[Entity, ...]:
        return tuple(Entity(f"{kind.title()} {n % 50:02d}{i}{'x' * 60}", f"{kind}-{n % 50}-{i}{'x' * 60}", kind)
                     for i in range(3))

    articles = [Article(slug=f"a{i}", headline=f"Report {i} " + "word " * 40, standfirst="", date=date(2024, 1, 1 + i % 28),
                        date_inferred=False, body=(), source_path=f"seeds/a{i}.txt", word_count=1, reading_minutes=1,
                        people=named("person", i), places=named("place", i)) for i in range(400)]
    config = SiteConfig(root=tmp_path)
    model = build_site_model(config, articles, [])
    env = make_environment(config.root)
    sizes = {page.path: len(render_page(env, config, model, page).encode())
             for page in model.pages if page.template == "archive_month.html"}
    assert len(sizes) == -(-400 // MONTH_PAGE_SIZE)
    assert max(sizes.values()) < 100_000, max(sizes.items(), key=lambda item: item[1])
