"""End-to-end builds: real files on disk, real links."""

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from newsgen.build import build
from newsgen.config import load_config
from newsgen.errors import NewsgenError
from newsgen.page_policy import CONTENT_SECURITY_POLICY

from ..conftest import REPO, broken_links, write

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
    assert 'about <time datetime="2024-08-18">18 August 2024</time> <span class="inferred">(date from the embedded post)' in html
    assert '<figure class="embed tweet">' in html and "@TRTWorldNow" in html
    assert re.findall(r"<script[^>]*>", html) == ['<script type="application/ld+json">']
    assert "<p>— TRT World Now" not in html


def test_article_pages_say_where_their_dates_came_from(site_root):
    write(site_root / "seeds" / "2019-03-04-budget.txt", "Budget day\nStand.\nBorn on 20 February 1951, he spoke.\n")
    write(site_root / "seeds" / "2019" / "03" / "05" / "x.txt", "Day after budget\nStand.\nText.\n")
    write(site_root / "seeds" / "undated.txt", "Profile of a chancellor\nStand.\nBorn on 20 February 1951.\n")
    report = build(load_config(site_root))
    articles = site_root / "site" / "articles"
    budget = (articles / "budget-day" / "index.html").read_text()
    assert '<time datetime="2019-03-04">4 March 2019</time> <span class="date-source">(date from the file name)' in budget
    after = (articles / "day-after-budget" / "index.html").read_text()
    assert '<time datetime="2019-03-05">5 March 2019</time> <span class="date-source">(date from the folders)' in after
    assert "Undated" in (articles / "profile-of-a-chancellor" / "index.html").read_text()
    assert report.dates == {"": 1, "file name": 1, "folders": 1, "embedded post": 1}
    assert "1951" not in (site_root / "site" / "index.html").read_text()


def test_wire_copy_renders_one_paragraph_per_marked_paragraph(site_root):
    from ..sources.test_seed import WIRE

    write(site_root / "seeds" / "1987" / "reut-2.txt", WIRE)
    build(load_config(site_root))
    html = (site_root / "site" / "articles" / "midland-bank-sets-bond-offer" / "index.html").read_text()
    body = html.split('<div class="article-body">', 1)[1].split("</div>", 1)[0]
    paragraphs = re.findall(r"<p>(.*?)</p>", body, re.DOTALL)
    assert len(paragraphs) == 2 and all(p.strip().endswith(".") for p in paragraphs)  # the first is the standfirst
    assert '<p class="standfirst">NEW YORK, March 16 - Midland Bank said the bank will offer 250 mln dlrs' in html
    assert '<time datetime="1987-03-16">16 March 1987</time> <span class="date-source">(date from the dateline)' in html


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
    assert [w.path for w in report.warnings if w.path] == ["seeds/latin.txt"]
    assert (site_root / "site" / "articles" / "cafe-owners-protest" / "index.html").is_file()


def test_seed_override_changes_date_and_tags(site_root):
    write(site_root / "content" / "seeds" / "000_eb79ed762533e805.yaml",
          "date: 2024-08-19\nplaces: [Middle East]\nremove: [Chicago]\n")
    build(load_config(site_root))
    site = site_root / "site"
    assert (site / "places" / "middle-east" / "index.html").is_file()
    assert not (site / "places" / "chicago").exists()
    article = next((site / "articles").glob("*/index.html")).read_text()
    assert 'datetime="2024-08-19"' in article and "date from" not in article and "about <time" not in article


def test_base_url_gives_canonical_urls_but_links_stay_relative(site_root):
    write(site_root / "newsgen.yaml", "base_url: https://me.github.io/archive\n")
    build(load_config(site_root))
    html = (site_root / "site" / "people" / "joe-biden" / "index.html").read_text()
    assert '<link rel="canonical" href="https://me.github.io/archive/people/joe-biden/">' in html
    assert 'href="../../index.html"' in html


def write_archive(root, count=24):
    """Hand-written articles over two years, naming a few people and places, some linking out."""
    people, places = ["Ann Lee", "Bo Ek", "Cy Young"], ["Oslo", "Lima"]
    for i in range(count):
        write(root / "content" / "articles" / f"a{i:02d}.md",
              f"---\ntitle: Report {i}\ndate: {2023 + i % 2}-{1 + i % 12:02d}-{1 + i:02d}\n"
              f"people: [{people[i % 3]}, {people[(i + 1) % 3]}]\nplaces: [{places[i % 2]}]\n---\n"
              f"Text with [a source](https://example.org/{i}) and [the index](../../index.html).\n\n"
              "| figure | value |\n|:--|--:|\n| a | 1 |\n")
    write(root / "content" / "articles" / "undated.md", "---\ntitle: Undated note\npeople: [Ann Lee]\n---\nText.\n")


class PageScan(HTMLParser):
    """What the page-safety rules look at: CSP meta tags, scripts, external links."""

    def __init__(self):
        super().__init__()
        self.csp: list[str] = []
        self.scripts: list[dict] = []
        self.external: list[dict] = []
        self.loads_from_elsewhere: list[str] = []
        self.inline_styles: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.inline_styles.append(tag)
        loads = attrs.get("src") or (attrs.get("href") if tag == "link" and attrs.get("rel") != "canonical" else None)
        if loads and "//" in loads:
            self.loads_from_elsewhere.append(loads)
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append(attrs["content"])
        elif tag == "script":
            self.scripts.append(attrs)
        elif tag == "a" and "://" in (attrs.get("href") or ""):
            self.external.append(attrs)


def test_archive_build_has_archives_feeds_and_safe_pages_with_working_links(site_root):
    write_archive(site_root)
    report = build(load_config(site_root))
    site = site_root / "site"
    assert report.dropped == []
    assert any("base_url" in w.message for w in report.warnings)
    for path in ("archive/index.html", "archive/2023/index.html", "archive/2024/08/index.html",
                 "archive/undated/index.html", "feed.xml", "people/ann-lee/feed.xml", "sitemap.xml",
                 "robots.txt", "404.html"):
        assert (site / path).is_file(), path
    assert broken_links(site) == []
    for page in site.rglob("*.html"):
        scan = PageScan()
        scan.feed(page.read_text(encoding="utf-8"))
        assert scan.csp == [CONTENT_SECURITY_POLICY], page
        assert scan.loads_from_elsewhere == [] and scan.inline_styles == [], page
        assert all(s.get("src") or s.get("type") == "application/ld+json" for s in scan.scripts), page
        for link in scan.external:
            assert {"noopener", "noreferrer"} <= set(link.get("rel", "").split()), (page, link)
    article = (site / "articles" / "report-5" / "index.html").read_text()
    assert 'href="https://example.org/5" rel="noopener noreferrer"' in article
    assert "Related articles" in article and 'rel="prev"' in article and 'rel="next"' in article
    person = (site / "people" / "ann-lee" / "index.html").read_text()
    assert 'role="img"' in person and "Often mentioned with" in person
    assert "archive/index.html" in (site / "index.html").read_text()


def test_undated_articles_are_listed_on_pages_linked_in_headline_order(site_root):
    write(site_root / "newsgen.yaml", "page_size: 2\n")
    for i in range(5):
        write(site_root / "seeds" / f"note-{i}.txt", f"Undated note {i}\nA standfirst with no date.\nBody text.\n")
    build(load_config(site_root))
    undated = site_root / "site" / "archive" / "undated"
    pages = [undated / "index.html", *(undated / "page" / str(n) / "index.html" for n in (2, 3))]
    assert all(page.is_file() for page in pages) and not (undated / "page" / "4").exists()
    second = pages[1].read_text(encoding="utf-8")
    assert "Undated note 2" in second and "Undated note 3" in second and "Undated note 1" not in second
    assert '<a rel="prev" href="../../index.html">← Previous</a>' in second
    assert '<a rel="next" href="../3/index.html">Next →</a>' in second
    assert "Page 2 of 3" in second and "5 articles with no date" in second
    assert broken_links(site_root / "site") == []


def test_404_page_links_are_absolute_and_point_at_real_files_with_base_url(site_root):
    write_archive(site_root, count=3)
    write(site_root / "newsgen.yaml", "base_url: https://me.github.io/archive\n")
    report = build(load_config(site_root))
    assert not any("base_url" in w.message for w in report.warnings)
    site = site_root / "site"
    html = (site / "404.html").read_text()
    hrefs = re.findall(r'(?:href|src)="([^"#]+)"', html)
    assert hrefs
    for href in hrefs:
        assert href.startswith("https://me.github.io/archive/"), href
        assert (site / href.removeprefix("https://me.github.io/archive/")).is_file(), href
    sitemap = (site / "sitemap.xml").read_text()
    assert "https://me.github.io/archive/articles/report-1/" in sitemap and "404" not in sitemap
    assert "Sitemap: https://me.github.io/archive/sitemap.xml" in (site / "robots.txt").read_text()


def test_two_builds_write_identical_bytes(site_root, tmp_path):
    """Separate processes with different hash seeds: no set or dict order leaks into the output."""
    write_archive(site_root, count=8)
    sites = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        subprocess.run([sys.executable, "-m", "newsgen.cli", "build", "--root", str(site_root), "--output", str(out),
                        "-q"], check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        sites.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert sites[0] == sites[1]


def test_a_build_leaves_no_objects_frozen_out_of_garbage_collection(site_root):
    """serve builds again and again in one process: what one build froze must be collectable later."""
    import gc

    assert gc.get_freeze_count() == 0
    build(load_config(site_root))
    assert gc.get_freeze_count() == 0






def test_records_the_cache_cannot_save_fail_the_build_before_the_site_changes(site_root, monkeypatch):
    from newsgen.incremental.record_store import RecordStore

    from ..conftest import tree_bytes

    config = load_config(site_root)
    build(config)
    before = tree_bytes(config.output_dir)
    (seed,) = (site_root / "seeds").glob("*.txt")
    write(site_root / "seeds" / "another.txt", "Another headline\n" + "\n".join(seed.read_text().splitlines()[1:]))

    def disk_full(self, names):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(RecordStore, "save", disk_full)  # saved in a forked process, which inherits this
    with pytest.raises(OSError, match="No space left"):
        build(config, jobs=2)
    assert tree_bytes(config.output_dir) == before


@pytest.mark.parametrize("output, folder, why", [
    ("templates", "templates", "it is the templates folder"),
    ("templates/site", "templates", "it is inside the templates folder"),
    ("static", "static", "it is the static folder"),
    ("static/site", "static", "it is inside the static folder"),
    (".newsgen-cache", ".newsgen-cache", "it is the build cache folder"),
    (".newsgen-cache/site", ".newsgen-cache", "it is inside the build cache folder"),
])
def test_an_output_folder_the_build_reads_from_is_refused_and_nothing_written(site_root, output, folder, why):
    # A site in templates/ would be loaded as templates by the next build (a headline's {{ }} run
    # as Jinja); one in static/ copied into itself at every build; one in the cache published.
    write(site_root / folder / "mine.txt", "the user's")
    before = _tree(site_root)
    with pytest.raises(NewsgenError, match=why) as refused:
        build(load_config(site_root, {"output": output}))
    assert str(site_root / folder) in str(refused.value)
    assert _tree(site_root) == before


def _tree(root):
    """Every path under `root` with its bytes (None for folders): what a build may not change."""
    return {p.relative_to(root).as_posix(): None if p.is_dir() else p.read_bytes() for p in root.rglob("*")}


def test_a_build_whose_inputs_have_not_changed_starts_no_process(site_root, monkeypatch):
    """A no-op build answers from the inputs' stamps alone: no second process is forked."""
    from newsgen.util import workers

    build(load_config(site_root))
    started = []
    monkeypatch.setattr(workers.Standby, "start", lambda self: started.append(self))
    assert build(load_config(site_root)).up_to_date and started == []
    (next((site_root / "seeds").glob("*.txt"))).touch()  # stamps changed, contents not
    assert build(load_config(site_root)).up_to_date and len(started) == 1


def test_a_page_with_a_huge_title_makes_a_small_site_and_a_warning(site_root):
    write(site_root / "content" / "pages" / "long.md", "---\ntitle: " + "Long " * 20_000 + "\n---\nBody.\n")
    report = build(load_config(site_root))
    assert any("title is 99999 characters" in str(w) and "long.md" in str(w) for w in report.warnings)
    article = next((site_root / "site" / "articles").glob("*/index.html"))
    assert len(article.read_bytes()) < 40_000  # the menu on every page; the title alone was 100 KB


def _menu(html):
    return re.search(r'<ul class="menu">(.*?)</ul>', html, re.DOTALL).group(1)


def test_sections_from_folders_give_pages_feeds_and_menu_entries(tmp_path):
    root = tmp_path / "site-src"
    for number, folder in enumerate(["business", "business", "world-news"]):
        write(root / "seeds" / folder / f"s{number}.txt",
              f"Headline number {number}\nStandfirst {number}.\nPublished 3 May 202{number}\nBody.\n")
    write(root / "seeds" / "flat.txt", "A flat headline\nStandfirst.\nPublished 3 May 2019\nBody.\n")
    write(root / "content" / "seeds" / "s1.yaml", "section: Tech\n")
    build(load_config(root))
    site = root / "site"
    menu = _menu((site / "index.html").read_text())
    assert re.findall(r'href="(sections/[^"]+)">([^<]+)<', menu) == [
        ("sections/business/index.html", "Business"), ("sections/tech/index.html", "Tech"),
        ("sections/world-news/index.html", "World news")]
    business = (site / "sections" / "business" / "index.html").read_text()
    assert "Headline number 0" in business and "Headline number 1" not in business
    assert "A flat headline" not in business
    feed = (site / "sections" / "world-news" / "feed.xml").read_text()
    assert "<title>World news — " in feed and feed.count("<entry>") == 1 and "<title>Headline number 2<" in feed
    article = (site / "articles" / "headline-number-2" / "index.html").read_text()
    assert '<p class="kicker"><a href="../../sections/world-news/index.html">World news</a></p>' in article
    assert '"articleSection": "World news"' in article
    assert '<a href="sections/tech/index.html">Tech</a> · <time' in (site / "index.html").read_text()
    flat = (site / "articles" / "a-flat-headline" / "index.html").read_text()
    assert 'class="kicker"' not in flat and "articleSection" not in flat
    assert broken_links(site) == []


def test_a_flat_seeds_folder_gives_no_sections_and_no_menu_entries(site_root):
    build(load_config(site_root))
    site = site_root / "site"
    assert not (site / "sections").exists()
    assert "sections/" not in _menu((site / "index.html").read_text())
    assert "sections/" not in (site / "search" / "index.html").read_text()


def test_the_demo_first_build_warns_of_nothing(tmp_path):
    """A newcomer's first `newsgen build` in the repository: a warning there would ask for
    what they do not have yet (a public address) or point at no file of theirs."""
    for name in ("newsgen.yaml", "urls.lock"):
        shutil.copy(REPO / name, tmp_path / name)
    for folder in ("seeds", "content"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    report = build(load_config(tmp_path))
    assert (report.warnings, report.dropped, report.articles) == ([], [], 1)


def test_the_a_to_z_has_a_page_per_initial_linked_from_the_jump_bar_with_no_broken_links(archive_site):
    for kind in ("people", "places"):
        front = (archive_site / kind / "index.html").read_text()
        initials = re.findall(r'<li><a href="(\w)/index.html"', front)
        assert len(initials) > 3 and all((archive_site / kind / i / "index.html").is_file() for i in initials)
        assert sorted(p.parent.name for p in (archive_site / kind).glob("?/index.html")) == sorted(initials)
        assert 'class="count">' in front and len(front.encode()) < 100_000
    assert broken_links(archive_site) == []
