"""Files: stamps, whole reads, atomic writes and pickles, and walking a folder.

Nothing here knows what a site or an article is."""

from __future__ import annotations

import fcntl
import gc
import os
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar


def file_stamp(path: Path | os.DirEntry) -> tuple[int, int, int, int] | None:
    """(size, mtime in ns, inode, mode): changes whenever the file is written, and when its
    permissions change (a source made unreadable must be read again, and fail); None if absent."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_mode)


Stamps = dict[str, tuple[int, int, int, int] | None]  # files' `file_stamp`s, by path


def tree_stamps(folder: Path) -> list[tuple[str, tuple[int, int, int, int] | None]]:
    """Every file under `folder` (linked ones too, linked folders not entered) with its stamp, in path order."""
    if not folder.is_dir():
        return []
    files = sorted((parts, entry) for parts, entry in walk(str(folder), skip_hidden=False)
                   if entry.is_file() and os.path.splitext(entry.name)[1] != ".pyc")
    return [(entry.path, file_stamp(entry)) for _, entry in files]


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _temporary(path: Path) -> Path:
    """Where `path` is written before it takes its name: named after this process, so that
    `remove_dead_temporaries` can tell those of killed builds."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def remove_dead_temporaries(folder: Path, of: str = "") -> None:
    """Delete the temporary files under `folder` of the processes that are gone. A build killed
    while it saved (a 10,000-article record store is 17 MB) leaves one, which nothing else
    would ever remove; a build running beside this one keeps its own. With `of` (a file's
    name), only that file's, in `folder` itself: a project folder is not one to walk."""
    for temporary in folder.glob(f".{of}.*.tmp") if of else folder.rglob(".*.tmp"):
        pid = temporary.name[: -len(".tmp")].rpartition(".")[2]
        if pid.isdigit() and not _alive(int(pid)):
            temporary.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's
        return True
    return True


def write_atomically(path: Path, data: bytes) -> None:
    """Whole file or nothing: a killed build never leaves half a cache entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary(path)
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _naming(exc, path) from exc


def pickle_atomically(path: Path, value: Any) -> None:
    """As write_atomically, streamed: a large cache is never also held as one bytes object."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary(path)
    try:
        with open(temporary, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _naming(exc, path) from exc
        raise


def _naming(exc: OSError, path: Path) -> OSError:
    """`exc` naming the file being written: a failed write (a full disk) names none, and the
    user needs to know which file could not be written, and where."""
    return type(exc)(exc.errno, exc.strerror, str(path)) if exc.errno is not None else exc


def load_pickle(path: Path) -> Any | None:
    """What `pickle_atomically` kept in `path`; None if it is missing or unreadable
    (damaged, or written by code that no longer has its classes): a cache, rebuilt then.

    The cycle collector is paused meanwhile: a cache file is up to hundreds of thousands
    of small objects made at once, none in a cycle, which it would otherwise walk over
    and over as they arrive (a 10,000-article build's results memo: 59 ms to load, 25 without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    finally:
        if enabled:
            gc.enable()


@contextmanager
def locked(path: Path, on_wait: Callable[[], None]) -> Iterator[None]:
    """Hold an exclusive lock on file `path` (made if missing) for the block. If another
    process holds it, `on_wait()` is called once and this one waits for it: whatever the lock
    guards is used by one process at a time. The lock ends with the block, or the process."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


Kept = TypeVar("Kept")


def load_or_make(path: Path, key: str, make: Callable[[], Kept], kind: type, reuse: bool = True) -> Kept:
    """`make()`, read back from `path` when it was kept there under the same `key` (which
    must change with whatever `make` reads) and is a `kind`, else (or without `reuse`) made
    and kept there for the next process: for tables that take longer to make than to unpickle."""
    stored = load_pickle(path) if reuse else None
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key and isinstance(stored[1], kind):
        return stored[1]
    value = make()
    try:
        pickle_atomically(path, (key, value))
    except OSError:  # a full disk or a read-only cache only costs the next build the time
        pass
    return value


def walk(folder: str, skip_hidden: bool) -> Iterator[tuple[tuple[str, ...], os.DirEntry]]:
    """(parts below `folder`, entry) for everything under it, in no order; as `Path.rglob`,
    linked folders are not entered. Sort by the parts for the order of sorted paths.

    A stack of the folders still to list, not recursion: a seeds folder nested a thousand
    deep would otherwise exceed Python's recursion limit and stop the build."""
    stack: list[tuple[tuple[str, ...], Iterator[os.DirEntry]]] = [((), iter(_listed(folder)))]
    while stack:
        parts, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if skip_hidden and entry.name.startswith("."):
            continue
        yield (*parts, entry.name), entry
        if entry.is_dir(follow_symlinks=False):
            stack.append(((*parts, entry.name), iter(_listed(entry.path))))


def _listed(folder: str) -> list[os.DirEntry]:
    """The entries of `folder`, read whole so no folder stays open while its subfolders are
    listed; none if it cannot be read."""
    try:
        with os.scandir(folder) as scan:
            return list(scan)
    except OSError:
        return []
