"""Words that are normally written in lower case, learned from the training corpus.

A capital letter is the strongest sign of a name, except where it means nothing: at
the start of a sentence ("While Biden ...") and in all-capitals headlines ("TAKE OVER
AT TOP"). There the tagger needs to know whether the word is an ordinary one. This
list is that knowledge: lower-cased words seen at least ``MIN_COUNT`` times in lower
case in CoNLL-2003 ``eng.train`` and never capitalised in a person's or place's name
(so "and" is one, though "Bosnia and Herzegovina" is a place; "bush" is not). It is a
statistic of the corpus (one word a line, sorted), not its text, and is rebuilt by
``tools/train_entities.py`` together with the model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from .. import PACKAGE_DIR

COMMON_WORDS = PACKAGE_DIR / "entities" / "data" / "common_words.txt"
MIN_COUNT = 3


def count_common_words(sentences: Iterable[tuple[Sequence[str], Sequence[str]]]) -> list[str]:
    """The common lower-case words of (words, BIO labels) sentences, sorted."""
    lower: Counter[str] = Counter()
    named: set[str] = set()
    for words, labels in sentences:
        for word, label in zip(words, labels):
            if label[2:] in ("PER", "LOC") and not word.islower():
                named.add(word.lower())  # "Bush", but not the "and" of "Bosnia and Herzegovina"
            elif word.isalpha() and word.islower():
                lower[word] += 1
    return sorted(w for w, n in lower.items() if n >= MIN_COUNT and w not in named)


def write_common_words(words: Iterable[str], path: Path = COMMON_WORDS) -> None:
    path.write_text("".join(w + "\n" for w in words), encoding="utf-8")


@lru_cache(maxsize=1)
def load_common_words(path: Path = COMMON_WORDS) -> frozenset[str]:
    """The shipped list, once per process; empty if it was never built."""
    if not path.exists():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").split())
