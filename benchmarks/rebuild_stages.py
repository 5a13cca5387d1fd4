"""CPU seconds of each single-process stage of a rebuild, on an archive built before.

    python benchmarks/build.py --n 10000 --workdir /tmp/bench    # builds /tmp/bench/archive-10000
    python benchmarks/rebuild_stages.py /tmp/bench/archive-10000

Runs the build's own stage functions in order, as `newsgen build` does after an
edit, and writes nothing to the site (the cache's records and results are saved
as a build saves them). Feeds, sitemap, search index and drawing pages are left
out: they have their own benchmarks.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from newsgen import build, cache
from newsgen.config import load_config
from newsgen.data_files import CurrentOutput
from newsgen.entities import EntityExtractor, load_curation
from newsgen.ingest import Ingester
from newsgen.listing import list_articles
from newsgen.page_output import Changes, load_manifest, manifest_file, missing_files, page_fingerprints
from newsgen.site_model import model_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="a site folder built before (with .newsgen-cache)")
    config = load_config(parser.parse_args().root)
    times: dict[str, float] = {}

    def timed(stage: str, function, *args):
        started = time.process_time()
        result = function(*args)
        times[stage] = times.get(stage, 0.0) + time.process_time() - started
        return result

    code = cache.code_fingerprint()
    _, stamps = timed("input stamps", build._input_stamp, config, code)
    cache_dir = config.root / cache.CACHE_DIR
    curation = load_curation(config.content_dir / "entities.yaml")
    inputs = build.record_store_inputs(code, config.content_dir / "entities.yaml")
    report = build.BuildReport()
    with build._collector_paused():
        store = timed("cache load", cache.RecordStore.open, cache_dir, inputs)
    jobs = timed("discovery and keys", build._plan, config, store, report, stamps)
    ingester = Ingester(EntityExtractor(curation), store.bodies_file)
    results = timed("records (parse what changed)", build._ingest, jobs, store, ingester, None, build.QUIET, code)
    sources = build._collect(results, report)
    memo = cache.ResultMemo(cache_dir / "results.pickle", code)
    with build._collector_paused():
        articles = timed("tagging", build.tag_articles, sources.articles, sources.found, sources.overrides, curation,
                         memo)
        listing = timed("article listing", list_articles, articles)
        model = timed("site model", model_of, config, listing, sources.pages, memo)
    output = config.output_dir.resolve()
    previous = load_manifest(manifest_file(cache_dir, output), output)
    current = timed("page fingerprints", page_fingerprints, model, build.shared_inputs(config, code, model), previous)
    missing = timed("change check", missing_files, previous.files, output)
    timed("change check", Changes.between, CurrentOutput(output, previous.files, missing), current.files)
    timed("cache save", lambda: (store.save([job.name for job in jobs]), memo.save()))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{len(model.articles):,} articles, {len(model.pages):,} pages; load average {load}")
    for stage, seconds in times.items():
        print(f"{stage:30} {seconds:6.2f} s")
    print(f"{'total':30} {sum(times.values()):6.2f} s")


if __name__ == "__main__":
    main()
