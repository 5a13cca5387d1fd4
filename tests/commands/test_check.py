"""`newsgen check` on small hand-made sites, and on a real build."""

from pathlib import Path

from newsgen.build import build
from newsgen.cli import main
from newsgen.commands.check import check_site
from newsgen.config import load_config

from ..conftest import write

BASE = "https://me.github.io/archive/"


def make_site(root: Path, files: dict[str, str]) -> Path:
    pages = {"index.html": '<a href="about/index.html">About</a>', "about/index.html": "<p id='team'>Us</p>"}
    for name, text in {**pages, **files}.items():
        write(root / name, text)
    return root


def problems(root: Path, base_url: str = BASE) -> list[str]:
    return [str(p) for p in check_site(root, base_url).problems]


def test_a_real_build_has_no_problems(site_root):
    write(site_root / "newsgen.yaml", f"base_url: {BASE}\n")
    build(load_config(site_root))
    result = check_site(site_root / "site", BASE)
    assert result.problems == []
    assert result.pages > 10 and result.links > result.pages


def test_relative_links_must_end_in_a_file_inside_the_site(tmp_path):
    site = make_site(tmp_path, {"index.html": '<a href="about/index.html">ok</a> <a href="missing.html">x</a>'
                                              '<a href="about/">folder</a> <a href="../outside.html">up</a>'
                                              '<img src="img/a%20b.png"> <a href="about/index.html#team">t</a>'
                                              '<a href="deep">deep</a>',
                                "img/a b.png": "", "deep/er/x.css": ""})
    assert problems(site) == [
        "index.html: missing.html: missing file",
        "index.html: about/: links to a folder: file:// shows a listing, not its index.html",
        "index.html: ../outside.html: leaves the site folder",
        "index.html: deep: links to a folder: file:// shows a listing, not its index.html",
    ]


def test_links_into_base_url_resolve_like_a_web_server(tmp_path):
    site = make_site(tmp_path, {"index.html": f'<link rel="canonical" href="{BASE}">'
                                              f'<a href="{BASE}about/index.html">a</a> <a href="{BASE}about/">b</a>'
                                              f'<a href="{BASE}gone/">c</a> <a href="https://me.github.io/other/x">d</a>'
                                              '<a href="https://elsewhere.org/about/">e</a> <a href="mailto:x@y.z">f</a>'
                                              '<a href="about/index.html">g</a>'})
    assert problems(site) == [("index.html: https://me.github.io/archive/gone/: "
                              "absolute link to a missing file under base_url (gone/index.html)")]


def test_root_relative_links_break_on_file_urls(tmp_path):
    site = make_site(tmp_path, {"index.html": '<a href="/archive/about/index.html">a</a>'
                                              '<a href="about/index.html">b</a> <a href="/nowhere.html">c</a>'})
    assert problems(site) == [
        "index.html: /archive/about/index.html: root-relative link: breaks when opened from file://",
        ("index.html: /nowhere.html: root-relative link: breaks when opened from file://; "
        "root-relative link outside base_url's path /archive/"),
    ]


def test_fragments_must_name_an_element(tmp_path):
    site = make_site(tmp_path, {"index.html": '<a href="#main">skip</a><main id="main"></main>'
                                              '<a href="#top">top</a> <a href="about/index.html#nobody">x</a>'})
    assert problems(site) == ["index.html: about/index.html#nobody: no element with id 'nobody' on about/index.html"]


def test_every_page_but_404_is_reachable_from_the_home_page(tmp_path):
    site = make_site(tmp_path, {"lonely/index.html": '<a href="../index.html">home</a>', "404.html": "Not found"})
    assert problems(site) == ["lonely/index.html: orphaned: no chain of links leads here from index.html"]


def test_css_urls_must_resolve(tmp_path):
    site = make_site(tmp_path, {"static/style.css": "a { background: url('missing.svg') } b { x: url(data:abc) }"})
    assert problems(site) == ["static/style.css: missing.svg: missing file"]


def test_feeds_and_sitemaps_must_be_well_formed_in_their_namespaces(tmp_path):
    atom = '<feed xmlns="http://www.w3.org/2005/Atom"><link href="{}"/></feed>'
    site = make_site(tmp_path, {
        "feed.xml": atom.format(BASE + "about/"),
        "people/feed.xml": atom.format(BASE + "people/nobody/"),
        "broken.xml": "<feed><entry></feed>",
        "wrong.xml": '<feed xmlns="http://example.org/not-atom"/>',
        "sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>'
                       f"{BASE}about/</loc></url></urlset>",
        "sitemap-2.xml": "<rss/>",
    })
    found = problems(site)
    assert found[0].startswith("broken.xml: not well-formed XML: mismatched tag: line 1")
    assert found[1:] == [
        ("people/feed.xml: https://me.github.io/archive/people/nobody/: "
        "absolute link to a missing file under base_url (people/nobody/index.html)"),
        "sitemap-2.xml: a sitemap's root must be <urlset> or <sitemapindex>, not <rss>",
        "wrong.xml: <feed> must be in the namespace http://www.w3.org/2005/Atom, not http://example.org/not-atom",
    ]
    assert check_site(site, BASE).feeds == 6


def test_cli_prints_problems_and_exits_one(tmp_path, capsys):
    site = make_site(tmp_path / "site", {"index.html": '<a href="gone.html">x</a>'})
    assert main(["check", str(site), "--base-url", BASE]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == ["about/index.html: orphaned: no chain of links leads here from index.html",
                                         "index.html: gone.html: missing file"]
    assert captured.out.strip().endswith("2 pages, 1 links, 0 feeds: 2 problem(s).")


def test_cli_passes_a_good_site_quietly(tmp_path, capsys):
    site = make_site(tmp_path / "site", {})
    assert main(["check", "-q", "--root", str(tmp_path)]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["check", str(site)]) == 0
    assert "no problems" in capsys.readouterr().out


def test_cli_without_a_site_exits_two(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nothing")]) == 2
    assert "no built site here (no index.html)" in capsys.readouterr().err


def test_the_generated_archive_checks_clean(archive_site):
    result = check_site(archive_site)
    assert result.problems == []
    assert result.pages > 300 and result.feeds > 1


def test_feed_and_sitemap_dates_must_be_valid(tmp_path):
    atom = ('<feed xmlns="http://www.w3.org/2005/Atom"><updated>{}</updated>'
            '<entry><published>{}</published></entry></feed>')
    sitemap = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>{}</lastmod></url></urlset>'
    site = make_site(tmp_path, {
        "feed.xml": atom.format("2030-02-03T00:00:00Z", "2030-02-03T10:20:30.5+05:30"),
        "sitemap.xml": sitemap.format("2030-02-03"),
        "sitemaps/1.xml": sitemap.format("2030-02-03T10:20+01:00"),
        "a/feed.xml": atom.format("2030-02-03T10:20:30T00:00:00Z", "2030-02-03T00:00:00Z"),
        "b/feed.xml": atom.format("2030-02-03T00:00:00Z", "2030-02-30T00:00:00Z"),
        "c/feed.xml": atom.format("2030-02-03", "2030-02-03T00:00:00Z"),
        "sitemap-2.xml": sitemap.format("2030-02-03T10:20:30"),
        "sitemap-3.xml": sitemap.format("2030-13-01"),
        "sitemap-4.xml": sitemap.format("2030-00"),
        "sitemap-5.xml": sitemap.format("2030"),
    })
    assert problems(site) == [
        "a/feed.xml: <updated> is not an RFC 3339 date-time: '2030-02-03T10:20:30T00:00:00Z'",
        "b/feed.xml: <published> is not an RFC 3339 date-time: '2030-02-30T00:00:00Z'",
        "c/feed.xml: <updated> is not an RFC 3339 date-time: '2030-02-03'",
        "sitemap-2.xml: <lastmod> is not a W3C datetime: '2030-02-03T10:20:30'",
        "sitemap-3.xml: <lastmod> is not a W3C datetime: '2030-13-01'",
        "sitemap-4.xml: <lastmod> is not a W3C datetime: '2030-00'",
    ]


def test_a_redirect_page_is_no_orphan_and_its_target_must_exist(tmp_path):
    refresh = '<meta http-equiv="refresh" content="0; url=../{}/index.html">'
    site = make_site(tmp_path, {"old/index.html": refresh.format("about"), "gone/index.html": refresh.format("nowhere")})
    assert problems(site) == ["gone/index.html: ../nowhere/index.html: missing file"]


def test_a_noindex_page_is_no_orphan_its_links_are_checked_and_a_search_fragment_is_a_query(tmp_path):
    unindexed = '<meta name="robots" content="noindex"><a href="../{}/index.html#q=Ada%20King">search</a>'
    site = make_site(tmp_path, {"search/index.html": "<p>results</p>",
                                "kept/index.html": unindexed.format("search"),
                                "broken/index.html": unindexed.format("about"),
                                "lonely/index.html": '<meta name="robots" content="all">'})
    assert problems(site) == [
        "broken/index.html: ../about/index.html#q=Ada%20King: no element with id 'q=Ada King' on about/index.html",
        "lonely/index.html: orphaned: no chain of links leads here from index.html",
        "search/index.html: orphaned: no chain of links leads here from index.html"]
