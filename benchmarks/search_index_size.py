"""Search index and script sizes for the seed and a generated archive: `python benchmarks/search_index_size.py [COUNT ...]`.

For each archive size (0 = the seed alone) prints the shard counts, the
largest and median shard, the manifest, the whole index, and what a visitor
downloads for sample queries; raw and gzip bytes.
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
from pathlib import Path

from archive import REPO, build_archive
from newsgen.search.index import shards_for
from newsgen.search.terms import words

QUERIES = ["blink", "lisbon talks", "olena petrenko", "ka", "kab"]


def size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 9))


def fmt(pair: tuple[int, int]) -> str:
    return f"{pair[0] / 1024:7.1f} KB ({pair[1] / 1024:6.1f} KB gzip)"


def report(site: Path, label: str) -> None:
    shards = site / "search" / "shards"
    terms, docs = list(shards.glob("t-*.js")), list(shards.glob("d-*.js"))
    print(f"\n{label}")
    for name, files in (("term shards", terms), ("doc shards", docs)):
        sizes = sorted(size(f) for f in files)
        print(f"  {name:12} {len(files):5}  largest {fmt(sizes[-1])}  median {fmt(sizes[len(sizes) // 2])}")
    print(f"  manifest           {fmt(size(shards / 'meta.js'))}")
    everything = [size(f) for f in shards.iterdir()]
    print(f"  whole index        {fmt((sum(a for a, _ in everything), sum(b for _, b in everything)))}")
    text = (shards / "meta.js").read_text(encoding="utf-8")
    manifest = json.loads(text[text.index("{"):text.rindex("}") + 1])
    for query in QUERIES:
        wanted = [t for t in words(query) if len(t) > 1 and t not in manifest["stop"]]
        loaded = sorted({shards / f"t-{k}.js" for t in wanted for k in shards_for(manifest, t)})
        raw = [size(f) for f in loaded + [shards / "meta.js"]]
        print(f"  query {query!r:18} loads {len(loaded):3} term shards + manifest = "
              f"{fmt((sum(a for a, _ in raw), sum(b for _, b in raw)))} (+ doc shards of the results)")


def main() -> None:
    counts = [int(a) for a in sys.argv[1:]] or [0, 10_000]
    script = REPO / "static" / "search.js"
    print(f"static/search.js     {fmt(size(script))}")
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            site = build_archive(Path(folder), count)
            report(site, f"seed + {count} generated articles" if count else "seed alone")


if __name__ == "__main__":
    main()
