"""Run one function over many items on every core, or in-process when that is cheaper;
or one task in a second process while the build goes on.

Worker processes are forked, so they start with whatever the parent had built
(the entity model, the site model) without pickling it; each item's result comes
back in input order, so output never depends on how work was split.

A fork also copies the parent's signal handlers: under `newsgen serve`, whose
SIGTERM handler only sets a flag, a worker would swallow the SIGTERM that ends
it and the build would wait for it forever. So every forked worker starts with
SIGTERM and SIGINT at their defaults, and no wait here is without a deadline:
a worker asked to stop is killed if it has not stopped after a short grace.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
Meanwhile = TypeVar("Meanwhile")

_PR_SET_PDEATHSIG = 1
MIN_ITEMS_PER_WORKER = 64  # below this, starting processes costs more than it saves
MIN_BATCH = 4  # items sent to a worker at a time, at the least
STOP_GRACE_SECONDS = 2.0  # a worker asked to stop (SIGTERM) gets this long before SIGKILL
POLL_SECONDS = 0.5  # how often a wait for a worker's answer checks that the worker still lives
_RESET_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _process_limit(jobs: int | None) -> int:
    return jobs if jobs is not None else available_cores()


def _forks(processes: int) -> bool:
    """Whether work for `processes` processes goes to forked ones (else it runs in-process)."""
    return processes > 1 and "fork" in multiprocessing.get_all_start_methods()


def worker_count(items: int, jobs: int | None) -> int:
    """How many processes to use for `items` items; 1 means run in-process."""
    return max(1, min(_process_limit(jobs), items // MIN_ITEMS_PER_WORKER))


def parallel_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int | None = None,
    on_done: Callable[[int], None] = lambda n: None,
) -> Iterator[Result]:
    """`map(function, items)` across processes, in order; `on_done(n)` reports progress."""
    workers = worker_count(len(items), jobs)
    if not _forks(workers):
        for item in items:
            yield function(item)
            on_done(1)
        return
    batches = _batches(items, workers)
    with _frozen():
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_die_with_parent, initargs=(os.getpid(),))
        finished = False
        try:
            with _signals_held():  # with fork, the pool forks every worker at the first submit
                answers = pool.map(run_batch, [function] * len(batches), batches)
            for results in answers:
                yield from results
                on_done(len(results))
            finished = True
        finally:
            _close_pool(pool, finished)


def _close_pool(pool: ProcessPoolExecutor, finished: bool) -> None:
    """Let idle workers exit (all work done), or stop them (the caller stopped first)."""
    if finished:
        pool.shutdown(wait=True)  # every worker is idle and exits at once
        return
    processes = list((pool._processes or {}).values())  # the pool offers no way to stop a busy worker
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        _stop(process)


def _batches(items: Sequence[Item], workers: int) -> list[Sequence[Item]]:
    """`items` cut into consecutive batches of at most 256, which shrink as the end nears."""
    return shrinking_batches(items, workers, MIN_BATCH, 256)


def shrinking_batches(items: Sequence[Item], takers: int, least: int, most: int,
                      size_of: Callable[[Item], int] | None = None, max_bytes: int = 0) -> list[Sequence[Item]]:
    """`items` in consecutive batches of `least` to `most` items for `takers` that each take a
    batch whenever they are free: about four a taker, smaller as the end nears. With `size_of`,
    a batch also stops before its items pass `max_bytes`, though one larger item goes alone.

    With batches of one size, the last one started may run for a whole batch's time while
    the other takers have nothing left: at 10,000 articles, a core idle for half a second.
    """
    batches, start = [], 0
    while start < len(items):
        end = min(len(items), start + max(least, min(most, (len(items) - start) // (takers * 4))))
        if size_of is not None:
            carried, last = 0, start
            while last < end:
                size = size_of(items[last])
                if last > start and carried + size > max_bytes:
                    break
                carried, last = carried + size, last + 1
            end = last
        batches.append(items[start:end])
        start = end
    return batches


_heap_frozen = False  # by `freeze_heap`


def freeze_heap() -> None:
    """`gc.freeze()`, remembered until `thaw_heap`: a fork must know whether to thaw what it
    froze, and `gc.get_freeze_count()` walks every frozen object to tell (13-43 ms per
    fork in a 10,000-article build)."""
    global _heap_frozen
    gc.freeze()
    _heap_frozen = True


def thaw_heap() -> None:
    global _heap_frozen
    gc.unfreeze()
    _heap_frozen = False


@contextmanager
def _frozen() -> Iterator[None]:
    """The parent's objects left out of cycle collections while processes fork from it:
    a child's collection would otherwise write to every one of them, and so copy the
    whole inherited heap."""
    if _heap_frozen:  # the caller froze them, and thaws them itself
        gc.freeze()  # what it made since
        yield
        return
    freeze_heap()
    try:
        yield
    finally:
        thaw_heap()


class InBackground(Generic[Result]):
    """`function()` run in a forked process while the caller goes on, with a core to
    spare; else in-process, when `result()` asks for it. As a context manager it ends
    the process if the caller stops (an error) before taking the result."""

    def __init__(self, function: Callable[[], Result], jobs: int | None = None):
        self._function: Callable[[], Result] | None = function
        self._process = None
        if _forks(_process_limit(jobs)):
            context = multiprocessing.get_context("fork")
            self._receiver, sender = context.Pipe(duplex=False)
            with _frozen(), _signals_held():
                self._process = context.Process(target=_send_result, args=(function, sender, os.getpid()),
                                                daemon=True)
                self._process.start()
            sender.close()
            self._function = None  # the child runs it; result() only waits for its answer

    def result(self) -> Result:
        if self._process is None:
            function, self._function = self._function, None
            assert function is not None, "result() is taken once"
            return function()
        process = self._process
        try:
            succeeded, value = self._receiver.recv() if self._answered() else (None, None)
        except EOFError:
            succeeded = None  # it died before it could answer
        finally:
            self._end(stop=False)  # it ends on its own once it has sent its result
        if succeeded is None:
            raise RuntimeError(f"a background build process died (exit code {process.exitcode})")
        if not succeeded:
            raise value
        return value

    def _answered(self) -> bool:
        """Wait until the process has answered (True) or died without answering (False).

        Not on the pipe's end of file alone: a process forked meanwhile may hold a copy
        of the sending end, and then a dead worker's pipe never reports its end."""
        while not self._receiver.poll(POLL_SECONDS):
            if not self._process.is_alive():
                return self._receiver.poll(0)
        return True

    def _end(self, stop: bool) -> None:
        if self._process is not None:
            self._receiver.close()  # before the wait: a worker blocked sending to it fails instead
            _stop(self._process, ask_first=not stop)
            self._process = None

    def __enter__(self) -> "InBackground[Result]":
        return self

    def __exit__(self, *exc_info) -> None:
        self._end(stop=True)


class Standby(Generic[Meanwhile, Item, Result]):
    """A forked process that readies itself with `prepare()` once started (at once, unless
    `started` is False: then at `start()`), while the caller goes on, and then runs the one
    `map` the caller gives it: for work whose set-up costs more than the work, such as
    loading the entity model to parse the one file an edit changed. First it runs
    `meanwhile()`, whose value comes back with the map's results, as `meanwhile_result`.
    Where nothing forks, or it was never started, `map` runs them in-process, and `prepare`
    only if there is work. As a context manager it ends the process if the caller stops first."""

    def __init__(self, prepare: Callable[[], None], jobs: int | None = None,
                 meanwhile: Callable[[], Meanwhile] = lambda: None, started: bool = True):
        self._prepare, self._meanwhile, self._jobs = prepare, meanwhile, jobs
        self._requests = None
        self._process: InBackground[tuple[Meanwhile, list[Result]]] | None = None
        if started:
            self.start()

    def start(self) -> None:
        """Fork the process, if there is a core for it and it is not running yet."""
        if self._process is None and _forks(_process_limit(self._jobs)):
            receiver, self._requests = multiprocessing.get_context("fork").Pipe(duplex=False)
            self._process = InBackground(partial(_prepare_then_map, self._meanwhile, self._prepare, receiver,
                                                 self._requests), self._jobs)
            receiver.close()

    def map(self, function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
        """`[function(item) for item in items]`, once, in the prepared process."""
        if self._process is None:
            self.meanwhile_result = self._meanwhile()
            if items:
                self._prepare()
            return [function(item) for item in items]
        self._requests.send((function, items))
        self.meanwhile_result, results = self._process.result()
        return results

    def __enter__(self) -> "Standby[Meanwhile, Item, Result]":
        return self

    def __exit__(self, *exc_info) -> None:
        if self._requests is not None:
            self._requests.close()  # first: a process waiting for work sees the end and exits
        if self._process is not None:
            self._process.__exit__(*exc_info)


def _prepare_then_map(meanwhile: Callable[[], Meanwhile], prepare: Callable[[], None],
                      requests, parents_end) -> tuple[Meanwhile, list]:
    parents_end.close()  # the fork's copy of it: else the parent closing its own would not end recv()
    value = meanwhile()
    prepare()
    function, items = requests.recv()
    return value, [function(item) for item in items]


def _send_result(function: Callable[[], Result], sender, parent: int) -> None:
    _die_with_parent(parent)
    try:
        outcome = (True, function())
    except BaseException as exc:  # raised again in the parent, which decides what it means
        outcome = (False, exc)
    try:
        sender.send(outcome)
    except BrokenPipeError:
        pass  # the parent stopped listening (it is ending this process): nothing to tell


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGTERM and SIGINT held back while this thread forks, so that none reaches a new
    worker before `_die_with_parent` has put back their default actions; held ones are
    then delivered, to the parent's handler and to the worker's default."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _RESET_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _stop(process, ask_first: bool = False) -> None:
    """End `process` within a bounded time: SIGTERM (at once, or after a grace when it
    should end by itself), then SIGKILL if it is still there after another."""
    if ask_first:
        process.join(STOP_GRACE_SECONDS)
    if process.is_alive():
        process.terminate()
        process.join(STOP_GRACE_SECONDS)
    if process.is_alive():
        process.kill()
    process.join(STOP_GRACE_SECONDS)  # SIGKILL cannot be caught; the wait is for the kernel alone


def _die_with_parent(parent: int) -> None:
    """Make a worker end when the build does, even one killed with SIGKILL, and when asked to.

    An orphaned worker would go on writing into the staging folder and, holding a
    copy of the build's lock, make the next build wait for a build that is gone.
    Linux only (prctl PR_SET_PDEATHSIG); elsewhere workers end when their queue closes.
    The parent's handlers for SIGTERM and SIGINT (serve's sets a flag) are the parent's
    business: in a worker those signals end it. The parent held them back while forking.
    """
    for signum in _RESET_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _RESET_SIGNALS)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before the line above took effect
        os._exit(1)


def run_batch(function: Callable[[Item], Result], batch: Iterable[Item]) -> list[Result]:
    """`function` over one batch's items, in a worker of this machine's or of a cluster."""
    return [function(item) for item in batch]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cache and the model are hundreds of thousands of small records made at once, none
    in a cycle: the cycle collector would walk them over and over as they pile up (a third
    of the time it takes to make them). Once made they are frozen, left out of the
    collections the rest of the build triggers, until `thaw_heap`."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        freeze_heap()
        if enabled:
            gc.enable()
