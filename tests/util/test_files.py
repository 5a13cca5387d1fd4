"""The lock a build holds on its cache: one process at a time, the others wait and say so."""

from __future__ import annotations

import fcntl
import subprocess
import sys

import pytest

from newsgen.util.files import locked

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
