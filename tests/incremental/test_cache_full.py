"""A full disk while the build writes its cache: an error naming the file (exit 2) with the site
untouched, or, once the site is written, a warning."""

from __future__ import annotations

import errno
import os
import pickle
import random
from pathlib import Path

import pytest

from newsgen.cli import main
from newsgen.incremental import record_store
from newsgen.util import files

from ..conftest import tree_bytes, write

FULL = "the disk is full: the build cache could not be written; free some space and build again"


def _seed(root: Path, name: str, words: int = 40) -> None:
    """Words no compressor shrinks, so the body takes pages in the bodies database."""
    rng = random.Random(name)
    body = " ".join("".join(rng.choice("abcdefghij") for _ in range(7)) for _ in range(words))
    write(root / "seeds" / f"{name}.txt", f"Storm closes the {name} harbour\nA standfirst.\n{body}\n")


def _full_when_writing(monkeypatch, name: str) -> None:
    """pickle.dump into a file called `name` fails as on a full disk (a forked saver inherits it)."""
    real = pickle.dump

    def dump(value, handle, **options):
        if Path(handle.name).name.startswith(f".{name}."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(value, handle, **options)

    monkeypatch.setattr(files.pickle, "dump", dump)


def test_a_full_disk_saving_the_record_store_is_an_error_naming_it_and_the_site_is_untouched(
        tmp_path, monkeypatch, capsys):
    """It was "[Errno 28] No space left on device", naming no file."""
    _seed(tmp_path, "first")
    assert main(["build", "--root", str(tmp_path), "-q"]) == 0
    before = tree_bytes(tmp_path / "site")
    _seed(tmp_path, "second")
    _full_when_writing(monkeypatch, "records.pickle")
    assert main(["build", "--root", str(tmp_path), "-q"]) == 2
    assert capsys.readouterr().err == f"newsgen: error: {tmp_path}/.newsgen-cache/records.pickle: {FULL}\n"
    assert tree_bytes(tmp_path / "site") == before


def test_a_full_disk_in_the_bodies_database_is_an_error_not_a_bug(tmp_path, monkeypatch, capsys):
    """SQLite's "database or disk is full" (a page limit makes a real one) is no OSError: it was
    reported as a bug in newsgen, exit 3."""
    _seed(tmp_path, "long", words=3000)
    opened = record_store._database

    def small(path: str):
        database = opened(path)
        database.execute("PRAGMA max_page_count = 3")
        return database

    monkeypatch.setattr(record_store, "_database", small)
    assert main(["build", "--root", str(tmp_path), "-q"]) == 2
    assert capsys.readouterr().err == f"newsgen: error: {tmp_path}/.newsgen-cache/bodies.sqlite: {FULL}\n"
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("cache_file", ["last-build.pickle", "results.pickle"])
def test_a_full_disk_once_the_site_is_written_is_a_warning(tmp_path, monkeypatch, capsys, cache_file):
    _seed(tmp_path, "first")
    _full_when_writing(monkeypatch, cache_file)
    assert main(["build", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"{cache_file}: the disk is full: the build cache could not be written (the site was)" in out
    assert (tmp_path / "site" / "index.html").is_file()
