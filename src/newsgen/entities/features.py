"""Turn a token sequence into the feature strings the CRF model scores.

The same function serves training (``tools/train_entities.py``) and tagging, so the two
can never drift apart. Speed matters here more than anywhere else in the build: the
features a token carries on its own (word, shape, affixes, gazetteer flags) and the
versions of them its neighbours see are computed once per distinct word and cached,
so a sequence costs little more than a few tuple concatenations per token.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter, ne

from .gazetteer import Gazetteer

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
    # Bounds first, counted without a Python loop: at most this many words are in
    # capitals, and at least that many (wholly alphabetic, lower case) are not.
    most = sum(map(str.isupper, words))
    if most < 2 or most <= 3 * sum(map(str.islower, filter(str.isalpha, words))):
        return False
    upper = lower = 0
    for w in words:
        if w[:1].isalpha():
            if w.isupper():
                upper += 1
            else:
                lower += 1
    return upper >= 2 and upper > 3 * lower


def capitalised_positions(words: Sequence[str], start: int = 0) -> list[int]:
    """Indexes (from `start` on) of the tokens that begin with a capital letter."""
    return list(compress(count(start), map(str.isupper, map(_FIRST, words[start:]))))


_FIRST = itemgetter(0)  # tokens are never empty
_PLACE_TOKENS = itemgetter(6)  # of a Featurizer cache entry


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
    def of(cls, sequences: Sequence[Sequence[str]], caps_lines: Iterable[bool] | None = None) -> DocumentVocabulary:
        """`caps_lines`, if the caller has them, say which sequences `is_caps_line`."""
        lower: set[str] = set()
        titled: set[str] = set()
        for words, caps in zip(sequences, map(is_caps_line, sequences) if caps_lines is None else caps_lines):
            if caps:
                continue
            lower.update(filter(str.islower, words))
            titled.update(
                words[i].lower()
                for i in capitalised_positions(words, 1)
                if not words[i].isupper() and words[i - 1] not in _SENTENCE_BREAKS
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
    capitals = list(compress(count(), map(ne, map(str.lower, words), words)))  # "al-Assad" has one
    previous = -2
    for i, following in zip(capitals, [*capitals[1:], n]):
        chosen[i] = 1
        # Next to another capitalised word, that word's window reaches further this way.
        if previous != i - 1:
            for j in range(i - 1, max(i - 4, -1), -1):
                chosen[j] = 1
                if words[j][:1].islower():
                    break
        if following != i + 1:
            for j in range(i + 1, min(i + 4, n)):
                chosen[j] = 1
                if words[j][:1].islower():
                    break
        previous = i
    return list(compress(range(n), chosen))


class Featurizer:
    """Feature strings for tokens, with a per-process cache of per-word features.

    Given `known`, the attributes the model has weights for, it leaves out every
    other one: the tagger would look each up and ignore it, so the labels are the
    same and tagging is cheaper. It then gives them as UTF-8 bytes, which the tagger
    takes without encoding each one again. Training passes no `known` and gets every
    feature, as text.
    """

    def __init__(
        self, gazetteer: Gazetteer, common_words: frozenset[str] = frozenset(), known: frozenset[str] | None = None
    ):
        self.gazetteer = gazetteer
        self.common_words = common_words
        self._known = known
        self._cache: dict[str, tuple] = {}
        self._bos, self._eos, self._caps, self._dl, self._dt = (
            self._kept([f]) for f in ("BOS", "EOS", "CAPS", "dl", "dt")
        )
        self._place_marks = {
            kind: tuple(
                (self._kept([mark]), self._kept(["-1" + mark]), self._kept(["+1" + mark]))
                for mark in ("GB-" + kind, "GI-" + kind)
            )
            for kind in set(gazetteer.places.values())
        }
        self._longest_place: dict[str, int] = {}  # first token -> most tokens of a place it starts
        for key in gazetteer.places:
            self._longest_place[key[0]] = max(len(key), self._longest_place.get(key[0], 0))

    def _kept(self, features: list[str]) -> tuple[str | bytes, ...]:
        known = self._known
        return tuple(features) if known is None else tuple([f.encode() for f in features if f in known])

    def _word(self, word: str) -> tuple:
        """A word's features as (itself, seen from the right, from the left, two away
        from the right, two away from the left), its lower case if it is capitalised,
        and the most tokens of a gazetteer place that it can start (0 for none).

        Own features: the lower-cased word, its shape, affixes, and flags for a given
        name ("fn"), an ordinary word written with a capital ("cw"), a title ("tt")
        and a hyphen. Neighbours see only the word, its shape and the "fn"/"tt" flags.
        The tuples are ready to paste, so a sequence needs no string building.
        """
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        # Translating copies the word character by character: only for the few with a curly quote.
        norm = word.translate(_APOSTROPHES) if "\u2019" in word or "\u2018" in word else word
        low = norm.lower()
        shape = word_shape(norm)
        own = ["b", "w=" + low, "s=" + shape]
        near = own[1:]
        if len(low) > 3:
            own += ["p3=" + low[:3], "x3=" + low[-3:], "x2=" + low[-2:]]
        capitalised = is_capitalised(word)
        if capitalised:
            if low in self.gazetteer.first_names:
                own.append("fn")
                near.append("fn")
            if low in self.common_words:
                own.append("cw")
        if low.strip(".") in self.gazetteer.titles:
            own.append("tt")
            near.append("tt")
        if "-" in word:
            own.append("hy")
        word_lower = word.lower()
        entry = (
            self._kept(own),
            self._kept(["-1" + f for f in near]),
            self._kept(["+1" + f for f in near]),
            self._kept(["-2w=" + low]),
            self._kept(["+2w=" + low]),
            word_lower if capitalised else None,
            self._longest_place.get(word_lower, 0),
        )
        if len(self._cache) < 500_000:
            self._cache[word] = entry
        return entry

    def _places(self, words: Sequence[str], caps: bool, entries: Sequence[tuple]) -> list | None:
        """Mark tokens inside the longest gazetteer place match ("GB-city", "GI-city")
        with the features of the mark (its own, seen from the right, from the left);
        None when the tokens hold no place. `entries` are the words' cache entries.

        A match starts and ends on a capitalised word, except in all-capitals lines.
        """
        n = len(words)
        marks = None
        places = self.gazetteer.places
        covered = 0
        for i in compress(count(), map(_PLACE_TOKENS, entries)):
            if i < covered or not (caps or words[i][:1].isupper()):
                continue
            lows = [w.lower() for w in words[i : i + entries[i][6]]]
            for size in range(len(lows), 0, -1):
                kind = places.get(tuple(lows[:size]))
                if kind and (caps or words[i + size - 1][:1].isupper()):
                    if marks is None:
                        marks = [None] * n
                    begin, inside = self._place_marks[kind]
                    marks[i] = begin
                    for j in range(i + 1, i + size):
                        marks[j] = inside
                    covered = i + size
                    break
        return marks

    def sequence(
        self, words: Sequence[str], vocab: DocumentVocabulary, positions: Sequence[int] | None = None,
        caps: bool | None = None,
    ) -> list[list[str | bytes]]:
        """Feature lists for the tokens of one sentence or paragraph.

        `positions` limits the result to those tokens (see `candidate_positions`);
        their features still look at their real neighbours. `caps` is `is_caps_line(words)`,
        if the caller has it.
        """
        n = len(words)
        entries = list(map(self._cache.get, words))
        if None in entries:
            entries = [e or self._word(w) for e, w in zip(entries, words)]
        caps = is_caps_line(words) if caps is None else caps
        marks = self._places(words, caps, entries)
        bos, eos, dl, dt = self._bos, self._eos, self._dl, self._dt
        lower, titled = vocab.lower, vocab.titled
        out = []
        for i in range(n) if positions is None else positions:
            entry = entries[i]
            if i == 0 or words[i - 1] in _SENTENCE_BREAKS:
                feats = [*entry[0], *bos]
            elif i > 1:
                feats = [*entry[0], *entries[i - 1][1], *entries[i - 2][3]]
            else:
                feats = [*entry[0], *entries[i - 1][1]]
            if i + 2 < n:
                feats += entries[i + 1][2]
                feats += entries[i + 2][4]
            elif i + 1 < n:
                feats += entries[i + 1][2]
            else:
                feats += eos
            if marks is not None:
                if marks[i]:
                    feats += marks[i][0]
                if i and marks[i - 1]:
                    feats += marks[i - 1][1]
                if i + 1 < n and marks[i + 1]:
                    feats += marks[i + 1][2]
            if caps:
                feats += self._caps
            low = entry[5]
            if low is not None:
                if low in lower:
                    feats += dl
                if low in titled:
                    feats += dt
            out.append(feats)
        return out
