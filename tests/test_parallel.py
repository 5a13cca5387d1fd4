"""Work spread over processes gives exactly what one process gives."""

from __future__ import annotations

import gc
import os

import pytest

from newsgen import workers
from newsgen.build import build
from newsgen.config import load_config

from .conftest import tree_bytes
from .sitegen import write_archive


def _pid_of(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


def test_parallel_map_keeps_input_order_across_processes(monkeypatch):
    monkeypatch.setattr(workers, "MIN_ITEMS_PER_WORKER", 5)
    progress = []
    results = list(workers.parallel_map(_pid_of, list(range(40)), jobs=2, on_done=progress.append))
    assert [square for square, _ in results] == [i * i for i in range(40)]
    assert os.getpid() not in {pid for _, pid in results}  # which worker took which batch is up to the pool
    assert sum(progress) == 40


def _frozen_objects(item: int) -> int:
    return gc.get_freeze_count()


def test_workers_leave_the_inherited_objects_out_of_their_collections(monkeypatch):
    monkeypatch.setattr(workers, "MIN_ITEMS_PER_WORKER", 5)
    assert min(workers.parallel_map(_frozen_objects, list(range(20)), jobs=2)) > 1000
    assert gc.get_freeze_count() == 0  # the build's own process collects as before once they are done


def test_small_inputs_stay_in_process():
    results = list(workers.parallel_map(_pid_of, [1, 2, 3], jobs=4))
    assert {pid for _, pid in results} == {os.getpid()}
    assert workers.worker_count(10_000, jobs=1) == 1


@pytest.mark.parametrize("jobs", [2])
def test_a_parallel_build_equals_a_single_process_build(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(workers, "MIN_ITEMS_PER_WORKER", 4)
    trees = []
    for label, count in (("serial", 1), ("parallel", jobs)):
        root = tmp_path / label
        write_archive(root / "seeds", 40)
        build(load_config(root), jobs=count)
        trees.append(tree_bytes(root / "site"))
    assert trees[0] == trees[1]
