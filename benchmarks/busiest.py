"""The busiest person and place pages of a built archive, to judge the site's quality at a glance.

Usage: python benchmarks/busiest.py [CORPUS] [--workdir DIR] [--top 100] [--headlines 3]
                                    [--judged FILE]

Builds CORPUS (default ../shared/corpus/bbc beside the repository; a folder of .txt
articles, sections by subfolder) with `newsgen build` into DIR (default: a temporary
folder, deleted at the end; a kept DIR builds again incrementally), then prints the TOP
people and the TOP places with the most articles: name, article count, page URL, the
other spellings that named it ("also written"), the headlines of its first articles in the
site's order, and for a person those of the articles that never write its name (only
"Blair", say): where a wrong merge shows.
It reads what the build tagged from the build's cache, as `newsgen entities --review`
does, and extracts nothing again.

FILE (default benchmarks/data/bbc_busiest_judged.json) holds an editor's judgements of
the pages, by name only, keyed by kind::

    {"person": {"real": [...], "not a person": [...], "wrong merge": [...], "wrong name": [...]},
     "place":  {"real": [...], "not a place": [...], "wrong merge": [...], "duplicate page": [...]}}

"real" means a real person (place) whose page holds only its own articles; any other
key says what is wrong with the page (benchmarks/data/README.md says how they were judged). The script prints how many of the TOP are judged
real, wrong, and not judged yet. A corpus folder that is absent is skipped with the
reason printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgen.commands.tagged_archive import read_tagged_archive
from newsgen.config import load_config
from newsgen.model.listing import Listing

KINDS = (("person", "people"), ("place", "places"))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
DEFAULT_JUDGED = ROOT / "benchmarks" / "data" / "bbc_busiest_judged.json"


def build(corpus: Path, root: Path) -> float:
    """Build `corpus` into `root`/site with the command a user runs; its wall time. The site's
    settings name the corpus as its seeds, so `newsgen entities --review --root ROOT` reviews it."""
    (root / "newsgen.yaml").write_text(f"seeds: {json.dumps(str(corpus))}\noutput: site\n", encoding="utf-8")
    started = time.perf_counter()
    # This checkout's newsgen, as imported here: the cache is kept for the code that wrote it.
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-m", "newsgen.cli", "build", "-q", "--root", str(root)], check=True,
                   stdout=subprocess.DEVNULL, env=environment)
    return time.perf_counter() - started


def busiest(listing: Listing, kind: str, top: int, headlines: int) -> list[dict]:
    """The `top` pages of `kind` by articles (then by name), each with its URL, other
    spellings and the headlines of its first articles in the site's order (newest first)."""
    articles: Counter[str] = Counter()
    spellings: dict[str, set[str]] = {}
    shown: dict[str, list[str]] = {}
    otherwise: dict[str, list[str]] = {}  # the headlines of articles that never write the page's name
    for view in listing.views:
        for e in view.article.people if kind == "person" else view.article.places:
            articles[e.name] += 1
            spellings.setdefault(e.name, set()).update(e.mentions)
            if len(shown.setdefault(e.name, [])) < headlines:
                shown[e.name].append(view.article.headline)
            if e.mentions and e.name.casefold() not in {m.casefold() for m in e.mentions}:
                otherwise.setdefault(e.name, []).append(f"{view.article.headline} ({'; '.join(e.mentions)})")
    names = sorted(articles, key=lambda n: (-articles[n], n.casefold()))[:top]
    return [{"name": n, "articles": articles[n], "url": listing.tag_paths[(kind, n)][1],
             "also_written": sorted(spellings[n] - {n}), "headlines": shown[n],
             "otherwise": otherwise.get(n, [])} for n in names]


def load_judged(path: Path) -> dict[str, dict[str, set[str]]]:
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {kind: {verdict: set(names) for verdict, names in verdicts.items()} for kind, verdicts in data.items()}


def verdict_of(name: str, verdicts: dict[str, set[str]]) -> str:
    return next((verdict for verdict, names in verdicts.items() if name in names), "")


def report(pages: list[dict], kind: str, plural: str, verdicts: dict[str, set[str]], shown: int) -> None:
    print(f"\n== The {len(pages)} busiest {plural} ==")
    for rank, page in enumerate(pages, 1):
        verdict = verdict_of(page["name"], verdicts)
        mark = f"  [{verdict}]" if verdict and verdict != "real" else ""
        print(f"{rank:3}. {page['name']}  {page['articles']} articles  {page['url']}{mark}")
        if page["also_written"]:
            print(f"     also written: {'; '.join(page['also_written'])}")
        print(f"     articles: {' | '.join(page['headlines'])}")
        if page["otherwise"] and kind == "person":  # a place's other spellings are the gazetteer's (US)
            print(f"     named only otherwise in {len(page['otherwise'])}: {' | '.join(page['otherwise'][:shown])}")
    judged = Counter(verdict_of(page["name"], verdicts) or "not judged yet" for page in pages)
    wrong = {v: judged[v] for v in judged if v not in ("real", "not judged yet")}
    print(f"\n{plural}: of the {len(pages)} busiest, {judged['real']} judged real, "
          f"{sum(wrong.values())} judged wrong ({', '.join(f'{n} {v}' for v, n in sorted(wrong.items())) or 'none'}), "
          f"{judged['not judged yet']} not judged yet")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workdir", type=Path, help="build here and keep it (default: a temporary folder)")
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--headlines", type=int, default=3, help="headlines shown per page")
    parser.add_argument("--judged", type=Path, default=DEFAULT_JUDGED, help="an editor's judgements (names only)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: corpus folder {args.corpus} is absent")
        return 0
    with tempfile.TemporaryDirectory(prefix="newsgen-busiest-") as temporary:
        root = (args.workdir or Path(temporary)).resolve()
        root.mkdir(parents=True, exist_ok=True)
        seconds = build(args.corpus.resolve(), root)
        started = time.perf_counter()
        archive = read_tagged_archive(load_config(root))
        read = time.perf_counter() - started
        print(f"{args.corpus}: {len(archive.listing.views):,} articles; built in {seconds:.1f} s, "
              f"tags read back in {read:.1f} s ({archive.parsed} files parsed again)")
        judged = load_judged(args.judged)
        for kind, plural in KINDS:
            report(busiest(archive.listing, kind, args.top, args.headlines), kind, plural, judged.get(kind, {}), args.headlines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
