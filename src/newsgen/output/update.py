"""Apply a small change to the current output in place, all or nothing.

Swapping in a whole new tree costs one directory and one link per page, and
deleting the old tree far more: too slow to rebuild a large archive after one
edit. So when few pages changed, the new pages are written to a staging folder
first, the output's files they replace or delete are set aside there (hard
links: the output is not changed), then a journal listing every replacement
and deletion is written beside the output, then applied with one atomic rename
per file: new files first, then replaced ones, then deletions, so that no page
links meanwhile to one not there yet or no longer there.

A build killed before the journal exists leaves the old site as it was; one
killed while applying it is rolled forward by the next build (`recover`). An
update that fails while applying (a folder that cannot be written, a full disk)
is rolled back from the files set aside before the error is raised. So the site
only ever moves from the old state to the new one, or back.

The update never writes through a symbolic link: a rename replaces a linked
file itself, not what it points to, and an update whose files lie in a linked
folder (or one it may not change) is not made in place (`unchangeable`)
but as a whole new tree swapped in, which replaces the link.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Self

from ..errors import NewsgenError
from ..util.files import write_atomically
from .writer import MARKER, SiteWriter

ASIDE = ".newsgen-old"  # in the staging folder: the output's files an update replaces or deletes


def journal_path(output: Path) -> Path:
    return output.parent / f".{output.name}.journal"


class SiteUpdate(SiteWriter):
    """A SiteWriter that, `in_place`, commits by moving only the staged files into the output.

    `touching` is every file the update may write or delete; if any of them cannot be
    changed in place (see `unchangeable`), the update becomes a whole-tree swap."""

    def __init__(self, output: Path, in_place: bool, touching: Iterable[str] = ()):
        super().__init__(output)
        self.in_place = in_place
        self.deleted: list[str] = []
        self._touching = touching
        self.not_in_place: str | None = None  # the file that made an update in place a whole-tree swap

    def __enter__(self) -> Self:
        super().__enter__()
        # After the last update's journal is applied (in `_recover`): it may change the folders.
        self.not_in_place = unchangeable(self.output, self._touching) if self.in_place else None
        self.in_place = self.in_place and self.not_in_place is None
        return self

    def _recover(self) -> None:
        recover(self.output)  # before leftover staging folders go: the journal may point at one
        super()._recover()

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if journal_path(self.output).exists():
                recover(self.output)  # interrupted after the journal was written: finish, do not undo
        finally:
            if journal_path(self.output).exists():  # not finished: the next build needs its staging folder
                self._lock_file.close()
            else:
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
                        if p.is_file() and p.name != MARKER)
        old = _set_aside(self.output, self.staging / ASIDE, [*staged, *self.deleted, MARKER])
        replace = [rel for rel in staged if rel not in old] + [rel for rel in staged if rel in old] + [MARKER]
        entries = {"staging": str(self.staging), "replace": replace, "delete": self.deleted, "old": sorted(old)}
        write_atomically(journal_path(self.output), json.dumps(entries).encode("utf-8"))
        recover(self.output)


def unchangeable(output: Path, rel_paths: Iterable[str]) -> str | None:
    """The first of `rel_paths` that cannot be replaced or deleted in `output` by a rename,
    if any. It can if each folder from `output` down to it is a real folder, not a link (a
    write through a link could land outside the output), that this process may change, or
    is yet to be made in one; and no folder stands where the file goes. Checked before
    anything is changed, so that a read-only folder costs a whole-tree swap, not a failed update."""
    root = str(output)
    folders: dict[str, bool] = {root: os.access(root, os.W_OK | os.X_OK)}
    for rel in rel_paths:
        target = os.path.normpath(os.path.join(root, rel))
        if (not target.startswith(root + os.sep) or (os.path.isdir(target) and not os.path.islink(target))
                or not _changeable_folder(os.path.dirname(target), folders)):
            return rel
    return None


def _changeable_folder(folder: str, known: dict[str, bool]) -> bool:
    """`folder` can take new names (or be made), and so can each above it up to the output (in `known`)."""
    if folder in known:
        return known[folder]
    try:
        mode = os.lstat(folder).st_mode
    except FileNotFoundError:
        changeable = _changeable_folder(os.path.dirname(folder), known)
    except OSError:
        changeable = False
    else:
        changeable = (stat.S_ISDIR(mode) and os.access(folder, os.W_OK | os.X_OK)
                      and _changeable_folder(os.path.dirname(folder), known))
    known[folder] = changeable
    return changeable


def _set_aside(output: Path, aside: Path, rel_paths: Iterable[str]) -> set[str]:
    """Hard-link into `aside` those of `rel_paths` the output holds (a link itself, not what it
    points to): what a failed update puts back. Returns them. Changes nothing in the output."""
    held = set()
    for rel in rel_paths:
        target, kept = _inside(output, rel), aside / rel
        kept.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(target, kept, follow_symlinks=False)
        except FileNotFoundError:
            continue
        except OSError:  # a filesystem without hard links, or another one mounted inside the output
            shutil.copy2(target, kept, follow_symlinks=False)
        held.add(rel)
    return held


def _inside(output: Path, rel_path: str) -> Path:
    target = Path(os.path.normpath(output / rel_path))
    if not target.is_relative_to(output) or target == output:
        raise ValueError(f"journal entry outside the output folder: {rel_path!r}")
    return target


def _linked_folder(output: Path, target: Path) -> Path | None:
    """The first folder between the output and `target` that is a link, if any: a rename or
    delete through it would change files outside the output."""
    for folder in target.parents:
        if folder == output:
            return None
        if folder.is_symlink():
            return folder
    return None


def _unlinked(output: Path, rel: str) -> Path:
    target = _inside(output, rel)
    folder = _linked_folder(output, target)
    if folder is not None:
        raise NewsgenError(f"refusing to update the site through a linked folder: {folder} is a link", str(folder))
    return target


def recover(output: Path) -> None:
    """Finish applying the journal of an interrupted update, if there is one; or, if applying
    it fails, put back the files it set aside and raise, the site as the last build left it.

    Callers hold the output's build lock (SiteWriter), so no other build is applying it."""
    journal = journal_path(output)
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    staging = Path(entries["staging"])
    if not entries.get("undo"):
        try:
            _apply(output, staging, entries)
        except (OSError, NewsgenError) as error:
            if "old" not in entries:  # written by a newsgen that set nothing aside: nothing to put back
                raise
            # Marked first: a build killed while undoing is undone by the next, not rolled forward.
            try:
                write_atomically(journal, json.dumps({**entries, "undo": True}).encode("utf-8"))
            except OSError:  # a full disk, say: put the files back all the same, unmarked
                pass
            _undo(output, staging, entries, error)
            _forget(staging, journal)
            raise NewsgenError(f"could not update the site in place ({_reason(error)}); it was put back as the "
                               "last build left it", _where(error, output)) from error
    else:
        _undo(output, staging, entries, None)
    _forget(staging, journal)


def _apply(output: Path, staging: Path, entries: dict) -> None:
    for rel in entries["replace"]:
        source = staging / rel
        if source.is_file():
            target = _unlinked(output, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    for rel in entries["delete"]:
        _remove(output, _unlinked(output, rel))


def _undo(output: Path, staging: Path, entries: dict, cause: BaseException | None) -> None:
    """Put back what the journal's update replaced or deleted, in the reverse order."""
    aside, old = staging / ASIDE, set(entries.get("old", ()))
    try:
        for rel in [*entries["delete"], *reversed(entries["replace"])]:
            target = _inside(output, rel)
            if _linked_folder(output, target) is not None:  # refused by `_apply`: nothing to put back
                continue
            if rel not in old:
                _remove(output, target)  # new in this update
            elif os.path.lexists(aside / rel) and not _same_file(aside / rel, target):  # else not reached, or
                target.parent.mkdir(parents=True, exist_ok=True)                   # put back by a killed undo
                os.replace(aside / rel, target)
    except (OSError, NewsgenError) as error:
        failed = f"could not update the site in place ({_reason(cause)}), " if cause else ""
        raise NewsgenError(f"{failed}nor put back the last build's files ({_reason(error)}); the site is part "
                           f"old, part new until a build puts them back (the journal {journal_path(output)} "
                           "says which)", _where(error, output)) from error


def _remove(output: Path, target: Path) -> None:
    """Delete `target` and the folders that leaves empty; touch nothing if it is not there."""
    if os.path.lexists(target):
        target.unlink()
    for folder in target.parents:
        if folder == output:
            break
        try:
            if any(folder.iterdir()):
                break
        except FileNotFoundError:  # never made: an undo of an update killed before it got here
            continue
        folder.rmdir()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samestat(os.lstat(a), os.lstat(b))
    except OSError:
        return False


def _forget(staging: Path, journal: Path) -> None:
    # The staging folder goes before the journal: its marker has moved to the output, so
    # once the journal is gone nothing else would know the half-removed folder is ours.
    shutil.rmtree(staging, ignore_errors=True)
    journal.unlink()


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return getattr(error, "message", str(error))


def _where(error: BaseException, output: Path) -> str:
    if isinstance(error, OSError) and error.filename:
        return str(error.filename)
    return getattr(error, "path", None) or str(output)
