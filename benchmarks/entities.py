"""Benchmark entity extraction: quality on CoNLL-2003 dev articles and on a BBC dev set,
speed on BBC News.

Usage: python benchmarks/entities.py [GOLD_DIR] [--bbc DIR] [--bbc-dev FILE] [--articles 10000] [--workers 2]

Quality: GOLD_DIR (default ../shared/corpus/conll2003/dev_articles from the repository
root) holds NNN.txt articles and NNN.json gold ``{"people": [...], "places": [...]}``.
The dev articles are the archive: their entities are weighed across all of them, as a
build weighs a site's (kinds from the archive's evidence, folds of short names). Each
document's unique surface strings of the entities left are compared with its gold
strings; counts are summed over documents (micro-average) for precision, recall and F1
per kind.

Speed: articles per second on one core over the BBC folder (after the one-off model
load, which is reported apart), then the wall time for N articles (the BBC files
repeated) on W worker processes, worker start-up and model loading included.
BBC dev set: FILE (default benchmarks/data/bbc_dev.jsonl) names, for 100 BBC articles,
the people and places each names as the names their pages should carry (see
benchmarks/data/README.md). Each article's entities, by their canonical name, are
compared as sets with those names (case aside, and the country names the set
normalises, "UK" and "Britain" as "United Kingdom"...); micro-averaged as above. Scored
three ways: each article extracted alone; through the archive step with the whole BBC
folder as the archive (what a site shows); and the same, crediting a surname the
annotator kept as written when the archive folded that mention into the one full name
that fits it (the annotator read one article, the archive reads them all).
A corpus folder that is absent is skipped with the reason printed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgen.commands.entities import article_files, read_texts
from newsgen.entities import EntityExtractor, unify_across_archive
from newsgen.entities.model import DEFAULT_MODEL
from newsgen.entities.resolve import sort_entities
from newsgen.records import Entity

KINDS = (("person", "people"), ("place", "places"))


def through_archive(extractor: EntityExtractor, documents: Sequence[Sequence[str]]) -> list[list[Entity]]:
    """Each document's entities once the archive of all `documents` has weighed them, as a build
    does: its kinds, folds and names (`unify_across_archive`)."""
    read = [extractor.read(texts) for texts in documents]
    interned: dict[Entity, Entity] = {}  # one object per entity, as the build shares them
    per_article = [[interned.setdefault(e, e) for e in sort_entities(entities)] for entities, _ in read]
    return unify_across_archive(per_article, extractor.curation, [evidence for _, evidence in read])


def surfaces(entities: Sequence[Entity]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {kind: set() for kind, _ in KINDS}
    for e in entities:
        found[e.kind].update(e.mentions)
    return found


@dataclass(frozen=True)
class Score:
    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def precision(self) -> float:
        return self.true_pos / (self.true_pos + self.false_pos) if self.true_pos + self.false_pos else 0.0

    @property
    def recall(self) -> float:
        return self.true_pos / (self.true_pos + self.false_neg) if self.true_pos + self.false_neg else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def scores(gold_dir: Path) -> dict[str, Score]:
    """Micro-averaged scores per kind over the documents of `gold_dir`, which are the archive."""
    paths = sorted(gold_dir.glob("*.txt"))
    counts = {kind: [0, 0, 0] for kind, _ in KINDS}  # true pos, false pos, false neg
    for path, entities in zip(paths, through_archive(EntityExtractor(), [read_texts(p) for p in paths])):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        found = surfaces(entities)
        for kind, key in KINDS:
            expected = set(gold[key])
            counts[kind][0] += len(found[kind] & expected)
            counts[kind][1] += len(found[kind] - expected)
            counts[kind][2] += len(expected - found[kind])
    return {kind: Score(*c) for kind, c in counts.items()}


# The dev set's annotators wrote one name for each of these; a page's name may be any of them.
SAME_PLACE = {name: canonical for canonical, names in {
    "united kingdom": ("uk", "u.k.", "britain", "great britain", "united kingdom"),
    "united states": ("us", "u.s.", "usa", "u.s.a.", "america", "united states", "united states of america"),
    "netherlands": ("holland", "netherlands", "the netherlands"),
}.items() for name in names}


def _dev_name(name: str) -> str:
    folded = " ".join(name.casefold().split())
    return SAME_PLACE.get(folded, folded)


def dev_set_scores(dev_set: Path, corpus: Path) -> dict[str, dict[str, Score]]:
    """Micro-averaged scores per kind of the canonical names against `dev_set`: of each article
    alone ("per article"), and once the whole corpus is the archive ("archive"). Under
    "archive, surnames", a gold surname the annotator kept as written (the article gives
    no full name) also matches the full name the archive folded that very mention into."""
    paths = article_files([corpus])
    documents = [read_texts(p) for p in paths]
    extractor = EntityExtractor()
    by_file = {p.relative_to(corpus).as_posix(): n for n, p in enumerate(paths)}
    alone = [extractor.extract(texts) for texts in documents]
    archive = through_archive(extractor, documents)
    golds = [json.loads(line) for line in dev_set.read_text(encoding="utf-8").splitlines()]
    return {
        "per article": _dev_counts(golds, [alone[by_file[g["file"]]] for g in golds], surnames=False),
        "archive": _dev_counts(golds, [archive[by_file[g["file"]]] for g in golds], surnames=False),
        "archive, surnames": _dev_counts(golds, [archive[by_file[g["file"]]] for g in golds], surnames=True),
    }


def _dev_counts(golds: Sequence[dict], found_per_article: Sequence[Sequence[Entity]],
                surnames: bool) -> dict[str, Score]:
    counts = {kind: [0, 0, 0] for kind, _ in KINDS}
    for gold, entities in zip(golds, found_per_article):
        found = {kind: set() for kind, _ in KINDS}
        for e in entities:
            name = _dev_name(e.name)
            folded_here = surnames and e.name not in e.mentions and len(e.mentions) == 1
            found[e.kind].add(_dev_name(e.mentions[0]) if folded_here and e.mentions[0] in gold["people"] else name)
        for kind, key in KINDS:
            expected = {_dev_name(name) for name in gold[key]}
            counts[kind][0] += len(found[kind] & expected)
            counts[kind][1] += len(found[kind] - expected)
            counts[kind][2] += len(expected - found[kind])
    return {kind: Score(*c) for kind, c in counts.items()}


def quality(scored: dict[str, Score], label: str) -> list[tuple[str, ...]]:
    return [
        (
            f"{label}: {kind} precision / recall / F1",
            f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}  (tp {s.true_pos}, fp {s.false_pos}, fn {s.false_neg})",
        )
        for kind, s in scored.items()
    ]


def _extract(texts: list[str]) -> int:
    return len(_WORKER_EXTRACTOR.extract(texts))


_WORKER_EXTRACTOR = EntityExtractor()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def speed(bbc_dir: Path, articles: int, workers: int) -> list[tuple[str, ...]]:
    docs = [read_texts(p) for p in article_files([bbc_dir])]
    extractor = EntityExtractor()
    started = time.perf_counter()
    extractor.extract(docs[0])
    load = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), time.process_time()
    for texts in docs:
        extractor.extract(texts)
    one_core = len(docs) / (time.perf_counter() - started)
    # CPU time too: on a busy machine wall time also counts other processes' turns.
    per_cpu_second = len(docs) / (time.process_time() - cpu_started)
    batch = list(islice(cycle(docs), articles))
    children_cpu = _children_cpu()
    started = time.perf_counter()
    # "spawn": workers start cold, as build workers would, so model loading is counted.
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pool.map(_extract, batch, chunksize=50)
    parallel = time.perf_counter() - started
    worker_cpu = _children_cpu() - children_cpu
    return [
        ("model + gazetteer load (one process)", f"{load:.2f} s"),
        (f"articles/s, one core, {len(docs)} BBC articles", f"{one_core:.0f} (wall), {per_cpu_second:.0f} (CPU)"),
        (
            f"{articles} articles on {workers} processes",
            f"{parallel:.1f} s wall ({worker_cpu:.1f} CPU-s in workers, {worker_cpu / workers:.1f} s per core)",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=ROOT.parent / "shared/corpus/conll2003/dev_articles")
    parser.add_argument("--bbc", type=Path, default=ROOT.parent / "shared/corpus/bbc")
    parser.add_argument("--bbc-dev", type=Path, default=ROOT / "benchmarks" / "data" / "bbc_dev.jsonl")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    rows: list[tuple[str, ...]] = [("model file", f"{DEFAULT_MODEL.stat().st_size / 1e6:.2f} MB")]
    # Speed first, so the one-off load is measured cold.
    if args.bbc.is_dir():
        rows += speed(args.bbc, args.articles, args.workers)
    else:
        rows.append(("speed", f"skipped: BBC folder {args.bbc} is absent"))
    if args.gold.is_dir():
        rows += quality(scores(args.gold), "CoNLL dev")
    else:
        rows.append(("CoNLL dev quality", f"skipped: gold folder {args.gold} is absent"))
    if args.bbc.is_dir():
        for label, scored in dev_set_scores(args.bbc_dev, args.bbc).items():
            rows += quality(scored, f"BBC dev set, {label}")
    else:
        rows.append(("BBC dev set quality", f"skipped: BBC folder {args.bbc} is absent"))
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
