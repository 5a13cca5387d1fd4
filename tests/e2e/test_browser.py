"""The built site in a real browser: Debian's chromium driven by Playwright.

Navigation and search run from file:// and from a local server that puts the
site under a sub-path with a strict Content-Security-Policy header; axe-core
checks every kind of page for accessibility in light and dark colour schemes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import HOSTILE_TITLE, REPO, one_page_per_type, require
from .browsing import axe_violations, overflowing_at_320_pixels, serving_under_subpath

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing (pip install -e '.[test]')")
expect = sync_api.expect

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    require(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install chromium chromium-driver)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records script errors, console errors and CSP violations."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.problems.append(f"{message.text} {message.location}"))
    yield page
    context.close()
    assert page.problems == []


@pytest.fixture(scope="module")
def served(archive_site, tmp_path_factory):
    """The site under http://127.0.0.1:<free port>/archive/, with a CSP header that forbids inline script."""
    with serving_under_subpath(archive_site, tmp_path_factory.mktemp("served")) as url:
        yield url


def search(page, start_url: str, query: str) -> list[str]:
    """Type `query` in the header box of `start_url`, submit, and return the result headlines."""
    page.goto(start_url)
    page.fill("#site-search", query)
    page.press("#site-search", "Enter")
    page.locator("#search-status", has_text="found").wait_for()
    return page.locator("#search-results .article-item-title").all_inner_texts()


def test_click_from_index_to_article_to_person_and_back(page, archive_site):
    index = archive_site.as_uri() + "/index.html"
    page.goto(index)
    first = page.locator(".article-list .article-item-title a").first
    headline = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == headline and "/articles/" in page.url
    article_url = page.url
    person = page.locator(".tags a[href*='people/']").first
    name = person.inner_text()
    person.click()
    assert page.locator("h1").inner_text() == name and "/people/" in page.url
    assert headline in page.locator(".article-list").inner_text()
    page.go_back()
    assert page.url == article_url
    page.go_back()
    assert page.url == index



def test_numbered_pages_reach_the_last_and_the_middle_in_a_click(page, archive_site):
    page.goto(archive_site.as_uri() + "/index.html")
    pages = page.get_by_role("navigation", name="Pages")
    total = 1 + len(list((archive_site / "page").iterdir()))
    assert pages.locator("[aria-current=page]").inner_text() == "1" and total > 10
    pages.get_by_role("link", name=f"Page {total}, the last").click()
    assert page.locator("h1").inner_text() == f"Latest articles — page {total}"
    assert page.title() == f"Latest articles — page {total} — {page.locator('.site-title').inner_text()}"
    middle = (1 + total - 2) // 2
    page.get_by_role("navigation", name="Pages").get_by_role("link", name=f"Page {middle}", exact=True).click()
    assert page.url.endswith(f"/page/{middle}/index.html")
    pages = page.get_by_role("navigation", name="Pages")
    assert pages.locator("[aria-current=page]").inner_text() == str(middle)
    assert pages.get_by_role("link", name=f"Page {middle + 2}", exact=True).is_visible()
    pages.get_by_role("link", name="Page 1, the first").click()
    assert page.url.endswith("/index.html") and "/page/" not in page.url

@pytest.mark.parametrize("where", ["file", "http"])
def test_search_finds_the_article_by_name(page, archive_site, served, where):
    start = archive_site.as_uri() + "/index.html" if where == "file" else served + "people/index.html"
    assert search(page, start, "blink")[0].startswith("'Illusion or optimism': Blinken heads to Tel Aviv")
    assert page.locator("#search-results mark").first.inner_text() == "Blinken"
    assert page.title().startswith("“blink” — Search")
    headlines = search(page, start, "olena petr nairobi")
    assert "Olena Petrenko" in headlines[0] and "Nairobi" in headlines[0]
    assert all("Nairobi" in h for h in headlines)
    page.locator("#search-results a").first.click()
    assert page.locator("h1").inner_text() == headlines[0]
    body = page.locator("main").inner_text()
    assert "Olena Petrenko" in body and "Nairobi" in body
    if where == "http":
        assert page.url.startswith(served + "articles/")


def test_search_ignores_accents_and_case_and_shows_date_and_standfirst(page, archive_site):
    headlines = search(page, archive_site.as_uri() + "/index.html", "ALVAREZ")
    in_headline = ["José Álvarez" in h for h in headlines]
    assert in_headline[0] and in_headline == sorted(in_headline, reverse=True)  # headline matches rank first
    first = page.locator("#search-results li").first
    assert first.locator("mark").first.inner_text() == "Álvarez"
    assert first.locator("time").get_attribute("datetime")
    assert first.locator(".standfirst").inner_text().startswith("The meeting in")


def test_a_search_result_shows_its_first_people_and_places_as_links_that_work_from_file_urls(page, archive_site):
    search(page, archive_site.as_uri() + "/index.html", "olena petr nairobi")
    first = page.locator("#search-results li").first
    names = first.locator(".item-names a")
    labels = names.all_inner_texts()
    assert "Olena Petrenko" in labels and "Nairobi" in labels and len(labels) <= 6
    names.filter(has_text="Nairobi").click()
    assert page.url.startswith("file://") and page.url.endswith("/places/nairobi/index.html")
    assert page.locator("h1").inner_text() == "Nairobi"


def test_a_search_loads_only_this_sites_files_and_few_shards(page, served):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    search(page, served + "index.html", "henrik lars")
    assert requested and all(url.startswith(served) for url in requested), "no other host, ever"
    shards = [url[len(served + "search/shards/"):] for url in requested if "/search/shards/" in url]
    assert shards.count("meta.js") == 1
    assert 1 <= len([s for s in shards if s.startswith("t-")]) <= 4
    assert 1 <= len([s for s in shards if s.startswith("d-")]) <= 10


def test_without_javascript_the_form_leads_to_a_page_that_says_so(browser, archive_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(archive_site.as_uri() + "/people/index.html")
    page.fill("#site-search", "lisbon")
    page.press("#site-search", "Enter")
    assert page.url.endswith("/search/index.html?q=lisbon")
    assert "needs JavaScript" in page.locator("main").inner_text()
    page.locator("main a", has_text="people").click()
    assert page.url.endswith("/people/index.html")
    context.close()


def test_results_come_a_page_at_a_time(page, archive_site):
    page.goto(archive_site.as_uri() + "/search/index.html?q=lisbon")
    page.locator("#search-status", has_text="found").wait_for()
    total = int(page.locator("#search-status").inner_text().split()[0].replace(",", ""))  # "1,234 articles"
    assert total > 10 and page.locator("#search-results li").count() == 10
    while page.locator("#search-more").is_visible():
        shown = page.locator("#search-results li").count()
        page.click("#search-more")
        expect(page.locator("#search-results li")).to_have_count(min(total, shown + 10))
    assert page.locator("#search-results li").count() == total
    assert "showing" not in page.locator("#search-status").inner_text()


def test_search_results_never_run_article_markup(page, archive_site):
    headlines = search(page, archive_site.as_uri() + "/search/index.html", "zanzibar")
    assert headlines == [HOSTILE_TITLE]
    assert page.locator("#search-results img, #search-results b").count() == 0
    assert page.evaluate("window.pwned") is None


def test_desktop_and_mobile_screenshots(browser, archive_site):
    ARTIFACTS.mkdir(exist_ok=True)
    for name, options in (("desktop", {"viewport": {"width": 1280, "height": 900}}),
                          ("mobile", {"viewport": {"width": 390, "height": 844}, "is_mobile": True,
                                      "device_scale_factor": 2, "has_touch": True})):
        context = browser.new_context(**options)
        page = context.new_page()
        page.goto(archive_site.as_uri() + "/search/index.html?q=lisbon")
        page.wait_for_selector("#search-results li")
        page.screenshot(path=str(ARTIFACTS / f"search-{name}.png"))
        page.locator("#search-results a").first.click()
        page.screenshot(path=str(ARTIFACTS / f"article-{name}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{name}: sideways scroll"
        context.close()



def test_at_320_pixels_wide_nothing_on_any_kind_of_page_runs_off_the_side(browser, archive_site):
    """WCAG 1.4.10 (reflow): 320 CSS pixels wide, no sideways scroll and no control cut off."""
    pages = [*one_page_per_type(archive_site), archive_site / "page" / "8" / "index.html"]
    assert overflowing_at_320_pixels(browser, {str(p.relative_to(archive_site)): p.as_uri() for p in pages}) == []

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_of_page_has_no_axe_violations(browser, archive_site, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    urls = [p.as_uri() for p in one_page_per_type(archive_site)]
    urls.append(archive_site.as_uri() + "/search/index.html?q=talks")
    found = []
    for url in urls:
        page.goto(url)
        if "?q=" in url:
            page.wait_for_selector("#search-results li mark")
        found += axe_violations(page, url)
    context.close()
    assert found == []


def test_script_and_index_tokenise_and_sort_alike(browser):
    import re

    from newsgen.search.index import js_order
    from newsgen.search.terms import words

    source = re.search(r"function words\(text\) \{.*?\n  \}", (REPO / "static" / "search.js").read_text(), re.DOTALL).group(0)
    sample = "José ÁLVAREZ's café—Kraków, İstanbul; ﬁne Straße x_y 2024² naïve Ǆemal e\u0301te Ωμέγα Жанна 東京"
    page = browser.new_page()
    assert page.evaluate(f"text => {{ {source}; return words(text); }}", sample) == words(sample)
    terms = ["\ufa0e", "\U00020000", "zz", "z", "é"]
    assert page.evaluate("terms => terms.sort()", terms) == sorted(terms, key=js_order)
    page.close()


@pytest.fixture(scope="module")
def sectioned_site(tmp_path_factory) -> tuple[Path, dict[str, set[str]]]:
    """A small archive filed in two sections, built; and each section's headlines."""
    from newsgen.build import build
    from newsgen.config import load_config

    from ..sitegen import write_archive

    root = tmp_path_factory.mktemp("sectioned")
    headlines = {}
    for section, count, seed in (("Business", 14, 1), ("Tech", 6, 2)):
        paths = write_archive(root / "seeds" / section.lower(), count, seed=seed)
        headlines[section] = {p.read_text(encoding="utf-8").split("\n", 1)[0] for p in paths}
    build(load_config(root))
    return root / "site", headlines


def _found(page, text: str) -> tuple[int, set[str]]:
    """The number of articles the status says were found, once it says `text`, and the headlines shown."""
    status = page.locator("#search-status", has_text=text)
    status.wait_for()
    return int(status.inner_text().split()[0]), set(page.locator("#search-results .article-item-title").all_inner_texts())


def test_search_filters_by_the_section_picked_from_file_urls(page, sectioned_site):
    site, headlines = sectioned_site
    page.goto(site.as_uri() + "/search/index.html?q=talks&section=Tech")
    assert page.locator("#search-section").input_value() == "Tech"
    count, shown = _found(page, "found for “talks” in Tech")
    assert count == 6 and shown == headlines["Tech"]
    page.select_option("#search-section", "Business")
    count, shown = _found(page, "in Business")
    assert count == 14 and len(shown) == 10 and shown <= headlines["Business"]
    page.select_option("#search-section", "")
    count, _ = _found(page, "found for “talks”, showing")
    assert count == 20


def test_a_site_with_no_sections_offers_no_section_filter(page, archive_site):
    page.goto(archive_site.as_uri() + "/search/index.html?q=lisbon&section=Tech")
    page.locator("#search-status", has_text="found").wait_for()
    assert page.locator("#search-section").count() == 0
    assert " in Tech" not in page.locator("#search-status").inner_text()


def test_the_a_to_z_jump_bar_leads_from_the_most_mentioned_to_each_initial(page, archive_site):
    page.goto(archive_site.as_uri() + "/people/index.html")
    assert 0 < page.locator("main .tag-index li").count() <= 50
    letters = page.locator("nav.letters a")
    last = letters.nth(letters.count() - 1).inner_text()
    letters.nth(letters.count() - 1).click()
    assert page.url.endswith(f"/people/{last.lower()}/index.html")
    assert page.locator("nav.letters [aria-current='page']").inner_text() == last
    person = page.locator("main .tag-index a").first
    name = person.inner_text()
    person.click()
    assert page.locator("h1").inner_text() == name
