"""Apply a small change to the current output in place, all or nothing.

Swapping in a whole new tree costs one directory and one link per page, and
deleting the old tree far more: too slow to rebuild a large archive after one
edit. So when few pages changed, the new pages are written to a staging folder
first, then a journal listing every replacement and deletion is written beside
the output, then applied with one atomic rename per file. A build killed
before the journal exists leaves the old site as it was; one killed while
applying it is rolled forward by the next build (`recover`), so the site only
ever moves from the old state to the new one.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from ..util.files import write_atomically
from .writer import MARKER, SiteWriter


def journal_path(output: Path) -> Path:
    return output.parent / f".{output.name}.journal"


class SiteUpdate(SiteWriter):
    """A SiteWriter that, `in_place`, commits by moving only the staged files into the output."""

    def __init__(self, output: Path, in_place: bool):
        super().__init__(output)
        self.in_place = in_place
        self.deleted: list[str] = []

    def _recover(self) -> None:
        recover(self.output)  # before leftover staging folders go: the journal may point at one
        super()._recover()

    def __exit__(self, exc_type, exc, tb) -> None:
        if journal_path(self.output).exists():
            recover(self.output)  # interrupted after the journal was written: finish, do not undo
        super().__exit__(exc_type, exc, tb)

    def delete(self, rel_path: str) -> None:
        self.deleted.append(rel_path)

    def commit(self) -> None:
        if not self.in_place:
            super().commit()
            return
        # Listed from the folder, not recorded as written: build workers write here too.
        # The staging folder's fresh marker goes last: a new marker means a finished state.
        staged = sorted(p.relative_to(self.staging).as_posix() for p in self.staging.rglob("*")
                        if p.is_file() and p.name != MARKER) + [MARKER]
        entries = {"staging": str(self.staging), "replace": staged, "delete": self.deleted}
        write_atomically(journal_path(self.output), json.dumps(entries).encode("utf-8"))
        recover(self.output)


def _inside(output: Path, rel_path: str) -> Path:
    target = Path(os.path.normpath(output / rel_path))
    if not target.is_relative_to(output) or target == output:
        raise ValueError(f"journal entry outside the output folder: {rel_path!r}")
    return target


def recover(output: Path) -> None:
    """Finish applying the journal of an interrupted update, if there is one.

    Callers hold the output's build lock (SiteWriter), so no other build is applying it."""
    journal = journal_path(output)
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    staging = Path(entries["staging"])
    for rel in entries["replace"]:
        source = staging / rel
        if source.is_file():
            target = _inside(output, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    for rel in entries["delete"]:
        target = _inside(output, rel)
        target.unlink(missing_ok=True)
        for folder in target.parents:
            if folder == output or any(folder.iterdir()):
                break
            folder.rmdir()
    # The staging folder goes before the journal: its marker has moved to the output, so
    # once the journal is gone nothing else would know the half-removed folder is ours.
    shutil.rmtree(staging, ignore_errors=True)
    journal.unlink()
