"""Everyday commands on a generated archive: prints figures, asserts nothing.

    python benchmarks/everyday.py [--articles 2000] [--edits 5]

Times a fresh `newsgen build`, `newsgen check` on its result, `newsgen serve`
until its first preview is served, and then how long after a seed is saved the
edited page is served: the save-to-preview latency a writer feels.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import wait_for  # noqa: E402
from tests.sitegen import write_archive  # noqa: E402

NEWSGEN = [sys.executable, "-m", "newsgen.cli"]
SEED = ROOT / "seeds" / "000_eb79ed762533e805.txt"
LONG = 900.0  # seconds: a large archive's first build takes a while
ARTICLE = "articles/illusion-or-optimism-blinken-heads-to-tel-aviv-for-gaza-ceasefire-push/index.html"


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode()
    except OSError:
        return ""


def serve_figures(root: Path, edits: int) -> tuple[float, list[float]]:
    started = time.perf_counter()
    process = subprocess.Popen([*NEWSGEN, "serve", "--port", "0"], cwd=root, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    try:
        url = wait_for(lambda: (m := re.search(r"at (http://\S+/) ", "".join(output))) and m[1], "the URL", LONG)
        wait_for(lambda: "Blinken" in fetch(url + ARTICLE), "the first preview", LONG)
        first = time.perf_counter() - started
        seed = root / "seeds" / SEED.name
        latencies = []
        for n in range(edits):
            marker = f"Edited paragraph number {n}."
            seed.write_text(seed.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            saved = time.perf_counter()
            wait_for(lambda: marker in fetch(url + ARTICLE), "the edited page", LONG)
            latencies.append(time.perf_counter() - saved)
        return first, latencies
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        write_archive(root / "seeds", args.articles)
        shutil.copy(SEED, root / "seeds" / SEED.name)
        build = timed([*NEWSGEN, "build", "-q"], root)
        pages = sum(1 for _ in (root / "site").rglob("*.html"))
        check = timed([*NEWSGEN, "check", "-q"], root)
        first, latencies = serve_figures(root, args.edits)
    print(f"archive: {args.articles + 1} articles, {pages} HTML pages")
    print(f"newsgen build (fresh):            {build:7.2f} s")
    print(f"newsgen check:                    {check:7.2f} s ({pages / check:.0f} pages/s)")
    print(f"newsgen serve, first preview:     {first:7.2f} s")
    print(f"save to edited page served:       median {statistics.median(latencies):.2f} s, "
          f"max {max(latencies):.2f} s over {len(latencies)} edits")


if __name__ == "__main__":
    main()
