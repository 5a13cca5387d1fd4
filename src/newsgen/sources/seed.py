"""Turn one plain-text seed into an `Article` record.

The format is what people actually save: line 1 the headline, line 2 the
standfirst, then paragraphs one per line or separated by blank lines. A file
whose line 2 is blank (the BBC layout) takes its first paragraph as standfirst.
Wire copy, hard-wrapped at a fixed width with paragraphs marked by an indent or a
blank line, is recognised per file (`_is_wire_layout`) and its lines joined.

A seed's date is never one written in its prose: a news story names birthdays,
anniversaries and old events, and the latest of them is no more its date than the
first. It comes from the path, a dateline or published line at the top, or an
embedded post's attribution (`_dated`), and the article records which.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from itertools import filterfalse
from urllib.parse import urlsplit

from ..dates import (
    APPROXIMATE_SOURCES,
    BuildDay,
    dateline_date,
    dateline_of,
    find_dates,
    path_date,
    path_year,
    published_date,
)
from ..errors import BuildWarning, NewsgenError
from ..records import Article, Block, LinkCard, Paragraph, Subheading, Tweet
from ..slugs import make_slug
from .files import SourceFile

WORDS_PER_MINUTE = 230
MAX_HEADLINE_CHARS = 300
# No real paragraph is this long; longer lines are cut (with a warning) so a
# runaway file costs seconds, not minutes, in parsing and entity extraction.
MAX_LINE_CHARS = 100_000
# The longest real article is a few tens of thousands of characters; text past this
# is left out (with a warning) so entity extraction stays at seconds per file.
MAX_ARTICLE_CHARS = 1_000_000
# Tweet attributions are short; longer lines are never tried against the pattern.
MAX_ATTRIBUTION_CHARS = 200
SUBHEADING_MAX_CHARS = 70
SUBHEADING_MAX_WORDS = 9

_ATTRIBUTION = re.compile(
    r"^[—–-]{1,2}\s*(?P<name>[^()]+?)\s*\(@(?P<handle>[A-Za-z0-9_]{1,15})\)\s*(?P<when>.*)$"
)
# No leading `\s*` in patterns used with search/sub: on a long run of spaces that
# backtracks quadratically. Spaces are tidied afterwards instead.
_PIC_LINK = re.compile(r"(?:https?://)?pic\.twitter\.com/[A-Za-z0-9]+")
_TRAILING_LINK = re.compile(r"https?://t\.co/[A-Za-z0-9]+$")
_BARE_URL = re.compile(r"^(?:https?://|www\.)[^\s<>\"]+$", re.IGNORECASE)
_CLOSING_QUOTES = "'\"’”»)]"
_TERMINAL = ".!?;:,…"
_WORD = re.compile(r"\w++(?:['’-]\w++)*+")  # possessive: a word never gives back letters
# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): in a headline
# they make it display reversed or reordered text, in listings, feeds and tabs alike.
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# HTML character references, as text copied from a web page keeps them (`&#163;1.8m`).
# Only those closed by `;`: html.unescape alone also takes `&copy` in `?a=1&copy=2`.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_CARD_KINDS = {
    "youtube.com": "youtube", "youtu.be": "youtube", "m.youtube.com": "youtube",
    "twitter.com": "x", "x.com": "x", "mobile.twitter.com": "x",
}


@dataclass(slots=True)  # not frozen: made for every line of every seed, and frozen costs
class _Line:
    number: int
    text: str


def _character(reference: re.Match[str]) -> str:
    """The character a reference names; a control character (`&#10;`, which would split a
    headline) or a name HTML does not know stays as written."""
    decoded = html.unescape(reference.group())
    return reference.group() if any(unicodedata.category(c) == "Cc" for c in decoded) else decoded


def decode_references(text: str) -> str:
    return _CHARACTER_REFERENCE.sub(_character, text) if "&" in text else text


def _numbered_lines(raw: list[str], path: str, warnings: list[BuildWarning]) -> list[_Line]:
    lines = []
    kept = 0
    for number, line in enumerate(raw, start=1):
        line = line.strip()
        if len(line) > MAX_LINE_CHARS:
            warnings.append(BuildWarning(
                f"line is {len(line)} characters; cut to {MAX_LINE_CHARS}", path, number))
            line = line[:MAX_LINE_CHARS].rstrip()
        line = decode_references(line)
        kept += len(line)
        if kept > MAX_ARTICLE_CHARS:
            warnings.append(BuildWarning(
                f"article is longer than {MAX_ARTICLE_CHARS} characters; left out from this line on", path, number))
            break
        lines.append(_Line(number, line))
    return lines


def _split_paragraphs(lines: list[_Line]) -> list[_Line]:
    """One entry per paragraph: blank lines separate, and a hard-wrapped line
    (no closing punctuation, next line starts lower-case) joins the next."""
    paragraphs: list[_Line] = []
    joinable = False
    for line in lines:
        if not line.text:
            joinable = False
            continue
        if joinable and line.text[0].islower():
            prev = paragraphs[-1]
            paragraphs[-1] = _Line(prev.number, f"{prev.text} {line.text}")
        else:
            paragraphs.append(line)
        last = paragraphs[-1].text
        joinable = last[-1] not in _TERMINAL + _CLOSING_QUOTES and not _BARE_URL.match(last)
    return paragraphs


# Wire copy is wrapped at 60-80 columns; a file with any longer line is not wrapped.
WIRE_MIN_WIDTH, WIRE_MAX_WIDTH = 40, 100
WIRE_MIN_LINES = 4
_WIRE_SLACK = 15  # a wrapped line fills its width to within about one long word


def _is_wire_layout(raw: list[str]) -> bool:
    """Whether the body lines `raw` are hard-wrapped at a fixed width: most lines filled
    nearly to the widest, and most of those ending mid-sentence. A file of one short
    paragraph a line ends its lines with full stops, and a long paragraph a line goes
    past the widest wrap; neither is taken for wire copy."""
    body = [line.rstrip() for line in raw if line.strip()]
    if len(body) < WIRE_MIN_LINES:
        return False
    width = max(map(len, body))
    if not WIRE_MIN_WIDTH <= width <= WIRE_MAX_WIDTH:
        return False
    full = [line for line in body if len(line) >= width - _WIRE_SLACK]
    open_ended = sum(1 for line in full if line[-1] not in _TERMINAL + _CLOSING_QUOTES)
    return 2 * len(full) >= len(body) and 2 * open_ended >= len(full)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _wire_paragraphs(raw: list[str], lines: list[_Line]) -> list[_Line]:
    """Wrapped lines joined into paragraphs, split where the file marks one: a blank line,
    or a line indented past the body's margin. Nothing else ends a paragraph, so none ends
    where a line happened to wrap before a number or a capital."""
    margin = min((_indent(text) for text in raw if text.strip()), default=0)
    paragraphs: list[_Line] = []
    starts = True
    for text, line in zip(raw, lines):
        if not line.text:
            starts = True
            continue
        if starts or _indent(text) > margin or _BARE_URL.match(line.text) or _BARE_URL.match(paragraphs[-1].text):
            paragraphs.append(line)
        else:
            prev = paragraphs[-1]
            paragraphs[-1] = _Line(prev.number, f"{prev.text} {line.text}")
        starts = False
    return paragraphs


def _is_subheading(text: str) -> bool:
    core = text.rstrip(_CLOSING_QUOTES).lstrip("'\"‘“«([")
    if not core or len(text) > SUBHEADING_MAX_CHARS or core[-1] in _TERMINAL:
        return False
    words = text.split()
    if len(words) > SUBHEADING_MAX_WORDS or text.startswith(("-", "*", "•")):
        return False
    digits = sum(1 for w in words if any(c.isdigit() for c in w))
    return digits <= 1 and any(c.isalpha() for c in core)


def _link_card(url: str) -> LinkCard:
    full = url if "://" in url else f"https://{url}"
    host = (urlsplit(full).hostname or "").removeprefix("www.")
    return LinkCard(url=full, site=host, kind=_CARD_KINDS.get(host, "link"))  # type: ignore[arg-type]


def _tweet(text: str, attribution: re.Match[str]) -> Tweet:
    pic = _PIC_LINK.search(text)
    media_url = ""
    if pic:
        media_url = "https://" + pic.group().removeprefix("https://").removeprefix("http://")
    body = _TRAILING_LINK.sub("", _PIC_LINK.sub("", text).rstrip()).rstrip()
    handle = attribution["handle"]
    dates = find_dates(attribution["when"])
    return Tweet(
        text=body,
        author=attribution["name"].strip(),
        handle=handle,
        url=media_url or f"https://x.com/{handle}",
        date=dates[0] if dates else None,
        media_url=media_url,
    )


def _body_blocks(paragraphs: list[_Line], path: str) -> tuple[list[Block], list[BuildWarning]]:
    blocks: list[Block] = []
    warnings: list[BuildWarning] = []
    for i, para in enumerate(paragraphs):
        attribution = _ATTRIBUTION.match(para.text) if len(para.text) <= MAX_ATTRIBUTION_CHARS else None
        if attribution and blocks and isinstance(blocks[-1], Paragraph):
            blocks[-1] = _tweet(blocks[-1].text, attribution)
        elif attribution:
            warnings.append(BuildWarning("tweet attribution with no tweet text above it", path, para.number))
            blocks.append(Paragraph(para.text))
        elif _BARE_URL.match(para.text):
            blocks.append(_link_card(para.text))
        elif i + 1 < len(paragraphs) and _is_subheading(para.text):
            blocks.append(Subheading(para.text))
        else:
            blocks.append(Paragraph(para.text))
    return blocks, warnings


def strip_bidi_controls(text: str, field: str, path: str, line: int | None,
                        warnings: list[BuildWarning]) -> str:
    """`text` without bidi override, embedding and isolate characters, with a warning if
    it had any: a headline must read as its letters are, not as a control reorders them."""
    stripped = _BIDI_CONTROLS.sub("", text)
    if stripped != text:
        warnings.append(BuildWarning(
            f"{field} held {len(text) - len(stripped)} bidirectional control character(s); removed", path, line))
    return stripped.strip()


def count_words(texts: list[str]) -> int:
    """Matches of `_WORD` in `texts`. A word never spans white space and a run of
    letters and digits alone is one, so only the other runs go through the pattern."""
    total = 0
    for text in texts:
        runs = text.split()
        total += sum(map(str.isalnum, runs)) + len(_WORD.findall(" ".join(filterfalse(str.isalnum, runs))))
    return total


def folder_section(folders: list[str]) -> str:
    """The section a seed in these folders (under seeds/) was filed in: the first folder's
    name, as a newsroom names its desks ("business", "world-news"), made readable
    ("Business", "World news"). A seed directly in seeds/ has none."""
    if not folders:
        return ""
    name = " ".join(folders[0].replace("_", " ").replace("-", " ").split())
    return name[:1].upper() + name[1:]


def parse_seed(source: SourceFile, display_path: str | None = None, section: str = "",
               day: BuildDay | None = None) -> tuple[Article, list[BuildWarning]]:
    """Parse a seed; raise NewsgenError (with file and line) when no article can be made.
    `section`: the one its folder names (`folder_section`); `day`: the build's, by default
    today's."""
    path = display_path or str(source.path)
    warnings = list(source.warnings)
    raw = source.text.split("\n")
    lines = _numbered_lines(raw, path, warnings)
    first = next((line for line in lines if line.text), None)
    if first is None:
        raise NewsgenError("empty file: no headline", path, 1)
    headline = strip_bidi_controls(first.text, "headline", path, first.number, warnings)
    if not headline:
        raise NewsgenError("headline holds only bidirectional control characters", path, first.number)
    if len(headline) > MAX_HEADLINE_CHARS:
        warnings.append(BuildWarning(
            f"headline is {len(headline)} characters; shortened to {MAX_HEADLINE_CHARS}", path, first.number))
        headline = headline[:MAX_HEADLINE_CHARS].rstrip() + "…"
    rest = lines[first.number:]
    standfirst = ""
    standfirst_line = None
    if _is_wire_layout(raw[first.number:len(lines)]):
        paragraphs = _wire_paragraphs(raw[first.number:len(lines)], rest)
    else:
        if rest and rest[0].text:
            standfirst, standfirst_line, rest = rest[0].text, rest[0].number, rest[1:]
        paragraphs = _split_paragraphs(rest)
    blocks, block_warnings = _body_blocks(paragraphs, path)
    warnings.extend(block_warnings)
    if not standfirst and blocks and isinstance(blocks[0], Paragraph):
        # blocks[0] always comes from paragraphs[0]: a tweet only ever replaces an earlier block
        standfirst, standfirst_line, blocks = blocks[0].text, paragraphs[0].number, blocks[1:]
    standfirst = strip_bidi_controls(standfirst, "standfirst", path, standfirst_line, warnings)
    if not standfirst and not blocks:
        warnings.append(BuildWarning("headline with no body", path, first.number))
    dateline = dateline_of(standfirst)
    found, source_name = _dated(path, standfirst, dateline, blocks, warnings, day or BuildDay())
    words = count_words([standfirst] + [b.text for b in blocks if isinstance(b, (Paragraph, Subheading, Tweet))])
    article = Article(
        slug=make_slug(headline, fallback=source.path.stem),
        headline=headline,
        standfirst=standfirst,
        date=found,
        date_inferred=source_name in APPROXIMATE_SOURCES,
        body=tuple(blocks),
        source_path=path,
        word_count=words,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
        section=section,
        date_source=source_name if found else "",
        dateline=dateline,
    )
    return article, warnings


TOP_PARAGRAPHS = 3  # a published line stands above the story: among its first few paragraphs


def _dated(path: str, standfirst: str, dateline: str, blocks: list[Block], warnings: list[BuildWarning],
           day: BuildDay) -> tuple[date | None, str]:
    """The article's date and its source, the first of: the path, the dateline, a published
    line at the top, the latest embedded post. A found date that cannot be the article's (in
    the future, before 1800) is a warning, and the next source is tried."""
    year = path_year(path)
    top = [standfirst] + [b.text for b in blocks[:TOP_PARAGRAPHS - 1] if isinstance(b, (Paragraph, Subheading))]
    posts = sorted((b.date for b in blocks if isinstance(b, Tweet) and b.date), reverse=True)

    candidates = [path_date(path) or (None, "")]
    candidates.append((dateline_date(dateline, year) if dateline else None, "dateline"))
    candidates += [(published_date(text, year), "published line") for text in top]
    candidates += [(d, "embedded post") for d in posts]
    return first_usable_date(candidates, path, warnings, day)


def first_usable_date(candidates: list[tuple[date | None, str]], path: str, warnings: list[BuildWarning],
                      day: BuildDay) -> tuple[date | None, str]:
    """The first found date of `candidates` (date, its source) that can be an article's; each
    one before it that cannot (in the future, before 1800) is a warning naming its source."""
    for found, source_name in candidates:
        if found is None:
            continue
        problem = day.problem(found)
        if not problem:
            return found, source_name
        warnings.append(BuildWarning(f"the date {found.isoformat()} from the {source_name} {problem}; not used", path))
    return None, ""
