"""Write the site atomically: into a staging folder beside the output, then swap.

A failed or killed build leaves the previous site as it was. newsgen only ever
deletes a folder that carries its marker file (or an empty one it just made),
and never writes outside the output folder and its staging folder.

The swap is an atomic exchange of the two folders (Linux `renameat2` with
RENAME_EXCHANGE): at every instant the output path holds either the complete old
site or the complete new one, even if the build is killed mid-swap. A symlink
swap would also be atomic, but it would turn `site/` into a link, which upload
steps (GitHub Pages artifacts, rsync, zip) copy as a link rather than a folder.
Where the exchange is unavailable (not Linux, or a filesystem without it) the
fallback is two renames, output -> `.previous-*` then staging -> output; a build
killed between them leaves no output, and the next build puts the previous site
back before doing anything else. The old site is deleted by a process of its
own, which the build does not wait for.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .. import PACKAGE_DIR
from ..errors import NewsgenError

MARKER = ".newsgen-site"
_MARKER_TEXT = "This folder is written by newsgen and replaced on every build.\n"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_NO_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two existing paths; False when this system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:  # C library older than glibc 2.28
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(a))


def remove_if_ours(folder: Path, detached: bool = False) -> bool:
    """Delete `folder` only if newsgen made it (marker file) or it is empty; `detached`,
    in a process of its own that this one does not wait for (`_delete_detached`).

    A marked folder is first renamed to a `.trash-*` sibling, so a build killed
    mid-delete leaves a folder known to be ours, not a half-deleted one without
    its marker. Its name is new each time: the last build's may still be deleted."""
    if (folder / MARKER).is_file():
        name = folder.name.replace(".staging-", ".trash-").replace(".previous-", ".trash-")
        trash = folder.with_name(f"{name}-{time.time_ns()}")
        os.rename(folder, trash)
        if detached:
            _delete_detached(trash)
        else:
            delete_marker_last(trash)
        return True
    try:
        folder.rmdir()
        return True
    except OSError:
        return False


# `delete_marker_last` in a process of its own, importing this very newsgen.
_DELETE = "import sys; from pathlib import Path; from newsgen.output.writer import delete_marker_last; " \
          "delete_marker_last(Path(sys.argv[1]))"


def delete_marker_last(trash: Path) -> None:
    """Delete `trash`, its marker file last: a delete killed halfway leaves a folder that
    still says it is newsgen's, which the next build may remove (it removes nothing else)."""
    try:
        entries = list(os.scandir(trash))
    except OSError:
        return
    for entry in entries:
        if entry.name == MARKER:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            try:
                os.unlink(entry.path)
            except OSError:
                pass
    shutil.rmtree(trash, ignore_errors=True)


def _delete_detached(trash: Path) -> None:
    """Delete `trash` in a new session that outlives this process. The old site a
    whole-site swap leaves is one unlink per file: seconds at 10,000 articles and
    minutes at 100,000, which the build need not wait for. The process inherits a
    lock on the folder, held until it ends, so meanwhile the next build takes it for
    work in progress (`_being_deleted`), not a killed build's leftover."""
    try:
        descriptor = os.open(trash, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        path = os.pathsep.join(filter(None, [str(PACKAGE_DIR.parent), os.environ.get("PYTHONPATH")]))
        subprocess.Popen([sys.executable, "-c", _DELETE, str(trash)], pass_fds=(descriptor,), start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=os.environ | {"PYTHONPATH": path})
    except (OSError, ValueError):  # no interpreter to start: delete it here
        delete_marker_last(trash)
    finally:
        os.close(descriptor)


def _being_deleted(folder: Path) -> bool:
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)


def check_output_dir(output: Path, forbidden: dict[str, Path], read_from: dict[str, Path] | None = None) -> None:
    """Refuse output folders whose replacement would destroy something else, or
    (inside a folder in `read_from`) whose files the next build would read as input."""
    out = output.resolve()
    for label, path in (read_from or {}).items():
        if out.is_relative_to(path.resolve()) and out != path.resolve():
            raise NewsgenError(f"refusing to use {out} as the output folder: it is inside the {label} "
                               f"({path.resolve()}), so the next build would read the site's own files as input")
    if out == Path(out.anchor) or Path.home().resolve().is_relative_to(out):
        raise NewsgenError(
            f"refusing to use {out} as the output folder: it is the filesystem root, your home folder or a parent of it"
        )
    for label, path in forbidden.items():
        if out == path.resolve():
            raise NewsgenError(f"refusing to use {out} as the output folder: it is the {label}")
    for label, path in forbidden.items():
        if path.resolve().is_relative_to(out):
            raise NewsgenError(
                f"refusing to use {out} as the output folder: it holds the {label} ({path.resolve()}), "
                "which a build would replace"
            )
    if out.exists() and not out.is_dir():
        raise NewsgenError(f"output path {out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise NewsgenError(
            f"refusing to replace {out}: it is not empty and was not made by newsgen (no {MARKER} file)"
        )


_LEFTOVER_KINDS = ("previous", "staging", "trash")


def leftovers(output: Path, kind: str | None = None) -> list[Path]:
    """Folders a killed build left beside `output` (of one kind, or of any); not an old
    site a detached process is deleting. Only folders holding newsgen's marker count: a
    user's `.site.trash-photos` merely shares the name pattern, and recovery deletes or
    renames what this lists."""
    kinds = (kind,) if kind else _LEFTOVER_KINDS
    prefixes = tuple(f".{output.name}.{k}-" for k in kinds)
    if not output.parent.is_dir():
        return []
    return sorted(p for p in output.parent.iterdir() if p.name.startswith(prefixes) and p.is_dir()
                  and not p.is_symlink() and (p / MARKER).is_file()
                  and not (p.name.startswith(f".{output.name}.trash-") and _being_deleted(p)))


class SiteWriter:
    """Collects the new site in a staging folder; `commit` swaps it into place."""

    def __init__(self, output: Path):
        self.output = output.resolve()
        self.staging = self._sibling("staging")
        self.files_written = 0
        self._lock_file = None
        self._folders: set[str] = set()  # made in staging by this process: one mkdir per folder, not per file

    def __enter__(self) -> "SiteWriter":
        self.output.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.output.parent / f".{self.output.name}.lock"
        self._lock_file = open(lock_path, "w")
        try:
            fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock_file.close()
            raise NewsgenError(f"another newsgen build is writing {self.output} (lock {lock_path})") from None
        try:
            self._recover()
        except BaseException:
            self._lock_file.close()
            raise
        try:
            self.staging.mkdir()
        except FileExistsError:
            self._lock_file.close()
            raise _in_the_way(self.staging) from None
        (self.staging / MARKER).write_text(_MARKER_TEXT)
        return self

    def _sibling(self, kind: str) -> Path:
        return self.output.parent / f".{self.output.name}.{kind}-{os.getpid()}"

    def _recover(self) -> None:
        """Tidy up after builds that were killed (we hold the lock, so none is running).
        `leftovers` lists only folders with newsgen's marker: anything else is the user's."""
        for previous in leftovers(self.output, "previous"):
            if not self.output.exists():
                os.rename(previous, self.output)  # killed between the fallback's two renames
            else:
                remove_if_ours(previous)
        for staging in leftovers(self.output, "staging"):
            remove_if_ours(staging)
        for trash in leftovers(self.output, "trash"):
            delete_marker_last(trash)
        prefix = f".{self.output.name}.staging-"
        for folder in self.output.parent.iterdir():
            if folder.name.startswith(prefix) and not folder.is_symlink():
                try:  # a build killed between making its staging folder and writing the marker
                    folder.rmdir()
                except OSError:  # not a folder, or not empty: not provably ours, so left alone
                    pass

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.staging.exists():
            remove_if_ours(self.staging)
        if self._lock_file is not None:
            self._lock_file.close()

    def _target(self, rel_path: str) -> str:
        """The staging file for `rel_path`, its folder made. Pure string work: a site is
        tens of thousands of files, and the staging folder holds only what newsgen put
        there (folders and files, never symbolic links), so nothing needs resolving on disk."""
        root = str(self.staging)
        target = os.path.normpath(os.path.join(root, rel_path))
        if not target.startswith(root + os.sep):
            raise NewsgenError(f"refusing to write outside the output folder: {rel_path!r}")
        folder = os.path.dirname(target)
        if folder not in self._folders:
            try:
                os.mkdir(folder)  # mostly one new folder per page, below one already made
            except FileNotFoundError:
                os.makedirs(folder, exist_ok=True)
            except FileExistsError:  # made by another worker, or a parent made for an earlier file
                if not os.path.isdir(folder):
                    raise
            self._folders.add(folder)
        return target

    def write_text(self, rel_path: str, text: str) -> None:
        descriptor = os.open(self._target(rel_path), _NEW_FILE, 0o666)
        try:
            data = memoryview(text.encode("utf-8"))
            while data:
                data = data[os.write(descriptor, data):]
        finally:
            os.close(descriptor)
        self.files_written += 1

    def link_from_output(self, rel_path: str) -> bool:
        """Stage the current output's file by hard link: no copy, and the old site
        keeps its own name for it until the swap. False if there is none to link."""
        existing = self.output / rel_path
        if not existing.is_file() or existing.is_symlink():
            return False
        target = self._target(rel_path)
        try:
            os.link(existing, target)
        except OSError:
            shutil.copyfile(existing, target)
        return True

    def copy_file(self, rel_path: str, source: Path) -> None:
        shutil.copyfile(source, self._target(rel_path))
        self.files_written += 1

    def commit(self) -> None:
        """Swap the staging folder in; the old site, then at the staging path, goes in the background."""
        if not self.output.exists():
            os.rename(self.staging, self.output)
            return
        if exchange(self.staging, self.output):
            remove_if_ours(self.staging, detached=True)
            return
        previous = self._sibling("previous")
        if os.path.lexists(previous):  # not ours: ours with this pid went in `_recover`
            raise _in_the_way(previous)
        os.rename(self.output, previous)
        os.rename(self.staging, self.output)
        remove_if_ours(previous, detached=True)


def _in_the_way(path: Path) -> NewsgenError:
    """The error for a folder, not made by newsgen, at a name the build must use."""
    return NewsgenError(f"cannot build: {path} is in the way (a folder newsgen uses for its own work, "
                        f"but this one has no {MARKER} marker, so it is left alone); move or rename it")
