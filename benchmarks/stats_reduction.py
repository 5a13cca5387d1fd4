"""Every person's and place's stats three ways, on the mentions a real build kept in its memo:

    python benchmarks/stats_reduction.py /tmp/bench/archive-10000/.newsgen-cache/results.pickle [--cluster]

as `model.profiles` counts them (each entity from its own articles), as `model.stats_by_entity`
counts them in this process, and with `--cluster` as its `dask.bag.foldby` on a `LocalCluster`
of two worker processes on 127.0.0.1 (started and stopped here). Prints wall and CPU seconds
(this process's) and whether each gave the same stats; asserts nothing. Make the memo with
`stages.py` or `build.py` first (any cold build of the synthetic archive).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsgen.model.entity_stats import EntityCounts
from newsgen.model.profiles import _kind, _sort_name
from newsgen.model.stats_by_entity import stats_by_entity
from newsgen.util.files import load_pickle


def timed(label: str, make):
    started, cpu = time.perf_counter(), time.process_time()
    result = make()
    print(f"  {label:<44} {time.perf_counter() - started:8.2f} s {time.process_time() - cpu:8.2f} CPU s")
    return result


def each_alone(mentions: list) -> dict:
    named_in: dict = {}
    for mention in mentions:
        for key in mention[1]:
            named_in.setdefault(key, []).append(mention)
    return {key: EntityCounts.of(named).stats(key, _sort_name, kind_of=_kind) for key, named in named_in.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("memo", type=Path, help="a build's .newsgen-cache/results.pickle")
    parser.add_argument("--cluster", action="store_true", help="also on a LocalCluster of two worker processes")
    parser.add_argument("--per-partition", type=int, default=2000, help="articles per partition on the cluster")
    args = parser.parse_args()
    mentions = list(load_pickle(args.memo)["results"]["mentions"].mentions.values())
    print(f"{len(mentions):,} articles, {sum(len(keys) for _, keys in mentions):,} mentions:")
    alone = timed("each entity from its own articles (profiles)", lambda: each_alone(mentions))
    one = timed("one pass (stats_by_entity)", lambda: stats_by_entity(mentions, _sort_name, _kind))
    print(f"  the same stats: {one == alone} ({len(one):,} entities)")
    if args.cluster:
        from distributed import LocalCluster

        from newsgen.util.cluster import Cluster

        with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                          dashboard_address="127.0.0.1:0") as local, Cluster(local.scheduler_address) as cluster:
            cluster.client()
            folded = timed(f"dask.bag.foldby, partitions of {args.per_partition:,}", lambda: stats_by_entity(
                mentions, _sort_name, _kind, cluster=cluster, per_partition=args.per_partition))
        print(f"  the same stats: {folded == alone}")


if __name__ == "__main__":
    main()
