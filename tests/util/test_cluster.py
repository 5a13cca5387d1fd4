"""A map on a Dask cluster: batches for the network, results in order, a killed worker's work run again."""

import importlib.util
import os
import signal
import time

import pytest

from newsgen.errors import NewsgenError
from newsgen.util import cluster as cluster_module
from newsgen.util.cluster import MAX_BATCH, MAX_BATCH_BYTES, MIN_BATCH, Cluster, network_batches, require_dask


def test_batches_cover_every_item_in_order_and_shrink_towards_the_end():
    items = list(range(10_000))
    batches = network_batches(items, threads=4, size_of=lambda item: 100)
    assert [item for batch in batches for item in batch] == items
    sizes = [len(batch) for batch in batches]
    assert all(MIN_BATCH <= size <= MAX_BATCH for size in sizes[:-1])
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1]
    assert len(network_batches(items, threads=64, size_of=lambda item: 0)) > len(batches)  # more threads, more batches


def test_a_batch_stops_taking_items_once_it_carries_the_most_bytes():
    big = MAX_BATCH_BYTES // 3
    batches = network_batches(list(range(MIN_BATCH * 3)), threads=1, size_of=lambda item: big)
    assert {len(batch) for batch in batches} == {3}  # a fourth would carry more than the limit
    assert len(network_batches([0], threads=1, size_of=lambda item: MAX_BATCH_BYTES * 2)) == 1  # a huge item goes alone


def test_without_dask_the_error_says_what_to_install(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(cluster_module.importlib.util, "find_spec",
                        lambda name, *args: None if name == "distributed" else real(name, *args))
    with pytest.raises(NewsgenError, match=r"pip install 'newsgen\[dask\]'"):
        require_dask()


def test_a_map_gives_results_in_order_and_counts_the_work_as_it_finishes(dask_scheduler):
    done = []
    with Cluster(dask_scheduler) as cluster:
        results = list(cluster.map(lambda x: x * x, list(range(300)), done.append))
    assert results == [x * x for x in range(300)]
    assert sum(done) == 300 and len(done) > 2  # batch by batch, not once at the end


def test_a_newsgen_error_on_a_worker_keeps_its_file_and_line(dask_scheduler):
    def parse(x):
        if x == 40:
            raise NewsgenError("no headline", "seeds/forty.txt", 3)
        return x

    with Cluster(dask_scheduler) as cluster, pytest.raises(NewsgenError) as info:
        list(cluster.map(parse, list(range(100))))
    assert (info.value.message, info.value.path, info.value.line) == ("no headline", "seeds/forty.txt", 3)


def test_a_failed_batch_is_replaced_and_the_others_kept(dask_scheduler):
    def parse(x):
        if x == 40:
            raise ValueError("boom")
        return x

    def failed(batch, error):
        return [f"lost {x}: {error}" for x in batch]

    with Cluster(dask_scheduler) as cluster:
        results = list(cluster.map(parse, list(range(100)), failed=failed))
    assert len(results) == 100 and results[40] == "lost 40: boom"
    lost = [i for i, result in enumerate(results) if isinstance(result, str)]
    assert lost == list(range(lost[0], lost[-1] + 1)) and len(lost) < 100  # one batch
    assert all(results[i] == i for i in range(100) if i not in lost)


def test_a_worker_killed_mid_map_has_its_work_run_again(dask_scheduler):
    """The suite's cluster restarts the worker (its nanny does); the map does not wait for it."""

    def slow(x):
        time.sleep(0.01)
        return x * 2

    with Cluster(dask_scheduler) as cluster:
        pids = list(cluster.client().run(os.getpid).values())
        killed, done = [], []

        def on_done(n):
            done.append(n)
            if not killed:  # the first batch is back: both workers have work in hand
                os.kill(pids[0], signal.SIGKILL)
                killed.append(sum(done))

        results = list(cluster.map(slow, list(range(400)), on_done))
    assert results == [x * 2 for x in range(400)]
    assert killed and killed[0] < 400 and sum(done) == 400
    with pytest.raises(ProcessLookupError):
        os.kill(pids[0], 0)
