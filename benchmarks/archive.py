"""Build the seed plus a generated archive for the benchmarks: `python benchmarks/archive.py DIR [--count N]`.

Prints the built site's folder. The articles come from tests/sitegen.py, so
every benchmark measures the same deterministic archive.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.sitegen import write_archive  # noqa: E402

from newsgen.build import build  # noqa: E402
from newsgen.config import load_config  # noqa: E402


def build_archive(folder: Path, count: int) -> Path:
    """Seed + `count` generated articles built in `folder`; returns the site folder."""
    seeds = folder / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for seed in (REPO / "seeds").glob("*.txt"):
        shutil.copy(seed, seeds / seed.name)
    if count:
        write_archive(seeds, count)
    build(load_config(folder))
    return folder / "site"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=300, help="generated articles besides the seed")
    args = parser.parse_args()
    print(build_archive(args.folder, args.count))


if __name__ == "__main__":
    main()
