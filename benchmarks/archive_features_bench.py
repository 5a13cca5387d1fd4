"""Time the archive features (related articles, entity profiles, archives, feeds,
sitemap, search index) on a synthetic archive of already tagged articles, so entity
extraction is left out: `python benchmarks/archive_features_bench.py [ARTICLES]`.
The articles' own search terms are weighed beforehand, as ingest does.

Prints figures; asserts nothing. Page weights: benchmarks/page_weight.py.
"""

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from newsgen.config import SiteConfig
from newsgen.model.site import build_site_model
from newsgen.records import Article, Entity, Paragraph
from newsgen.render.data_files import site_data_files
from newsgen.search.terms import text_terms


def synthetic_archive(count: int) -> list[Article]:
    rng = random.Random(4)
    names = [f"Person {i}" for i in range(5000)]
    places = [f"Place {i}" for i in range(1000)]
    weights_people = [1 / (r + 1) for r in range(len(names))]
    weights_places = [1 / (r + 1) for r in range(len(places))]
    start = date(2015, 1, 1)
    out = []
    for i in range(count):
        people = sorted(set(rng.choices(names, weights_people, k=5)))
        where = sorted(set(rng.choices(places, weights_places, k=3)))
        out.append(Article(
            slug=f"article-{i}", headline=f"Headline number {i} about events", standfirst="A standfirst sentence.",
            date=start + timedelta(days=rng.randrange(3650)), date_inferred=False,
            body=(Paragraph("Body text. " * 80),), source_path=f"seeds/{i}.txt", word_count=160, reading_minutes=1,
            people=tuple(Entity(n, n.lower().replace(" ", "-"), "person") for n in people),
            places=tuple(Entity(n, n.lower().replace(" ", "-"), "place") for n in where),
        ))
    return out


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    articles = synthetic_archive(count)
    config = SiteConfig(root=Path("/nonexistent"), base_url="https://example.org/archive/")
    started = time.perf_counter()
    model = build_site_model(config, articles, [])
    print(f"{count} articles: site model (with related, profiles, archives) in {time.perf_counter() - started:.2f} s, "
          f"{len(model.pages)} pages")
    terms = {a.source_path: text_terms(a) for a in articles}
    started = time.perf_counter()
    files = site_data_files(config, model, terms)
    fingerprinted = time.perf_counter() - started
    size = sum(len(file.make().encode()) for file in files.values())
    print(f"non-HTML files (feeds, sitemap, robots.txt, search index): {len(files)} files, {size / 1e6:.1f} MB; "
          f"fingerprinted (search index and sitemap made, feeds not) in {fingerprinted:.2f} s, "
          f"all made in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
