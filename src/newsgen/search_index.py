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
  shows: link, headline, date and standfirst;
- the manifest ("m") lists where each term shard starts (the shortest prefix
  of its first term above the previous shard's last), the document shard size,
  the shortest query term that matches as a prefix, and the words left out
  of the index: stop words, and in a large archive the words in so many
  articles that they cannot rank anything (their postings would be the
  largest shards).

Python and JS must tokenise alike: lower-case, NFKD, drop combining marks,
then runs of letters and digits; and sort alike: by UTF-16 code units, as JS
compares strings. Document ids follow the site's newest-first
order, so ties in score rank newer articles first.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

from . import urls
from .views import ArticleView

# Field weights: a person or place named in the article outranks a headline
# word, which outranks a standfirst word, which outranks a body word.
ENTITY_WEIGHT, HEADLINE_WEIGHT, STANDFIRST_WEIGHT, BODY_WEIGHT = 8, 4, 2, 1
MAX_WEIGHT = 99  # two digits: keeps postings short; the ranking needs no more
DOCS_PER_SHARD = 20  # a page of results loads at most this many documents per shard it touches
SHARD_BUDGET = 16_000  # bytes of postings per term shard; one term over it gets a shard of its own
STANDFIRST_CHARS = 240
MIN_TERM, MAX_TERM = 2, 32
MIN_PREFIX = 3  # shorter query terms match whole terms only, so "ka" does not load every "ka…" shard
COMMON_SHARE, COMMON_MIN_DOCS = 0.3, 1000  # from this archive size, drop terms in over 30% of articles

STOP_WORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his in is it its of on or "
    "she that the their they this to was were which who will with".split()
)

_WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Lower-case, decompose and drop combining marks, as search.js does."""
    if text.isascii():  # nothing to decompose: the common case, and the per-letter loop is the cost
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    if decomposed.isascii():
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))


@functools.lru_cache(maxsize=1 << 18)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normalise(chunk)))


def words(text: str) -> list[str]:
    """Normalised words; whitespace never joins a word, so each chunk between is done once and cached."""
    return [word for chunk in text.split() for word in _chunk_words(chunk)]


def index_terms(text: str) -> list[str]:
    return [w for w in words(text) if MIN_TERM <= len(w) <= MAX_TERM and w not in STOP_WORDS]


def _document_weights(view: ArticleView) -> dict[str, int]:
    article = view.article
    body = " ".join(getattr(block, "text", "") for block in article.body)
    names = " ".join(e.name for e in article.people + article.places)
    weights: dict[str, int] = defaultdict(int)
    for text, weight in ((names, ENTITY_WEIGHT), (article.headline, HEADLINE_WEIGHT),
                         (article.standfirst, STANDFIRST_WEIGHT), (body, BODY_WEIGHT)):
        for term in index_terms(text):
            weights[term] = min(MAX_WEIGHT, weights[term] + weight)
    return weights


def _postings(views: Sequence[ArticleView]) -> dict[str, list[int]]:
    """term -> [id gap, weight, id gap, weight, ...] with ids ascending."""
    postings: dict[str, list[int]] = defaultdict(list)
    last_id: dict[str, int] = {}
    for doc_id, view in enumerate(views):
        for term, weight in _document_weights(view).items():
            postings[term].extend((doc_id - last_id.get(term, 0), weight))
            last_id[term] = doc_id
    return postings


# Escaped inside JSON strings (where alone they can occur) so no headline can close a
# <script> element or break an older JS parser, even if a shard is ever inlined.
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _js_value(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).translate(_SCRIPT_UNSAFE)


def _common_terms(postings: dict[str, list[int]], documents: int) -> set[str]:
    if documents < COMMON_MIN_DOCS:
        return set()
    return {term for term, flat in postings.items() if len(flat) // 2 > COMMON_SHARE * documents}


def _script(kind: str, key: str | int, data: object) -> str:
    return f"newsgenSearch.add({_js_value(kind)},{_js_value(key)},{_js_value(data)});\n"


def js_order(term: str) -> bytes:
    """Sort key that orders strings as JS's `<` does: by UTF-16 code units."""
    return term.encode("utf-16-be")


def _term_shards(postings: dict[str, list[int]]) -> list[dict[str, list[int]]]:
    """Consecutive runs of the sorted terms; each shard's dict keeps that order."""
    shards: list[dict[str, list[int]]] = []
    size = 0
    for term in sorted(postings, key=js_order):
        entry = len(term.encode()) + 4 + len(json.dumps(postings[term], separators=(",", ":")))
        if not shards or size + entry > SHARD_BUDGET:
            shards.append({})
            size = 0
        shards[-1][term] = postings[term]
        size += entry
    return shards


def _starts(shards: Sequence[dict[str, list[int]]]) -> list[str]:
    """Per shard, the shortest prefix of its first term that sorts after the previous shard's last term."""
    starts = [""] if shards else []
    for previous, shard in zip(shards, shards[1:]):
        last, first = js_order(list(previous)[-1]), next(iter(shard))
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


def _document_row(view: ArticleView) -> list[str]:
    standfirst = view.article.standfirst
    if len(standfirst) > STANDFIRST_CHARS:
        standfirst = standfirst[: STANDFIRST_CHARS].rsplit(" ", 1)[0] + "…"
    return [urls.relative(urls.SEARCH_PAGE, view.path), view.article.headline, view.date_iso, view.date_label,
            standfirst]


def search_files(views: Sequence[ArticleView]) -> Iterable[tuple[str, str]]:
    """(site path, JS text) for the manifest and every shard of the index."""
    folder = urls.SEARCH_SHARDS
    postings = _postings(views)
    common = _common_terms(postings, len(views))
    shards = _term_shards({t: p for t, p in postings.items() if t not in common})
    for number, shard in enumerate(shards):
        yield f"{folder}/t-{number}.js", _script("t", number, shard)
    for start in range(0, len(views), DOCS_PER_SHARD):
        rows = [_document_row(v) for v in views[start: start + DOCS_PER_SHARD]]
        yield f"{folder}/d-{start // DOCS_PER_SHARD}.js", _script("d", start // DOCS_PER_SHARD, rows)
    manifest = {"starts": _starts(shards), "per": DOCS_PER_SHARD, "prefix": MIN_PREFIX,
                "stop": sorted(STOP_WORDS | common), "docs": len(views)}
    yield urls.SEARCH_MANIFEST, _script("m", "", manifest)
