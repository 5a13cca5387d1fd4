"""The site now in the output folder, as the last build's manifest describes it."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

Manifest = dict[str, str]
Written = dict[str, tuple[int, int]]  # each output file's (size, mtime in ns) as a build left it


def _stamp(root: str, path: str) -> tuple[int, int] | None:
    """An output file's (size, mtime in ns); None if it is missing or no regular file."""
    try:
        st = os.stat(os.path.join(root, path))
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns) if stat.S_ISREG(st.st_mode) else None


def changed_files(files: Manifest, written: Written, output: Path) -> frozenset[str]:
    """Those of `files` that someone removed from `output` or changed there since (a truncated
    upload, a hand edit: the size or time is not what the build left), so they are written again."""
    root = str(output)  # plain strings: this checks every file of the site
    altered = []
    for path in files:
        now = _stamp(root, path)
        if now is None or now != written.get(path):
            altered.append(path)
    return frozenset(altered)


def written_stamps(output: Path, written: Iterable[str], kept: Iterable[str], before: Written) -> Written:
    """What `changed_files` compares with: the stamps of the files just `written` into `output`,
    and those of the files `kept` as the last build left them (in `before`)."""
    root = str(output)
    stamps = {path: before[path] for path in kept if path in before}
    for path in written:
        now = _stamp(root, path)
        if now is not None:
            stamps[path] = now
    return stamps


@dataclass(frozen=True)
class CurrentOutput:
    """The site now in the output folder: the fingerprint of each of its files (`files`,
    the manifest of the build that wrote them) but those someone `removed` or changed since."""

    folder: Path
    files: Mapping[str, str]
    removed: frozenset[str] = frozenset()

    def holds(self, path: str, fingerprint: str) -> bool:
        return self.files.get(path) == fingerprint and path not in self.removed
