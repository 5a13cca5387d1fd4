"""A site built from hostile input: every bad file is reported, nothing runs, nothing escapes.

One build (module fixture) of seeds, Markdown, overrides and entities.yaml written to
break things: bad encodings, binary data, a 20 MB line, slugs that try to climb out of
the output folder, and script payloads in every field. The tests then check the report,
walk every output file for live markup, and compare the tree outside the output folder
before and after.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from newsgen.build import build
from newsgen.config import load_config
from newsgen.incremental.record_store import CACHE_DIR

from ..conftest import broken_links, write

# Every payload carries XSS so a live one can be told from the theme's own markup.
SCRIPT = "<script>alert('XSS')</script>"
PAYLOADS = [
    SCRIPT,
    "</script><script>alert('XSS')</script>",
    "<img src=x onerror=alert('XSS')>",
    "<svg onload=alert('XSS')>",
    '"><iframe src="javascript:alert(\'XSS\')"></iframe>',
    "]]></description><script>alert('XSS')</script>",
    "\u2028</script>XSS",
]
ALL = " ".join(PAYLOADS)
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "xlink:href"}
FOREIGN_TAGS = {"iframe", "object", "embed", "base", "frame"}  # the theme uses none of these


def _seeds(seeds: Path, outside: Path) -> None:
    write(seeds / "good.txt", "Minister visits Lisbon\nA short visit.\nThe minister met the mayor on 3 May 2024.\n")
    write(seeds / "empty.txt", "")
    write(seeds / "blank.txt", " \n\t\n\n")
    write(seeds / "headline-only.txt", "Only a headline here\n")
    write(seeds / "binary.txt", bytes(range(256)) * 4)
    write(seeds / "bad-utf8.txt", b"Caf\xc3 and \xff bytes\nStand.\nBody.\n")
    write(seeds / "utf16.txt", "Nouvelles de Zürich\nStandfirst.\nBody.\n".encode("utf-16"))
    write(seeds / "cp1252.txt", "Caf\xe9 \u201cquoted\u201d\nStand.\nBody.\n".encode("cp1252"))
    write(seeds / "huge-line.txt", "word " * 4_000_000)
    write(seeds / "huge-body.txt", "A headline over a huge body\n" + "word " * 4_000_000 + "\n")
    write(seeds / "long-headline.txt", "Long " * 400 + "\nStand.\n")
    write(seeds / "dup-a.txt", "Same headline twice\nFirst copy.\n")
    write(seeds / "dup-b.txt", "Same headline twice\nSecond copy.\n")
    write(seeds / "emoji.txt", "🙂🙂🙂 !!! ???\nA story told in emoji.\n")
    write(seeds / "dots.txt", "..\nA story called dot dot.\n")
    write(seeds / "xss.txt", "\n".join([
        f"Headline {SCRIPT}", f"Standfirst {PAYLOADS[2]}", "",
        f"Paragraph {PAYLOADS[1]} {PAYLOADS[4]}", "",
        f"{PAYLOADS[3]} short", "", f"Tweet text {PAYLOADS[5]}",
        f"— Evil {SCRIPT} (@evil) August 18, 2024", "",
        "javascript:alert('XSS')", "", "data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4=", "",
        "../../etc/passwd", "", "//evil.example/XSS", "", "https://ok.example/\"><script>alert('XSS')</script>", "",
        "https://ok.example/'onmouseover='alert(`XSS`)", "", f"Last {PAYLOADS[6]}.",
    ]))
    secret = write(outside / "secret.txt", "Secret outside the seeds\nDo not publish.\n")
    os.symlink(secret, seeds / "link-out.txt")
    os.symlink(seeds / "missing.txt", seeds / "link-broken.txt")
    (seeds / "folder.txt").mkdir()
    os.mkfifo(seeds / "fifo.txt")
    write(seeds / "overridden.txt", "Its override is broken\nSo it waits for the editor.\n")
    write(seeds / "unreadable.txt", "Never read\nBecause the disk fails.\n")


def _quoted(text: str) -> str:
    """A YAML single-quoted scalar, so the payload arrives intact."""
    return "'" + text.replace("'", "''") + "'"


def _content(content: Path) -> None:
    write(content / "articles" / "xss.md", "\n".join([
        "---", "title: " + _quoted(f"Hand {SCRIPT}"), "slug: ../../../escaped", "standfirst: " + _quoted(PAYLOADS[2]),
        "people: ['../../people-escape', 'a/b/../c', " + _quoted(PAYLOADS[2]) + "]",
        "places: ['..', '/etc']", "---",
        f"Body {SCRIPT}", "", PAYLOADS[4], "", "[click](javascript:alert('XSS')) [data](data:text/html,XSS)",
        "", "![img](javascript:alert('XSS')) <a href=\"javascript:alert('XSS')\">raw</a>", "",
        "[rel](../../index.html) ![i](data:image/png;base64,iVBO) <svg onload=alert('XSS')>",
    ]))
    write(content / "articles" / "huge.md", "---\ntitle: Huge\n---\n" + "![" * 10_000_000)
    write(content / "articles" / "unclosed.md", "---\ntitle: Never closed\n\nBody.\n")
    write(content / "articles" / "python-tag.md", "---\ntitle: !!python/object/apply:os.system ['touch PWNED']\n---\nB.\n")
    bomb = ["a: &a ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol']"]
    bomb += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
             for i in range(8)]
    write(content / "articles" / "alias-bomb.md", "---\ntitle: Bomb\n" + "\n".join(bomb) + "\n---\nB.\n")
    write(content / "pages" / "about.md", "---\ntitle: " + _quoted(f"About {SCRIPT}") + "\nslug: ../../../../about-escape\n---\nUs.\n")
    write(content / "seeds" / "good.yaml", "\n".join([
        "headline: " + _quoted(f"Corrected {PAYLOADS[1]}"), "standfirst: " + _quoted(PAYLOADS[4]),
        "people: ['../../../override-escape', " + _quoted(PAYLOADS[1]) + "]", "places: ['../..']",
    ]))
    write(content / "seeds" / "overridden.yaml", "headline: !!python/object/apply:os.system ['touch PWNED']\n")
    write(content / "entities.yaml", "\n".join([
        "entities:", "  - name: " + _quoted(f"{SCRIPT} Minister"), "    kind: person",
        "    aliases: [minister, the minister]", "    description: " + _quoted(PAYLOADS[2]),
        "  - name: ../../../curated-escape", "    kind: place", "    aliases: [Lisbon]",
    ]))


def _tree(root: Path, skip: Path) -> dict[str, tuple]:
    """Every path under root except `skip`, with what could change about it."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if here / d != skip]
        for name in dirnames + filenames:
            stat = (here / name).lstat()
            content = () if name in dirnames else (stat.st_size, stat.st_mtime_ns)  # a folder's mtime moves with its entries
            found[(here / name).relative_to(root).as_posix()] = (stat.st_mode, *content)
    return found


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Build the hostile site once; yield (root, report, tree before, tree after)."""
    tmp = tmp_path_factory.mktemp("hostile")
    root = tmp / "src"
    _seeds(root / "seeds", tmp / "outside")
    _content(root / "content")
    write(root / "newsgen.yaml", "\n".join([
        "title: " + _quoted(f"Desk {SCRIPT}"), "description: " + _quoted(PAYLOADS[2]),
        "language: en-GB",  # a hostile one is refused: tests/test_config.py
        "base_url: https://example.org/archive/",  # a hostile one is refused: tests/test_config.py
    ]))
    before = _tree(tmp, root / "site")
    failing = root / "seeds" / "unreadable.txt"
    real_read_bytes = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path == failing:
            raise OSError(5, "Input/output error")
        return real_read_bytes(path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "read_bytes", read_bytes)
        report = build(load_config(root))
    yield root, report, before, _tree(tmp, root / "site")


def _located(items) -> dict[str, str]:
    return {Path(item.path).name: f"{item.line}: {item.message}" for item in items}


def test_every_seed_without_a_page_is_reported_with_its_reason(hostile):
    _, report, _, _ = hostile
    dropped = _located(report.dropped)
    expected = {
        "empty.txt": "1: empty file", "blank.txt": "1: empty file", "binary.txt": "1: looks like binary",
        "link-out.txt": "None: a link to a file outside", "link-broken.txt": "None: a link to a file that does not",
        "folder.txt": "None: not a regular file", "fifo.txt": "None: not a regular file",
        "unreadable.txt": "None: cannot read: Input/output error", "unclosed.md": "1: front matter opened",
        "python-tag.md": "2: invalid YAML", "alias-bomb.md": "4: invalid YAML: YAML aliases are not allowed",
        "overridden.yaml": "1: invalid YAML", "huge.md": "1: Markdown file is 20000020 characters",
    }
    assert {name: dropped.get(name, "")[: len(why)] for name, why in expected.items()} == expected
    assert set(dropped) == set(expected)
    assert dropped["overridden.yaml"].endswith("seed 'overridden' is left out until this is fixed")


def test_survivable_problems_are_warnings_naming_file_and_line(hostile):
    _, report, _, _ = hostile
    warnings = {f"{Path(w.path).name}:{w.line}: {w.message}" for w in report.warnings if w.path}
    for expected in ("headline-only.txt:1: headline with no body",
                     "bad-utf8.txt:1: not valid UTF-8; decoded as Windows-1252",
                     "cp1252.txt:1: not valid UTF-8; decoded as Windows-1252",
                     "huge-line.txt:1: line is 19999999 characters; cut to 100000",
                     "huge-body.txt:2: line is 19999999 characters; cut to 100000",
                     "long-headline.txt:1: headline is 1999 characters; shortened to 300"):
        assert any(w.startswith(expected) for w in warnings), (expected, sorted(warnings))


def test_every_buildable_seed_has_a_page(hostile):
    root, report, _, _ = hostile
    site = root / "site"
    articles = {p.name for p in (site / "articles").iterdir()}
    assert {"same-headline-twice", "same-headline-twice-2", "emoji", "dots", "only-a-headline-here"} <= articles
    assert "escaped" in articles and (site / "about-escape" / "index.html").is_file()
    assert report.articles == len(articles) == 14
    assert broken_links(site) == []


class _Live(HTMLParser):
    """Collects markup that would run or load something: the injection we look for."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: str | None = None  # the type of the <script> we are in

    def handle_starttag(self, tag, attrs):
        self._script = dict(attrs).get("type") or "text/javascript" if tag == "script" else None
        if tag in FOREIGN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=>")
            cleaned = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name in URL_ATTRIBUTES and cleaned.startswith(BAD_SCHEMES):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag):
        self._script = None

    def handle_data(self, data):
        if self._script is None:
            return
        if self._script.endswith("json"):
            try:
                json.loads(data)  # a data block that stayed whole: never run
                return
            except ValueError:
                pass
        elif "XSS" not in data:
            return  # the theme's own code
        self.found.append(f"script content {data[:60]!r}")


def live_markup(html: str) -> list[str]:
    parser = _Live()
    parser.feed(html)
    parser.close()
    return parser.found


def injections(path: Path, text: str) -> list[str]:
    """What in one output file could run a payload, by the rules of its format."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return live_markup(text)
    if suffix in (".xml", ".rss", ".atom"):
        found = []
        for element in ElementTree.fromstring(text.encode("utf-8")).iter():
            name = element.tag.rsplit("}", 1)[-1]
            # RSS descriptions are HTML; Atom text constructs only when they say so.
            as_html = name in ("description", "encoded") or element.get("type") in ("html", "xhtml")
            if as_html:
                found += live_markup(element.text or "")
            found += [f"{k}={v}" for k, v in element.attrib.items() if v.lower().startswith(BAD_SCHEMES)]
        return found
    if suffix in (".js", ".json", ".mjs"):
        # Data that may be inlined in a <script> must not be able to close it.
        return [m.group() for m in re.finditer(r"(?i)</?script|<!--|\u2028|\u2029", text)]
    return [m.group() for m in re.finditer(r"(?i)<script|onerror=|javascript:alert", text)]


def test_no_output_file_carries_live_markup(hostile):
    root, _, _, _ = hostile
    checked = 0
    for path in sorted((root / "site").rglob("*")):
        if not path.is_file() or path.relative_to(root / "site").parts[0] == "static":
            continue  # static/ is the theme's own code and the site's own files, copied as they are
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images and fonts come from the theme, not from input
        assert injections(path, text) == [], path
        checked += 1
    assert checked > 20
    hostile_page = (root / "site" / "articles" / "escaped" / "index.html").read_text()
    assert "&lt;script&gt;alert(&#39;XSS&#39;)&lt;/script&gt;" in hostile_page  # shown, as text


@pytest.mark.parametrize("html, found", [
    ("<p>&lt;script&gt;</p>", []),
    ("<p><script>alert('XSS')</script></p>", ["script content \"alert('XSS')\""]),
    ("<a href=' javascript:x'>a</a>", ["<a href= javascript:x>"]),
    ("<img src=x onerror=y>", ["<img onerror=>"]),
    ("<iframe src=x></iframe>", ["<iframe>"]),
])
def test_the_checker_finds_live_markup(html, found):
    assert live_markup(html) == found


def test_nothing_is_written_outside_the_output_folder(hostile):
    root, _, before, after = hostile
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    cache = {path for path in changed if path == f"src/{CACHE_DIR}" or path.startswith(f"src/{CACHE_DIR}/")}
    assert cache, "the build cache is one other place a build writes; the URL register (urls.lock) the other"
    assert changed - cache == {"src/.site.lock", "src/urls.lock"}
    assert all(re.fullmatch(r"(articles|people|places)/[a-z0-9-]+/", line.partition("\t")[2])
               for line in (root / "urls.lock").read_text(encoding="utf-8", errors="surrogateescape").splitlines()
               if not line.startswith("#"))
    assert not (root.parent / "outside" / "PWNED").exists() and not Path("PWNED").exists()
