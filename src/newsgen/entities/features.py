"""Turn a token sequence into the feature strings the CRF model scores.

The same function serves training (``tools/train_entities.py``) and tagging, so the two
can never drift apart. Speed matters here more than anywhere else in the build: the
features a token carries on its own (word, shape, affixes, gazetteer flags) and the
versions of them its neighbours see are computed once per distinct word and cached,
so a sequence costs little more than a few tuple concatenations per token.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer import MAX_PLACE_TOKENS, Gazetteer

# Tokens after which the next word is capitalised for grammar, not because it is a name.
_SENTENCE_BREAKS = frozenset({".", "!", "?", ":", '"', "\u201c", "\u2018", "``", "''", "-", "\u2014"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def word_shape(word: str) -> str:
    """Xxxx -> "Xx", "U.S." -> "X.X.", "1996-08-30" -> "d-d-d": case and punctuation pattern."""
    out = []
    last = ""
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if c != last:
            out.append(c)
            last = c
    return "".join(out[:6])


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_caps_line(words: Sequence[str]) -> bool:
    """True for an all-capitals headline, where capitals say nothing about names."""
    upper = lower = 0
    for w in words:
        if w[:1].isalpha():
            if w.isupper():
                upper += 1
            else:
                lower += 1
    return upper >= 2 and upper > 3 * lower


@dataclass(frozen=True)
class DocumentVocabulary:
    """What the rest of an article says about a word's case.

    In "LEICESTERSHIRE TAKE OVER" only the body tells us that "Leicestershire" is
    written with a capital mid-sentence while "take" and "over" are written in lower
    case; the same holds for sentence-initial words.
    """

    lower: frozenset[str]
    titled: frozenset[str]

    @classmethod
    def of(cls, sequences: Sequence[Sequence[str]]) -> DocumentVocabulary:
        lower: set[str] = set()
        titled: set[str] = set()
        for words in sequences:
            if is_caps_line(words):
                continue
            lower.update(filter(str.islower, words))
            titled.update(
                w.lower()
                for previous, w in zip(words, words[1:])
                if w[:1].isupper() and not w.isupper() and previous not in _SENTENCE_BREAKS
            )
        return cls(frozenset(lower), frozenset(titled))


# The features of a sentence-ending full stop: put between two windows of candidates,
# it stops a name's label from running on across the words that were skipped.
GAP = ["b", "w=.", "s=.", "EOS"]


def candidate_positions(words: Sequence[str]) -> list[int]:
    """The tokens worth tagging: words with a capital letter and their context.

    A run of lower-case words away from any capital is never a name in English news,
    and skipping it roughly halves the work of a build. Around each capitalised word
    the window reaches out to the nearest lower-case word on each side (at most
    three tokens), so each window is bordered by plainly outside tokens. Windows are
    tagged as one sequence with `GAP` between them. In an all-capitals line nearly
    every token is a candidate.
    """
    n = len(words)
    chosen = bytearray(n)
    for i, word in enumerate(words):
        if word.lower() == word:  # no capital anywhere ("al-Assad" has one)
            continue
        chosen[i] = 1
        for step in (-1, 1):
            j = i + step
            while 0 <= j < n and abs(j - i) <= 3:
                chosen[j] = 1
                if words[j][:1].islower():
                    break
                j += step
    return [i for i in range(n) if chosen[i]]


class Featurizer:
    """Feature strings for tokens, with a per-process cache of per-word features."""

    def __init__(self, gazetteer: Gazetteer, common_words: frozenset[str] = frozenset()):
        self.gazetteer = gazetteer
        self.common_words = common_words
        self._cache: dict[str, tuple[tuple[str, ...], ...]] = {}

    def _word(self, word: str) -> tuple[tuple[str, ...], ...]:
        """A word's features as (itself, seen from the right, from the left, two away).

        Own features: the lower-cased word, its shape, affixes, and flags for a given
        name ("fn"), an ordinary word written with a capital ("cw"), a title ("tt")
        and a hyphen. Neighbours see only the word, its shape and the "fn"/"tt" flags.
        The tuples are ready to paste, so a sequence needs no string building.
        """
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        norm = word.translate(_APOSTROPHES)
        low = norm.lower()
        shape = word_shape(norm)
        own = ["w=" + low, "s=" + shape]
        if len(low) > 3:
            own += ["p3=" + low[:3], "x3=" + low[-3:], "x2=" + low[-2:]]
        if is_capitalised(word):
            if low in self.gazetteer.first_names:
                own.append("fn")
            if low in self.common_words:
                own.append("cw")
        if low.strip(".") in self.gazetteer.titles:
            own.append("tt")
        if "-" in word:
            own.append("hy")
        near = ["w=" + low, "s=" + shape] + [f for f in own if f in ("fn", "tt")]
        entry = (
            tuple(own),
            tuple("-1" + f for f in near),
            tuple("+1" + f for f in near),
            ("-2w=" + low,),
            ("+2w=" + low,),
        )
        if len(self._cache) < 500_000:
            self._cache[word] = entry
        return entry

    def _places(self, words: Sequence[str], caps: bool) -> list[str]:
        """Mark tokens inside the longest gazetteer place match: "GB-city", "GI-city".

        A match starts and ends on a capitalised word, except in all-capitals lines.
        """
        n = len(words)
        marks = [""] * n
        places = self.gazetteer.places
        starts = range(n) if caps else [i for i, w in enumerate(words) if w[:1].isupper()]
        covered = 0
        for i in starts:
            if i < covered:
                continue
            lows = [w.lower() for w in words[i : i + MAX_PLACE_TOKENS]]
            for size in range(len(lows), 0, -1):
                kind = places.get(tuple(lows[:size]))
                if kind and (caps or words[i + size - 1][:1].isupper()):
                    marks[i] = "GB-" + kind
                    for j in range(i + 1, i + size):
                        marks[j] = "GI-" + kind
                    covered = i + size
                    break
        return marks

    def sequence(
        self, words: Sequence[str], vocab: DocumentVocabulary, positions: Sequence[int] | None = None
    ) -> list[list[str]]:
        """Feature lists for the tokens of one sentence or paragraph.

        `positions` limits the result to those tokens (see `candidate_positions`);
        their features still look at their real neighbours.
        """
        n = len(words)
        entries = list(map(self._cache.get, words))
        if None in entries:
            entries = [e or self._word(w) for e, w in zip(entries, words)]
        caps = is_caps_line(words)
        places = self._places(words, caps)
        out = []
        for i in range(n) if positions is None else positions:
            own = entries[i]
            feats = ["b"]
            feats.extend(own[0])
            if i == 0 or words[i - 1] in _SENTENCE_BREAKS:
                feats.append("BOS")
            else:
                feats.extend(entries[i - 1][1])
                if i > 1:
                    feats.extend(entries[i - 2][3])
            if i + 1 < n:
                feats.extend(entries[i + 1][2])
                if i + 2 < n:
                    feats.extend(entries[i + 2][4])
            else:
                feats.append("EOS")
            if places[i]:
                feats.append(places[i])
            if i and places[i - 1]:
                feats.append("-1" + places[i - 1])
            if i + 1 < n and places[i + 1]:
                feats.append("+1" + places[i + 1])
            word = words[i]
            if caps:
                feats.append("CAPS")
            if is_capitalised(word):
                low = word.lower()
                if low in vocab.lower:
                    feats.append("dl")
                if low in vocab.titled:
                    feats.append("dt")
            out.append(feats)
        return out
