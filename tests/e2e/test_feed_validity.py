"""Every Atom feed the build writes meets RFC 4287's required structure."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..conftest import write

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


def atom_problems(path: Path) -> list[str]:
    """What makes `path` an invalid Atom feed; [] when it is valid."""
    problems = []
    feed = ET.parse(path).getroot()

    def once(element: ET.Element, name: str, where: str) -> ET.Element | None:
        found = element.findall(ATOM + name)
        if len(found) != 1:
            problems.append(f"{where}: {len(found)} <{name}>, want exactly 1")
            return None
        return found[0]

    def check(element: ET.Element, where: str) -> None:
        ident, updated = once(element, "id", where), once(element, "updated", where)
        once(element, "title", where)
        if ident is not None and not urlsplit((ident.text or "").strip()).scheme:
            problems.append(f"{where}: <id> {ident.text!r} is not an absolute IRI")
        if updated is not None and not RFC3339.fullmatch((updated.text or "").strip()):
            problems.append(f"{where}: <updated> {updated.text!r} is not an RFC 3339 date-time")
        for link in element.findall(ATOM + "link"):
            if not link.get("href"):
                problems.append(f"{where}: <link> without href")

    if feed.tag != ATOM + "feed":
        return [f"{path.name}: root is {feed.tag}, not an Atom <feed>"]
    check(feed, path.name)
    feed_author = feed.find(ATOM + "author") is not None
    for number, entry in enumerate(feed.findall(ATOM + "entry"), start=1):
        where = f"{path.name} entry {number}"
        check(entry, where)
        if not feed_author and entry.find(ATOM + "author") is None:
            problems.append(f"{where}: no <author> in the entry or the feed")
        if entry.find(ATOM + "content") is None and not any(
                link.get("rel", "alternate") == "alternate" for link in entry.findall(ATOM + "link")):
            problems.append(f"{where}: neither <content> nor an alternate <link>")
    return problems


def atom_feeds(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.xml")) if ET.parse(p).getroot().tag == ATOM + "feed"]


def test_every_feed_the_build_wrote_is_valid_atom(archive_site):
    feeds = atom_feeds(archive_site)
    if not feeds:
        pytest.skip("this build writes no Atom feeds yet")
    assert [problem for feed in feeds for problem in atom_problems(feed)] == []


def test_the_check_finds_what_rfc_4287_forbids(tmp_path):
    feed = write(tmp_path / "feed.xml", f"""<feed xmlns="{ATOM[1:-1]}"><id>relative/id</id><title>t</title>
<updated>2024-08-18</updated><entry><title>e</title><updated>2024-08-18T10:00:00Z</updated></entry></feed>""")
    assert atom_problems(feed) == [
        "feed.xml: <id> 'relative/id' is not an absolute IRI",
        "feed.xml: <updated> '2024-08-18' is not an RFC 3339 date-time",
        "feed.xml entry 1: 0 <id>, want exactly 1",
        "feed.xml entry 1: no <author> in the entry or the feed",
        "feed.xml entry 1: neither <content> nor an alternate <link>",
    ]
    good = write(tmp_path / "good.xml", f"""<feed xmlns="{ATOM[1:-1]}"><id>urn:x:1</id><title>t</title>
<updated>2024-08-18T10:00:00+01:00</updated><author><name>a</name></author>
<entry><id>urn:x:2</id><title>e</title><updated>2024-08-18T10:00:00Z</updated><link href="a.html"/></entry></feed>""")
    write(tmp_path / "sitemap.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')
    assert atom_problems(good) == [] and atom_feeds(tmp_path) == [feed, good]


def test_control_characters_in_a_seed_leave_its_feeds_well_formed(tmp_path):
    """Text pasted from a PDF (form feed, ESC, a NUL past the first 8 KB) is read with a warning."""
    from newsgen.build import build
    from newsgen.config import load_config

    root = tmp_path / "src"
    body = "The minister met the mayor on 3 May 2024.\n" * 250  # pushes the NUL past 8 KB
    write(root / "seeds" / "pdf.txt",
          f"Minister\x0c visits Lisbon\nA short \x1b[31mvisit.\n{body}Last page\x00 of the report.\n")
    write(root / "newsgen.yaml", "title: Desk\nbase_url: https://example.org/\n")
    report = build(load_config(root))
    feeds = atom_feeds(root / "site")
    assert feeds
    assert [problem for feed in feeds for problem in atom_problems(feed)] == []
    assert [(w.path, w.line) for w in report.warnings if "control character" in w.message] == [
        ("seeds/pdf.txt", 1)]
