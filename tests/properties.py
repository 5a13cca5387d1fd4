"""Properties every input must satisfy, shared by the test suite and benchmarks/fuzz.py.

The contract for hostile input: a parser returns a record with a non-empty title
and a safe slug, or raises NewsgenError naming the file and line. Nothing else.
Each `check_*` function states that contract for one entry point; the strategies
mix random text with fragments that have broken parsers before.
"""

from __future__ import annotations

import codecs
import posixpath
import re
import tempfile
from pathlib import Path

from hypothesis import strategies as st

from newsgen.config import CONFIG_NAME, load_config
from newsgen.entities import load_curation
from newsgen.errors import NewsgenError
from newsgen.records import Article, LinkCard, Tweet
from newsgen.slugs import make_slug, unique_slugs
from newsgen.sources.files import SourceFile, decode, normalise_newlines
from newsgen.sources.markdown import parse_markdown
from newsgen.sources.seed import parse_seed
from newsgen.urls import article_path, relative, tag_path

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
