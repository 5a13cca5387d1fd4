"""Markdown files with YAML front matter: hand-written articles and pages.

Files under `content/articles/` (or with `type: article`) join the archive like
seeds; every other `.md` file is a standalone page such as About.
Raw HTML in Markdown is not rendered: pages carry only what Markdown can say.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..dates import BuildDay, parse_date, path_date
from ..errors import BuildWarning, NewsgenError
from ..page_policy import EXTERNAL_LINK_REL, is_external
from ..records import Article, ContentPage, Entity, HtmlBlock
from ..slugs import make_slug
from ..yamlutil import parse_yaml
from .files import SourceFile
from .seed import MAX_HEADLINE_CHARS, WORDS_PER_MINUTE, count_words, first_usable_date, strip_bidi_controls

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

# markdown-it takes ~50 µs a character on pathological input ("![![![..."); real
# pages are far below this, and the cap keeps the worst file to seconds.
MAX_MARKDOWN_CHARS = 200_000
# Smart quotes pair each quote with those still open before it in its text block: quadratic
# in the block's quotes (200 KB of them took 24 s). Real paragraphs have a few dozen; a block
# with more than this keeps its straight quotes.
MAX_SMART_QUOTES = 2_000
_FRONT_MATTER_KEYS = {
    "title": str, "standfirst": str, "description": str, "date": object, "slug": str,
    "type": str, "people": list, "places": list, "menu": bool, "weight": int, "section": str,
}
_LINK_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_SAFE_SCHEMES = {"http", "https", "mailto"}


def _safe_link(url: str) -> bool:
    """Web, mail and relative links only: never javascript:, data:, file: or the like.
    markdown-it's own check lets `data:image/...` through; an archive has no need of it."""
    scheme = _LINK_SCHEME.match(url)
    return scheme is None or scheme.group(1).lower() in _SAFE_SCHEMES


def _render_link_open(renderer, tokens, idx, options, env) -> str:
    """Links that leave the site get rel="noopener noreferrer", set on the token, not patched into HTML."""
    token = tokens[idx]
    if is_external(str(token.attrGet("href") or "")):
        token.attrSet("rel", EXTERNAL_LINK_REL)
    return renderer.renderToken(tokens, idx, options, env)


def _render_table_cell_open(renderer, tokens, idx, options, env) -> str:
    """Column alignment as a class: the page policy blocks inline style attributes."""
    token = tokens[idx]
    style = str(token.attrGet("style") or "")
    if style.startswith("text-align:"):
        token.attrs.pop("style")
        token.attrSet("class", "align-" + style.removeprefix("text-align:"))
    return renderer.renderToken(tokens, idx, options, env)


def _bounded_smartquotes(state: StateCore) -> None:
    """markdown-it's smartquotes rule, but for text blocks of at most `MAX_SMART_QUOTES` quote
    marks: the rule's cost grows with the square of a block's quotes."""
    from markdown_it.rules_core.smartquotes import process_inlines

    if not state.md.options.typographer:
        return
    for token in state.tokens:
        if token.type != "inline" or token.children is None:
            continue
        if 0 < token.content.count('"') + token.content.count("'") <= MAX_SMART_QUOTES:
            process_inlines(token.children, state)


@functools.lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    """The parser, made on first use: most builds (an edit to a seed) parse no Markdown,
    and importing markdown-it is a tenth of newsgen's start-up."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(
        ["table", "strikethrough", "replacements", "smartquotes"]
    )
    parser.core.ruler.at("smartquotes", _bounded_smartquotes)
    parser.validateLink = _safe_link
    parser.add_render_rule("link_open", _render_link_open)
    parser.add_render_rule("th_open", _render_table_cell_open)
    parser.add_render_rule("td_open", _render_table_cell_open)
    return parser


@dataclass(frozen=True)
class FrontMatter:
    data: dict[str, Any]
    lines: dict[Any, int]
    body: str
    body_first_line: int


def split_front_matter(text: str, path: str) -> FrontMatter:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return FrontMatter({}, {}, text, 1)
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise NewsgenError("front matter opened with '---' is never closed", path, 1)
    data, key_lines = parse_yaml("\n".join(lines[1:end]), path, first_line=2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise NewsgenError("front matter must be a mapping of keys to values", path, 2)
    return FrontMatter(data, key_lines, "\n".join(lines[end + 1:]), end + 2)


def _validated(front: FrontMatter, path: str) -> tuple[dict[str, Any], list[BuildWarning]]:
    values: dict[str, Any] = {}
    warnings = []
    for key, value in front.data.items():
        line = front.lines.get(key)
        expected = _FRONT_MATTER_KEYS.get(str(key))
        if expected is None:
            warnings.append(BuildWarning(f"unknown front matter key '{key}' ignored", path, line))
            continue
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise NewsgenError(f"front matter '{key}' must be {expected.__name__}", path, line)
        if key in ("people", "places") and not all(isinstance(v, str) and v.strip() for v in value):
            raise NewsgenError(f"front matter '{key}' must be a list of names", path, line)
        if key == "date":
            parsed = parse_date(value)
            if parsed is None:
                raise NewsgenError(f"front matter 'date' is not a date: {value!r}", path, line)
            value = parsed
        values[str(key)] = value
    return values, warnings


def _plain_text(tokens: list[Token]) -> str:
    """The text of parsed Markdown, for word counts and search."""
    texts = []
    for token in tokens:
        if token.type == "inline" and token.children:
            texts.append("".join(c.content for c in token.children if c.type in ("text", "code_inline")))
    return "\n".join(t for t in texts if t)


def _capped_title(title: str, path: str, line: int | None, warnings: list[BuildWarning]) -> str:
    """A title is capped as a seed's headline is: a page's title is in every page's menu, so
    100 KB of title would be written once per page of the site."""
    if len(title) <= MAX_HEADLINE_CHARS:
        return title
    warnings.append(BuildWarning(f"title is {len(title)} characters; shortened to {MAX_HEADLINE_CHARS}", path, line))
    return title[:MAX_HEADLINE_CHARS].rstrip() + "…"


def is_article(relative: Path, front: FrontMatter) -> bool:
    kind = front.data.get("type")
    if kind is not None:
        return kind == "article"
    return relative.parts[:1] == ("articles",)


def _path_dated(path: str, warnings: list[BuildWarning], day: BuildDay) -> tuple[date | None, str]:
    """An article without a front matter date takes its path's, as a seed does; one in the
    future of the build or before 1800 is a warning and not used."""
    return first_usable_date([path_date(path) or (None, "")], path, warnings, day)


def parse_markdown(source: SourceFile, relative: Path, display_path: str,
                   day: BuildDay | None = None) -> tuple[Article | ContentPage, list[BuildWarning]]:
    if len(source.text) > MAX_MARKDOWN_CHARS:
        raise NewsgenError(f"Markdown file is {len(source.text)} characters; the limit is {MAX_MARKDOWN_CHARS} "
                           "(split it into several pages)", display_path, 1)
    front = split_front_matter(source.text, display_path)
    values, warnings = _validated(front, display_path)
    warnings = list(source.warnings) + warnings
    title = strip_bidi_controls((values.get("title") or "").strip(), "title", display_path,
                                front.lines.get("title"), warnings)
    if not title:
        raise NewsgenError("front matter needs a 'title'", display_path, 1)
    title = _capped_title(title, display_path, front.lines.get("title"), warnings)
    slug = make_slug(values.get("slug") or title, fallback=source.path.stem)
    parser = _markdown()
    env: dict[str, Any] = {}
    tokens = parser.parse(front.body, env)  # once: the HTML and the text are both read from the tokens
    html = parser.renderer.render(tokens, parser.options, env)
    if not is_article(relative, front):
        page = ContentPage(slug=slug, title=title, html=html, source_path=display_path,
                           menu=values.get("menu", True), weight=values.get("weight", 0))
        return page, warnings
    text = _plain_text(tokens)
    key = "standfirst" if values.get("standfirst") else "description"
    standfirst = strip_bidi_controls((values.get(key) or "").strip(), key, display_path,
                                     front.lines.get(key), warnings)
    words = count_words([standfirst, text])
    manual = tuple(
        Entity(name=name.strip(), slug=make_slug(name), kind=kind)
        for key, kind in (("people", "person"), ("places", "place"))
        for name in values.get(key, [])
    )
    day = day or BuildDay()
    dated = (values["date"], "front matter") if values.get("date") else _path_dated(display_path, warnings, day)
    article = Article(
        slug=slug,
        headline=title,
        standfirst=standfirst,
        date=dated[0],
        date_inferred=False,
        date_source=dated[1],
        body=(HtmlBlock(html=html, text=text),),
        source_path=display_path,
        word_count=words,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
        people=tuple(e for e in manual if e.kind == "person"),
        places=tuple(e for e in manual if e.kind == "place"),
        origin="markdown",
        section=" ".join(values.get("section", "").split()),
    )
    return article, warnings
