"""The reader's pages of issue #28 in a real browser: the A–Z by initial, numbered pagination,
and entity pages with their description, other spellings and co-mentions.

Each runs from file:// and from a sub-path of a local server with a strict CSP; every new
kind of page is checked with axe in light and dark colour schemes, at 320 px wide (a
screenshot kept in test-artifacts/), and by the Nu Html Checker.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ..conftest import write
from ..sitegen import PEOPLE
from . import test_browser
from .browsing import axe_violations, overflowing_at_320_pixels, serving_under_subpath
from .test_html_validity import nu_errors

browser, page = test_browser.browser, test_browser.page  # its fixtures: a chromium, and a page that fails on errors
ARTIFACTS = test_browser.ARTIFACTS

# One article a page, so 112 articles make a home page list of 112 pages: "page 57 of 112".
ARTICLES = {"business": 70, "tech": 42}
PAGES = sum(ARTICLES.values())
CURATION = """\
entities:
  - name: Olena Petrenko
    kind: person
    aliases: [Ms Petrenko]
    description: Trade envoy who leads the talks on grain exports.
"""
# 310 people whose surnames start with K, two seeds of them: more than a page of one initial
# holds (`LETTER_PAGE_SIZE`), and fewer in a seed than a seed keeps (200).
K_PEOPLE = [f"{first} {start}{middle}{end}".title() for end in ("na", "ro", "va", "li", "de", "su", "to", "ba")
            for middle in ("lo", "mi", "ter", "san", "vo", "rel", "dun", "pha")
            for start, first in zip(("ka", "ko", "ki", "ku", "ke"), ("Ada", "Ben", "Cleo", "Dora", "Emil"))][:310]
# The pages of each new kind, relative to the site.
NEW_KINDS = {
    "A–Z front": "people/index.html",
    "places A–Z front": "places/index.html",
    "letter page": "people/l/index.html",
    "letter page 2+": "people/k/page/2/index.html",
    "list page 2+": "page/57/index.html",
    "entity page": "people/olena-petrenko/index.html",
    "entity page 2+": "people/olena-petrenko/page/2/index.html",
    "section page": "sections/business/index.html",
    "section page 2+": "sections/tech/page/3/index.html",
}


@pytest.fixture(scope="module")
def reader_site(tmp_path_factory) -> Path:
    """112 generated articles in two sections, one a page, with an editor's entry for Olena
    Petrenko and an article that calls her Ms Petrenko, and two more that name the K_PEOPLE
    (entries too, so each is found); built."""
    from newsgen.build import build
    from newsgen.config import load_config

    from ..sitegen import write_archive

    root = tmp_path_factory.mktemp("reader")
    write(root / "newsgen.yaml", "title: Reader test archive\npage_size: 1\n")
    write(root / "content" / "entities.yaml", CURATION + "".join(f"  - name: {n}\n    kind: person\n" for n in K_PEOPLE))
    for half in (0, 1):
        names = K_PEOPLE[half::2]
        write(root / "seeds" / "tech" / f"roll-call-{half}.txt", f"Roll call {half}\nA standfirst.\nPublished 4 May 2021\n"
              + "\n".join(f"{name} spoke." for name in names) + "\n")
    for number, (section, count) in enumerate(ARTICLES.items(), start=1):
        write_archive(root / "seeds" / section, count - 3 * (section == "tech"), seed=number)  # 3 written here
    write(root / "seeds" / "tech" / "envoy.txt", "The envoy at home\nA standfirst.\nPublished 3 March 2021\n"
          "Olena Petrenko spoke in Oslo with Henrik Larsen. Ms Petrenko said little else.\n")
    report = build(load_config(root))
    assert report.dropped == [], report.dropped
    return root / "site"


@pytest.fixture(scope="module")
def reader_served(reader_site, tmp_path_factory):
    with serving_under_subpath(reader_site, tmp_path_factory.mktemp("served")) as url:
        yield url


@pytest.fixture(params=["file", "http"])
def at(request, reader_site):
    """The URL of a page of the reader site (a path relative to it), from file:// or the sub-path."""
    if request.param == "file":
        return lambda path: f"{reader_site.as_uri()}/{path}"
    served = request.getfixturevalue("reader_served")
    return lambda path: served + path


def folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def test_the_jump_bar_leads_to_each_initial_and_lists_people_by_surname(page, at):
    page.goto(at("people/index.html"))
    jump_bar = page.get_by_role("navigation", name="People by initial")
    letters = jump_bar.get_by_role("link").all_inner_texts()
    surnames = {folded(name.split()[-1])[0].upper() for name in PEOPLE}
    assert surnames <= set(letters), letters  # Álvarez is under A, as surnames are
    for letter in letters:
        page.get_by_role("navigation", name="People by initial").get_by_role("link", name=letter, exact=True).click()
        assert page.url == at(f"people/{letter.lower()}/index.html")
        assert page.locator("h1").inner_text() == f"People: {letter}"
        jump_bar = page.get_by_role("navigation", name="People by initial")
        assert jump_bar.locator("[aria-current=page]").inner_text() == letter
        names = page.locator("main .tag-index a").all_inner_texts()
        keys = [(folded(name.split()[-1]), folded(name)) for name in names]
        assert names and all(key[0].startswith(letter.lower()) for key in keys), (letter, names)
        assert keys == sorted(keys), (letter, names)
    page.goto(at("people/l/index.html"))
    assert page.locator("main .tag-index a").all_inner_texts() == ["Henrik Larsen", "Maria Lopez"]
    assert page.get_by_role("navigation", name="Pages").count() == 0
    page.goto(at("people/h/index.html"))
    assert "Henrik Larsen" not in page.locator("main .tag-index").inner_text()  # not by first name
    page.locator("main .tag-index a", has_text="Ahmed Hassan").click()
    assert page.url == at("people/ahmed-hassan/index.html") and page.locator("h1").inner_text() == "Ahmed Hassan"
    page.locator(".kicker a").click()
    assert page.url == at("people/index.html")


def test_an_initial_of_more_names_than_a_page_holds_goes_on_in_order_on_its_next_page(page, at):
    page.goto(at("people/k/index.html"))
    first = page.locator("main .tag-index a").all_inner_texts()
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next →").click()
    assert page.url == at("people/k/page/2/index.html") and page.title().startswith("People: K — page 2 — ")
    # K is the initial shown, but its link leads to page 1, not to this page
    assert page.get_by_role("navigation", name="People by initial").locator("[aria-current=true]").inner_text() == "K"
    second = page.locator("main .tag-index a").all_inner_texts()
    assert set(K_PEOPLE) <= set(first + second) and len(first) > len(second) > 0
    keys = [(folded(name.split()[-1]), folded(name)) for name in first + second]
    assert keys == sorted(keys)
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="← Previous").click()
    assert page.url == at("people/k/index.html")


def _pages_nav(page):
    return page.get_by_role("navigation", name="Pages")


def _shown(page) -> int:
    """The number of the page open, as its pagination marks it; checked against its URL and title."""
    number = int(_pages_nav(page).locator("[aria-current=page]").inner_text())
    assert f"Page {number} of {PAGES}" in _pages_nav(page).inner_text()
    if number > 1:
        assert page.url.endswith(f"/page/{number}/index.html")
        assert page.locator("h1").inner_text() == f"Latest articles — page {number}"
        assert page.title() == f"Latest articles — page {number} — Reader test archive"
    return number


def test_pagination_has_first_previous_a_window_next_and_last_and_reaches_any_page_in_two_clicks(page, at):
    page.goto(at("index.html"))
    assert _shown(page) == 1 and _pages_nav(page).locator("a[rel=prev]").count() == 0
    _pages_nav(page).get_by_role("link", name="Page 57", exact=True).click()
    assert _shown(page) == 57
    nav = _pages_nav(page)
    for number in range(55, 60):
        if number != 57:
            assert nav.get_by_role("link", name=f"Page {number}", exact=True).is_visible()
    nav.locator("a[rel=next]").click()
    assert _shown(page) == 58
    _pages_nav(page).locator("a[rel=prev]").click()
    assert _shown(page) == 57
    _pages_nav(page).get_by_role("link", name=f"Page {PAGES}, the last").click()
    assert _shown(page) == PAGES and _pages_nav(page).locator("a[rel=next]").count() == 0
    # From the last page, page 57 is two clicks away: the nearest number offered, then 57.
    offered = [int(n) for n in _pages_nav(page).locator("a:not([rel])").all_inner_texts()]
    _pages_nav(page).get_by_role("link", name=f"Page {min(offered, key=lambda n: abs(n - 57))}", exact=True).click()
    _pages_nav(page).get_by_role("link", name="Page 57", exact=True).click()
    assert _shown(page) == 57
    _pages_nav(page).get_by_role("link", name="Page 1, the first").click()
    assert _shown(page) == 1 and page.url == at("index.html")


def test_an_entity_page_shows_its_description_other_spellings_and_co_mentions_apart(page, at):
    page.goto(at("people/henrik-larsen/index.html"))
    page.locator(".tag-list a", has_text="Olena Petrenko").click()
    assert page.url == at("people/olena-petrenko/index.html")
    main = page.locator("main")
    assert main.locator(".standfirst").first.inner_text() == "Trade envoy who leads the talks on grain exports."
    assert "Ms Petrenko" in main.locator(".aliases").inner_text().removeprefix("Also written ").rstrip(".").split(", ")
    co_mentions = page.get_by_role("region", name="Often mentioned with")
    assert co_mentions.locator("h3").all_inner_texts() == ["People", "Places"]
    co_mentions.locator("ul").nth(1).get_by_role("link", name="Oslo").click()
    assert page.url == at("places/oslo/index.html")


@pytest.mark.parametrize("where", ["file", "http"])
def test_at_320_pixels_wide_the_new_pages_fit_the_viewport(browser, reader_site, reader_served, where):
    """No element past the right edge, and a full-page screenshot no wider (kept in test-artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    root = reader_site.as_uri() + "/" if where == "file" else reader_served
    kinds = ("A–Z front", "letter page", "list page 2+", "entity page")
    urls = {f"{kind.replace(' ', '-').replace('–', '-')}-{where}": root + NEW_KINDS[kind] for kind in kinds}
    assert overflowing_at_320_pixels(browser, urls, ARTIFACTS) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_new_kinds_of_page_have_no_axe_violations(browser, reader_site, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    found = []
    for path in NEW_KINDS.values():
        page.goto(f"{reader_site.as_uri()}/{path}")
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
        found += axe_violations(page, path)
    context.close()
    assert found == []


def test_the_new_kinds_of_page_have_no_nu_errors(reader_site):
    assert nu_errors([str(reader_site / path) for path in NEW_KINDS.values()]) == []
