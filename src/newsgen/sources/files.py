"""Read source files from disk into text, whatever encoding the world sent us.

This is the only stage that touches the input folders. It decides nothing about
what a file means; it only turns bytes into text and notes how.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from ..errors import BuildWarning, NewsgenError
from ..util.files import walk

MAX_SOURCE_BYTES = 50_000_000
# Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone
# surrogates). Text pasted from PDFs carries form feeds and ESC; one of them in an
# article makes every Atom feed holding it ill-formed, so they never get past reading.
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class SourceFile:
    path: Path
    text: str
    warnings: tuple[BuildWarning, ...] = ()


def decode(data: bytes, path: str) -> tuple[str, tuple[BuildWarning, ...]]:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252 with a warning."""
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NewsgenError("looks like binary data (NUL bytes), not text", path, 1)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError as exc:
            raise NewsgenError(f"invalid UTF-16: {exc.reason}", path, 1) from None
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
    text = data.decode("cp1252", errors="replace")
    warning = BuildWarning("not valid UTF-8; decoded as Windows-1252 (cp1252)", path, line)
    return text, (warning,)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def replace_forbidden(text: str, path: str) -> tuple[str, tuple[BuildWarning, ...]]:
    """Characters XML 1.0 forbids become spaces, with a warning at the first one's line.

    Done once here, not in each renderer, so no page, feed or search index can carry
    them, and the user learns which file held them. `text` has LF newlines only."""
    first = _XML_FORBIDDEN.search(text)
    if first is None:
        return text, ()
    count = len(_XML_FORBIDDEN.findall(text))
    line = text.count("\n", 0, first.start()) + 1
    warning = BuildWarning(f"{count} control character(s) XML forbids (first {first.group()!r}) "
                           "replaced with spaces", path, line)
    return _XML_FORBIDDEN.sub(" ", text), (warning,)


def read_source(path: Path, display: str | None = None) -> SourceFile:
    name = display or str(path)
    return source_of(path, read_file(path, name), name)


class Unreadable(NewsgenError):
    """A source that could not be read now: a fact about this moment, not about its content."""


def read_file(path: Path, name: str) -> bytes:
    """The bytes of source `path`; Unreadable when it cannot be read now."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}", name) from None


def source_of(path: Path, data: bytes, name: str) -> SourceFile:
    """The text of source `path`, whose bytes are `data`."""
    if len(data) > MAX_SOURCE_BYTES:
        raise NewsgenError(f"file is {len(data)} bytes; the limit is {MAX_SOURCE_BYTES}", name)
    text, warnings = decode(data, name)
    text, replaced = replace_forbidden(normalise_newlines(text), name)
    return SourceFile(path=path, text=text, warnings=warnings + replaced)


def discover(folder: Path, pattern: str) -> tuple[list[Path], list[BuildWarning]]:
    """Files under `folder` matching `pattern`, sorted by their parts; hidden ones are skipped,
    links leading outside are refused. Linked folders are not entered, so only a link
    itself can lead outside: only links are resolved, which keeps a 100,000-file scan cheap."""
    if not folder.is_dir():
        return [], []
    root = folder.resolve()
    found: list[Path] = []
    refused: list[BuildWarning] = []
    for _, entry in sorted(e for e in walk(str(folder), skip_hidden=True) if fnmatchcase(e[1].name, pattern)):
        path = Path(entry.path)
        if not entry.is_symlink():
            if entry.is_file(follow_symlinks=False):
                found.append(path)
            else:
                refused.append(BuildWarning(_NOT_REGULAR, str(path)))
            continue
        real = Path(os.path.realpath(path))
        if not real.is_relative_to(root):
            refused.append(BuildWarning("a link to a file outside the source folder", str(path)))
        elif real.is_file():
            found.append(path)
        elif not real.exists():
            refused.append(BuildWarning("a link to a file that does not exist", str(path)))
        else:
            refused.append(BuildWarning(_NOT_REGULAR, str(path)))
    return found, refused


_NOT_REGULAR = "not a regular file (a folder, pipe or device)"


