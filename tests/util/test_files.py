"""util.files: walking a folder without recursion; the lock a build holds on its cache."""

from __future__ import annotations

import fcntl
import subprocess
import sys

import pytest

from newsgen.util.files import locked, tree_stamps, walk

from ..conftest import nested_folders, remove_nested, write


def test_walk_lists_every_entry_once_with_its_parts_and_does_not_enter_linked_folders(tmp_path):
    for name in ("a/b.txt", "a/c/d.txt", ".e/f.txt", "g.txt"):
        write(tmp_path / name, "x")
    (tmp_path / "link").symlink_to(tmp_path / "a")
    every = sorted(parts for parts, _ in walk(str(tmp_path), skip_hidden=False))
    assert every == [(".e",), (".e", "f.txt"), ("a",), ("a", "b.txt"), ("a", "c"), ("a", "c", "d.txt"),
                     ("g.txt",), ("link",)]
    shown = sorted(parts for parts, _ in walk(str(tmp_path), skip_hidden=True))
    assert shown == [p for p in every if p[0] != ".e"]


def test_walk_and_tree_stamps_reach_a_file_nested_a_thousand_deep(tmp_path):
    """The walk keeps a stack of folders: recursion stopped at Python's limit (RecursionError)."""
    deep = nested_folders(tmp_path, 1000)
    (deep / "bottom.txt").write_text("x")
    try:
        assert [entry.path for parts, entry in walk(str(tmp_path), skip_hidden=False) if len(parts) == 1001] \
            == [str(deep / "bottom.txt")]
        assert [path for path, _ in tree_stamps(tmp_path)] == [str(deep / "bottom.txt")]
    finally:
        remove_nested(deep, tmp_path)


_WAITER = """
import sys
from pathlib import Path
from newsgen.util.files import locked
with locked(Path(sys.argv[1]), lambda: print("waiting", flush=True)):
    print("locked", flush=True)
"""


def test_a_lock_is_held_by_one_process_and_the_next_waits_for_it_saying_so(tmp_path):
    lock = tmp_path / "cache" / "build.lock"
    with locked(lock, lambda: pytest.fail("nobody holds it")):
        with open(lock) as other, pytest.raises(BlockingIOError):  # another open file: as another process
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        waiter = subprocess.Popen([sys.executable, "-c", _WAITER, str(lock)], stdout=subprocess.PIPE, text=True)
        assert waiter.stdout.readline() == "waiting\n"
        assert waiter.poll() is None  # still waiting: this process holds the lock
    assert waiter.stdout.readline() == "locked\n" and waiter.wait() == 0
    with open(lock) as other:  # released
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
