"""Time `newsgen build` on inputs of adversarial size, each case its own site.

    python benchmarks/adversarial.py
    python benchmarks/adversarial.py --seed-bytes 100000 --people 1000 --quote-bytes 20000 --empty 1000

The cases (issue #25's must-shows), each built once, cold, in a temporary folder:

- people: one seed of `--seed-bytes` (1 MB) naming `--people` (10,000) distinct
  people, in lines "Firstname Lastname said in Town.", the list repeated to fill it;
- quotes: one Markdown page in content/pages/ of `--quote-bytes` (200 KB) of quote
  marks, in paragraphs of just under the smart-quotes bound, the worst case for it;
- empty: `--empty` (100,000) empty .txt files in seeds/, every one of them dropped.

Each build runs as `build.py`'s `measure` runs it, in a process of its own with
`-q`, its peak RSS that of its largest process; the report it prints (with -q,
only when a source file produced no page) is read for the seeds it dropped. The
target is under 10 s a case; the figures are printed, never asserted. A build still running
after `--timeout` seconds (600) is stopped, its exit code shown as "timeout".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import build as build_benchmark  # it sets PYTHONPATH so the timed command imports this newsgen

_FIRST = ("Amara", "Bruno", "Chiara", "Dmitri", "Elena", "Farah", "Goran", "Hana", "Ivo", "Jana")
_SYLLABLES = ("ka", "lo", "mi", "ter", "san", "vo", "rel", "dun", "pha", "gri", "os", "el", "bra", "tin", "qu", "zen")

# One wrapper per build, as build.py's: the build's report goes to a file, to be read for what it dropped.
# A build past `timeout` seconds is stopped, its workers with it, and its code is "timeout".
_MEASURE = """
import json, os, resource, signal, subprocess, sys, time
started = time.perf_counter()
with open(sys.argv[1], "wb") as report:
    build = subprocess.Popen(sys.argv[3:], stdout=report, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        code = build.wait(timeout=float(sys.argv[2]))
    except subprocess.TimeoutExpired:
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        code = "timeout"
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss * 1024,
                  "code": code}))
"""
_DROPPED = re.compile(r"^([\d,]+) source files? produced no page:$", re.MULTILINE)


def _word(number: int) -> str:
    """A capitalised made-up word, a different one for each number: names hold no digits,
    which a tagger would not read as a name."""
    syllables = []
    while True:
        number, digit = divmod(number, len(_SYLLABLES))
        syllables.append(_SYLLABLES[digit])
        if not number:
            break
    return "".join(syllables).capitalize()


def many_people(root: Path, size: int = 1_000_000, people: int = 10_000) -> None:
    """One seed of `size` bytes naming `people` distinct people, each in a town of their own."""
    lines = [f"{_FIRST[n % len(_FIRST)]} Mo{_word(n).lower()} said in Tor{_word(n).lower()}." for n in range(people)]
    head = "Ten thousand voices on one page\nEveryone had something to say about the plan.\n"
    parts, written, n = [head], len(head), 0
    while written < size:
        line = lines[n % people] + "\n"
        parts.append(line)
        written += len(line)
        n += 1
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "seeds" / "people.txt").write_text("".join(parts)[:size], encoding="utf-8")


def quote_marks(root: Path, size: int = 200_000, block: int = 1_999) -> None:
    """One Markdown page of `size` bytes, all quote marks past its front matter, in paragraphs of
    `block` marks (just under markdown.MAX_SMART_QUOTES) and lines of 79."""
    head = "---\ntitle: Quote marks\n---\n"
    paragraph = ('"\'' * (block // 2 + 1))[:block]
    paragraph = "\n".join(paragraph[i: i + 79] for i in range(0, block, 79))
    body = "\n\n".join([paragraph] * (size // (len(paragraph) + 2) + 1))
    (root / "content" / "pages").mkdir(parents=True, exist_ok=True)
    (root / "content" / "pages" / "quotes.md").write_text((head + body)[:size], encoding="utf-8")


def empty_seeds(root: Path, count: int = 100_000) -> None:
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (seeds / f"empty_{number:06d}.txt").touch()


def _input_size(root: Path) -> tuple[int, int]:
    """(files, bytes) of the site's inputs."""
    sizes = [p.stat().st_size for folder in ("seeds", "content") if (root / folder).is_dir()
             for p in (root / folder).rglob("*") if p.is_file()]
    return len(sizes), sum(sizes)


def build_case(root: Path, jobs: int | None = None, timeout: float = 600) -> dict:
    """Build the site at `root` in its own process, stopped after `timeout` s; the figures of that build."""
    report = root.parent / f"{root.name}.report"
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(report), str(timeout),
                          *build_benchmark.newsgen(root, jobs)],
                         capture_output=True, text=True, check=True, env=environment)
    result = json.loads(out.stdout)
    text = report.read_text(encoding="utf-8", errors="replace")
    dropped = _DROPPED.search(text)
    files, size = _input_size(root)
    site = root / "site"
    written = sum(1 for p in site.rglob("*") if p.is_file()) if site.is_dir() else 0
    return result | {"input_files": files, "input_bytes": size, "written": written,
                     "dropped": int(dropped[1].replace(",", "")) if dropped else 0, "report": text[-2000:]}


def cases(args: argparse.Namespace) -> dict[str, Callable[[Path], None]]:
    return {
        "people": lambda root: many_people(root, args.seed_bytes, args.people),
        "quotes": lambda root: quote_marks(root, args.quote_bytes),
        "empty": lambda root: empty_seeds(root, args.empty),
    }


def _size(files: int, size: int) -> str:
    return f"{files:,} file{'s' if files != 1 else ''}, {size / 1000:,.0f} KB" if size else f"{files:,} files, 0 B"


def print_table(rows: dict[str, dict]) -> None:
    print("| case | input | build | CPU | peak RSS | files written | exit code | seeds dropped |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, row in rows.items():
        print(f"| {name} | {_size(row['input_files'], row['input_bytes'])} | {row['seconds']:.2f} s "
              f"| {row['cpu']:.1f} s | {row['rss'] / 2**20:.0f} MB | {row['written']:,} | {row['code']} "
              f"| {row['dropped']:,} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed-bytes", type=int, default=1_000_000, help="size of the people seed (default 1 MB)")
    parser.add_argument("--people", type=int, default=10_000, help="distinct people it names (default 10,000)")
    parser.add_argument("--quote-bytes", type=int, default=200_000, help="size of the quote-mark page (default 200 KB)")
    parser.add_argument("--empty", type=int, default=100_000, help="empty seeds (default 100,000)")
    parser.add_argument("--case", action="append", choices=["people", "quotes", "empty"], help="only these cases")
    parser.add_argument("--jobs", type=int, help="newsgen --jobs (default: all cores)")
    parser.add_argument("--timeout", type=float, default=600, help="stop a build after this many seconds (default 600)")
    args = parser.parse_args()
    rows = {}
    with tempfile.TemporaryDirectory(prefix="newsgen-adversarial-") as tmp:
        for name, make in cases(args).items():
            if args.case and name not in args.case:
                continue
            root = Path(tmp) / name
            make(root)
            os.sync()  # the inputs on disk, so the build does not pay for their writing
            rows[name] = build_case(root, args.jobs, args.timeout)
            print(json.dumps({k: v for k, v in rows[name].items() if k != "report"}), file=sys.stderr, flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load} (after the builds); target: each case under 10 s")
    print_table(rows)


if __name__ == "__main__":
    main()
