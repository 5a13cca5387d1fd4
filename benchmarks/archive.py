"""Build the seed plus a generated archive for the benchmarks: `python benchmarks/archive.py DIR [--count N] [--names many]`.

Prints the built site's folder. The articles come from tests/sitegen.py, so
every benchmark measures the same deterministic archive. Its twelve people and
twelve places make an A–Z of a few names; `--names many` takes the articles
from benchmarks/synthetic.py instead (build.py's archive: a person for every
ten articles, spread as in a real archive), whose A–Z pages and entity pages
are as long as a real archive's of that size.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.sitegen import write_archive

import synthetic
from newsgen.build import build
from newsgen.config import load_config

WRITERS = {"few": write_archive, "many": synthetic.write_archive}


def build_archive(folder: Path, count: int, names: str = "few") -> Path:
    """Seed + `count` generated articles built in `folder`, with `names` people and places
    (a key of `WRITERS`); returns the site folder."""
    seeds = folder / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for seed in (REPO / "seeds").glob("*.txt"):
        shutil.copy(seed, seeds / seed.name)
    if count:
        WRITERS[names](seeds, count)
    build(load_config(folder))
    return folder / "site"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=300, help="generated articles besides the seed")
    parser.add_argument("--names", choices=sorted(WRITERS), default="few",
                        help="few: twelve people and twelve places; many: a person for every ten articles")
    args = parser.parse_args()
    print(build_archive(args.folder, args.count, args.names))


if __name__ == "__main__":
    main()
