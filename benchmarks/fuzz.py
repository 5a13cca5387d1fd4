"""Long fuzz run: the parser, Markdown, config, slug, feed and YAML date properties at a high example count.

    python benchmarks/fuzz.py --examples 250000            # each target
    python benchmarks/fuzz.py --examples 50000 --target seed
    python benchmarks/fuzz.py --examples 100000 --target feed --target yaml-date

feed: Atom feeds of articles read from hostile text (controls, bidi controls, XML
specials, character references, very long words) parse, with the text as written
and valid dates. yaml-date: a date-like YAML scalar in an override or front matter
gives a date or a NewsgenError naming the line.

The properties are the test suite's own (tests/properties.py), run with Hypothesis
at the count asked for, in rounds with fresh seeds so progress prints as it goes.
Any input that breaks a property is printed, shrunk, and the script exits 1.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import properties

ROUND = 10_000
TARGETS = ["seed", "markdown", "config", "curation", "slug", "feed", "yaml-date"]


def _targets(config_root: Path) -> dict:
    return {
        "seed": (properties.seed_bytes(), properties.check_seed),
        "markdown": (properties.markdown_texts(), properties.check_markdown),
        "config": (properties.config_texts(), lambda text: properties.check_config(text, config_root)),
        "curation": (properties.curation_texts(), lambda text: properties.check_curation(text, config_root)),
        "slug": (st.lists(st.text(), max_size=8), properties.check_slugs),
        "feed": (st.tuples(properties.hostile_feed_sources(), st.sampled_from(["", "https://example.org/news/"])),
                 lambda case: properties.check_feed(*case)),
        "yaml-date": (properties.date_documents(), lambda document: properties.check_date_document(document, config_root)),
    }


def run(name: str, strategy, check, examples: int, seed: int) -> tuple[int, float]:
    calls = 0

    def counted(value) -> None:
        nonlocal calls
        calls += 1
        check(value)

    started = time.perf_counter()
    done = 0
    while done < examples:
        batch = min(ROUND, examples - done)
        test = settings(max_examples=batch, deadline=None, database=None, derandomize=False,
                        phases=[Phase.generate, Phase.shrink],
                        suppress_health_check=list(HealthCheck))(given(strategy)(counted))
        test._hypothesis_internal_use_seed = seed + done
        test()
        done += batch
        print(f"  {name}: {calls} inputs, {time.perf_counter() - started:.0f} s", flush=True)
    return calls, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=10_000, help="inputs per target (default 10000)")
    parser.add_argument("--target", action="append", choices=TARGETS,
                        help="run only these targets (repeatable; default all)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the first round")
    args = parser.parse_args()
    total, failed = 0, False
    with tempfile.TemporaryDirectory() as tmp:
        targets = _targets(Path(tmp))
        for name in args.target or list(targets):
            strategy, check = targets[name]
            try:
                calls, elapsed = run(name, strategy, check, args.examples, args.seed)
            except Exception:
                failed = True
                raise
            total += calls
            print(f"{name}: {calls} inputs in {elapsed:.1f} s ({calls / elapsed:.0f}/s), no unexpected exception")
    print(f"total: {total} inputs, {'FAILED' if failed else 'all properties held'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
