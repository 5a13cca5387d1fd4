"""Words that are normally written in lower case, learned from the training corpus.

A capital letter is the strongest sign of a name, except where it means nothing: at
the start of a sentence ("While Biden ...") and in all-capitals headlines ("TAKE OVER
AT TOP"). There the tagger needs to know whether the word is an ordinary one. This
list is that knowledge: lower-cased words seen at least ``MIN_COUNT`` times in lower
case in CoNLL-2003 ``eng.train`` and never capitalised in a person's or place's name
(so "and" is one, though "Bosnia and Herzegovina" is a place; "bush" is not). It is a
statistic of the corpus (one word a line, sorted), not its text, and is rebuilt by
``tools/train_entities.py`` together with the model.

A second statistic of the same text, ``not_names.txt``, lists the capitalised words that
CoNLL-2003 tags alone as "miscellaneous" (nationalities, religions, events: "British",
"Moslem", "Olympics") at least ``MIN_COUNT`` - 1 times and more than four times as
often as inside a person's or place's name: words a page should never be made for.
A third, ``given_names.txt``, lists the words that begin a person's name of two words
or more at least twice and more than three times as often as they are one ("Michael",
"Tony"; not "Kennedy" or "King"): a word that is, alone, only someone's given name.
A fourth, ``ordinary_words.txt``, lists every word the text writes in lower case at
least once ("girls", "screen", "lunar" as well as "and"): what a name that begins with
one, and not with a given name, is made of ("Girls Aloud", "Screen Digest"), unlike a
person's name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress, count
from pathlib import Path

from .. import PACKAGE_DIR

COMMON_WORDS = PACKAGE_DIR / "entities" / "data" / "common_words.txt"
NOT_NAMES = PACKAGE_DIR / "entities" / "data" / "not_names.txt"
GIVEN_NAMES = PACKAGE_DIR / "entities" / "data" / "given_names.txt"
ORDINARY_WORDS = PACKAGE_DIR / "entities" / "data" / "ordinary_words.txt"
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


def count_ordinary_words(sentences: Iterable[tuple[Sequence[str], Sequence[str]]]) -> list[str]:
    """The words of (words, BIO labels) sentences written in lower case at least once, sorted."""
    return sorted({word for words, _ in sentences for word in words if word.isalpha() and word.islower()})


def count_not_name_words(sentences: Iterable[tuple[Sequence[str], Sequence[str]]]) -> list[str]:
    """The words of (words, BIO labels) sentences tagged alone as MISC and seldom in a name, sorted."""
    alone: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for words, labels in sentences:
        for i, (word, label) in enumerate(zip(words, labels)):
            if label[2:] in ("PER", "LOC"):
                named[word.lower()] += 1
            elif label == "B-MISC" and (i + 1 == len(labels) or labels[i + 1] != "I-MISC"):
                alone[word.lower()] += 1
    return sorted(
        w for w, n in alone.items() if n >= MIN_COUNT - 1 and n > 4 * named[w] and w.isalpha() and len(w) > 2
    )


def count_given_names(sentences: Iterable[tuple[Sequence[str], Sequence[str]]]) -> list[str]:
    """The words of (words, BIO labels) sentences that start people's names far more
    often than they end one or are one, sorted."""
    first: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for words, labels in sentences:
        for begin in compress(count(), map("B-PER".__eq__, labels)):
            end = begin + 1
            while end < len(labels) and labels[end] == "I-PER":
                end += 1
            if end - begin >= 2:
                first[words[begin].lower()] += 1
            other[words[end - 1].lower()] += 1
    return sorted(w for w, n in first.items() if n >= MIN_COUNT - 1 and n > 3 * other[w] and w.isalpha())


def write_common_words(words: Iterable[str], path: Path = COMMON_WORDS) -> None:
    path.write_text("".join(w + "\n" for w in words), encoding="utf-8")


@lru_cache(maxsize=4)
def load_common_words(path: Path = COMMON_WORDS) -> frozenset[str]:
    """The shipped list, once per process; empty if it was never built."""
    if not path.exists():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").split())


def load_not_names(path: Path = NOT_NAMES) -> frozenset[str]:
    """The shipped `count_not_name_words` list (one word a line), once per process."""
    return load_common_words(path)


def load_given_names(path: Path = GIVEN_NAMES) -> frozenset[str]:
    """The shipped `count_given_names` list, once per process."""
    return load_common_words(path)


def load_ordinary_words(path: Path = ORDINARY_WORDS) -> frozenset[str]:
    """The shipped `count_ordinary_words` list, once per process."""
    return load_common_words(path)
