"""Write the site atomically: into a staging folder beside the output, then swap.

A failed or killed build leaves the previous site as it was. newsgen only ever
replaces a folder that carries its marker file, and never writes outside it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

from .errors import NewsgenError

MARKER = ".newsgen-site"


def check_output_dir(output: Path, forbidden: dict[str, Path]) -> None:
    """Refuse output folders whose replacement would destroy something else."""
    out = output.resolve()
    if out == Path(out.anchor) or out == Path.home().resolve():
        raise NewsgenError(f"refusing to use {out} as the output folder: it is the filesystem root or your home folder")
    for label, path in forbidden.items():
        other = path.resolve()
        if out == other or other.is_relative_to(out):
            raise NewsgenError(f"refusing to use {out} as the output folder: it would replace the {label} ({other})")
    if out.exists() and not out.is_dir():
        raise NewsgenError(f"output path {out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise NewsgenError(
            f"refusing to replace {out}: it is not empty and was not made by newsgen (no {MARKER} file)"
        )


class SiteWriter:
    """Collects the new site in a staging folder; `commit` swaps it into place."""

    def __init__(self, output: Path):
        self.output = output.resolve()
        self.staging = self.output.parent / f".{self.output.name}.staging-{os.getpid()}"
        self.files_written = 0
        self._lock_file = None

    def __enter__(self) -> "SiteWriter":
        self.output.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.output.parent / f".{self.output.name}.lock"
        self._lock_file = open(lock_path, "w")
        try:
            fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock_file.close()
            raise NewsgenError(f"another newsgen build is writing {self.output} (lock {lock_path})") from None
        if self.staging.exists():
            shutil.rmtree(self.staging)
        self.staging.mkdir()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
        if self._lock_file is not None:
            self._lock_file.close()

    def _target(self, rel_path: str) -> Path:
        target = (self.staging / rel_path).resolve()
        if not target.is_relative_to(self.staging.resolve()) or target == self.staging.resolve():
            raise NewsgenError(f"refusing to write outside the output folder: {rel_path!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write_text(self, rel_path: str, text: str) -> None:
        self._target(rel_path).write_text(text, encoding="utf-8")
        self.files_written += 1

    def copy_file(self, rel_path: str, source: Path) -> None:
        shutil.copyfile(source, self._target(rel_path))
        self.files_written += 1

    def commit(self) -> None:
        (self.staging / MARKER).write_text("This folder is written by newsgen and replaced on every build.\n")
        previous = self.output.parent / f".{self.output.name}.previous-{os.getpid()}"
        if self.output.exists():
            os.rename(self.output, previous)
        os.rename(self.staging, self.output)
        if previous.exists():
            shutil.rmtree(previous, ignore_errors=True)
