"""Every person's and place's stats three ways, and the site model of a cold build three ways:

    python benchmarks/stats_reduction.py --synthetic 10000 [--cluster] [--model]
    python benchmarks/stats_reduction.py /tmp/bench/archive-10000/.newsgen-cache/results.pickle [--cluster]

The mentions are those of N synthetic articles (`--synthetic N`, made, tagged and listed as
`model_scale.py` makes them) or those a real build kept in its memo. The stats are counted as
`model.profiles` counts them (each entity from its own articles), as `model.stats_by_entity`
counts them in this process, and with `--cluster` as its `dask.bag.foldby` on a `LocalCluster`
of two worker processes on 127.0.0.1, started and stopped here with its scheduler in a process
of its own (as a build's cluster is elsewhere), in partitions of `ARTICLES_PER_PARTITION` as the
build sends them. With `--model` (synthetic articles only), the site model of a cold build
(`model_of`, empty memo, jobs=1) is also made as a local build makes it, with the profiles
counted in one pass here (which no build does: to see whether a local one should), and with
`--cluster` as a `--dask` build past `STATS_ON_CLUSTER_FROM` makes it, profiles on the cluster.
Prints wall and CPU seconds, this process's and the cluster's (scheduler and workers), and
whether each way gave the same stats or model; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from newsgen.config import SiteConfig
from newsgen.entities import Curation
from newsgen.entities.tagging import tag_articles
from newsgen.model import site
from newsgen.model.entity_stats import EntityCounts
from newsgen.model.listing import list_articles
from newsgen.model.profiles import Mentions, _kind, _sort_name
from newsgen.model.site import model_of
from newsgen.model.stats_by_entity import ARTICLES_PER_PARTITION, stats_by_entity
from newsgen.util.files import load_pickle
from newsgen.util.memo import ResultMemo


def timed(label: str, make, workers=None):
    """`make()`, with its wall and CPU seconds printed: this process's, and `workers()`' (their CPU
    seconds, summed) where given."""
    before = workers() if workers else 0.0
    started, cpu = time.perf_counter(), time.process_time()
    result = make()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    on_workers = f" + {workers() - before:6.2f} CPU s on the cluster" if workers else ""
    print(f"  {label:<52} {wall:8.2f} s {cpu:8.2f} CPU s{on_workers}", flush=True)
    return result


def each_alone(mentions: list) -> dict:
    named_in: dict = {}
    for mention in mentions:
        for key in mention[1]:
            named_in.setdefault(key, []).append(mention)
    return {key: EntityCounts.of(named).stats(key, _sort_name, kind_of=_kind) for key, named in named_in.items()}


def synthetic_listing(n: int):
    """N synthetic articles, tagged and listed, as `model_scale.py` makes them."""
    spec = importlib.util.spec_from_file_location("model_scale_benchmark", Path(__file__).with_name("model_scale.py"))
    model_scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(model_scale)
    articles, found, _ = model_scale.parsed_archive(n)
    return list_articles(tag_articles(articles, found, [None] * n, Curation(), ResultMemo()))


@contextmanager
def cluster_apart() -> Iterator[str]:
    """The scheduler address of a LocalCluster of two one-thread worker processes on 127.0.0.1,
    started in a process of its own and stopped after: this process is then only the client, as
    a build's is (a LocalCluster here would run its scheduler in this process, and its CPU)."""
    process = subprocess.Popen([sys.executable, "-c", _CLUSTER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True)
    try:
        yield process.stdout.readline().strip()
    finally:
        process.stdin.close()  # it stops the cluster and ends
        process.wait(120)


_CLUSTER = """
import sys
from distributed import LocalCluster
if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address="127.0.0.1:0") as c:
        print(c.scheduler_address, flush=True)
        sys.stdin.read()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("memo", type=Path, nargs="?", help="a build's .newsgen-cache/results.pickle")
    parser.add_argument("--synthetic", type=int, metavar="N", help="N synthetic articles instead of a memo")
    parser.add_argument("--cluster", action="store_true", help="also on a LocalCluster of two worker processes")
    parser.add_argument("--model", action="store_true", help="also the site model of a cold build, both ways")
    args = parser.parse_args()
    if args.synthetic:
        listing = timed(f"{args.synthetic:,} synthetic articles made, tagged, listed",
                        lambda: synthetic_listing(args.synthetic))
        mentions = list(Mentions.of(listing.views, listing.named, ResultMemo()).mentions.values())
    else:
        listing = None
        mentions = list(load_pickle(args.memo)["results"]["mentions"].mentions.values())
    print(f"{len(mentions):,} articles, {sum(len(keys) for _, keys in mentions):,} mentions:")
    alone = timed("each entity from its own articles (profiles)", lambda: each_alone(mentions))
    one = timed("one pass (stats_by_entity)", lambda: stats_by_entity(mentions, _sort_name, _kind))
    print(f"  the same stats: {one == alone} ({len(one):,} entities)")
    config = SiteConfig(root=Path("/nonexistent"), base_url="https://example.org/archive/")
    here = None
    if args.model and listing:
        here = timed("site model, cold, profiles here", lambda: model_of(config, listing, [], ResultMemo()))
        # What a local build would take if it counted them as the cluster does, in one pass (it does not).
        site.STATS_ON_CLUSTER_FROM, counted_on = 0, Mentions.counted_on
        Mentions.counted_on = lambda self, cluster: stats_by_entity(list(self.mentions.values()), _sort_name, _kind)
        one_pass = timed("site model, cold, profiles in one pass here",
                         lambda: model_of(config, listing, [], ResultMemo(), cluster=nullcontext()))
        Mentions.counted_on = counted_on
        print(f"  the same model: {one_pass.pages == here.pages}")
    if args.cluster:
        from newsgen.util.cluster import Cluster

        with cluster_apart() as address, Cluster(address) as cluster:
            def workers() -> float:
                client = cluster.client()
                return sum(client.run(time.process_time).values()) + client.run_on_scheduler(time.process_time)

            folded = timed(f"dask.bag.foldby, partitions of {ARTICLES_PER_PARTITION:,}", lambda: stats_by_entity(
                mentions, _sort_name, _kind, cluster=cluster), workers)
            print(f"  the same stats: {folded == alone}")
            if here is not None:
                there = timed("site model, cold, profiles on the cluster",
                              lambda: model_of(config, listing, [], ResultMemo(), cluster=cluster), workers)
                print(f"  the same model: {there.pages == here.pages}")


if __name__ == "__main__":
    main()
