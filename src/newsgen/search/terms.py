"""What one article gives the search index: its terms, each with a weight.

Tokenising every body is most of an index's cost, so an article's own text
(headline, standfirst, body) is weighed once, when it is ingested, and kept
with its record in the cache as `SearchTerms`. Its people and places are added
when the index is built, since tagging settles them across the whole archive.

Python and JS must tokenise alike: lower-case, NFKD, drop combining marks,
then runs of letters and digits (static/search.js does the same).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, repeat

from ..records import Article
from ..util.digests import digest

# Field weights: a person or place named in the article outranks a headline
# word, which outranks a standfirst word, which outranks a body word.
ENTITY_WEIGHT, HEADLINE_WEIGHT, STANDFIRST_WEIGHT, BODY_WEIGHT = 8, 4, 2, 1
MAX_WEIGHT = 99  # two digits: keeps postings short; the ranking needs no more
MIN_TERM, MAX_TERM = 2, 32

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
    """Normalised words, as search.js's `words` gives them. Whitespace never joins a word, so
    each chunk between is done once and cached, and the chunks' words are joined in C."""
    return list(chain.from_iterable(map(_chunk_words, text.split())))


@functools.lru_cache(maxsize=1 << 18)
def _chunk_terms(chunk: str) -> tuple[str, ...]:
    return tuple(w for w in _chunk_words(chunk) if MIN_TERM <= len(w) <= MAX_TERM and w not in STOP_WORDS)


def index_terms(text: str) -> list[str]:
    """The words of `text` that the index keeps, in order; filtered once per distinct chunk."""
    return list(chain.from_iterable(map(_chunk_terms, text.split())))


def _weigh(fields: Iterable[tuple[str, int]]) -> Counter[str]:
    """Each term's weight: its field's weight for each time it occurs there. Counted in C,
    the field's terms once per unit of its weight: a body is hundreds of words."""
    weights: Counter[str] = Counter()
    for text, weight in fields:
        terms = index_terms(text)
        for _ in range(weight):
            weights.update(terms)
    return weights


@dataclass(frozen=True)
class SearchTerms:
    """An article's terms from its own text and one byte of weight for each, with a
    digest of both (`key`), which the index's kept postings are looked up by.

    The terms are kept as one string, split only when the index counts the article:
    the cache of a 10,000-article archive holds three million, and as one object each
    they took 34 ms to load and 40 ms to free at every build, though an edit's build
    counts only the block of the index the edit reached."""

    text: str  # the terms, separated by NUL, which no term holds
    weights: bytes
    key: str = ""

    @property
    def terms(self) -> list[str]:
        return self.text.split("\0") if self.text else []

    def items(self) -> Iterable[tuple[str, int]]:
        return zip(self.terms, self.weights)


def text_terms(article: Article) -> SearchTerms:
    body = " ".join(getattr(block, "text", "") for block in article.body)
    weights = _weigh(((article.headline, HEADLINE_WEIGHT), (article.standfirst, STANDFIRST_WEIGHT),
                      (body, BODY_WEIGHT)))
    text, packed = "\0".join(weights), bytes(map(min, repeat(MAX_WEIGHT), weights.values()))
    return SearchTerms(text, packed, digest(text, packed))


@functools.lru_cache(maxsize=1 << 16)
def name_terms(name: str) -> tuple[str, ...]:
    """The terms of a person's or place's name, each weighing ENTITY_WEIGHT in an
    article that names it; added when the index is built, after tagging."""
    return tuple(index_terms(name))
