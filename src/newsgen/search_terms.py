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
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, repeat

from .cache import digest
from .records import Article

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
    digest of both (`key`), which the index's kept postings are looked up by."""

    terms: tuple[str, ...]
    weights: bytes
    key: str = ""

    def items(self) -> Iterable[tuple[str, int]]:
        return zip(self.terms, self.weights)

    def interned(self) -> SearchTerms:
        """The same terms as the one string object each per process, which the cache
        then stores once: merging a whole archive's postings is twice as fast with them."""
        return SearchTerms(tuple(map(sys.intern, self.terms)), self.weights, self.key)


def text_terms(article: Article) -> SearchTerms:
    body = " ".join(getattr(block, "text", "") for block in article.body)
    weights = _weigh(((article.headline, HEADLINE_WEIGHT), (article.standfirst, STANDFIRST_WEIGHT),
                      (body, BODY_WEIGHT)))
    terms, packed = tuple(weights), bytes(map(min, repeat(MAX_WEIGHT), weights.values()))
    return SearchTerms(terms, packed, digest(" ".join(terms), packed))


@functools.lru_cache(maxsize=1 << 16)
def name_terms(name: str) -> tuple[str, ...]:
    """The terms of a person's or place's name, each weighing ENTITY_WEIGHT in an
    article that names it; added when the index is built, after tagging."""
    return tuple(index_terms(name))
