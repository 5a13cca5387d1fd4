"""`newsgen new "Headline"`: start an article in the shape the parsers expect.

A seed has no date field: its file name `<date>-<slug>` dates it, and the override
beside it (`content/seeds/<stem>.yaml`), which comes first, holds the date for an
editor to change; a Markdown article carries it in front matter. Files sort by day,
and an existing file is never overwritten.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import yaml

from ..config import SiteConfig
from ..errors import NewsgenError
from ..slugs import make_slug
from ..sources.placeholders import BODY_PLACEHOLDER, MARKDOWN_BODY_PLACEHOLDER, STANDFIRST_PLACEHOLDER
from ..sources.seed import MAX_HEADLINE_CHARS


def _checked_headline(headline: str) -> str:
    headline = headline.strip()
    if not headline:
        raise NewsgenError("the headline is empty")
    if "\n" in headline or "\r" in headline:
        raise NewsgenError("the headline must be one line")
    undecodable = next((c for c in headline if "\udc80" <= c <= "\udcff"), None)
    if undecodable is not None:
        # Python's stand-in for a command-line byte that was not text in the terminal's encoding.
        raise NewsgenError(f"the headline is not UTF-8 text (byte 0x{ord(undecodable) - 0xDC00:02x}): "
                           "type it again, or set the terminal to UTF-8")
    if not _encodes(headline):
        raise NewsgenError("the headline holds a character that is not text (a lone surrogate)")
    if len(headline) > MAX_HEADLINE_CHARS:
        raise NewsgenError(f"the headline is {len(headline)} characters; the limit is {MAX_HEADLINE_CHARS}")
    return headline


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _yaml_line(key: str, value: object) -> str:
    return yaml.safe_dump({key: value}, allow_unicode=True, width=1_000_000, default_flow_style=False).strip()


def _seed_files(config: SiteConfig, stem: str, headline: str, day: date) -> dict[Path, str]:
    seed = f"{headline}\n{STANDFIRST_PLACEHOLDER}\n{BODY_PLACEHOLDER}\n"
    override = (f"# Editorial overrides for {config.seeds.as_posix()}/{stem}.txt (see the newsgen docs, docs/input.md: Seed overrides).\n"
                f"date: {day.isoformat()}\n")
    return {config.seeds_dir / f"{stem}.txt": seed, config.content_dir / "seeds" / f"{stem}.yaml": override}


def _markdown_file(config: SiteConfig, stem: str, headline: str, day: date) -> dict[Path, str]:
    text = "\n".join([
        "---",
        _yaml_line("title", headline),
        f"date: {day.isoformat()}",
        _yaml_line("standfirst", STANDFIRST_PLACEHOLDER),
        "people: []      # names to tag besides those found in the text",
        "places: []",
        "---",
        MARKDOWN_BODY_PLACEHOLDER,
        "",
    ])
    return {config.content_dir / "articles" / f"{stem}.md": text}


def new_article(config: SiteConfig, headline: str, day: date, markdown: bool = False) -> list[Path]:
    """Write the new article's files and return them; refuse if any already exists."""
    headline = _checked_headline(headline)
    stem = f"{day.isoformat()}-{make_slug(headline)}"
    files = (_markdown_file if markdown else _seed_files)(config, stem, headline, day)
    for path in files:
        if path.exists():
            shown = path.relative_to(config.root) if path.is_relative_to(config.root) else path
            raise NewsgenError(f"{shown} already exists: not overwritten; edit it, or choose another headline or --date")
    made = {path: text.encode("utf-8") for path, text in files.items()}
    for path, data in made.items():
        _create(path, data)
    return list(files)


def _create(path: Path, data: bytes) -> None:
    """Write `path` whole, or not at all: the bytes go to a temporary file that is then linked
    to its name, which fails rather than replace a file made meanwhile. A file opened under its
    own name first would stay behind, empty, if writing it failed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.link(temporary, path)
    except FileExistsError:
        raise NewsgenError(f"{path} already exists: not overwritten") from None
    finally:
        temporary.unlink(missing_ok=True)
