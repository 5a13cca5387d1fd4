"""What part of a tagged span is a place, and which places a text names that the tagger misses.

The CoNLL guidelines count buildings, venues and streets as places, and so does the BBC
dev set; the tagger, trained on 1996 news, reads them as organisations as often as not.
A name's last word tells ("Wembley Stadium", "Thames Valley"), unless the place only
names something else ("London Marathon", an event). Datelines and addresses name US
states by their AP abbreviation ("Hartford, Conn."), and "Paris-based" names Paris in
one word the tagger does not cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .corrections import PLACE_OF_HEADS
from .gazetteer import Gazetteer
from .spans import Mention
from .tokenize import tokenize

# What a place that is a building, venue or street ends with (CoNLL counts them as places).
VENUE_WORDS = frozenset({
    "street", "road", "avenue", "lane", "boulevard", "square", "bridge", "stadium", "arena",
    "airport", "station", "terminal", "dam", "canal", "theatre", "theater", "odeon", "mosque",
    "cathedral", "abbey", "palace", "castle", "park", "gardens", "racecourse", "velodrome",
    "harbour", "harbor", "port", "docks", "wharf", "pier", "tower", "hall",
})
# Of those, the ones that are no one's surname ("Jerry Hall", "Nick Park" are people).
BUILDING_WORDS = frozenset({
    "street", "road", "avenue", "boulevard", "stadium", "arena", "airport", "station", "theatre", "theater",
    "dam", "mosque", "cathedral", "odeon", "racecourse",
})
# The first word of a place named by its kind: "River Tyne", "Mount Everest"; of those,
# the ones that are no one's given name ("River Phoenix" is a person).
PLACE_PREFIXES = frozenset({"river", "mount", "lake", "loch", "cape", "fort", "port", "isle"})
PLACE_ONLY_PREFIXES = frozenset({"mount", "loch", "cape", "fort", "port", "isle"})
# The last word of a place named after another: "Thames Valley", "New York State", "Sydney Harbour".
PLACE_KIND_WORDS = VENUE_WORDS | PLACE_OF_HEADS | frozenset({
    "valley", "vale", "hills", "hill", "heights", "mountains", "mountain", "peninsula", "coast", "beach", "forest",
    "falls", "springs", "village", "region", "circle", "market", "centre", "center", "desert", "basin", "delta",
    "highlands", "glen", "moor", "heath", "common", "green", "end", "cross", "gate", "way", "place", "quay", "row",
    "walk", "parade", "fields", "field", "wood", "woods", "downs", "creek", "canyon", "point", "ridge", "quarter",
    "territory", "territories", "plaza", "mall", "line", "prison", "hospital", "camp", "base", "north", "south",
    "east", "west", "border", "borders", "estuary", "sound", "head", "county", "borough", "river", "rivers", "bank",
    "shore", "strip", "corridor",
})


def named_after_a_place(words: Sequence[str], gazetteer: Gazetteer, ordinary: frozenset[str]) -> bool:
    """Whether a name is a place's and then an ordinary word that names no kind of place:
    "London Marathon" and "Zurich Premiership" are an event and a league named after the
    place, not the place ("Thames Valley" and "Sydney Harbour" are places)."""
    last = words[-1].lower()
    if last not in ordinary or last in PLACE_KIND_WORDS or (words[0].lower(),) not in gazetteer.places:
        return False
    return tuple(tokenize(" ".join(words).lower())[0]) not in gazetteer.places


def state_abbreviations(texts: Iterable[str], gazetteer: Gazetteer) -> list[Mention]:
    """The US states that datelines and addresses name by their AP abbreviation
    ("Hartford, Conn."), as place mentions."""
    found = []
    for text in texts:
        for match in _STATE_AFTER_COMMA.finditer(text):
            start = match.start()
            if start and text[start - 1].islower() and match.group(1).lower() in gazetteer.renamed:
                found.append(Mention(match.group(1), "LOC"))
    return found


def places_before_based(texts: Iterable[str], gazetteer: Gazetteer) -> list[Mention]:
    """The places of "Paris-based", "San Francisco-based": where a firm or a person is is
    a place the article names, though the tagger, seeing one word, rarely says so. The
    longest run of capitalised words before "-based" that the gazetteer knows is the place."""
    found = []
    for text in texts:
        if "-based" not in text:
            continue  # the usual case: no search at all
        for match in _BEFORE_BASED.finditer(text):
            words = match.group(1).split()
            for k in range(len(words)):
                if tuple(tokenize(" ".join(words[k:]).lower())[0]) in gazetteer.places:
                    found.append(Mention(" ".join(words[k:]), "LOC"))
                    break
    return found


_BEFORE_BASED = re.compile(r"((?:[A-Z][^\W\d_]+ ){0,2}[A-Z][^\W\d_]+)-based\b")


# Starting with the comma lets the search skip to each comma; the town before it is checked apart.
_STATE_AFTER_COMMA = re.compile(r", ((?:[A-Z][a-z]{1,4}|[A-Z]\.[A-Z]|W\.Va)\.)(?!\w)")
