"""The search index, written at build time as small `<script>` files.

Browsers refuse `fetch()` of local JSON under file://, but they do run
`<script src>` files from disk, so every part of the index is a JS file that
hands its data to `newsgenSearch.add(kind, key, data)` (static/search.js).
The index is sharded so that a visitor downloads only what a query needs:

- term shards ("t") map each term to the documents holding it. They cut the
  sorted terms into consecutive runs of about SHARD_BUDGET bytes, so their
  count grows with the index, not with its alphabet, and a prefix's terms
  sit together in one shard or a few neighbours;
- document shards ("d"), fixed ranges of document ids, hold what a result
  shows: link, headline, date, standfirst, and its first few people and
  places (`ArticleView.listed_people`, `listed_places`) as [name, link] pairs;
- facet shards ("f") and the entity table ("e") say what each document can be
  narrowed by (person, place, section, year) and what each person and place is
  (`search.facets`); a term shard also says which people and places hold its
  words in their names ("n"), so a query finds the entities it names;
- the manifest ("m") lists where each term shard starts (the shortest prefix
  of its first term above the previous shard's last), the document shard size,
  the shortest query term that matches as a prefix, and the words left out
  of the index: stop words, and in a large archive the words in so many
  articles that they cannot rank anything (their postings would be the
  largest shards).

Terms and weights come from search_terms (each article's own text weighed
once, when it was ingested), so building the index only merges postings, which
`search.postings` counts in blocks and keeps between builds.
Python and JS must sort alike: by UTF-16 code units, as JS compares strings.
Document ids follow the site's newest-first order, so ties in score rank
newer articles first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import pairwise

from .. import urls
from ..model.views import ArticleView, Link
from . import facets
from .facets import entity_blocks, entity_table, facet_shards, name_terms_of, year_runs
from .postings import CachedPostings, Postings, postings_of
from .terms import STOP_WORDS, SearchTerms

DOCS_PER_SHARD = 10  # a page of results loads at most this many documents per shard it touches
SHARD_BUDGET = 8_000  # bytes of postings per term shard; one term over it gets a shard of its own
STANDFIRST_CHARS = 240
MIN_PREFIX = 3  # shorter query terms match whole terms only, so "ka" does not load every "ka…" shard
COMMON_SHARE, COMMON_MIN_DOCS = 0.3, 1000  # from this archive size, drop terms in over 30% of articles


def _gaps(flat: Postings) -> list[int]:
    """[id, weight, ...] -> [id gap, weight, ...]: the shards hold small numbers."""
    gaps = flat.tolist()
    gaps[2::2] = [later - earlier for earlier, later in zip(gaps[0::2], gaps[2::2])]
    return gaps


# Escaped inside JSON strings (where alone they can occur) so no headline can close a
# <script> element or break an older JS parser, even if a shard is ever inlined.
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _js_value(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).translate(_SCRIPT_UNSAFE)


def _common_terms(postings: dict[str, Postings], documents: int) -> set[str]:
    if documents < COMMON_MIN_DOCS:
        return set()
    return {term for term, flat in postings.items() if len(flat) // 2 > COMMON_SHARE * documents}


def _script(kind: str, key: str | int, data: object) -> str:
    return f"newsgenSearch.add({_js_value(kind)},{_js_value(key)},{_js_value(data)});\n"


def js_order(term: str) -> bytes:
    """Sort key that orders strings as JS's `<` does: by UTF-16 code units."""
    return term.encode("utf-16-be")


def _term_shards(postings: dict[str, Postings], left_out: set[str], named: dict[str, list[int]],
                 ) -> Iterator[tuple[dict[str, list[int]], dict[str, list[int]], str, str]]:
    """Consecutive runs of the sorted terms but `left_out`, with their postings as gaps, and
    of the words of names (`named`, which a common word keeps): per shard its postings, its
    names' words, and its first and last term of either. Each dict keeps the terms' order.
    `postings` is emptied as they go, so the numbers of one shard at most are ever held as
    Python lists."""
    shard: dict[str, list[int]] = {}
    names: dict[str, list[int]] = {}
    size, first, last = 0, "", ""
    for term in sorted((postings.keys() - left_out) | named.keys(), key=js_order):
        gaps = _gaps(postings.pop(term)) if term in postings and term not in left_out else []
        numbers = named.get(term, [])
        entry = len(term.encode()) + 4 + _json_size(gaps) + (len(term.encode()) + 4 + _json_size(numbers) if numbers else 0)
        if size and size + entry > SHARD_BUDGET:
            yield shard, names, first, last
            shard, names, size = {}, {}, 0
        if not size:
            first = term
        if gaps:
            shard[term] = gaps
        if numbers:
            names[term] = numbers
        size += entry
        last = term
    if size:
        yield shard, names, first, last


def _json_size(numbers: list[int]) -> int:
    """The length of `numbers` in JSON: str() but for a space per comma."""
    return len(str(numbers)) - max(len(numbers) - 1, 0)


def _starts(bounds: Sequence[tuple[str, str]]) -> list[str]:
    """Per shard (its first and last term), the shortest prefix of its first term that
    sorts after the previous shard's last term."""
    starts = [""] if bounds else []
    for (_, previous_last), (first, _) in pairwise(bounds):
        last = js_order(previous_last)
        starts.append(next(first[:n] for n in range(1, len(first) + 1) if js_order(first[:n]) > last))
    return starts


def shards_for(manifest: dict, term: str) -> list[int]:
    """The term shards static/search.js loads for a query term: the one where
    `term` would sort, then, for a prefix, each next shard that starts with it."""
    starts, i = manifest["starts"], 0
    while i + 1 < len(starts) and js_order(starts[i + 1]) <= js_order(term):
        i += 1
    found = [i] if starts else []
    while len(term) >= manifest["prefix"] and i + 1 < len(starts) and starts[i + 1].startswith(term):
        i += 1
        found.append(i)
    return found


def _names(links: Sequence[Link]) -> list[list[str]]:
    return [[link.label, urls.relative(urls.SEARCH_PAGE, link.path)] for link in links]


def _document_row(view: ArticleView) -> list:
    """What a result shows, as a list item on any other page shows it; the people and places
    only as many as a list shows (`LISTED_NAMES`), so a row stays small however many an
    article names."""
    standfirst = view.article.standfirst
    if len(standfirst) > STANDFIRST_CHARS:
        standfirst = standfirst[: STANDFIRST_CHARS].rsplit(" ", 1)[0] + "…"
    return [urls.relative(urls.SEARCH_PAGE, view.path), view.article.headline, view.date_iso, view.date_label,
            standfirst, _names(view.listed_people), _names(view.listed_places)]


def search_files(views: Sequence[ArticleView], own_terms: Mapping[str, SearchTerms] | None = None,
                 kept: CachedPostings | None = None) -> Iterable[tuple[str, str]]:
    """(site path, JS text) for the manifest and every shard of the index.
    `own_terms`: the articles' `text_terms` by source path, as ingest made them;
    `kept`: where the postings of the last build are kept (`search.postings`)."""
    folder = urls.SEARCH_SHARDS
    postings = postings_of(views, own_terms or {}, kept)
    common = _common_terms(postings, len(views))
    numbers, entities = entity_table(views)
    bounds = []
    for number, (shard, names, first, last) in enumerate(_term_shards(postings, common, name_terms_of(entities))):
        yield f"{folder}/t-{number}.js", _script("t", number, shard) + (_script("n", number, names) if names else "")
        bounds.append((first, last))
    for start in range(0, len(views), DOCS_PER_SHARD):
        rows = [_document_row(v) for v in views[start: start + DOCS_PER_SHARD]]
        yield f"{folder}/d-{start // DOCS_PER_SHARD}.js", _script("d", start // DOCS_PER_SHARD, rows)
    for number, values in enumerate(facet_shards(views, numbers)):
        yield f"{folder}/f-{number}.js", _script("f", number, values)
    for number, block in enumerate(entity_blocks(entities)):
        yield f"{folder}/e-{number}.js", _script("e", number, block)
    manifest = {"starts": _starts(bounds), "per": DOCS_PER_SHARD, "prefix": MIN_PREFIX,
                "stop": sorted(STOP_WORDS | common), "docs": len(views),
                "facets": facets.FACET_DOCS, "entities": facets.ENTITY_BLOCK, "years": year_runs(views)}
    yield urls.SEARCH_MANIFEST, _script("m", "", manifest)
