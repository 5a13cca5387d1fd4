"""End-to-end builds: real files on disk, real links."""

import re

from newsgen.build import build
from newsgen.config import load_config

from .conftest import broken_links, write

PEOPLE = ["Antony Blinken", "Joe Biden", "Benjamin Netanyahu", "Kamala Harris", "Sami Abu Zuhri", "Mohammad Al-Kassim"]
PLACES = ["Tel Aviv", "Gaza", "Israel", "Cairo", "Doha", "Qatar", "Egypt", "Chicago", "East Jerusalem"]


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def test_seed_builds_every_page_with_working_links(site_root):
    report = build(load_config(site_root))
    site = site_root / "site"
    assert report.articles == 1 and report.dropped == []
    for name in PEOPLE:
        assert (site / "people" / slug(name) / "index.html").is_file(), name
    for name in PLACES:
        assert (site / "places" / slug(name) / "index.html").is_file(), name
    for wrong in ("hamas", "saturday", "blinken", "illusion", "optimism"):
        assert not (site / "people" / wrong).exists() and not (site / "places" / wrong).exists(), wrong
    blinken = (site / "people" / "antony-blinken" / "index.html").read_text()
    assert "Blinken heads to Tel Aviv" in blinken
    for name in ("index.html", "people/index.html", "places/index.html", "static/style.css", ".nojekyll"):
        assert (site / name).is_file(), name
    assert broken_links(site) == []


def test_article_page_shows_tweet_statically_and_marks_inferred_date(site_root):
    build(load_config(site_root))
    html = next((site_root / "site" / "articles").glob("*/index.html")).read_text()
    assert "(date inferred)" in html and 'datetime="2024-08-18"' in html
    assert '<figure class="embed tweet">' in html and "@TRTWorldNow" in html
    assert "<script" not in html
    assert "<p>— TRT World Now" not in html


def test_seed_and_markdown_articles_share_the_index_in_date_order(site_root):
    write(site_root / "content" / "articles" / "later.md",
          "---\ntitle: Written later by hand\ndate: 2024-09-01\n---\nText in Paris.\n")
    write(site_root / "content" / "articles" / "earlier.md",
          "---\ntitle: Written earlier by hand\ndate: 2024-01-01\n---\nText.\n")
    write(site_root / "content" / "pages" / "about.md", "---\ntitle: About\n---\nWho we are.\n")
    build(load_config(site_root))
    index = (site_root / "site" / "index.html").read_text()
    order = [index.index(h) for h in ("Written later by hand", "Illusion or optimism", "Written earlier by hand")]
    assert order == sorted(order)
    assert (site_root / "site" / "about" / "index.html").is_file()
    assert 'href="about/index.html"' in index
    assert broken_links(site_root / "site") == []


def test_bad_seeds_are_reported_and_the_rest_builds(site_root):
    write(site_root / "seeds" / "empty.txt", "\n \n")
    write(site_root / "seeds" / "binary.txt", b"\x00\x01\x02\x03")
    write(site_root / "seeds" / "latin.txt", "Caf\xe9 owners protest\nStand.\nBody.\n".encode("latin-1"))
    report = build(load_config(site_root))
    assert report.articles == 2
    assert sorted(d.path for d in report.dropped) == ["seeds/binary.txt", "seeds/empty.txt"]
    assert [w.path for w in report.warnings] == ["seeds/latin.txt"]
    assert (site_root / "site" / "articles" / "cafe-owners-protest" / "index.html").is_file()


def test_seed_override_changes_date_and_tags(site_root):
    write(site_root / "content" / "seeds" / "000_eb79ed762533e805.yaml",
          "date: 2024-08-19\nplaces: [Middle East]\nremove: [Chicago]\n")
    build(load_config(site_root))
    site = site_root / "site"
    assert (site / "places" / "middle-east" / "index.html").is_file()
    assert not (site / "places" / "chicago").exists()
    article = next((site / "articles").glob("*/index.html")).read_text()
    assert 'datetime="2024-08-19"' in article and "(date inferred)" not in article


def test_base_url_gives_canonical_urls_but_links_stay_relative(site_root):
    write(site_root / "newsgen.yaml", "base_url: https://me.github.io/archive\n")
    build(load_config(site_root))
    html = (site_root / "site" / "people" / "joe-biden" / "index.html").read_text()
    assert '<link rel="canonical" href="https://me.github.io/archive/people/joe-biden/">' in html
    assert 'href="../../index.html"' in html
