"""The build cache in `<site>/.newsgen-cache/`: what an unchanged input already gave.

Each source's parsed and extracted record is kept under a key made of its bytes,
its override's bytes and its name, in a store that is discarded whole whenever
something else that shapes records changes (newsgen's code, the entity model,
`entities.yaml`). Article bodies live in one file per record and are read back
only when a page shows them, so the build holds summaries, not archives.
Losing the folder only makes the next build slower.
"""

from __future__ import annotations

import errno
import os
import pickle
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import PACKAGE_DIR, __version__
from ..errors import NewsgenError
from ..util.digests import digest
from ..util.files import file_stamp, load_pickle, pickle_atomically, tree_stamps

CACHE_DIR = ".newsgen-cache"
CACHE_LOCK = "build.lock"  # in CACHE_DIR: held by the build using the cache (`util.files.locked`)
_FORMAT = 1












UNREAD = "unread:"  # the key of a source that could not be read starts so; no digest does


def content_key(name: str, material: Sequence[bytes]) -> str:
    """The key of source `name` whose files gave `material` (`sources.ingest.key_material`):
    made when a build plans its sources, and made again from the bytes it parses."""
    return digest(name, *material)


def code_fingerprint() -> str:
    """newsgen's version and code, and the entity model's data files, as one digest."""
    return digest(__version__, repr(tree_stamps(PACKAGE_DIR)))


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
    writing bodies to the deleted file, which the rendering workers, opening `path`, never see."""
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
    def open(cls, folder: Path, inputs: str) -> RecordStore:
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
        """The content key of source `name`; `read()` gives its key material when its stamp changed.

        A source `read()` cannot read (it raises OSError) gets a key no record is kept
        under, and its stamp is forgotten: it is read again, now and by the next build."""
        known = self.stamps.get(name)
        if known and known[0] == stamp:
            return known[1]
        try:
            key = content_key(name, read())
        except OSError:
            self.stamps.pop(name, None)
            return UNREAD + name
        self.stamps[name] = (stamp, key)
        return key

    def forget_stamp(self, name: str) -> None:
        """Read `name` again next build: its file changed after its stamp was taken."""
        self.stamps.pop(name, None)

    def get(self, key: str) -> Any | None:
        record = self.records.get(key)
        if record is not None:
            self.used.add(key)
        return record

    def put(self, key: str, record: Any) -> None:
        self.records[key] = record
        self.used.add(key)
        if key in self.in_whole:  # made again (a record that held until a day now past): saved with the changes
            self.in_whole = self.in_whole - {key}

    @property
    def bodies_file(self) -> str:
        return str(self.folder / "bodies.sqlite")

    def put_body(self, key: str, packed: bytes) -> None:
        with _disk_full_named(self.bodies_file):
            _database(self.bodies_file).execute("INSERT OR REPLACE INTO bodies VALUES (?, ?)", (key, packed))

    def flush(self) -> None:
        """Make stored bodies readable by other processes (the render workers)."""
        if self.folder.is_dir():
            with _disk_full_named(self.bodies_file):
                _database(self.bodies_file).commit()

    def save(self, names: Sequence[str]) -> None:
        """Keep only what this build used; drop the rest and their body files."""
        with _disk_full_named(self.bodies_file):
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
DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


@contextmanager
def _disk_full_named(path: str) -> Iterator[None]:
    """SQLite's "database or disk is full" as the OSError a full disk is everywhere else,
    naming the file: else it is no OSError, and the build reports a bug in newsgen."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_FULL:
            raise
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path) from exc


def cache_write_failed(exc: BaseException, cache_dir: Path) -> NewsgenError | None:
    """The error to show for `exc` if it is a full disk (or a full quota) met while writing a
    file in `cache_dir`; else None."""
    if not isinstance(exc, OSError) or exc.errno not in DISK_FULL or not exc.filename:
        return None
    file = Path(os.fsdecode(exc.filename))
    if not file.is_relative_to(cache_dir):
        return None
    return NewsgenError("the disk is full: the build cache could not be written; free some space and "
                        "build again", str(file))


