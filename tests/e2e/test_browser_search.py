"""Faceted search in a real browser: the person or place a query names shown first, and the
results narrowed by person, place, section and year with counts over the results (their
facet shards loaded only once "Narrow the results" is opened or the address picks a value), from
file:// and under a sub-path; its page at 320 px, under axe and the Nu Html Checker.

The expected articles come from the built site's own pages: a person's or place's
page lists every article naming it, with its date.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from newsgen.slugs import make_slug

from . import test_browser
from .browsing import axe_violations, beyond_the_right_edge
from .test_html_validity import nu_errors

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing (pip install -e '.[test]')")
expect = sync_api.expect
ARTIFACTS = test_browser.ARTIFACTS
# test_browser's fixtures: Chromium, a page that fails the test on a script error, the site served under a sub-path
browser, page, served, sectioned_site = test_browser.browser, test_browser.page, test_browser.served, test_browser.sectioned_site

ITEM = re.compile(r'<li class="article-item">\s*<h2 class="article-item-title"><a href="[^"]*">(.*?)</a></h2>'
                  r'(?:(?!</li>).)*?(?:datetime="(\d{4})|</li>)', re.DOTALL)
OPTION = re.compile(r"^(.*) \(([\d,]+)\)$")


def listed(site: Path, folder: str) -> dict[str, int]:
    """Headline -> year (0: undated) of every article a person's or place's pages list."""
    found = {}
    for path in sorted((site / folder).rglob("index.html")):
        for headline, year in ITEM.findall(path.read_text(encoding="utf-8")):
            found[html.unescape(headline)] = int(year or 0)
    return found


def open_search(page, site_url: str, address: str) -> None:
    page.goto(f"{site_url}search/index.html{address}")
    page.locator("#search-status", has_text="found").wait_for()
    page.locator("#search-app:not([aria-busy])").wait_for()  # the pickers may fill after the first results


def facet_shards(page) -> int:
    """How many facet shards the page has loaded (each by a script tag of its own)."""
    return page.locator("script[src^='shards/f-']").count()


def open_narrowing(page) -> None:
    """Open "Narrow the results" from the keyboard and wait for its pickers to fill."""
    page.focus("#search-facets summary")
    page.keyboard.press("Enter")
    page.locator("#search-facets select option:nth-child(2)").first.wait_for(state="attached")
    page.locator("#search-app:not([aria-busy])").wait_for()


def all_results(page) -> list[str]:
    """Every result's headline, "More results" pressed until there are no more."""
    while page.locator("#search-more").is_visible():
        shown = page.locator("#search-results li").count()
        page.click("#search-more")
        expect(page.locator("#search-results li")).not_to_have_count(shown)
    return page.locator("#search-results .article-item-title").all_inner_texts()


def found(page) -> int:
    text = page.locator("#search-status").inner_text()
    return 0 if text.startswith("No ") else int(text.split()[0].replace(",", ""))


def options(page, picker: str) -> dict[str, int]:
    """The values a facet offers, with their counts: {"Olena Petrenko": 55}."""
    labels = page.locator(f"{picker} option").all_inner_texts()[1:]
    return {m.group(1): int(m.group(2).replace(",", "")) for m in map(OPTION.match, labels)}


def pick(page, picker: str, label: str) -> None:
    """Pick the value labelled `label` (without its count), and wait for the results it leaves."""
    status = page.locator("#search-status").inner_text()
    value = page.locator(f"{picker} option").filter(has_text=re.compile(rf"^{re.escape(label)}( \(|$)"))
    page.select_option(picker, value.first.get_attribute("value"))
    expect(page.locator("#search-status")).not_to_have_text(status)
    page.locator("#search-app:not([aria-busy])").wait_for()


@pytest.fixture(params=["file", "http"])
def site_url(request, archive_site, served):
    return archive_site.as_uri() + "/" if request.param == "file" else served


def test_a_query_naming_a_person_shows_that_person_first(page, archive_site, site_url):
    olena = listed(archive_site, "people/olena-petrenko")
    open_search(page, site_url, "?q=olena+petrenko")
    first = page.locator("#search-entities li").first
    assert first.inner_text() == f"Olena Petrenko — person, {len(olena)} articles"
    order = page.evaluate("""() => document.getElementById('search-entities')
        .compareDocumentPosition(document.getElementById('search-results'))""")
    assert order & 4, "the person comes before the articles"
    first.locator("a").click()
    assert page.locator("h1").inner_text() == "Olena Petrenko"
    assert page.url.endswith("/people/olena-petrenko/index.html")


def test_a_query_naming_a_place_by_the_start_of_its_name_shows_it_and_a_topic_shows_none(page, archive_site):
    lisbon = listed(archive_site, "places/lisbon")
    open_search(page, archive_site.as_uri() + "/", "?q=lisb")
    assert page.locator("#search-entities li").all_inner_texts() == [f"Lisbon — place, {len(lisbon)} articles"]
    open_search(page, archive_site.as_uri() + "/", "?q=grain+exports")
    assert page.locator("#search-entities").is_hidden()


def test_a_query_loads_no_facet_shard_until_narrowing_is_opened(page, archive_site, site_url):
    olena = listed(archive_site, "people/olena-petrenko")
    open_search(page, site_url, "?q=olena+petrenko")
    assert page.locator("#search-results li").count() == 10 and page.locator("#search-entities li").count()
    assert page.locator("#search-facets").get_attribute("open") is None
    assert facet_shards(page) == 0 and options(page, "#search-person") == {}
    open_narrowing(page)
    assert page.locator("#search-facets").get_attribute("open") is not None and facet_shards(page)
    assert options(page, "#search-person")["Olena Petrenko"] == len(olena) == found(page)
    assert page.locator("#search-results li").count() == 10, "the results shown stay as they were"

    page.keyboard.press("Enter")  # closed again: the next query loads no facet shard, shows no old counts
    shards = facet_shards(page)
    page.fill("#site-search", "lisbon")
    expect(page.locator("#search-status")).to_contain_text("found for “lisbon”")
    page.locator("#search-app:not([aria-busy])").wait_for()
    assert facet_shards(page) == shards and options(page, "#search-person") == {}
    open_narrowing(page)
    assert options(page, "#search-place")["Lisbon"] == found(page)


def test_narrowing_by_person_place_and_year_keeps_their_articles_and_counts_what_is_left(page, archive_site, site_url):
    olena = listed(archive_site, "people/olena-petrenko")
    talks = {h: y for h, y in olena.items() if "talks" in h}  # every generated headline says "talks"
    open_search(page, site_url, "?q=talks")
    open_narrowing(page)
    total = found(page)
    assert options(page, "#search-person")["Olena Petrenko"] == len(talks) < total

    pick(page, "#search-person", "Olena Petrenko")
    assert found(page) == len(talks)
    assert sorted(all_results(page)) == sorted(talks)
    years = {year: sum(1 for y in talks.values() if y == year) for year in set(talks.values()) if year}
    assert options(page, "#search-year") == {str(year): n for year, n in years.items()}
    place, count = next(iter(options(page, "#search-place").items()))  # the most common, listed first
    there = listed(archive_site, f"places/{make_slug(place)}")
    assert count == sum(1 for h in talks if h in there) == max(options(page, "#search-place").values())

    year = max(years, key=years.get)
    pick(page, "#search-year", str(year))
    assert f"in {year} naming Olena Petrenko" in page.locator("#search-status").inner_text()
    assert sorted(all_results(page)) == sorted(h for h, y in talks.items() if y == year)
    assert options(page, "#search-person")["Olena Petrenko"] == years[year]

    pick(page, "#search-place", place)
    assert found(page) == sum(1 for h, y in talks.items() if y == year and h in there)
    assert f"in {year} naming Olena Petrenko and {place}" in page.locator("#search-status").inner_text()

    pick(page, "#search-person", "Any person")
    assert found(page) == sum(1 for h, y in there.items() if y == year and "talks" in h)


def test_the_address_keeps_what_is_picked_and_the_fragment_is_read_too(page, archive_site, served):
    open_search(page, served, "?q=talks")
    open_narrowing(page)
    pick(page, "#search-person", "Olena Petrenko")
    place = next(iter(options(page, "#search-place")))
    pick(page, "#search-place", place)
    status = page.locator("#search-status").inner_text()
    assert "person=Olena+Petrenko" in page.url and f"place={place}" in page.url
    page.reload()
    expect(page.locator("#search-status")).to_have_text(status)
    assert page.locator("#search-facets").get_attribute("open") is not None, "a narrowed search opens narrowed"
    assert page.locator("#search-person option:checked").inner_text().startswith("Olena Petrenko (")
    address = page.url.split("?", 1)[1]
    open_search(page, archive_site.as_uri() + "/", "#" + address)  # from disk, where "?" may not reach the page
    expect(page.locator("#search-status")).to_have_text(status)


def test_sections_are_counted_over_the_results_and_narrow_them(page, sectioned_site):
    site, headlines = sectioned_site
    open_search(page, site.as_uri() + "/", "?q=talks")
    open_narrowing(page)
    assert options(page, "#search-section") == {name: len(h) for name, h in headlines.items()}
    page.focus("#search-section")
    pick(page, "#search-section", "Tech")
    assert sorted(all_results(page)) == sorted(headlines["Tech"])
    counts = options(page, "#search-person")
    assert sum(counts.values()) >= len(headlines["Tech"]) and max(counts.values()) <= len(headlines["Tech"])
    assert page.locator("#search-section").evaluate("e => e === document.activeElement")


def test_at_320_pixels_the_search_page_with_its_facets_open_fits(browser, archive_site):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    open_search(page, archive_site.as_uri() + "/", "?q=olena&person=Olena+Petrenko")
    assert page.locator("#search-facets").get_attribute("open") is not None
    assert page.locator("#search-person").is_visible() and page.locator("#search-entities li").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-facets-320.png"), full_page=True)
    assert beyond_the_right_edge(page) == [] and page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_page_with_results_and_facets_has_no_axe_violations(browser, archive_site, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    found_violations = []
    for address in ("?q=olena", "?q=talks&person=Olena+Petrenko&year=2021"):
        open_search(page, archive_site.as_uri() + "/", address)
        found_violations += axe_violations(page, address)
    context.close()
    assert found_violations == []


def test_the_search_page_as_built_and_with_results_has_no_nu_errors(page, archive_site, tmp_path):
    open_search(page, archive_site.as_uri() + "/", "?q=olena&person=Olena+Petrenko")
    shown = tmp_path / "search-results.html"  # the page as the script leaves it: results, names, facets
    shown.write_text(page.content(), encoding="utf-8")
    assert page.locator("#search-results li").count() and page.locator("#search-facets").is_visible()
    assert nu_errors([str(archive_site / "search" / "index.html"), str(shown)]) == []
