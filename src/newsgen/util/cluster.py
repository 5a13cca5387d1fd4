"""Run one function over many items on a Dask cluster, as `workers.parallel_map` does on
this machine's cores: results in input order, progress as the cluster finishes work.

Dask is optional (`pip install 'newsgen[dask]'`), so it is imported only when a
cluster is asked for. A task costs the scheduler about a millisecond and a round
trip on the network, so items travel in batches: enough of them that every worker
thread gets several (the last batches shrink, as locally, so no worker waits long
for one straggler), few enough that each batch carries at least `MIN_BATCH` items
and at most `MAX_BATCH_BYTES` of input (one larger item goes alone). A worker that dies mid-batch is Dask's to
handle: its scheduler runs the batch again elsewhere (up to its
`distributed.scheduler.allowed-failures`), and only a batch that keeps killing
workers comes back as failed, to the caller's `failed`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Self, TypeVar

from ..errors import NewsgenError
from .workers import run_batch, shrinking_batches

Item = TypeVar("Item")
Result = TypeVar("Result")

INSTALL_HINT = "the Dask executor needs Dask: pip install 'newsgen[dask]' (dask[distributed])"
MIN_BATCH = 16  # items per task at the least: below that, the scheduler's overhead shows
MAX_BATCH = 512  # and at the most: a lost worker then costs one batch's work again
MAX_BATCH_BYTES = 8 * 2**20  # input per task at the most (sizes from `size_of`)
CONNECT_SECONDS = 10


def require_dask() -> None:
    """NewsgenError with what to install, unless `dask.distributed` can be imported."""
    if importlib.util.find_spec("dask") is None or importlib.util.find_spec("distributed") is None:
        raise NewsgenError(INSTALL_HINT)


class Cluster:
    """A Dask scheduler's address, connected to at the first `map` and until `close`: a
    build with nothing to send connects to nothing."""

    def __init__(self, address: str):
        require_dask()
        self.address = address
        self._client: Any = None

    def client(self) -> Any:
        if self._client is None:
            from distributed import Client

            try:
                self._client = Client(self.address, timeout=CONNECT_SECONDS, set_as_default=False)
            except (OSError, TimeoutError) as exc:
                raise NewsgenError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from None
        return self._client

    def threads(self) -> int:
        """How many tasks the cluster runs at once (at least 1, while workers are joining)."""
        return max(1, sum(self.client().nthreads().values()))

    def map(self, function: Callable[[Item], Result], items: Sequence[Item],
            on_done: Callable[[int], None] = lambda n: None,
            size_of: Callable[[Item], int] = lambda item: 0,
            failed: Callable[[Sequence[Item], BaseException], list[Result]] | None = None) -> Iterator[Result]:
        """`map(function, items)` on the cluster, in order; `on_done(n)` as batches finish there.
        A batch the cluster could not run is `failed(batch, error)`'s results, or without
        `failed` its error, raised at once."""
        if not items:
            return
        from distributed import as_completed

        client = self.client()
        batches = network_batches(items, self.threads(), size_of)
        futures = [client.submit(run_batch, function, batch, pure=False) for batch in batches]
        index = {future.key: i for i, future in enumerate(futures)}
        finished: dict[int, list[Result]] = {}
        following = 0  # the next batch to yield
        try:
            for future in as_completed(futures, loop=client.loop):
                i = index[future.key]
                try:
                    finished[i] = future.result()
                except Exception as exc:  # the batch's own error, or the cluster's (a worker that kept dying)
                    if failed is None:
                        raise
                    finished[i] = failed(batches[i], exc)
                on_done(len(batches[i]))
                while following in finished:
                    yield from finished.pop(following)
                    following += 1
        finally:
            client.cancel([future for future in futures if not future.done()])

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def network_batches(items: Sequence[Item], threads: int, size_of: Callable[[Item], int]) -> list[Sequence[Item]]:
    """`items` in consecutive batches for `threads` cluster threads, smaller as the end nears
    (see the module's docstring for the bounds)."""
    return shrinking_batches(items, threads, MIN_BATCH, MAX_BATCH, size_of, MAX_BATCH_BYTES)
