"""Time related-article ranking on a synthetic archive (prints figures, asserts nothing).

python benchmarks/related_bench.py [ARTICLES]
"""

import random
import sys
import time

from newsgen.model.related import related_articles


def synthetic_keys(count: int, entities: int = 20000, per_article: int = 10) -> list[list[int]]:
    """Zipf-like mentions: a few entities in a large share of articles, most in a handful."""
    rng = random.Random(4)
    weights = [1 / (rank + 1) for rank in range(entities)]
    return [rng.choices(range(entities), weights, k=per_article) for _ in range(count)]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    keys = synthetic_keys(count)
    started = time.perf_counter()
    related = related_articles(keys)
    elapsed = time.perf_counter() - started
    print(f"{count} articles: related articles in {elapsed:.2f} s "
          f"({sum(map(len, related)) / count:.2f} related per article)")


if __name__ == "__main__":
    main()
