"""Work spread over processes gives exactly what one process gives."""

from __future__ import annotations

import gc
import os

import pytest

from newsgen.build import build
from newsgen.config import load_config
from newsgen.model import site as site_model
from newsgen.util import workers

from ..conftest import tree_bytes
from ..sitegen import write_archive


def _pid_of(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


def test_parallel_map_keeps_input_order_across_processes(monkeypatch):
    monkeypatch.setattr(workers, "MIN_ITEMS_PER_WORKER", 5)
    progress = []
    results = list(workers.parallel_map(_pid_of, list(range(40)), jobs=2, on_done=progress.append))
    assert [square for square, _ in results] == [i * i for i in range(40)]
    assert os.getpid() not in {pid for _, pid in results}  # which worker took which batch is up to the pool
    assert sum(progress) == 40


def test_batches_cover_the_items_in_order_and_shrink_towards_the_end():
    items = list(range(10_000))
    batches = workers._batches(items, 2)
    assert [item for batch in batches for item in batch] == items
    sizes = [len(batch) for batch in batches]
    assert max(sizes) == 256 and sizes == sorted(sizes, reverse=True)
    assert sizes[-1] <= workers.MIN_BATCH  # the last batches take a worker moments, not a second


def _frozen_objects(item: int) -> int:
    return gc.get_freeze_count()


def test_workers_leave_the_inherited_objects_out_of_their_collections(monkeypatch):
    monkeypatch.setattr(workers, "MIN_ITEMS_PER_WORKER", 5)
    assert min(workers.parallel_map(_frozen_objects, list(range(20)), jobs=2)) > 1000
    assert gc.get_freeze_count() == 0  # the build's own process collects as before once they are done


def test_a_heap_frozen_before_the_workers_fork_stays_frozen_until_thawed(monkeypatch):
    monkeypatch.setattr(workers, "MIN_ITEMS_PER_WORKER", 5)
    workers.freeze_heap()
    try:
        assert min(workers.parallel_map(_frozen_objects, list(range(20)), jobs=2)) > 1000
        assert gc.get_freeze_count() > 1000
    finally:
        workers.thaw_heap()
    assert gc.get_freeze_count() == 0


def test_small_inputs_stay_in_process():
    results = list(workers.parallel_map(_pid_of, [1, 2, 3], jobs=4))
    assert {pid for _, pid in results} == {os.getpid()}
    assert workers.worker_count(10_000, jobs=1) == 1


@pytest.mark.parametrize("jobs", [2])
def test_a_parallel_build_equals_a_single_process_build(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(workers, "MIN_ITEMS_PER_WORKER", 4)
    monkeypatch.setattr(site_model, "RELATED_IN_BACKGROUND_FROM", 4)
    trees = []
    for label, count in (("serial", 1), ("parallel", jobs)):
        root = tmp_path / label
        write_archive(root / "seeds", 40)
        build(load_config(root), jobs=count)
        trees.append(tree_bytes(root / "site"))
    assert trees[0] == trees[1]


def test_in_background_runs_in_another_process_and_gives_its_result():
    with workers.InBackground(os.getpid, jobs=2) as task:
        assert task.result() not in (os.getpid(), None)
    with workers.InBackground(os.getpid, jobs=1) as task:  # no core to spare: in-process, when asked
        assert task.result() == os.getpid()


def _fails():
    raise ValueError("no such page")


def test_in_background_raises_the_error_of_its_task_in_the_caller():
    for jobs in (1, 2):
        with pytest.raises(ValueError, match="no such page"), workers.InBackground(_fails, jobs=jobs) as task:
            task.result()


def test_in_background_says_so_when_its_process_dies_without_an_answer():
    with workers.InBackground(lambda: os._exit(3), jobs=2) as task:
        process = task._process
        with pytest.raises(RuntimeError, match="died \\(exit code 3\\)"):
            task.result()
    assert not process.is_alive()


def test_in_background_stops_its_process_when_the_caller_fails_first():
    import time

    with pytest.raises(KeyError), workers.InBackground(lambda: time.sleep(60), jobs=2) as task:
        process = task._process
        raise KeyError("the build failed")
    assert not process.is_alive() and process.exitcode is not None
    assert gc.get_freeze_count() == 0


def _where(item: int) -> tuple[int, int]:
    return item * 2, os.getpid()


_prepared_in: list[int] = []


def _prepare() -> None:
    _prepared_in.append(os.getpid())


def test_standby_prepares_at_once_and_runs_its_map_where_it_prepared():
    _prepared_in.clear()
    with workers.Standby(_prepare, jobs=2, meanwhile=os.getpid) as ready:
        results = ready.map(_where, [1, 2, 3])
    assert [doubled for doubled, _ in results] == [2, 4, 6]
    assert {pid for _, pid in results} == {ready.meanwhile_result} != {os.getpid()}
    assert _prepared_in == []  # prepared there, not here
    with workers.Standby(_prepare, jobs=1, meanwhile=os.getpid) as ready:  # no core to spare: all in-process
        assert ready.map(_where, [5]) == [(10, os.getpid())] and ready.meanwhile_result == os.getpid()
    assert _prepared_in == [os.getpid()]


def test_a_standby_not_started_forks_only_when_started():
    _prepared_in.clear()
    with workers.Standby(_prepare, jobs=2, meanwhile=os.getpid, started=False) as ready:
        assert ready.map(_where, [1]) == [(2, os.getpid())]  # never started: all in this process
    assert _prepared_in == [os.getpid()]
    _prepared_in.clear()
    with workers.Standby(_prepare, jobs=2, meanwhile=os.getpid, started=False) as ready:
        ready.start()
        ready.start()  # once
        (_, pid), = ready.map(_where, [1])
    assert pid == ready.meanwhile_result != os.getpid() and _prepared_in == []


def test_in_process_a_standby_with_no_work_only_runs_its_meanwhile_task():
    _prepared_in.clear()
    with workers.Standby(_prepare, jobs=1, meanwhile=os.getpid) as ready:
        assert ready.map(_where, []) == [] and ready.meanwhile_result == os.getpid()
    assert _prepared_in == []


def test_standby_ends_its_process_when_the_caller_stops_before_giving_it_work():
    with pytest.raises(KeyError), workers.Standby(_prepare, jobs=2) as ready:
        process = ready._process._process
        raise KeyError("the build failed")
    assert not process.is_alive() and process.exitcode is not None


HANG_GUARD = 60.0  # seconds; only a bound for a loaded machine: each case ends in a few seconds at most

_SWALLOWING_PARENT = """
import signal, sys, time
from newsgen.util import workers

signal.signal(signal.SIGTERM, lambda signum, frame: None)  # like serve's handler: the process goes on
workers.MIN_ITEMS_PER_WORKER = 1
case = sys.argv[1]
if case == "in-background":
    with workers.InBackground(lambda: time.sleep(600), jobs=2):
        pass
elif case == "standby":
    with workers.Standby(lambda: None, jobs=2):  # its process waits for work that never comes
        pass
else:
    def work(item):
        if item == 0:
            raise ValueError("the caller stops here")  # while the other worker is still busy
        time.sleep(600)
    try:
        list(workers.parallel_map(work, list(range(8)), jobs=2))
    except ValueError:
        pass
print("ended", flush=True)
"""


@pytest.mark.parametrize("case", ["in-background", "standby", "parallel-map"])
def test_a_worker_forked_under_a_sigterm_handler_still_ends_with_its_context(case, tmp_path):
    import subprocess
    import sys

    script = tmp_path / "parent.py"
    script.write_text(_SWALLOWING_PARENT)
    try:
        ended = subprocess.run([sys.executable, str(script), case], check=False, capture_output=True, text=True,
                               timeout=HANG_GUARD, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case}: the parent still waited for its worker after {HANG_GUARD} s")
    assert (ended.returncode, ended.stdout, ended.stderr) == (0, "ended\n", "")
