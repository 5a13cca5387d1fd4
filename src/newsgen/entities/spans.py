"""From per-token labels to the names an article mentions.

The tagger labels every token; this module turns runs of labels into exact surface
strings (slices of the original text, so "Netanyahu" out of "Netanyahu's"), drops
junk spans, and makes each distinct string take one kind per article by vote, which
also lets "Hamas" tagged as an organisation three times outvote one slip.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

# CoNLL types the model predicts, mapped to newsgen kinds; ORG and MISC only vote.
KINDS = {"PER": "person", "LOC": "place"}
_POSSESSIVES = frozenset({"'s", "'S", "\u2019s", "\u2019S"})
# Forms of address that news puts before a name but that are not part of it
# ("Mr Blair" is Blair); CoNLL leaves them outside the name, and so do we.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam", "mme", "mlle", "herr"})


@dataclass(frozen=True)
class Mention:
    """One tagged surface string and the CoNLL type the tagger gave it."""

    surface: str
    label: str  # "PER", "LOC", "ORG" or "MISC"


def decode(words: Sequence[str], spaced: Sequence[str], labels: Sequence[str],
           named: Sequence[int] | None = None) -> list[Mention]:
    """Cut BIO-labelled tokens into mentions whose surface is an exact slice of the text
    they came from (`spaced`: each token with the white space before it, as `tokenize`
    gives them). `named` is `named_positions(labels)`, if the caller has it.

    A span runs from a B- label (or an I- label of another type than the span before)
    over the I- labels of its type that follow. Only the labelled tokens are visited:
    most are "O".
    """
    out: list[Mention] = []
    begin = -1
    current = ""
    previous = -2
    n = len(labels)
    # the one past the end closes the last span
    for i in [*(named_positions(labels) if named is None else named), n + 1]:
        label = labels[i] if i < n else "O"
        inside = label.startswith("I-") and label[2:] == current
        if begin >= 0 and (i != previous + 1 or not inside):  # an "O" or a new span ends it
            mention = _mention(words, spaced, begin, previous + 1, current)
            if mention:
                out.append(mention)
            begin = -1
        if not inside:
            begin, current = i, label[2:]
        previous = i
    return out


def named_positions(labels: Sequence[str]) -> list[int]:
    """Indexes of the tokens labelled anything but "O", found without a Python loop."""
    return list(compress(count(), map("O".__ne__, labels)))


def _is_name_part(word: str) -> bool:
    return any(map(str.isalnum, word)) and word not in _POSSESSIVES


def _mention(words: Sequence[str], spaced: Sequence[str], begin: int, end: int, label: str) -> Mention | None:
    """The mention of tokens [begin, end): see `_mention_of`."""
    return _mention_of(tuple(words[begin:end]), tuple(spaced[begin + 1 : end]), label)


@lru_cache(maxsize=200_000)  # the same spans recur from article to article, and hold the same mention
def _mention_of(words: tuple[str, ...], joins: tuple[str, ...], label: str) -> Mention | None:
    """The mention of a span's `words` (`joins`: what goes before each but the first) without
    stray punctuation, possessives or "Mr".

    A name never ends in a lower-case word ("Donje Ljupce in"), so those go too.
    A span that began with a form of address is a person's name.
    """
    begin, end = 0, len(words)
    while end > begin and (not _is_name_part(words[end - 1]) or words[end - 1].islower()):
        end -= 1
    while begin < end and not _is_name_part(words[begin]):
        begin += 1
    while begin < end - 1 and words[begin].lower().rstrip(".") in HONORIFICS:
        begin += 1
        label = "PER"  # whatever the model thought, "Mr Howard" is a person
    if begin >= end or words[begin].lower().rstrip(".") in HONORIFICS:
        return None
    surface = words[begin] + "".join(joins[begin : end - 1])
    if not any(map(str.isupper, surface)) or not any(map(str.isalpha, surface)):
        return None
    return Mention(surface, label)


def vote(mentions: Iterable[Mention]) -> dict[str, str]:
    """Each surface string's kind ("person"/"place"), decided over the whole article.

    Between person and place the majority wins (ties: the label seen first). An
    organisation or other label outvotes them only when it is more than twice as
    common: "Hamas" tagged an organisation three times and a place once is dropped,
    while a results table that names "CHICAGO" as a team twice and as a venue once
    keeps the place.
    """
    counts: dict[str, list[str]] = {}
    for m in mentions:
        counts.setdefault(m.surface, []).append(m.label)
    result = {}
    for surface, labels in counts.items():
        if labels.count(labels[0]) == len(labels):  # one label, the usual case
            if labels[0] in KINDS:
                result[surface] = KINDS[labels[0]]
            continue
        counter = Counter(labels)
        top = counter.most_common(1)[0][1]
        ours = [(n, label) for label, n in counter.most_common() if label in KINDS]
        if ours and 2 * ours[0][0] >= top:
            result[surface] = KINDS[ours[0][1]]
    return result
