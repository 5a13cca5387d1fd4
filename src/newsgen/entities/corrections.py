"""Whole-article fixes for what a token-by-token tagger cannot see.

The model reads one sentence at a time and knows names only from 1996 Reuters
news. These rules use the rest of the article, and the spelling of names, to mend
its typical misses: a bare surname of someone named in full elsewhere, a name run
into the office before it, an "al-" particle at the end of a name, a name cut in two
at its particles ("Mohammed bin Salman"), a peer's
title before the name ("Lord Falconer") or a seat after it ("of Worcester"), a
place named by its kind and another place ("Republic of Ireland"), and a town read as
its club where it stands beside a place ("Hatfield, Hertfordshire").
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator, Sequence
from itertools import compress, count

from .spans import Mention, named_positions

# Peerages: part of how a peer is named ("Lord Goldsmith"), unlike other titles.
PEER_TITLES = frozenset({
    "lord", "lady", "baron", "baroness", "viscount", "viscountess", "earl", "countess",
    "marquess", "marchioness", "duke", "duchess",
})

# What a place's name can begin with before "of" and another place: "Republic of Ireland",
# "Gulf of Mexico", "Holy City of Jerusalem", "Isle of Man".
PLACE_OF_HEADS = frozenset({
    "republic", "kingdom", "principality", "emirate", "sultanate", "commonwealth", "federation", "city", "state",
    "province", "county", "district", "gulf", "bay", "sea", "isle", "island", "islands", "strait", "straits", "cape",
    "lake", "port",
})
# Royals, named by the title and their place: "the Prince of Wales".
ROYAL_TITLES = frozenset({"prince", "princess", "king", "queen"})
_PARTICLE_NAME = re.compile(r"[a-z]{1,3}-[A-Z][^\W\d_]+")
_WORD = re.compile(r"\S+")


def attach_particle_names(words: Sequence[str], labels: list[str], named: Sequence[int] | None = None) -> list[int]:
    """Extend a person's or a place's name over a following "al-Burhan"-style word, in
    place, and return the positions it labelled. `named` is `named_positions(labels)`, if known.

    A short lower-case particle joined by a hyphen to a capitalised name is part of
    the name ("Abdel Fattah al-Burhan", "Jebel al-Akhdar"), but it starts in lower case,
    so the model rarely continues the name over it.
    """
    n = len(words)
    added = []
    for i in named_positions(labels) if named is None else named:
        kind = labels[i][2:]
        while i + 1 < n and kind in ("PER", "LOC") and labels[i + 1] == "O":
            if not _PARTICLE_NAME.fullmatch(words[i + 1]):
                break
            i += 1
            labels[i] = "I-" + kind
            added.append(i)
    return added


def span_end(labels: Sequence[str], start: int) -> int:
    """Where the name labelled from `start` ("B-X", then "I-X"...) ends."""
    inside, end = "I-" + labels[start][2:], start + 1
    while end < len(labels) and labels[end] == inside:
        end += 1
    return end


def _names_from(labels: Sequence[str], named: Sequence[int], first: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each name whose first label, at one of `named`, is `first`; read as
    the caller goes, so a name it has relabelled meanwhile is passed over."""
    for i in named:
        if labels[i] == first:
            yield i, span_end(labels, i)


# Particles that, written in lower case between two names, are an abbreviation instead:
# "Lehmann st Kaluwitharana" is a batsman stumped by a wicketkeeper.
_ABBREVIATIONS = frozenset({"st", "ste"})


def join_particle_names(words: Sequence[str], labels: list[str], named: Sequence[int], particles: Container[str]) -> bool:
    """Label, in place, the particles after a person's name and the capitalised word after
    them as part of it: "Mohammed bin Salman", "Ursula von der Leyen". The model, trained
    on news with few such names, often labels the two ends as two people. Returns
    whether any label changed."""
    changed = False
    n = len(words)
    for i, end in _names_from(labels, named, "B-PER"):
        j = end
        while j < n and j - end < 3 and labels[j] == "O" and words[j] in particles and words[j] not in _ABBREVIATIONS:
            j += 1
        if end < j < n and labels[j] in ("B-PER", "O") and words[j][:1].isupper() and words[j][1:2].islower():
            labels[end : j + 1] = ["I-PER"] * (j + 1 - end)
            changed = True
    return changed


def drop_leading_titles(
    words: Sequence[str], labels: list[str], titles: frozenset[str], first_names: frozenset[str],
    named: Sequence[int] | None = None,
) -> None:
    """Take offices and ranks off the front of a person's name, in place. `named` holds
    at least the positions labelled "B-PER", if the caller knows them.

    "Colonel Max Marriner" is Max Marriner, as the training data has it. A word that
    is also a given name ("Prince", "King", "Queen") stays, since it may be the name.
    """
    last = len(labels) - 1
    for i in named_positions(labels) if named is None else named:
        if i == last or labels[i] != "B-PER" or labels[i + 1] != "I-PER":
            continue
        parts = words[i].lower().rstrip(".").split("-")
        if parts[0] in PEER_TITLES:
            continue
        if any(p in titles for p in parts) and not any(p in first_names for p in parts):
            labels[i], labels[i + 1] = "O", "B-PER"


def attach_peer_titles(words: Sequence[str], labels: list[str], named: Sequence[int]) -> bool:
    """Label, in place, a peer's title before a person's name and the seat after it as
    part of the name: "Lord Falconer", "Lord Faulkner of Worcester", "Baroness Morgan".
    The model, trained on news that writes "Mr", leaves the title out, and then the
    peer's page would be named by a bare surname. A royal or a peer named by the title
    and a place ("the Prince of Wales", "the Duke of Edinburgh") is a person too, where the
    model sees only the place. Returns whether any label changed."""
    changed = False
    n = len(words)
    for i in named:
        if labels[i] == "B-LOC" and i > 1 and words[i - 1] == "of" and labels[i - 2] == "O" and (
            words[i - 2][:1].isupper() and words[i - 2].lower() in PEER_TITLES | ROYAL_TITLES
        ):
            labels[i - 2], labels[i - 1] = "B-PER", "I-PER"
            end = i
            while end < n and labels[end][2:] == "LOC":
                labels[end] = "I-PER"
                end += 1
            changed = True
            continue
        if labels[i] != "B-PER":
            continue
        end = span_end(labels, i)
        if not any(words[k].lower() in PEER_TITLES for k in range(i, end - 1)):  # not "(Tory) Lord Campbell" yet
            if i == 0 or labels[i - 1] != "O" or words[i - 1].lower() not in PEER_TITLES or not words[i - 1][:1].isupper():
                continue
            labels[i - 1], labels[i] = "B-PER", "I-PER"
            changed = True
        if end + 1 < n and words[end] == "of" and words[end + 1][:1].isupper() and labels[end + 1][2:] != "PER":
            labels[end] = labels[end + 1] = "I-PER"  # the seat: "of Worcester"
            changed = True
    return changed


def join_places_of(words: Sequence[str], labels: list[str], named: Sequence[int]) -> bool:
    """Label, in place, "of" and the place after it as part of a place named by its kind
    before it: "Republic of Ireland", "Gulf of Mexico" are one place each, which the
    model, trained on sentences that seldom write them, labels as two. Returns whether
    any label changed."""
    changed = False
    n = len(words)
    for _, end in _names_from(labels, named, "B-LOC"):
        if end + 1 < n and words[end] == "of" and labels[end + 1] == "B-LOC" and words[end - 1].lower() in PLACE_OF_HEADS:
            labels[end] = labels[end + 1] = "I-LOC"
            changed = True
    return changed


_BESIDE = frozenset({",", "and", "("})


def label_places_beside_places(words: Sequence[str], labels: list[str], places: Container[tuple[str, ...]]) -> bool:
    """Label, in place, as a place a name the model took for an organisation or something
    else that the gazetteer knows as a place and that stands in a list beside a place:
    "Hatfield, Hertfordshire", "Birmingham and Newcastle", "Paris, Lille, Lyon and
    Toulouse". Trained on 1996 sport, the model reads many towns as their clubs; a list
    holds one kind of thing. Returns whether any label changed."""
    changed = False
    n = len(words)
    i = 0
    while i < n:
        label = labels[i]
        if label[:2] != "B-" or label == "B-LOC" or label == "B-PER":
            i += 1
            continue
        end = span_end(labels, i)
        before = i > 1 and words[i - 1] in _BESIDE and labels[i - 2][2:] == "LOC"
        after = end + 1 < n and words[end] in _BESIDE and labels[end + 1] == "B-LOC"
        if (before or after) and tuple(w.lower() for w in words[i:end]) in places:
            labels[i:end] = ["B-LOC"] + ["I-LOC"] * (end - i - 1)
            changed = True
        i = end
    return changed


def label_surnames(
    words: Sequence[str], labels: list[str], surnames: frozenset[str], common_words: frozenset[str]
) -> bool:
    """Label, in place, uses of a surname the article gave with a full name as a person.

    After "Jonathan Edwards", a bare "Edwards" (or "EDWARDS" in a headline) is the
    same person, even where the model, never having seen the name, missed it or
    took it for something else on its own. A multi-word span that merely contains
    the word is left alone, and so is an ordinary word used as a surname ("Peter
    Such") at the start of a sentence. Returns whether any label changed.
    """
    changed = False
    if not surnames:
        return changed
    n = len(words)
    capitals = set(filter(str.isupper, words))
    spelt = {*surnames.intersection(words), *(w for w in capitals if w.title() in surnames)}
    for i in compress(count(), map(spelt.__contains__, words)) if spelt else ():
        word = words[i]
        label = labels[i]
        alone = label == "O" or (label.startswith("B-") and (i + 1 == n or not labels[i + 1].startswith("I-")))
        if label == "B-PER" or not alone:
            continue
        if (i == 0 or not words[i - 1][:1].isalnum()) and word.lower() in common_words:
            continue
        labels[i] = "B-PER"
        changed = True
    return changed


def full_name_surnames(mentions: Iterable[Mention]) -> frozenset[str]:
    """Last words of the multi-word person names among `mentions`, but of those named by a
    place ("Prince of Wales", "Lord Faulkner of Worcester"): the place is no surname."""
    return frozenset(m.surface.split()[-1] for m in mentions
                     if m.label == "PER" and " " in m.surface and " of " not in m.surface)


def drop_common_words(
    mentions: Iterable[Mention], common_words: frozenset[str], surnames: frozenset[str]
) -> list[Mention]:
    """Mentions without lone ordinary words ("And", "TAKE") the model took for names.

    A word seen only in lower case in the training text is a name here only as the
    surname of someone the article names in full ("Peter Such", then "Such").
    """
    return [
        m
        for m in mentions
        if " " in m.surface or m.surface.lower() not in common_words or m.surface.title() in surnames
    ]


def people_inside_offices(
    mentions: Sequence[Mention], first_names: frozenset[str], common_words: frozenset[str]
) -> list[Mention]:
    """People the model ran into the office before them, recovered from the article.

    "US Secretary of State Antony Blinken" can come out as the organisation "State
    Antony Blinken". When the article elsewhere names a person by the span's last word
    ("Blinken"), and the span ends in a two- or three-word name that starts with a
    known given name and holds no ordinary word, that tail is the person.
    """
    surnames = {m.surface.split()[-1] for m in mentions if m.label == "PER"}
    found = []
    for m in mentions:
        if m.label not in ("ORG", "MISC"):
            continue
        words = list(_WORD.finditer(m.surface))
        parts = [w.group() for w in words]
        if len(parts) < 3 or parts[-1] not in surnames:
            continue
        for k in range(max(1, len(parts) - 3), len(parts) - 1):
            tail = parts[k:]
            if (
                parts[k].lower() in first_names
                and all(w[:1].isupper() and w[1:2].islower() and w.lower() not in common_words for w in tail)
                and not any(w.lower() in first_names for w in parts[:k])
            ):
                found.append(Mention(m.surface[words[k].start() :], "PER"))
                break
    return found
