"""What narrows a search (person, place, section, year), and the people and places a query names.

Three parts, written beside the index's terms and documents (`search.index`):

- facet shards ("f"), fixed ranges of FACET_DOCS document ids: for each value the
  range's articles have, the articles that have it, as gaps. A value is a key:
  "sBusiness" a section, "p3" a person and "l7" a place (numbers into the entity
  table); "y2021" a year, which is not in these shards but in the manifest, as
  the runs of documents of one year (`year_runs`). The search page counts each value
  over all of a query's results, so it loads the shards of all of them, and only once
  the reader opens "Narrow the results" or the address picks a value; keyed by value, a common value's gaps are one
  digit each, where a row per article would repeat every number in full;
- the entity table ("e"), in blocks of ENTITY_BLOCK: each person and place as
  [name, kind, link, articles], numbered by their articles, most first, so the
  values a facet lists (the most common in the results) are mostly in the first block;
- name terms: for each word of a name, the entities whose names hold it. They go
  into the term shard where that word sorts (`search.index`), so the shards a query
  loads for its words already say which people and places it names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from itertools import pairwise

from .. import urls
from ..model.views import ArticleView, Link
from .terms import name_terms

FACET_DOCS = 1000  # documents per facet shard: a query with a few results loads a few shards
ENTITY_BLOCK = 100  # entities per block of the entity table
KINDS = (("person", "p"), ("place", "l"))


def _named(view: ArticleView) -> Iterator[tuple[str, Link]]:
    for kind, links in (("person", view.people), ("place", view.places)):
        for link in links:
            yield kind, link


def entity_table(views: Sequence[ArticleView]) -> tuple[dict[str, int], list[list]]:
    """Each person's and place's number by its page's path, and the table's rows by number:
    most articles first, then by kind and name, so the numbering is the same at every build
    of the same archive."""
    counts: Counter[tuple[str, Link]] = Counter(named for view in views for named in dict.fromkeys(_named(view)))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][0], item[0][1].label, item[0][1].path))
    numbers = {link.path: n for n, ((_, link), _) in enumerate(ranked)}
    rows = [[link.label, kind, urls.relative(urls.SEARCH_PAGE, link.path), count] for (kind, link), count in ranked]
    return numbers, rows


def facet_values(view: ArticleView, numbers: dict[str, int]) -> list[str]:
    """The keys of the values a search can narrow this article by (see the module's docstring)."""
    prefix = dict(KINDS)
    values = [f"{prefix[kind]}{numbers[link.path]}" for kind, link in _named(view)]
    if view.section is not None:
        values.append(f"s{view.section.label}")
    return list(dict.fromkeys(values))


def year_runs(views: Sequence[ArticleView]) -> list[list[int]]:
    """[year, first document id] where each run of documents of one year starts (0: undated).
    The documents are in the site's order, newest first, so a year is one run, and the
    manifest says each document's year in a few numbers where the facet shards would
    take a few bytes a document."""
    runs: list[list[int]] = []
    for doc_id, view in enumerate(views):
        year = view.article.date.year if view.article.date is not None else 0
        if not runs or runs[-1][0] != year:
            runs.append([year, doc_id])
    return runs


def facet_shards(views: Sequence[ArticleView], numbers: dict[str, int]) -> Iterator[dict[str, list[int]]]:
    """Per range of FACET_DOCS documents: value -> its documents as gaps, the first from the
    range's first document."""
    for start in range(0, len(views), FACET_DOCS):
        having: dict[str, list[int]] = defaultdict(list)
        for doc_id in range(start, min(start + FACET_DOCS, len(views))):
            for value in facet_values(views[doc_id], numbers):
                having[value].append(doc_id)
        yield {value: [ids[0] - start] + [b - a for a, b in pairwise(ids)] for value, ids in having.items()}


def name_terms_of(rows: Sequence[list]) -> dict[str, list[int]]:
    """Each word of the entities' names -> the numbers of the entities whose names hold it."""
    named: dict[str, list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        for term in dict.fromkeys(name_terms(row[0])):
            named[term].append(number)
    return dict(named)


def entity_blocks(rows: Sequence[list]) -> Iterator[list[list]]:
    for start in range(0, len(rows), ENTITY_BLOCK):
        yield list(rows[start: start + ENTITY_BLOCK])
