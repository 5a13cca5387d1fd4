"""Does rendering pages on a Dask cluster's workers, and sending back their bytes, beat
rendering them on this machine's cores? Measured on a LocalCluster of two worker processes.

    python benchmarks/dask_render.py --n 10000 --workdir /tmp/bench-render --repeat 3

It builds a synthetic archive once, in this process, and keeps the site model
and the list of pages the build rendered. Then, in turn:

- **local**: `render.staging.render_files`, as a build renders (forked workers
  that inherit the model), into an empty folder;
- **cluster**: the model sent to every worker once (`Client.scatter`, broadcast),
  the pages rendered there in batches of page numbers, each batch's bytes sent
  back and written here. The model's sending is counted, as a build would pay it
  every time the model changes (every build). On a LocalCluster the workers read
  article bodies from the build cache's database on this disk; a cluster on other
  machines could not, and would need the bodies sent too: this is the cluster's
  best case.

Pages only: feeds and the search index are a few files. It prints both times and
their ratio, and checks that both wrote the same bytes.
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
if not (Path(__file__).resolve().parents[1] / "src").is_dir():
    raise SystemExit("run from a newsgen checkout")
import synthetic
from dask_build import digests


class _Folder:
    """The one method of a `SiteWriter` that `render_files` calls, into a plain folder."""

    def __init__(self, root: Path):
        self.root, self.files_written = root, 0

    def write_text(self, rel_path: str, text: str) -> None:
        target = self.root / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
        self.files_written += 1


def built_model(root: Path):
    """Build `root` in this process; the config, the site model and the pages the build rendered."""
    import newsgen.build
    from newsgen.config import load_config

    kept = {}
    real = newsgen.build.render_files

    def keeping(writer, config, model, data_files, paths, jobs, on_done):
        kept.update(config=config, model=model, paths=set(paths))
        return real(writer, config, model, data_files, paths, jobs, on_done)

    newsgen.build.render_files = keeping
    try:
        newsgen.build.build(load_config(root), fresh=True)
    finally:
        newsgen.build.render_files = real
    pages = [i for i, page in enumerate(kept["model"].pages) if page.path in kept["paths"]]
    return kept["config"], kept["model"], pages


def render_here(config, model, pages: list[int], out: Path) -> float:
    from newsgen.render.staging import render_files

    started = time.perf_counter()
    paths = {model.pages[i].path for i in pages}
    render_files(_Folder(out), config, model, {}, paths, None, lambda n: None)
    return time.perf_counter() - started


def _render_batch(config, model, indices: list[int]) -> list[tuple[str, bytes]]:
    from distributed import get_worker

    from newsgen.render.pages import make_environment, render_page

    worker = get_worker()  # keeps the Jinja environment, made once per worker
    env = getattr(worker, "newsgen_environment", None)
    if env is None:
        env = worker.newsgen_environment = make_environment(config.root)
    return [(model.pages[i].path, render_page(env, config, model, model.pages[i]).encode("utf-8")) for i in indices]


def render_on_cluster(client, config, model, pages: list[int], out: Path, batch: int) -> tuple[float, float]:
    """(seconds in all, of which sending the model)"""
    from distributed import as_completed

    started = time.perf_counter()
    [model_future] = client.scatter([model], broadcast=True, hash=False)
    sent = time.perf_counter() - started
    batches = [pages[i:i + batch] for i in range(0, len(pages), batch)]
    futures = [client.submit(_render_batch, config, model_future, b, pure=False) for b in batches]
    for future in as_completed(futures):
        for path, data in future.result():
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    seconds = time.perf_counter() - started
    client.cancel(model_future)
    return seconds, sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="articles (default: 10000)")
    parser.add_argument("--workdir", type=Path, help="where the archive is kept between runs (default: a temp folder)")
    parser.add_argument("--repeat", type=int, default=1, help="times of each, in turn; medians shown")
    parser.add_argument("--batch", type=int, default=200, help="pages per cluster task (default: 200)")
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="newsgen-bench-render-"))
    root = workdir / f"archive-{args.n}"
    if not (root / "seeds").is_dir() or len(list((root / "seeds").glob("*.txt"))) != args.n:
        shutil.rmtree(root, ignore_errors=True)
        synthetic.write_archive(root / "seeds", args.n)
    config, model, pages = built_model(root)
    model_bytes = len(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
    here, there, sending = [], [], []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        warm = client.scatter(model, broadcast=True, hash=False)
        client.gather([client.submit(_render_batch, config, warm, pages[:1], pure=False, workers=[address])
                       for address in client.scheduler_info()["workers"]])  # each worker imports newsgen first
        client.cancel(warm)
        for attempt in range(args.repeat):
            local_out, cluster_out = workdir / f"local-{attempt}", workdir / f"cluster-{attempt}"
            for out in (local_out, cluster_out):
                shutil.rmtree(out, ignore_errors=True)
            here.append(render_here(config, model, pages, local_out))
            seconds, sent = render_on_cluster(client, config, model, pages, cluster_out, args.batch)
            there.append(seconds), sending.append(sent)
            same = digests(local_out) == digests(cluster_out)
            shutil.rmtree(local_out), shutil.rmtree(cluster_out)
            if not same:
                raise SystemExit("the pages rendered on the cluster differ from those rendered here")

    def median(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load}; LocalCluster of 2 worker processes, 1 thread each; "
          f"{len(pages):,} pages; the site model pickled: {model_bytes / 2**20:.0f} MB"
          + (f"; medians of {args.repeat}, in turn" if args.repeat > 1 else ""))
    print("| articles | pages | local | LocalCluster | of which sending the model | cluster / local |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| {args.n:,} | {len(pages):,} | {median(here):.2f} s | {median(there):.2f} s | {median(sending):.2f} s "
          f"| {median(there) / median(here):.2f}x |")


if __name__ == "__main__":
    main()
