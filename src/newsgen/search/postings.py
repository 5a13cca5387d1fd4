"""The search index's postings: for each term, the documents holding it and its weight in each.

They are counted in blocks of BLOCK_DOCS consecutive documents, each block kept
in the cache under a digest of all it is counted from, and merged in order.
After an edit only the blocks it reached are counted again: at 10,000 articles
counting all 1.3 million postings took 0.27-0.45 s of a one-edit rebuild, and
reading the kept blocks and counting one again takes 0.08 s. A new article at
the top moves every document down, so the build after it counts them all.
"""

from __future__ import annotations

import os
from array import array
from collections import defaultdict, deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import repeat
from operator import attrgetter
from pathlib import Path

from ..model.views import ArticleView
from ..util.digests import digest
from ..util.files import load_or_make
from .terms import ENTITY_WEIGHT, MAX_WEIGHT, SearchTerms, name_terms, text_terms

Postings = array  # of unsigned ints: id, weight, id, weight, ...
BLOCK_DOCS = 1000
_name = attrgetter("name")


@dataclass(frozen=True)
class CachedPostings:
    """Where blocks are kept, and newsgen's code, which decides how they are counted;
    without `reuse` (--no-cache), every block is counted again, and kept for the next build."""

    folder: Path
    code: str
    reuse: bool = True


def postings_of(views: Sequence[ArticleView], own_terms: Mapping[str, SearchTerms],
                kept: CachedPostings | None = None) -> dict[str, Postings]:
    """term -> [id, weight, id, weight, ...] with ids ascending, the ids those of `views`.
    `own_terms` holds each article's text terms by source path; one missing is weighed now.

    Arrays, not lists: at 100,000 articles there are forty million numbers, which as
    lists (and their copies as gaps) added 360 MB to the build's peak."""
    merged: dict[str, Postings] = defaultdict(partial(array, "I"))
    names = []
    for start in range(0, len(views), BLOCK_DOCS):
        block = views[start: start + BLOCK_DOCS]
        owns = [own_terms.get(view.article.source_path) or text_terms(view.article) for view in block]
        count = partial(_count, start, block, owns)
        if kept is None:
            part = count()
        else:
            names.append(_block_name(kept.code, start, block, owns))
            part = load_or_make(kept.folder / names[-1], names[-1], count, dict, kept.reuse)
        for term, flat in part.items():
            merged[term] += flat
    if kept is not None:
        _remove_all_but(kept.folder, set(names))
    return merged


def _block_name(code: str, start: int, block: Sequence[ArticleView], owns: Sequence[SearchTerms]) -> str:
    """A digest of what the block's postings are counted from: each document's id, terms and names."""
    fields = []
    for view, own in zip(block, owns):  # NUL-separated: no path, key or name holds one
        entities = view.article.people + view.article.places
        fields.append(f"{view.article.source_path}\0{own.key}\0{len(entities)}")
        fields.extend(map(_name, entities))
    return f"{digest(code, str(start), chr(0).join(fields))}.pickle"


def _count(start: int, block: Sequence[ArticleView], owns: Sequence[SearchTerms]) -> dict[str, Postings]:
    counted: dict[str, Postings] = defaultdict(partial(array, "I"))
    for doc_id, view, own in zip(range(start, start + len(block)), block, owns):
        lists = list(map(counted.__getitem__, own.terms))
        # Each term of the article's text gets its id, then its weight, in loops that run
        # in C (`_consume`): a million postings at 10,000 articles made a Python loop the cost.
        _consume(map(array.append, lists, repeat(doc_id)))
        _consume(map(array.append, lists, own.weights))
        for entity in view.article.people + view.article.places:
            for term in name_terms(entity.name):
                flat = counted[term]
                if flat and flat[-2] == doc_id:  # already in this article: weights add up, capped
                    weight = flat[-1] + ENTITY_WEIGHT
                    flat[-1] = weight if weight < MAX_WEIGHT else MAX_WEIGHT
                else:
                    flat.extend((doc_id, ENTITY_WEIGHT))
    return dict(counted)


def _consume(calls: Iterator[None]) -> None:
    deque(calls, maxlen=0)


def _remove_all_but(folder: Path, names: set[str]) -> None:
    """The blocks of earlier archives (and any half-written file) go: the folder holds only these."""
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    for name in entries:
        if name not in names:
            try:
                os.unlink(folder / name)
            except OSError:
                pass
