"""Whole builds of sources that repeat another's text: one page, old URLs kept (docs/input.md, "Duplicates")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgen.build import build
from newsgen.commands.check import check_site
from newsgen.config import load_config
from newsgen.errors import NewsgenError
from newsgen.report import format_report

from ..conftest import require, write

STORY = ("Ann Lee visits Oslo\n\nAnn Lee arrived in Oslo on 3 May 2024 for talks on fishing quotas.\n"
         "She met officials from the port and said the talks would go on next week.\n")
# The same text, its case, quote marks and line breaks aside.
STORY_AGAIN = ("ANN LEE VISITS OSLO\n\n  Ann Lee arrived in Oslo on 3 May 2024 for talks on fishing quotas.\n\n"
               "She met officials from the port   and said the talks would go on next week.\n")
OTHER = "Ben Ray visits Rome\n\nBen Ray arrived in Rome on 4 May 2024 to open a bridge.\n"
BASE = "https://me.github.io/archive/"


def site(tmp_path: Path, files: dict[str, str], settings: str = "") -> Path:
    root = tmp_path / "src"
    for name, text in files.items():
        write(root / "seeds" / name, text)
    write(root / "newsgen.yaml", settings)
    return root


def registered(root: Path) -> dict[str, str]:
    lines = (root / "urls.lock").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


def listed(root: Path) -> list[str]:
    """The article links the home page lists."""
    return re.findall(r'href="(articles/[^"]+)"', (root / "site" / "index.html").read_text(encoding="utf-8"))


def test_two_identical_files_give_one_page_and_one_list_entry_naming_both_files(tmp_path):
    root = site(tmp_path, {"a.txt": STORY, "b.txt": STORY_AGAIN, "c.txt": OTHER})
    report = build(load_config(root))
    assert report.articles == 2
    assert sorted(listed(root)) == ["articles/ann-lee-visits-oslo/index.html", "articles/ben-ray-visits-rome/index.html"]
    page = (root / "site" / "articles" / "ann-lee-visits-oslo" / "index.html").read_text(encoding="utf-8")
    assert "Filed as <code>seeds/a.txt</code>; also filed as <code>seeds/b.txt</code>" in page
    assert [w.path for w in report.duplicates] == ["seeds/b.txt"]
    assert "1 source file with another's text (duplicates):\n  duplicate: seeds/b.txt: the same text as " \
           "seeds/a.txt" in format_report(report, "site")
    assert "seeds/b.txt" in registered(root)  # its URL is published: kept, as a page leading to its twin's
    search = "".join(p.read_text(encoding="utf-8") for p in (root / "site" / "search").rglob("*.js"))
    assert search.count("Ann Lee visits Oslo") == 1  # one search result, not two


def test_a_twins_earlier_url_leads_to_the_one_page_from_file_urls_and_checks_clean(tmp_path):
    root = site(tmp_path, {"a.txt": STORY, "b.txt": OTHER}, f"base_url: {BASE}\n")
    build(load_config(root))
    old = registered(root)["seeds/b.txt"]  # b's page, published
    write(root / "seeds" / "b.txt", STORY_AGAIN)  # now it repeats a.txt
    build(load_config(root))
    redirect = (root / "site" / old / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../ann-lee-visits-oslo/index.html">' in redirect
    assert f'<link rel="canonical" href="{BASE}articles/ann-lee-visits-oslo/">' in redirect
    assert '<a href="../ann-lee-visits-oslo/index.html">Ann Lee visits Oslo</a>' in redirect
    assert '<meta name="robots" content="noindex">' in redirect
    assert f"articles/{old}" not in (root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert check_site(root / "site", BASE).problems == []
    assert registered(root)["seeds/b.txt"] == old


def test_without_base_url_the_redirect_pages_canonical_link_is_relative(tmp_path):
    root = site(tmp_path, {"a.txt": STORY, "b.txt": STORY_AGAIN})
    build(load_config(root))
    redirect = (root / "site" / "articles" / "ann-lee-visits-oslo-2" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="../ann-lee-visits-oslo/index.html">' in redirect
    assert check_site(root / "site").problems == []


def test_check_follows_a_redirect_page_to_its_target(tmp_path):
    root = site(tmp_path, {"a.txt": STORY, "b.txt": STORY_AGAIN})
    build(load_config(root))
    assert "http-equiv=\"refresh\"" in (root / "site" / "articles" / "ann-lee-visits-oslo-2" / "index.html").read_text(encoding="utf-8")
    (root / "site" / "articles" / "ann-lee-visits-oslo" / "index.html").unlink()
    problems = [str(p) for p in check_site(root / "site").problems]
    assert "articles/ann-lee-visits-oslo-2/index.html: ../ann-lee-visits-oslo/index.html: missing file" in problems


def test_a_site_may_keep_duplicates_apart(tmp_path):
    root = site(tmp_path, {"a.txt": STORY, "b.txt": STORY_AGAIN}, "duplicates: keep\n")
    report = build(load_config(root))
    assert report.articles == 2 and len(listed(root)) == 2
    assert "kept apart (duplicates: keep)" in str(report.duplicates[0])
    assert "http-equiv=\"refresh\"" not in (root / "site" / "articles" / "ann-lee-visits-oslo-2" / "index.html").read_text(
        encoding="utf-8")


def test_duplicates_takes_merge_or_keep_and_names_the_file_and_line(tmp_path):
    root = site(tmp_path, {"a.txt": STORY}, "title: T\nduplicates: drop\n")
    with pytest.raises(NewsgenError) as raised:
        load_config(root)
    assert str(raised.value) == f"{root / 'newsgen.yaml'}:2: 'duplicates' must be merge or keep, not 'drop'"


def test_near_duplicates_are_reported_and_kept_as_two_pages(tmp_path):
    words = " ".join(f"word{i}" for i in range(60))
    root = site(tmp_path, {"a.txt": f"Minister quits\n\n{words}.\n", "b.txt": f"Minister resigns\n\n{words}.\n"})
    report = build(load_config(root))
    assert report.articles == 2 and report.duplicates == []
    assert [w.path for w in report.near_duplicates] == ["seeds/a.txt"]
    assert "1 pair of nearly the same text (near-duplicates, not merged):\n  near-duplicate: seeds/a.txt: " \
           "nearly the same text as seeds/b.txt" in format_report(report, "site")


def test_a_browser_opening_a_twins_earlier_url_from_file_lands_on_the_one_page(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = Path("/usr/bin/chromium")
    require(chromium.is_file(), f"{chromium} is missing (apt-get install chromium chromium-driver)")
    root = site(tmp_path, {"a.txt": STORY, "b.txt": STORY_AGAIN})
    build(load_config(root))
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=["--headless", "--no-sandbox"])
        try:
            page = browser.new_page()
            target = root / "site" / "articles" / "ann-lee-visits-oslo" / "index.html"
            page.goto((root / "site" / "articles" / "ann-lee-visits-oslo-2" / "index.html").as_uri())
            page.wait_for_url(target.as_uri())
            assert page.locator("h1").inner_text() == "Ann Lee visits Oslo"
        finally:
            browser.close()
