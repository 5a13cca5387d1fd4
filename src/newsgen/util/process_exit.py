"""Ending the `newsgen` command without freeing its memory object by object.

At its end a one-edit rebuild of 10,000 articles spent 60-100 ms freeing the
pages, records and caches it had made, one object at a time, and then 60-90 ms
more from the end of the build to the end of the process; the operating system
takes a process's memory back at once. So, as clang (-disable-free) and mypy
(its fast exit) do, the command leaves what a build has done with to the exit,
and exits without tearing down.
Only a process that ends with its command asks for this: `serve` builds again
and again, and the tests run builds in-process, so they free as usual.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

_left: list[object] | None = None  # what is left to the exit; None: this process frees as usual


def keep_until_exit() -> None:
    """From now on, what `done_with` is given stays unfreed until the process exits."""
    global _left
    if _left is None:
        _left = []


def done_with(*objects: object) -> None:
    """Done with `objects`: they are freed when the caller lets go of them, or, once
    `keep_until_exit` was asked for, never."""
    if _left is not None:
        _left.append(objects)


def exit_now(code: int) -> NoReturn:
    """Flush what was printed and end the process, skipping the interpreter's teardown.
    Every file a command writes is closed or committed before it returns."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone away, or a stream already closed
            pass
    os._exit(code)
