"""Time `newsgen build --dask` on a LocalCluster of two worker processes against a local build
of the same synthetic archive, and check that both write the same bytes.

    python benchmarks/dask_build.py --n 10000 --workdir /tmp/bench-dask --repeat 3

Two copies of the archive, each with its own cache and output: one built with
`newsgen build` (forked workers on every core), one with `newsgen build --dask`
on a `LocalCluster` this script starts on 127.0.0.1 and stops. Each cold build
on the cluster gets a new one, so every cold build pays for a fresh worker
readying itself (the entity model), as a first build on a new
cluster does; one edit is then built by both on warm workers. Each build runs as
its own process (`build.measure`): its wall time, and its CPU time (the build
and its forked workers; on the cluster, the build, the workers and this
process's scheduler), which varies much less than wall time on a loaded
machine. After every pair of builds the two sites are compared file by file.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import build as bench


def digests(site: Path) -> dict[str, str]:
    """Every file under `site` by relative path, as a digest of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def differences(local: Path, remote: Path) -> int:
    """How many files differ between the two sites, or are in one only."""
    a, b = digests(local / "site"), digests(remote / "site")
    return sum(a.get(path) != b.get(path) for path in a.keys() | b.keys())


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure_on_cluster(command: list[str], client) -> dict:
    """`build.measure`, with the CPU time of the cluster's workers and of this process (the
    scheduler's and the nannies' event loop) during the build added to the build's own."""
    before, here = sum(client.run(_cpu_seconds).values()), _cpu_seconds()
    result = bench.measure(command)
    result["cpu"] += sum(client.run(_cpu_seconds).values()) - before + _cpu_seconds() - here
    return result


@contextmanager
def local_cluster() -> Iterator:
    """A client of a new LocalCluster of two one-thread worker processes on 127.0.0.1, stopped after."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        yield client


def run(n: int, workdir: Path, repeat: int) -> dict:
    local, remote = workdir / f"archive-{n}", workdir / f"archive-{n}-dask"
    bench.prepare(local, n, None)
    if not (remote / "seeds").is_dir():
        shutil.copytree(local / "seeds", remote / "seeds")
    aside = workdir / bench.SET_ASIDE
    kinds: dict[str, list[dict]] = {"cold": [], "cold_dask": [], "edit": [], "edit_dask": []}
    differing = []
    for _ in range(repeat):
        bench.set_aside(aside, local / "site", local / ".newsgen-cache", remote / "site", remote / ".newsgen-cache")
        kinds["cold"].append(bench.measure(bench.newsgen(local, None)))
        with local_cluster() as client:
            on_cluster = [*bench.newsgen(remote, None), "--dask", client.scheduler.address]
            kinds["cold_dask"].append(measure_on_cluster(on_cluster, client))
            differing.append(differences(local, remote))
            bench.edit_one(local), bench.edit_one(remote)
            os.sync()
            kinds["edit"].append(bench.measure(bench.newsgen(local, None)))
            kinds["edit_dask"].append(measure_on_cluster(on_cluster, client))
            differing.append(differences(local, remote))
    return {"n": n, "differing_files": differing} | {kind: bench._median(runs) for kind, runs in kinds.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10000], help="archive sizes (default: 10000)")
    parser.add_argument("--workdir", type=Path, help="where archives are kept between runs (default: a temp folder)")
    parser.add_argument("--repeat", type=int, default=1, help="builds of each kind, in turn; medians shown")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="newsgen-bench-dask-"))
    rows = []
    try:
        for n in args.n:
            rows.append(run(n, workdir, args.repeat))
            print(rows[-1], file=sys.stderr)
    finally:
        shutil.rmtree(workdir / bench.SET_ASIDE, ignore_errors=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load}; LocalCluster of 2 worker processes, 1 thread each"
          + (f"; each figure the median of {args.repeat} builds, in turn" if args.repeat > 1 else ""))
    print("| articles | build | local | LocalCluster | ratio | CPU, local | CPU, LocalCluster | CPU ratio "
          "| files differing |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        for kind in ("cold", "edit"):
            here, there = row[kind], row[f"{kind}_dask"]
            print(f"| {row['n']:,} | {kind} | {here['seconds']:.2f} s | {there['seconds']:.2f} s "
                  f"| {there['seconds'] / here['seconds']:.2f}x | {here['cpu']:.1f} s | {there['cpu']:.1f} s "
                  f"| {there['cpu'] / here['cpu']:.2f}x | {max(row['differing_files'])} |")


if __name__ == "__main__":
    main()
