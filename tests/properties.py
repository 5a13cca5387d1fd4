"""Properties every input must satisfy, shared by the test suite and benchmarks/fuzz.py.

The contract for hostile input: a parser returns a record with a non-empty title
and a safe slug, or raises NewsgenError naming the file and line. Nothing else.
Each `check_*` function states that contract for one entry point; the strategies
mix random text with fragments that have broken parsers before.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import posixpath
import re
import tempfile
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

from hypothesis import strategies as st

from newsgen.config import CONFIG_NAME, load_config
from newsgen.entities import load_curation
from newsgen.errors import NewsgenError
from newsgen.model.feeds import Feed
from newsgen.model.views import ArticleView
from newsgen.records import Article, LinkCard, Tweet
from newsgen.render.feeds import FeedWriter
from newsgen.slugs import make_slug, unique_slugs
from newsgen.sources.files import SourceFile, decode, normalise_newlines, replace_forbidden
from newsgen.sources.markdown import parse_markdown
from newsgen.sources.overrides import load_override
from newsgen.sources.seed import parse_seed
from newsgen.urls import article_path, relative, tag_feed_path, tag_path

SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

SEED_FRAGMENTS = [
    "", " ", "\t", "\r", "\ufeff", "\u2028", "\x00", "...", "..", "/", "🙂🙂", "—", "–",
    "Headline: Minister resigns", "'Cautious optimism'", "US officials said on Sunday.",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "https://www.youtube.com/watch?v=x", "www.example.org",
    "http://t.co/abc", "pic.twitter.com/abc", "— TRT World Now (@TRTWorldNow) August 18, 2024",
    "- a (@b)", "— (@x)", "18 August 2024", "2024-02-30", "September 31st, 1999", "' \" ’ ”",
    "x" * 400, " " * 300, "a " * 200,
]
MARKDOWN_FRAGMENTS = [
    "---", "...", "title: T", "title: ''", "title: [a", "slug: ../../x", "slug: ..", "type: page",
    "type: article", "date: 2024-01-01", "date: 31 February 2024", "people: [A, B]", "people: 3",
    "menu: yes", "weight: x", "a: &x [1]", "b: *x", "!!python/object/apply:os.system [ls]",
    "- list", "[x](javascript:alert(1))", "<script>alert(1)</script>", "![i](data:text/html,x)",
    "# Heading", "    code", "```", "| a | b |", "|---|---|",
]
CONFIG_FRAGMENTS = [
    "title: T", "page_size: 0", "page_size: 5", "page_size: true", "page_size: 1e9", "base_url: ftp://x",
    "base_url: https://e.org/x", "base_url: https://[", "base_url: 'https://e.org/\"><'", "output: /", "output: ''", "seeds: ../..", "content: ~", "colour: red",
    "1: one", "null: x", "? [a, b]\n: c", "a: &x [1]", "b: *x", "!!python/name:os.system", "- a", "{",
    "title: !!binary aGk=", "title: 2024-01-01", "language: [en]",
]
CURATION_FRAGMENTS = [
    "entities:", "ignore:", "  - name: Antony Blinken", "  - name: ../../x", "  - name: <script>x</script>",
    "    kind: person", "    kind: planet", "    aliases: [Blinken, Tony]", "    aliases: Gaza",
    "    description: One line.", "  - Hamas", "  - {}", "  - name: ''", "  - !!python/name:os.system",
    "a: &x [1]", "b: *x", "[[[[[[[[", "\x01",
]


def _documents(fragments: list[str]) -> st.SearchStrategy[str]:
    line = st.one_of(st.sampled_from(fragments), st.text(max_size=40))
    return st.lists(line, max_size=12).map("\n".join)


def seed_bytes() -> st.SearchStrategy[bytes]:
    """Bytes as a seed file might hold them: random, or text in any encoding we accept."""
    text = _documents(SEED_FRAGMENTS)
    encoded = st.tuples(text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    )
    with_bom = st.tuples(st.sampled_from([codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8]),
                         st.binary(max_size=200)).map(b"".join)
    return st.one_of(encoded, st.binary(max_size=300), with_bom)


def markdown_texts() -> st.SearchStrategy[str]:
    return _documents(MARKDOWN_FRAGMENTS)


def config_texts() -> st.SearchStrategy[str]:
    return _documents(CONFIG_FRAGMENTS)


def curation_texts() -> st.SearchStrategy[str]:
    return _documents(CURATION_FRAGMENTS)


def _assert_located(exc: NewsgenError, path: str) -> None:
    assert exc.path == path, f"error without the file: {exc}"
    assert exc.line is not None and exc.line >= 1, f"error without a line: {exc}"


def assert_safe_slug(slug: str) -> None:
    assert SAFE_SLUG.fullmatch(slug), f"unsafe slug {slug!r}"


def check_seed(data: bytes) -> None:
    name = "fuzz.txt"
    try:
        text, decode_warnings = decode(data, name)
        source = SourceFile(Path(name), normalise_newlines(text), decode_warnings)
        article, warnings = parse_seed(source, name)
    except NewsgenError as exc:
        _assert_located(exc, name)
        return
    assert article.headline.strip()
    assert_safe_slug(article.slug)
    assert all(w.path == name and w.line for w in warnings)
    for block in article.body:
        if isinstance(block, (LinkCard, Tweet)):
            assert block.url.startswith(("https://", "http://")), block


def check_markdown(text: str, folder: str = "articles") -> None:
    name = "fuzz.md"
    try:
        item, warnings = parse_markdown(SourceFile(Path(name), text), Path(folder, name), name)
    except NewsgenError as exc:
        _assert_located(exc, name)
        return
    assert (item.headline if isinstance(item, Article) else item.title).strip()
    assert_safe_slug(item.slug)
    html = item.body[0].html if isinstance(item, Article) else item.html
    assert "<script" not in html and 'href="javascript:' not in html
    assert all(w.path == name for w in warnings)


def check_config(text: str, root: Path | None = None) -> None:
    """`root` lets a fuzz run reuse one folder; the property writes only newsgen.yaml there."""
    if root is None:
        with tempfile.TemporaryDirectory() as tmp:
            return check_config(text, Path(tmp))
    path = root / CONFIG_NAME
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        config = load_config(root)
    except NewsgenError as exc:
        _assert_located(exc, str(path.resolve()))
        return
    assert config.page_size >= 1
    assert not config.base_url or config.base_url.startswith(("http://", "https://"))


def check_curation(text: str, root: Path) -> None:
    """entities.yaml loads, or fails naming file and line; display names slug safely."""
    path = root / "entities.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        curation = load_curation(path)
    except NewsgenError as exc:
        _assert_located(exc, str(path))
        return
    for entry in curation.entities:
        assert entry.name.strip()
        assert_safe_slug(make_slug(entry.name, fallback=entry.name))


def check_slugs(names: list[str]) -> None:
    """Slugs are safe and distinct, and links between their pages resolve to them."""
    slugs = unique_slugs([make_slug(name, fallback=name) for name in names])
    assert len(set(slugs)) == len(slugs)
    for slug in slugs:
        assert_safe_slug(slug)
        page, target = article_path(slug), tag_path("person", slug)
        link = relative(page, target)
        assert posixpath.normpath(posixpath.join(posixpath.dirname(page), link)) == target


# Text that has broken feeds before, or could: controls XML forbids, bidi controls,
# XML's own specials, character references written out, and words longer than a line.
HOSTILE_TEXT_FRAGMENTS = [
    "\x01", "\x08", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\ufffe", "\uffff",
    "\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u061c", "&", "<", ">", '"', "'", "]]>",
    "<![CDATA[x]]>", "<!--", "-->", "--", "<?xml version='1.0'?>", "<script>alert(1)</script>",
    "&amp;", "&lt;b&gt;", "&#0;", "&#x1;", "&#xD800;", "&#65;", "&#x202E;", "&nbsp;", "&bogus;", "&#",
    "x" * 5_000, "W" * 301, "Ünïcödé", "🙂" * 50, "18 August 2024", "2024-02-30",
]


def _hostile_line() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(HOSTILE_TEXT_FRAGMENTS), st.text(max_size=20))
    return st.lists(piece, min_size=1, max_size=6).map("".join)


def hostile_feed_sources() -> st.SearchStrategy[tuple[str, object, object]]:
    """("seed", bytes, a date) or ("markdown", text, a date): one article's source whose headline,
    standfirst, body (and in Markdown, people and places) hold hostile text; the date is the
    article's where its source gives none. In front matter every value is a JSON string, which
    YAML reads with its escapes, so "\\x01" or "\\ud800" reach the article as characters."""
    lines = st.lists(_hostile_line(), min_size=1, max_size=8)
    seed = st.tuples(st.just("seed"), lines.map(lambda ls: "\n".join(ls).encode("utf-8", "surrogatepass")), st.dates())
    values = st.tuples(_hostile_line(), st.booleans())
    front = st.tuples(st.booleans(), values, values, st.lists(values, max_size=3), st.lists(values, max_size=2),
                      lines).map(_front_matter)
    markdown = st.tuples(st.just("markdown"), front, st.dates())
    return st.one_of(seed, markdown)


_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_YAML_REFUSES = re.compile(r"[\x7f-\x84\x86-\x9f]")  # written as they are: PyYAML's reader refuses them too


def _front_matter(parts: tuple) -> str:
    """Front matter of JSON strings, which YAML reads with their escapes. In half the
    documents every value loses the characters YAML refuses (naming their line), so that
    as many reach the feed as not."""
    clean, title, description, people, places, body = parts

    def scalar(value: tuple[str, bool]) -> str:
        text, ascii_only = value
        return json.dumps(_YAML_REFUSES.sub("", _XML_FORBIDDEN.sub("", text)) if clean else text,
                          ensure_ascii=ascii_only)

    return (f"---\ntitle: {scalar(title)}\ndescription: {scalar(description)}\n"
            f"people: [{', '.join(map(scalar, people))}]\nplaces: [{', '.join(map(scalar, places))}]\n---\n"
            + "\n\n".join(body) + "\n")


_ATOM = "{http://www.w3.org/2005/Atom}"
_ATOM_DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _feed_article(source: tuple[str, object, object]) -> Article | None:
    """The article the pipeline's reading and parsing make of `source`, or None where it
    refused it with a located error."""
    kind, data, when = source
    name = "fuzz.txt" if kind == "seed" else "fuzz.md"
    try:
        if kind == "seed":
            text, _ = decode(data, name)
        else:
            text = data
        text, _ = replace_forbidden(normalise_newlines(text), name)
        if kind == "seed":
            article, _ = parse_seed(SourceFile(Path(name), text), name)
        else:
            article, _ = parse_markdown(SourceFile(Path(name), text), Path("articles", name), name)
    except NewsgenError as exc:
        _assert_located(exc, name)
        return None
    return article if article.date else dataclasses.replace(article, date=when)


def _read_as_xml(text: str) -> str:
    """`text` as an XML parser reads it back from element content: CR (which a YAML escape can
    put in a title) becomes LF, as XML's end-of-line handling asks."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_feed(source: tuple[str, object, object], base_url: str = "") -> None:
    """The site's feed and each tag feed holding the article are well-formed XML, in UTF-8,
    with the article's headline and names as written, and valid Atom dates."""
    article = _feed_article(source)
    if article is None:
        return
    view = ArticleView(article, article_path(article.slug), article.date.isoformat(), "", (), ())
    feeds = [Feed("feed.xml", "Fuzz archive", "index.html", (view,))]
    for entity in article.people + article.places:
        page = tag_path(entity.kind, make_slug(entity.name, fallback=entity.name))
        feeds.append(Feed(tag_feed_path(page), f"{entity.name} — Fuzz archive", page, (view,)))
    writer = FeedWriter("Fuzz archive", base_url, "en")
    for feed in feeds:
        root = ElementTree.fromstring(writer.atom(feed).encode("utf-8"))
        assert root.tag == f"{_ATOM}feed"
        assert root.findtext(f"{_ATOM}title") == _read_as_xml(feed.title)
        entry = root.find(f"{_ATOM}entry")
        assert entry.findtext(f"{_ATOM}title") == _read_as_xml(article.headline)
        assert (entry.findtext(f"{_ATOM}summary") or "") == _read_as_xml(article.standfirst)
        assert [c.get("term") for c in entry.iter(f"{_ATOM}category")] == [
            e.name for e in article.people + article.places]
        for stamp in [root.findtext(f"{_ATOM}updated"), entry.findtext(f"{_ATOM}updated"),
                      entry.findtext(f"{_ATOM}published")]:
            assert _ATOM_DATE.fullmatch(stamp), stamp
            assert datetime.fromisoformat(stamp).date() == article.date


def _digits(low: int, high: int, width: int) -> st.SearchStrategy[str]:
    return st.tuples(st.integers(low, high), st.integers(1, width)).map(lambda p: str(p[0]).zfill(p[1]))


def date_scalars() -> st.SearchStrategy[str]:
    """Scalars YAML may read as a date or a timestamp, valid or not: any year, month and day
    (0 and past the month's end too), times with fractions, zones past ±24 hours; quoted,
    and dates in prose."""
    year = st.one_of(_digits(1900, 2100, 4), _digits(0, 99_999, 5))
    month = st.one_of(_digits(1, 12, 2), _digits(0, 13, 2))
    day = st.tuples(year, month, st.one_of(_digits(1, 28, 2), _digits(0, 32, 2))).map("-".join)
    clock = st.tuples(st.sampled_from(["T", "t", " ", "  "]), _digits(0, 25, 2), _digits(0, 61, 2),
                      _digits(0, 61, 2), st.sampled_from(["", ".5", ".000001", ".1234567890"])).map(
        lambda p: f"{p[0]}{p[1]}:{p[2]}:{p[3]}{p[4]}")
    zone = st.one_of(st.sampled_from(["", "Z", " Z", "z"]), st.tuples(
        st.sampled_from(["+", "-", " +", " -"]), st.one_of(_digits(0, 14, 2), _digits(0, 99, 2)), st.sampled_from(["", ":00", ":30", ":99"])).map(
        "".join))
    stamp = st.tuples(day, st.one_of(st.just(("", "")), st.tuples(clock, zone))).map(lambda p: p[0] + "".join(p[1]))
    prose = st.tuples(st.integers(0, 40), st.sampled_from(["February", "Sept.", "sep", "Smarch", "ſep"]),
                      _digits(0, 99_999, 4)).map(lambda p: f"{p[0]} {p[1]} {p[2]}")
    plain = st.one_of(stamp, prose, st.sampled_from(["", "~", "null", "yes", "0", "1e9", "[2024-01-01]",
                                                     "{a: 1}", "2024-01-01 10:00", "2024-1-1", "2024-01-01T"]))
    quoted = plain.map(lambda s: json.dumps(s))
    return st.one_of(plain, quoted)


def date_documents() -> st.SearchStrategy[tuple[str, str]]:
    """("override", YAML) or ("markdown", front matter and body), each with a `date:` among
    other lines, so an error names a line other than the first."""
    other = st.sampled_from(["headline: A headline", "standfirst: Text.", "people: [A B]", "# comment", ""])
    lines = st.tuples(st.lists(other, max_size=3), date_scalars(), st.lists(other, max_size=2)).map(
        lambda p: "\n".join([*p[0], f"date: {p[1]}", *p[2]]))
    override = lines.map(lambda text: ("override", text))
    markdown = lines.map(lambda text: ("markdown", "---\ntitle: T\n" + text.replace("headline:", "slug:")
                                       + "\n---\nBody.\n"))
    return st.one_of(override, markdown)


def check_date_document(document: tuple[str, str], root: Path | None = None) -> None:
    """A YAML date gives the day as written, or a NewsgenError naming the file and line."""
    kind, text = document
    if kind == "override":
        if root is None:
            with tempfile.TemporaryDirectory() as tmp:
                return check_date_document(document, Path(tmp))
        path = root / "fuzz.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            when = load_override(path).date
        except NewsgenError as exc:
            _assert_located(exc, str(path))
            return
    else:
        try:
            item, _ = parse_markdown(SourceFile(Path("fuzz.md"), text), Path("articles", "fuzz.md"), "fuzz.md")
        except NewsgenError as exc:
            _assert_located(exc, "fuzz.md")
            return
        when = item.date
    assert when is None or type(when) is date, repr(when)
    if when is not None:
        assert _ATOM_DATE.fullmatch(f"{when.isoformat()}T00:00:00Z"), when
