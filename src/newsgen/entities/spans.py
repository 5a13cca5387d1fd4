"""From per-token labels to the names an article mentions.

The tagger labels every token; this module turns runs of labels into exact surface
strings (slices of the original text, so "Netanyahu" out of "Netanyahu's"), drops
junk spans, and makes each distinct string take one kind per article by majority
vote, which also lets "Hamas" tagged as an organisation three times outvote one slip.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# CoNLL types the model predicts, mapped to newsgen kinds; ORG and MISC only vote.
KINDS = {"PER": "person", "LOC": "place"}
_TRAILING_JUNK = frozenset({"'s", "'S", "\u2019s", "\u2019S", "'", "\u2019", ".", ",", "-", "(", ")", '"'})


@dataclass(frozen=True)
class Mention:
    """One tagged surface string and the CoNLL type the tagger gave it."""

    surface: str
    label: str  # "PER", "LOC", "ORG" or "MISC"


def decode(text: str, words: Sequence[str], starts: Sequence[int], labels: Sequence[str]) -> list[Mention]:
    """Cut BIO-labelled tokens into mentions whose surface is an exact slice of `text`."""
    out: list[Mention] = []
    begin = -1
    current = ""
    for i, label in enumerate([*labels, "O"]):
        inside = label.startswith("I-") and label[2:] == current
        if begin >= 0 and not inside:
            mention = _mention(text, words, starts, begin, i, current)
            if mention:
                out.append(mention)
            begin = -1
        if label != "O" and not inside:
            begin, current = i, label[2:]
    return out


def _mention(text: str, words: Sequence[str], starts: Sequence[int], begin: int, end: int, label: str) -> Mention | None:
    while end > begin and words[end - 1] in _TRAILING_JUNK and not words[end - 1].endswith("."):
        end -= 1
    while end > begin and words[end - 1] in _TRAILING_JUNK:
        end -= 1
    while begin < end and not words[begin][:1].isalnum():
        begin += 1
    if begin >= end:
        return None
    surface = text[starts[begin] : starts[end - 1] + len(words[end - 1])]
    if not any(ch.isupper() for ch in surface) or not any(ch.isalpha() for ch in surface):
        return None
    return Mention(surface, label)


def vote(mentions: Iterable[Mention]) -> dict[str, str]:
    """Each surface string's kind ("person"/"place") by majority; others dropped.

    Ties go to the label seen first, so the result depends only on the text.
    """
    counts: dict[str, Counter[str]] = {}
    for m in mentions:
        counts.setdefault(m.surface, Counter())[m.label] += 1
    result = {}
    for surface, counter in counts.items():
        label = counter.most_common(1)[0][0]
        if label in KINDS:
            result[surface] = KINDS[label]
    return result
