"""Team line-ups: lists of players that the sentence-trained tagger reads badly.

A sports report ends with its line-ups: "J Smith; A Jones, Y Brown (capt), D Green"
or "Horak, Staniforth, Penney; Mapletoft, Edwards". Every item is a person, but the
model, trained on sentences, labels an initial and a surname as an organisation and
leaves half the bare surnames out. The line's shape says more than each word does:
when a line holds few words in lower case (at most two for each comma, semicolon or "for"),
and at least `MIN_ITEMS` items of one or a few capitalised words follow each other
separated only by commas or semicolons (a "(capt)" or "(60)" between them does not
count), and the model labelled a person in at least a third of them and in no fewer than
it labelled anything else, or most of them are an initial and a surname, every item is a
person. Items in brackets ("(Bourgoin)",
the club) are not names of players and are left as they were.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_ITEMS = 4
_SEPARATORS = frozenset({",", ";"})
# A player replaced by another: "Hodgson for Edwards (77)".
_JOINING_WORDS = frozenset({"for"})
_INITIAL = re.compile(r"[A-Z](?:-[A-Z])?\.?")
_NAME_WORD = re.compile(r"[A-Z][^\W\d_]*(?:['\u2019-][^\W\d_]+)*\.?")


def _item_end(words: Sequence[str], i: int, particles: frozenset[str]) -> int:
    """The end of the name that starts at `i` (one to four words), or `i` if none does."""
    j = i
    n = len(words)
    while j < n and j - i < 4 and (_NAME_WORD.fullmatch(words[j]) or (words[j] in particles and j + 1 < n)):
        j += 1
    while j > i and words[j - 1] in particles:
        j -= 1
    return j


def _skip_brackets(words: Sequence[str], i: int) -> int:
    """The position after a bracketed aside such as "(capt)" or "(60)" at `i`."""
    if i < len(words) and words[i] == "(":
        close = i
        while close < len(words) and words[close] != ")":
            close += 1
        return close + 1
    return i


def _lists(words: Sequence[str], particles: frozenset[str]) -> list[list[tuple[int, int]]]:
    """The runs of at least `MIN_ITEMS` names joined by commas, semicolons or "for", each
    name a (begin, end) range of `words`; a name may hold `particles` ("van der Walt")."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        end = _item_end(words, i, particles)
        if end == i:
            i += 1
        else:
            current.append((i, end))
            i = _skip_brackets(words, end)
            if i < n and (words[i] in _SEPARATORS or words[i] in _JOINING_WORDS):
                i += 1
                continue
        if len(current) >= MIN_ITEMS:
            runs.append(current)
        current = []
    if len(current) >= MIN_ITEMS:
        runs.append(current)
    return runs


def label_lineups(words: Sequence[str], labels: list[str], particles: frozenset[str]) -> bool:
    """Label, in place, every item of a line-up as a person; return whether any label changed.
    `particles` are the lower-case words a name may hold (`Gazetteer.particles`)."""
    separators = words.count(",") + words.count(";") + words.count("for")
    # A line-up is a line of names: few words in lower case ("capt", "for", "van der").
    if separators < MIN_ITEMS - 1 or sum(map(str.islower, words)) > 2 * separators:
        return False
    changed = False
    for items in _lists(words, particles):
        kinds = [{labels[k][2:] for k in range(b, e)} - {""} for b, e in items]
        people = sum("PER" in k for k in kinds)
        others = sum(bool(k) and "PER" not in k for k in kinds)
        initials = sum(e - b >= 2 and bool(_INITIAL.fullmatch(words[b])) for b, e in items)
        if (3 * people < len(items) or people < others) and 2 * initials <= len(items):
            continue
        for begin, end in items:
            wanted = ["B-PER"] + ["I-PER"] * (end - begin - 1)
            if labels[begin:end] != wanted:
                labels[begin:end] = wanted
                changed = True
    return changed
