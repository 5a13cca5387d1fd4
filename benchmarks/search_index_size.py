"""Search index and script sizes for the seed and a generated archive: `python benchmarks/search_index_size.py [COUNT ...]`.

For each archive size (0 = the seed alone) prints the shard counts, the
largest and median shard, the manifest, the whole index, and what a visitor
downloads for sample queries; raw and gzip bytes. Then, for three typical
queries (a person, a place, a topic), the payload: every file of the index
that the search page loads in Chromium, until its first page of results
and the person or place named show, and what opening "Narrow the results"
then adds, the facet shards of all the results (needs Playwright and /usr/bin/chromium; skipped with
the reason printed without them). `--site DIR` measures a site built already.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path

from archive import REPO, build_archive
from newsgen.search.index import shards_for
from newsgen.search.terms import words

QUERIES = ["blink", "lisbon talks", "olena petrenko", "ka", "kab"]
TYPICAL = ["olena petrenko", "lisbon", "grain exports"]  # a person, a place, a topic
CHROMIUM = "/usr/bin/chromium"


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


def payloads(site: Path) -> None:
    """Per typical query, the index files the search page loads, served from 127.0.0.1."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("  payload: skipped, the playwright package is missing")
        return
    if not Path(CHROMIUM).is_file():
        print(f"  payload: skipped, {CHROMIUM} is missing")
        return
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            for query in TYPICAL:
                page = browser.new_page()
                loaded: list[str] = []
                page.on("requestfinished", lambda request, loaded=loaded: loaded.append(request.url))
                page.goto(f"{root}search/index.html?q={query}")
                status = page.locator("#search-status", has_text="found")
                status.wait_for(timeout=300_000)
                page.locator("#search-app:not([aria-busy])").wait_for(timeout=300_000)  # pickers may fill later
                first = len(loaded)
                print(f"  payload {query!r:18} {loaded_files(site, root, loaded)}  "
                      f"({status.inner_text().split(' found')[0]})")
                page.click("#search-facets summary")  # "Narrow the results": the facet shards load now
                page.locator("script[src^='shards/f-']").first.wait_for(state="attached", timeout=300_000)
                page.locator("#search-app:not([aria-busy])").wait_for(timeout=300_000)
                print(f"    + narrowing opened {loaded_files(site, root, loaded[first:])}")
                page.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def loaded_files(site: Path, root: str, urls: list[str]) -> str:
    """The size of the index files among `urls`, and how many of each kind."""
    files = [site / url[len(root):] for url in urls if "/search/shards/" in url]
    kinds = Counter(f.name.split("-")[0].removesuffix(".js") for f in files)
    sizes = [size(f) for f in files]
    return f"{fmt((sum(a for a, _ in sizes), sum(b for _, b in sizes)))}  files {dict(sorted(kinds.items()))}"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--site"]:
        site = Path(args[1])
        report(site, str(site))
        payloads(site)
        return
    counts = [int(a) for a in args] or [0, 10_000]
    script = REPO / "static" / "search.js"
    print(f"static/search.js     {fmt(size(script))}")
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            site = build_archive(Path(folder), count)
            report(site, f"seed + {count} generated articles" if count else "seed alone")
            payloads(site)


if __name__ == "__main__":
    main()
