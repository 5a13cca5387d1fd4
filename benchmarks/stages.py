"""Where the time of one kind of `newsgen build` goes, stage by stage.

    python benchmarks/stages.py --n 10000 --workdir /tmp/bench --kind cold --repeat 3
    python benchmarks/stages.py --n 10000 --workdir /tmp/bench --kind edit_names --repeat 3

Uses the archive `build.py` keeps in the workdir (made there if missing, built
once first for a rebuild), makes the same change before each build as `build.py`
does for that kind (a cold build: the last output and cache set aside), then
builds in this process, timing each stage through the seam the build reports its
progress by (`Progress.stage`), and prints the median seconds of each. A stage
holds what runs inside it ("pages rendered" is within the writing of the site);
what runs on the second core meanwhile (the search index, the records' save)
shows only where the first waits for it. The total is the build's in this
process, without the command's start and end, so it is not the benchmark's
figure; the stages are the same work.

Beside each stage's time it prints the stage's peak memory, sampled from /proc
in a thread (`MemorySampler`) while the stage runs and as it starts and ends:
the RSS of the largest process (this one or a worker it forked), and the PSS of
all of them together, which counts a page forked workers share once.
tracemalloc would slow the build it measures, and getrusage knows a process's
peak over its whole life, not a stage's.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import statistics
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# build.py, by its path: a module named "build" may be installed too. It puts the checkout's src on the path.
_spec = importlib.util.spec_from_file_location("build_benchmark", Path(__file__).with_name("build.py"))
benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(benchmark)

from newsgen.build import build
from newsgen.config import load_config
from newsgen.util.progress import Progress

KINDS = ("cold", *benchmark.REBUILDS)


def _process_tree(root: int) -> list[int]:
    """`root` and every process it forked, and they forked, from /proc."""
    children = defaultdict(list)
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:  # ended meanwhile
                continue
            children[int(stat.rpartition(")")[2].split()[1])].append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        tree.append(pid := todo.pop())
        todo.extend(children[pid])
    return tree


def _rss_and_pss(pid: int) -> tuple[int, int]:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]
    except OSError:
        return 0, 0
    sizes = {line.split(":")[0]: int(line.split()[1]) * 1024 for line in lines if line.endswith(" kB")}
    return sizes.get("Rss", 0), sizes.get("Pss", 0)


class MemorySampler(threading.Thread):
    """Peak memory of each open stage: (largest process's RSS, all processes' PSS), in bytes."""

    def __init__(self, interval: float, trace: float = 0.0) -> None:
        super().__init__(daemon=True)
        self.interval, self.trace = interval, trace
        self.open: list[str] = ["total"]
        self.peaks: dict[str, tuple[int, int]] = {}
        self.done = 0  # items the open stage has reported done
        self.finished = threading.Event()

    def run(self) -> None:
        started = last_trace = time.perf_counter()
        while not self.finished.wait(self.interval):
            self.sample()
            if self.trace and time.perf_counter() - last_trace >= self.trace:
                # A build too long to wait for still shows how far it got, and at what size.
                last_trace = time.perf_counter()
                rss, pss = self.peaks["total"]
                print(f"{last_trace - started:8.0f} s  {self.open[-1]}: {self.done:,} done; peak so far "
                      f"{rss / 1e6:,.0f} MB RSS, {pss / 1e6:,.0f} MB PSS", file=sys.stderr, flush=True)

    def sample(self) -> None:
        sizes = [_rss_and_pss(pid) for pid in _process_tree(os.getpid())]
        largest, together = max(rss for rss, _ in sizes), sum(pss for _, pss in sizes)
        for label in list(self.open):
            rss, pss = self.peaks.get(label, (0, 0))
            self.peaks[label] = (max(rss, largest), max(pss, together))


def cpu_seconds() -> float:
    """CPU time of this process and of the workers it has waited for: on a loaded machine a
    stage's wall time says more about the others' work than about its own."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class StageTimes(Progress):
    """Seconds and CPU seconds spent in each stage the build names, summed over stages of one
    name, and each stage's peak memory."""

    def __init__(self, memory: MemorySampler) -> None:
        super().__init__(enabled=False)
        self.seconds: dict[str, tuple[float, float]] = {}
        self.memory = memory

    @contextmanager
    def stage(self, label: str, total: int) -> Iterator[Callable[[int], None]]:
        self.memory.open.append(label)
        self.memory.sample()
        started, cpu = time.perf_counter(), cpu_seconds()
        self.memory.done = 0
        try:
            yield self.advance
        finally:
            seconds, cpu_used = self.seconds.get(label, (0.0, 0.0))
            self.seconds[label] = (seconds + time.perf_counter() - started, cpu_used + cpu_seconds() - cpu)
            self.memory.sample()
            self.memory.open.remove(label)

    def advance(self, n: int) -> None:
        self.memory.done += n


def time_stages(root: Path, kind: str, workdir: Path, interval: float, trace: float) -> dict[str, tuple[float, float, int, int]]:
    """One build of `kind`, after its change, in this process: by stage, and in total, its seconds,
    CPU seconds, its largest process's peak RSS and all its processes' peak PSS. A worker's CPU
    time counts in the stage that waits for its end: the second core's overlapping work (the
    search index, saves) in the stage that takes its result."""
    if kind == "cold":
        benchmark.set_aside(workdir / benchmark.SET_ASIDE, root / "site", root / ".newsgen-cache")
    else:
        benchmark.REBUILDS[kind](root)
    memory = MemorySampler(interval, trace)
    times = StageTimes(memory)
    memory.start()
    started, cpu = time.perf_counter(), cpu_seconds()
    try:
        build(load_config(root), progress=times)
        seconds = times.seconds | {"total": (time.perf_counter() - started, cpu_seconds() - cpu)}
    finally:
        memory.finished.set()
        memory.join()
    return {name: (*seconds[name], *memory.peaks[name]) for name in seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="archive size (default: 10000)")
    parser.add_argument("--workdir", type=Path, required=True, help="where build.py keeps its archives")
    parser.add_argument("--corpus", type=Path, help="replicate this folder of .txt articles instead of generating")
    parser.add_argument("--kind", choices=KINDS, default="cold", help="which build to time (default: cold)")
    parser.add_argument("--repeat", type=int, default=3, help="builds to take the median of (default: 3)")
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between memory samples (default: 0.25)")
    parser.add_argument("--trace", type=float, default=0.0,
                        help="every this many seconds, print the stage, its progress and the peak so far")
    args = parser.parse_args()
    root = args.workdir / f"archive-{args.n}"
    benchmark.prepare(root, args.n, args.corpus)
    if args.kind != "cold" and not (root / "site").is_dir():
        build(load_config(root))
    try:
        runs = [time_stages(root, args.kind, args.workdir, args.interval, args.trace) for _ in range(args.repeat)]
    finally:
        shutil.rmtree(args.workdir / benchmark.SET_ASIDE, ignore_errors=True)
    print(f"{args.kind} build of {args.n:,} articles, median of {args.repeat}: seconds, CPU seconds, peak RSS of "
          "the largest process (MB), peak PSS of all processes (MB)")
    for name in runs[0]:
        seconds, cpu, rss, pss = (statistics.median(run[name][i] for run in runs) for i in range(4))
        print(f"  {name:<20} {seconds:9.2f} s {cpu:9.2f} s {rss / 1e6:9,.0f} MB {pss / 1e6:9,.0f} MB", flush=True)


if __name__ == "__main__":
    main()
