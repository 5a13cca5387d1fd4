"""The archive-wide stages of a build at sizes whose cold build this machine cannot wait for:

    python benchmarks/model_scale.py --n 100000 1000000

Parsing and extraction cost the same per article at any size (`stages.py` measures them), and
spread over cores or a Dask cluster. What grows differently is what weighs the whole archive at
once, in one process: tagging (names unified across the archive), the listing, the site model
(related articles, profiles, archives, feeds) and the search index. This script makes N articles
as parsing and extraction would leave them, with the people and places of `synthetic.py`'s
archive (its pools and Zipf-like spread; a few sentences of its prose for the search terms,
bodies left in the record store as a build leaves them), then runs those stages in this process,
timed and sampled for memory as `stages.py` does. Related articles and the profiles' counts,
both inside the site model, are also timed alone, before it, and the profiles' stats as one
reduction too (`model.stats_by_entity`, in this process). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import time
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

_spec = importlib.util.spec_from_file_location("stages_benchmark", Path(__file__).with_name("stages.py"))
stages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(stages)
synthetic = stages.benchmark.synthetic

from newsgen.config import SiteConfig
from newsgen.entities import Curation
from newsgen.entities.tagging import tag_articles
from newsgen.model.entity_stats import EntityCounts
from newsgen.model.listing import list_articles
from newsgen.model.related import related_articles
from newsgen.model.sameness import text_print
from newsgen.model.site import model_of
from newsgen.model.stats_by_entity import stats_by_entity
from newsgen.records import Article, Entity, Paragraph
from newsgen.render.data_files import search_data_files
from newsgen.search.terms import text_terms
from newsgen.slugs import make_slug
from newsgen.util.memo import ResultMemo


class _Recording:
    """A `synthetic._Zipf` that remembers what it drew: the names an extractor would find."""

    def __init__(self, pool: synthetic._Zipf) -> None:
        self.pool, self.drawn = pool, []

    def draw(self, rng: random.Random) -> str:
        name = self.pool.draw(rng)
        self.drawn.append(name)
        return name


def parsed_archive(n: int, advance=lambda n: None) -> tuple[list[Article], list[list[Entity]], dict]:
    """N articles as ingest leaves them (untagged), each one's extracted entities (one object per
    name, shared, as the reader shares them), and each one's search terms by source path."""
    people = _Recording(synthetic._Zipf(synthetic._people_pool(max(300, n // 10))))
    places = _Recording(synthetic._Zipf(tuple(synthetic._PLACES)))
    objects: dict[tuple[str, str], Entity] = {}
    articles, found, terms = [], [], {}
    start = date(2000, 1, 1)
    for i in range(n):
        rng = random.Random(i)
        people.drawn, places.drawn = [], []
        sentences = [synthetic._sentence(rng, people, places) for _ in range(rng.randrange(8, 30))]
        headline = f"{places.pool.draw(rng)} report {i}"
        article = Article(
            slug=make_slug(headline), headline=headline, standfirst=sentences[0],
            date=start + timedelta(days=rng.randrange(9125)), date_inferred=False,
            body=(Paragraph(" ".join(sentences[1:6])),), source_path=f"seeds/{i:07d}.txt",
            word_count=600, reading_minutes=3, date_source="published line")
        terms[article.source_path] = text_terms(article)
        # The body stays in the record store; its digests for finding duplicates are taken as ingest takes them.
        article = replace(article, body=(), text_print=text_print(article))
        mentions = Counter([("person", name) for name in people.drawn] + [("place", name) for name in places.drawn])
        found.append([objects.setdefault(key, Entity(key[1], make_slug(key[1]), key[0], (key[1],)))
                      for key, _ in mentions.most_common()])
        articles.append(article)
        if i % 10000 == 9999:
            advance(10000)
    return articles, found, terms


def measure(n: int, interval: float, trace: float) -> dict[str, tuple[float, float, int, int]]:
    memory = stages.MemorySampler(interval, trace)
    times = stages.StageTimes(memory)
    memory.start()
    try:
        with times.stage("records made", n) as advance:
            articles, found, terms = parsed_archive(n, advance)
        with times.stage("entities unified", n):
            tagged = tag_articles(articles, found, [None] * n, Curation(), ResultMemo())
        del articles, found
        with times.stage("articles listed", n):
            listing = list_articles(tagged)
        del tagged
        keys = [tuple((e.kind, e.name) for e in view.article.people + view.article.places) for view in listing.views]
        with times.stage("related articles alone", n):
            related_articles(keys)
        with times.stage("profiles' counts alone", n):
            named_in: dict[tuple, list] = {}
            for view, mentioned in zip(listing.views, keys):
                for key in mentioned:
                    named_in.setdefault(key, []).append((view.article.date, mentioned))
            for key, mentions in named_in.items():
                EntityCounts.of(mentions).stats(key, sort_name=repr)
        with times.stage("profiles, one reduction", n):  # the same stats, as `stats_by_entity` counts them
            stats_by_entity([(view.article.date, mentioned) for view, mentioned in zip(listing.views, keys)], repr)
        del keys, named_in
        config = SiteConfig(root=Path("/nonexistent"), base_url="https://example.org/archive/")
        with times.stage("site model", n):
            model = model_of(config, listing, [], ResultMemo(), jobs=1)
        with times.stage("search index", n):
            search_data_files(model.articles, terms)
    finally:
        memory.finished.set()
        memory.join()
    return {name: (*times.seconds[name], *memory.peaks[name]) for name in times.seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100000], help="archive sizes (default: 100000)")
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between memory samples (default: 0.25)")
    parser.add_argument("--trace", type=float, default=0.0,
                        help="every this many seconds, print the stage, its progress and the peak so far")
    args = parser.parse_args()
    for n in args.n:
        started = time.perf_counter()
        figures = measure(n, args.interval, args.trace)
        print(f"{n:,} articles, {time.perf_counter() - started:.0f} s in all: seconds, CPU seconds, peak RSS "
              "(MB), peak PSS (MB) of each stage")
        for name, (seconds, cpu, rss, pss) in figures.items():
            print(f"  {name:<24} {seconds:9.2f} s {cpu:9.2f} s {rss / 1e6:9,.0f} MB {pss / 1e6:9,.0f} MB", flush=True)


if __name__ == "__main__":
    main()
