"""The build cache in `<site>/.newsgen-cache/`: what an unchanged input already gave.

Each source's parsed and extracted record is kept under a key made of its bytes,
its override's bytes and its name, in a store that is discarded whole whenever
something else that shapes records changes (newsgen's code, the entity model,
`entities.yaml`). Article bodies live in one file per record and are read back
only when a page shows them, so the build holds summaries, not archives.
Losing the folder only makes the next build slower.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from . import __version__
from .errors import NewsgenError
from .sources import walk

CACHE_DIR = ".newsgen-cache"
_FORMAT = 1
_PACKAGE = Path(__file__).parent


def digest(*parts: bytes | str) -> str:
    return digest_of(parts)


def short_digest(text: str, size: int = 16) -> bytes:
    """`size` raw bytes of one text, for the many digests a build keeps (one per article, say)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=size).digest()


def digest_of(parts: Iterable[bytes | str]) -> str:
    """`digest(*parts)`, taking them one at a time: a large archive's may not fit in memory at once."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def file_stamp(path: Path | os.DirEntry) -> tuple[int, int, int] | None:
    """(size, mtime in ns, inode): changes whenever the file is written; None if absent."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def tree_stamps(folder: Path) -> list[tuple[str, tuple[int, int, int] | None]]:
    """Every file under `folder` (linked ones too, linked folders not entered) with its stamp, in path order."""
    if not folder.is_dir():
        return []
    files = sorted((parts, entry) for parts, entry in walk(str(folder), skip_hidden=False)
                   if entry.is_file() and os.path.splitext(entry.name)[1] != ".pyc")
    return [(entry.path, file_stamp(entry)) for _, entry in files]


def code_fingerprint() -> str:
    """newsgen's version and code, and the entity model's data files, as one digest."""
    return digest(__version__, repr(tree_stamps(_PACKAGE)))


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _temporary(path: Path) -> Path:
    """Where `path` is written before it takes its name: named after this process, so that
    `remove_dead_temporaries` can tell those of killed builds."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def remove_dead_temporaries(folder: Path) -> None:
    """Delete the temporary files under `folder` of the processes that are gone. A build killed
    while it saved (a 10,000-article record store is 17 MB) leaves one, which nothing else
    would ever remove; a build running beside this one keeps its own."""
    for temporary in folder.rglob(".*.tmp"):
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
    temporary.write_bytes(data)
    os.replace(temporary, path)


def pickle_atomically(path: Path, value: Any) -> None:
    """As write_atomically, streamed: a large cache is never also held as one bytes object."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary(path)
    try:
        with open(temporary, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


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


Kept = TypeVar("Kept")


def kept_built(path: Path, key: str, make: Callable[[], Kept], kind: type, reuse: bool = True) -> Kept:
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


# Each connection with the device and inode of the file it opened.
_connections: dict[tuple[int, str], tuple[sqlite3.Connection, tuple[int, int] | None]] = {}


def _database(path: str) -> sqlite3.Connection:
    """One connection per process and file: forked workers must not share the parent's."""
    key = (os.getpid(), path)
    if key not in _connections:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
        _connections[key] = connection, _identity(path)
    return _connections[key][0]


def _identity(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _close_database(path: str) -> None:
    opened = _connections.pop((os.getpid(), path), None)
    if opened is not None:
        opened[0].close()


def _forget_replaced_database(path: str) -> None:
    """Close this process's connection to `path` if the file there is not the one it opened:
    a long-lived process (`newsgen serve`) whose cache folder someone deleted would go on
    writing bodies to the deleted file, which the drawing workers, opening `path`, never see."""
    opened = _connections.get((os.getpid(), path))
    if opened is not None and opened[1] != _identity(path):
        _close_database(path)


def _usable_database(path: Path) -> bool:
    """Whether the bodies database opens; a damaged one is deleted, as any cache may be."""
    try:
        _database(str(path)).execute("SELECT count(*) FROM bodies").fetchone()
        return True
    except sqlite3.DatabaseError:
        _close_database(str(path))
        for damaged in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            damaged.unlink(missing_ok=True)
        return False


def pack_body(blocks: Sequence[Any]) -> bytes:
    return zlib.compress(pickle.dumps(tuple(blocks), protocol=pickle.HIGHEST_PROTOCOL), 1)


class StoredBody(Sequence):
    """An article body kept in the cache database and read on each use, never held.

    It stands in for the body tuple of an `Article`: iterating, indexing and
    `len` read it back, and its repr is the content key, so page fingerprints
    change exactly when the text does.
    """

    __slots__ = ("database", "key")

    def __init__(self, database: str, key: str):
        self.database = database
        self.key = key

    def _blocks(self) -> tuple:
        row = _database(self.database).execute("SELECT data FROM bodies WHERE key = ?", (self.key,)).fetchone()
        if row is None:
            raise NewsgenError(f"the build cache lost an article body; delete {Path(self.database).parent} "
                               "and build again")
        return pickle.loads(zlib.decompress(row[0]))

    def __iter__(self) -> Iterator[Any]:
        return iter(self._blocks())

    def __len__(self) -> int:
        return len(self._blocks())

    def __getitem__(self, index):  # type: ignore[override]
        return self._blocks()[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StoredBody) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"StoredBody({self.key})"

    def __getstate__(self):
        return (self.database, self.key)

    def __setstate__(self, state) -> None:
        self.database, self.key = state


@dataclass
class RecordStore:
    """Source records by content key, plus each source's last stat, so an
    untouched file is not even read.

    Kept as a whole (`records.pickle`) and the changes since it was written
    (`records-recent.pickle`): after an edit, a build writes the few records it
    made and every stamp, not the whole archive's records again. Once the changes
    are a tenth of the whole, the whole is written again."""

    folder: Path
    inputs: str
    records: dict[str, Any] = field(default_factory=dict)
    stamps: dict[str, tuple[tuple, str]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    in_whole: frozenset[str] = frozenset()  # the keys of the records in records.pickle

    def __post_init__(self) -> None:
        _forget_replaced_database(self.bodies_file)  # a store per build: the cache folder may be new since the last

    @classmethod
    def open(cls, folder: Path, inputs: str) -> "RecordStore":
        """The store left by the last build, if it was made from the same `inputs`."""
        store = cls(folder, inputs)
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "bodies.sqlite").is_file() or not _usable_database(folder / "bodies.sqlite"):
            return store
        saved = load_pickle(folder / _WHOLE)
        if isinstance(saved, dict) and saved.get("header") == store._header:
            store.records, store.stamps = saved["records"], saved["stamps"]
            store.in_whole = frozenset(store.records)
            recent = load_pickle(folder / _RECENT)
            if isinstance(recent, dict) and recent.get("header") == (*store._header, file_stamp(folder / _WHOLE)):
                for key in recent["dropped"]:
                    del store.records[key]
                store.records.update(recent["records"])
                store.stamps = recent["stamps"]
        return store

    @property
    def _header(self) -> tuple:
        return _FORMAT, self.inputs, str(self.folder)

    def key_for(self, name: str, stamp: tuple, read: Any) -> str:
        """The content key of source `name`; `read()` gives its key material when its stamp changed."""
        known = self.stamps.get(name)
        key = known[1] if known and known[0] == stamp else digest(name, *read())
        self.stamps[name] = (stamp, key)
        return key

    def get(self, key: str) -> Any | None:
        record = self.records.get(key)
        if record is not None:
            self.used.add(key)
        return record

    def put(self, key: str, record: Any) -> None:
        self.records[key] = record
        self.used.add(key)

    @property
    def bodies_file(self) -> str:
        return str(self.folder / "bodies.sqlite")

    def put_body(self, key: str, packed: bytes) -> None:
        _database(self.bodies_file).execute("INSERT OR REPLACE INTO bodies VALUES (?, ?)", (key, packed))

    def flush(self) -> None:
        """Make stored bodies readable by other processes (the render workers)."""
        if self.folder.is_dir():
            _database(self.bodies_file).commit()

    def save(self, names: Sequence[str]) -> None:
        """Keep only what this build used; drop the rest and their body files."""
        database = _database(self.bodies_file)
        database.executemany("DELETE FROM bodies WHERE key = ?", [(k,) for k in set(self.records) - self.used])
        database.commit()
        stamps = {n: self.stamps[n] for n in names if n in self.stamps}
        changed = {k: self.records[k] for k in self.used if k not in self.in_whole}  # put by this build or a recent one
        dropped = self.in_whole - self.used
        if not self.in_whole or len(changed) + len(dropped) > len(self.used) // 10:
            kept = {k: v for k, v in self.records.items() if k in self.used}
            pickle_atomically(self.folder / _WHOLE, {"header": self._header, "records": kept, "stamps": stamps})
            (self.folder / _RECENT).unlink(missing_ok=True)
        else:
            pickle_atomically(self.folder / _RECENT, {"header": (*self._header, file_stamp(self.folder / _WHOLE)),
                                                      "records": changed, "dropped": dropped, "stamps": stamps})


_WHOLE, _RECENT = "records.pickle", "records-recent.pickle"


class ResultMemo:
    """Archive-wide results (related articles, each person's and place's profile) by a
    digest of their inputs, kept from the last build: an edit that leaves an entity's
    articles alone reuses its profile instead of counting its co-mentions again.

    The file is trusted only for the code that wrote it; a memo without a file
    (the default of the stages that take one) computes everything."""

    def __init__(self, file: Path | None = None, code: str = ""):
        self.file, self.code = file, code
        self.saved: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        saved = load_pickle(file) if file is not None else None
        if isinstance(saved, dict) and saved.get("code") == code:
            self.saved = saved["results"]
        self._in_file = dict(self.saved)  # what the file holds, so `save` can leave it alone

    def last(self, name: str) -> Any | None:
        """What the last build kept under `name` with `keep`, for this build to start from."""
        return self.saved.pop(name, None)

    def keep(self, name: str, value: Any) -> None:
        self.used[name] = value

    def get(self, key: str, make: Callable[[], Any]) -> Any:
        """The result stored under `key` (a digest of everything `make` reads), else `make()`."""
        if key not in self.used:
            self.used[key] = self.saved[key] if key in self.saved else make()
        return self.used[key]

    def save(self) -> None:
        """Keep what this build used, nothing else. After an edit that changed no result, that
        is what the file holds: the results it gave are the same objects, and only what
        `keep` was given is compared, so the file is not written again (megabytes at 10,000 articles)."""
        if self.file is not None and self.used != self._in_file:
            pickle_atomically(self.file, {"code": self.code, "results": self.used})
