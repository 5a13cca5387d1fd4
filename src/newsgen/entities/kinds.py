"""What a name is, from the evidence the whole archive gives about it: the person and place
rules `archive` states, one function per kind, on a name's summed counts (by `evidence.CUES`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from .evidence import (
    BODY,
    BUSINESS,
    FEMALE,
    LOWER,
    MALE,
    ORGANISATION,
    OTHER,
    PERSON,
    PLACE,
    PLACE_WORD,
    SPEECH,
    THE,
    WORK,
    unpacked,
)
from .gazetteer import SURE_PLACES, Gazetteer, load_gazetteer
from .places import PLACE_PREFIXES, VENUE_WORDS
from .tokenize import tokenize


@lru_cache(maxsize=100_000)  # names recur: split each once
def name_words(name: str) -> list[str]:
    return name.replace(".", ". ").split()  # as `resolve` splits them, initials apart


@lru_cache(maxsize=100_000)
def is_name_shaped(name: str) -> bool:
    """No lower-case word but particles ("Ludwig van Beethoven", `Gazetteer.particles`), and not "The ..."."""
    particles = load_gazetteer().particles
    words = name.split()
    return words[0].casefold() != "the" and all(
        not w[:1].islower() or w.split("-")[0].casefold() in particles or not w[:1].isalpha() for w in words)


def person_kind(name: str, counts: Sequence[int], first_names: frozenset[str]) -> tuple[str, bool]:
    """("person" or "", uncertain) for a name tagged as a person, from its archive counts."""
    if not is_name_shaped(name):
        return "", False
    addressed = counts[MALE] + counts[FEMALE]
    against = counts[BUSINESS] + counts[WORK] + counts[THE]
    if addressed:  # "Mr Blobby" is somebody, unless a given name alone ("Mr Edward"?)
        return ("person" if len(name_words(name)) > 1 or name.casefold() not in first_names else ""), against > addressed
    heard = counts[SPEECH]
    if against >= 2 and (against * 4 >= counts[PERSON] + heard or not heard and against * 7 >= counts[PERSON]):
        return "", against * 2 < counts[PERSON]  # "the film Vera Drake", "Tory", never heard to say a word
    words = name_words(name)
    if len(words) == 1:  # "Nintendo", "Oscar", "Mike": a word alone is somebody when addressed or heard
        return ("person", False) if counts[SPEECH] and not against and name.casefold() not in first_names else (
            "", counts[SPEECH] > 0)
    others = counts[ORGANISATION] + counts[OTHER] + counts[PLACE] + against
    if not _given(words[0], first_names) and others and not counts[SPEECH]:
        return "", others < counts[PERSON]  # "Girls Aloud", tagged a group too: no given name, nobody said
    return "person", against > 0


def own_words(every: list[int], own: list[int]) -> list[int]:
    """A person's counts: what is said around the name as written, and how all its forms are
    addressed. "Mr Dutroux" is Marc Dutroux's, but "the Dutroux affair" is no evidence against him."""
    return [every[cue] if cue in (MALE, FEMALE, SPEECH) else n for cue, n in enumerate(own)]


def addressed_forms(name: str, forms: Iterable[str], totals: dict[str, int], first_names: frozenset[str]) -> list[int]:
    """The counts of a person's forms but a given name alone: "Prince Harry" is not Harry Potter's."""
    return unpacked(sum(totals.get(m, 0) for m in forms if m == name or " " in m or m.casefold() not in first_names))


def called_otherwise(counts: Sequence[int]) -> bool:
    """Whether the archive calls a name a business, a work or "the" something at all."""
    return counts[BUSINESS] + counts[WORK] + counts[THE] > 0


@lru_cache(maxsize=100_000)
def _given(word: str, first_names: frozenset[str]) -> bool:
    """Whether a name's first word is a given name ("Jean-Michel" too) or an initial."""
    return len(word.rstrip(".")) == 1 or all(part.casefold() in first_names for part in word.split("-"))


#: A place tagged this often that the archive never writes as one ("in X", "X-based") is none.
NEVER_PLACED = 5


# Words for a holder of an office or a rank named after a place: "Prince of Wales", "Bishop of Bath".
TITLES = frozenset({"prince", "princess", "king", "queen", "duke", "duchess", "earl", "countess", "lord", "lady",
                    "baron", "baroness", "marquess", "viscount", "bishop", "archbishop", "emperor", "sultan", "emir"})


# The last word of an institution's name, which "the" comes before: "the High Court".
INSTITUTION_WORDS = frozenset({"court", "council", "commission", "ministry", "parliament", "assembly", "senate",
                               "congress", "tribunal", "committee", "office", "department", "agency", "authority"})


def place_kind(name: str, counts: Sequence[int], gazetteer: Gazetteer) -> tuple[str, bool]:
    """("place", "person" or "", uncertain) for a name tagged as a place."""
    words = name.split()
    if len(words) > 2 and words[0].casefold() in TITLES and words[1] == "of":  # "Duke of York": somebody,
        return ("person" if words[2].casefold() != "the" else ""), False  # "Lord of the Rings": nobody
    known = gazetteer.places.get(tuple(tokenize(name.casefold())[0]))
    if known in SURE_PLACES:
        return "place", False
    if counts[LOWER] > 1 and counts[THE] * 4 >= counts[BODY]:  # "the Bank", "the Lords": also the bank, lords
        return "", counts[THE] * 2 < counts[BODY]
    if words[-1].casefold() in INSTITUTION_WORDS and counts[THE] * 2 >= counts[BODY] > 0:  # "the High Court"
        return "", False
    if not known and counts[WORK] >= 2 and counts[WORK] * 2 > counts[PLACE_WORD]:  # "Lord of the Rings films"
        return "", counts[WORK] <= counts[PLACE_WORD]
    words = [w.casefold() for w in words]
    others = counts[ORGANISATION] + counts[OTHER] + counts[PERSON]
    if counts[PLACE] >= NEVER_PLACED and not counts[PLACE_WORD] and others + called_otherwise(counts) + counts[
            SPEECH] and not (words[-1] in VENUE_WORDS or words[0] in PLACE_PREFIXES):  # Nokia, Black Eyed Peas
        return "", counts[PLACE] < 2 * NEVER_PLACED
    if known:  # "MILWAUKEE" is a team far more often, and a place
        return "place", False
    if others > 2 * counts[PLACE]:
        return "", others < 3 * counts[PLACE]
    return "place", 2 * others > counts[PLACE]
