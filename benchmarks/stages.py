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
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# build.py, by its path: a module named "build" may be installed too. It puts the checkout's src on the path.
_spec = importlib.util.spec_from_file_location("build_benchmark", Path(__file__).with_name("build.py"))
benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(benchmark)

from newsgen.build import build  # noqa: E402
from newsgen.config import load_config  # noqa: E402
from newsgen.util.progress import Progress  # noqa: E402

KINDS = ("cold", *benchmark.REBUILDS)


class StageTimes(Progress):
    """Seconds spent in each stage the build names, summed over stages of one name."""

    def __init__(self) -> None:
        super().__init__(enabled=False)
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, label: str, total: int) -> Iterator[Callable[[int], None]]:
        started = time.perf_counter()
        try:
            yield lambda n: None
        finally:
            self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - started


def time_stages(root: Path, kind: str, workdir: Path) -> dict[str, float]:
    """One build of `kind`, after its change, in this process: seconds by stage, and the total."""
    if kind == "cold":
        benchmark.set_aside(workdir / benchmark.SET_ASIDE, root / "site", root / ".newsgen-cache")
    else:
        benchmark.REBUILDS[kind](root)
    times = StageTimes()
    started = time.perf_counter()
    build(load_config(root), progress=times)
    return times.seconds | {"total": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="archive size (default: 10000)")
    parser.add_argument("--workdir", type=Path, required=True, help="where build.py keeps its archives")
    parser.add_argument("--corpus", type=Path, help="replicate this folder of .txt articles instead of generating")
    parser.add_argument("--kind", choices=KINDS, default="cold", help="which build to time (default: cold)")
    parser.add_argument("--repeat", type=int, default=3, help="builds to take the median of (default: 3)")
    args = parser.parse_args()
    root = args.workdir / f"archive-{args.n}"
    benchmark.prepare(root, args.n, args.corpus)
    if args.kind != "cold" and not (root / "site").is_dir():
        build(load_config(root))
    try:
        runs = [time_stages(root, args.kind, args.workdir) for _ in range(args.repeat)]
    finally:
        shutil.rmtree(args.workdir / benchmark.SET_ASIDE, ignore_errors=True)
    print(f"{args.kind} build of {args.n:,} articles, median of {args.repeat} (seconds):")
    for name in runs[0]:
        print(f"  {name:<18} {statistics.median(run[name] for run in runs):7.3f}")


if __name__ == "__main__":
    main()
