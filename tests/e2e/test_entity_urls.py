"""A person's or place's published URL stays: built, changed so its name loses its page,
built again, the old address leads to the page that holds its articles now, or says none does."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from newsgen.build import build
from newsgen.commands.check import check_site
from newsgen.config import load_config

from ..conftest import require, tree_bytes, write

CURATION = """\
entities:
  - name: Ada King
    kind: person{ada}
{augusta}  - name: Corran
    kind: {corran}
{brill}"""
AUGUSTA = "  - name: Augusta Byron\n    kind: person\n"
BRILL = "  - name: Brill\n    kind: place\n"


def _curate(root: Path, ada: str = "", corran: str = "place", augusta: str = AUGUSTA, brill: str = BRILL) -> None:
    write(root / "content" / "entities.yaml",
          CURATION.format(ada=ada, corran=corran, augusta=augusta, brill=brill))


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    _curate(root)
    write(root / "seeds" / "a.txt", "Ada King visits Corran\n\nAda King spoke in Corran on 2 May 2024.\n")
    write(root / "seeds" / "b.txt", "Markets in Brill\n\nTraders in Brill met Augusta Byron on 3 May 2024.\n")
    build(load_config(root))
    for page in ("people/ada-king", "people/augusta-byron", "places/corran", "places/brill"):
        assert _heading(root / "site" / page / "index.html") == page.split("/")[1].replace("-", " ").title()
    return root


def _heading(page: Path) -> str:
    return re.search(r'<h1 class="page-title">([^<]*)</h1>', page.read_text(encoding="utf-8"))[1]


def _leads_to(root: Path, path: str) -> str:
    """Where the page at `path` sends the browser, as a path in the site, checked to exist."""
    page = root / "site" / path / "index.html"
    found = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', page.read_text(encoding="utf-8"))
    assert found, f"{path} does not redirect"
    target = (page.parent / found[1]).resolve()
    assert target.is_file()
    return target.parent.relative_to((root / "site").resolve()).as_posix()


def _built_again(root: Path, tmp_path: Path) -> None:
    """Build, then check the site, and that it is what a clean build with the same register makes."""
    report = build(load_config(root))
    assert not report.up_to_date
    assert check_site(root / "site").problems == []
    copy = tmp_path / "clean"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site", ".newsgen-cache", ".site*"))
    build(load_config(copy))
    assert tree_bytes(root / "site") == tree_bytes(copy / "site")


def test_a_name_the_editor_folds_into_another_leads_to_that_page(archive, tmp_path):
    _curate(archive, ada="\n    aliases: [Augusta Byron]", augusta="")
    _built_again(archive, tmp_path)
    assert _leads_to(archive, "people/augusta-byron") == "people/ada-king"
    assert "Augusta Byron" in (archive / "urls.lock").read_text(encoding="utf-8")


def test_a_place_that_becomes_a_person_leads_to_the_persons_page(archive, tmp_path):
    _curate(archive, corran="person")
    _built_again(archive, tmp_path)
    assert _leads_to(archive, "places/corran") == "people/corran"
    assert _heading(archive / "site" / "people" / "corran" / "index.html") == "Corran"


@pytest.mark.parametrize("change", ["ignored", "last article deleted"])
def test_a_name_no_page_holds_any_more_says_so_and_links_the_a_to_z_and_a_search(archive, tmp_path, change):
    if change == "ignored":
        _curate(archive, brill="ignore: [Brill]\n")
    else:
        (archive / "seeds" / "b.txt").unlink()
    _built_again(archive, tmp_path)
    html = (archive / "site" / "places" / "brill" / "index.html").read_text(encoding="utf-8")
    assert "http-equiv=\"refresh\"" not in html and 'content="noindex"' in html
    assert 'href="../index.html"' in html and 'href="../../search/index.html#q=Brill"' in html
    assert "places/brill/" not in (archive / "site" / "sitemap.xml").read_text(encoding="utf-8")


def test_an_editor_deleting_a_names_line_lets_its_url_follow_the_name_again(archive, tmp_path):
    register = archive / "urls.lock"
    register.write_text(register.read_text(encoding="utf-8").replace("people/ada-king/", "people/lady-king/"),
                        encoding="utf-8")
    _built_again(archive, tmp_path)
    assert _heading(archive / "site" / "people" / "lady-king" / "index.html") == "Ada King"
    assert not (archive / "site" / "people" / "ada-king").exists()
    register.write_text("".join(line for line in register.read_text(encoding="utf-8").splitlines(keepends=True)
                                if not line.startswith("Ada King\t")), encoding="utf-8")
    _built_again(archive, tmp_path)
    assert _heading(archive / "site" / "people" / "ada-king" / "index.html") == "Ada King"
    assert not (archive / "site" / "people" / "lady-king").exists()
    assert "Ada King\tpeople/ada-king/\n" in register.read_text(encoding="utf-8")


def test_deleting_the_line_of_a_name_with_no_page_ends_its_leading_page(archive, tmp_path):
    (archive / "seeds" / "b.txt").unlink()
    build(load_config(archive))
    register = archive / "urls.lock"
    register.write_text(register.read_text(encoding="utf-8").replace("Brill\tplaces/brill/\n", ""), encoding="utf-8")
    _built_again(archive, tmp_path)
    assert not (archive / "site" / "places" / "brill").exists()


def test_a_browser_on_file_urls_follows_an_old_persons_url_and_a_gone_places_search(archive):
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = Path("/usr/bin/chromium")
    require(chromium.is_file(), f"{chromium} is missing (apt-get install chromium chromium-driver)")
    _curate(archive, ada="\n    aliases: [Augusta Byron]", augusta="", brill="ignore: [Brill]\n")
    build(load_config(archive))
    site = archive / "site"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=["--headless", "--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto((site / "people" / "augusta-byron" / "index.html").as_uri())
            page.wait_for_url((site / "people" / "ada-king" / "index.html").as_uri())
            assert page.locator("h1").inner_text() == "Ada King"
            page.goto((site / "places" / "brill" / "index.html").as_uri())
            page.get_by_role("link", name="Search the archive for “Brill”").click()
            page.locator("#search-status", has_text="found").wait_for()
            assert "Markets in Brill" in page.locator("#search-results").inner_text()
        finally:
            browser.close()
