"""What one article says about the kind of each name it mentions, kept with its record.

One sentence rarely settles whether "Chelsea", "Ray" or "Sony" is a person, but an
archive mentions them hundreds of times: "shares in Sony", "the film Ray", "Mr
Blair said". So each article, as it is extracted, counts for every name it tags
(whatever the tagger's label) the labels the tagger gave it and the cues around
each of its occurrences. The counts are kept in the article's record in the
record store, and `resolve` sums them over the archive, which is cheap: an edit
recounts one article only.

An article's evidence is a tuple of ``(surface, counts)`` pairs, in the order of the
surfaces' first mention; `counts` is one integer holding a count per cue of `CUES`, each
in its own `LANE` bits, so that summing the archive's is one addition per mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress, count

from .spans import Mention
from .tokenize import tokenize

#: What each position of a name's counts holds. The first four are the tagger's labels.
CUES = (
    "tagged person", "tagged place", "tagged organisation", "tagged other",
    "Mr, Sir, Lord before it",  # a man's form of address
    "Mrs, Ms, Lady before it",  # a woman's
    "speaks or is described",  # "X said", "said X", "X, who", "X, 45,"
    "a place word around it",  # "in X", "in the X", "X-based", "went to X", a dateline
    "a business word around it",  # "shares in X", "X Ltd", "X chief executive", "firm X", "the band X"
    "a work word around it",  # "the film X", "album X", "comedy X", "the X films", "X director"
    "the before it",  # people are rarely "the X"
    "in the body",  # occurrences in the texts after the headline
    "a team word around it",  # "X beat", "beat X", "France v X", "X coach", "X 13-12"
    "written in lower case",  # a place's words as common words: "the bank" beside "the Bank"
)
(PERSON, PLACE, ORGANISATION, OTHER, MALE, FEMALE, SPEECH, PLACE_WORD, BUSINESS, WORK, THE, BODY, TEAM,
 LOWER) = range(len(CUES))
LABELS = {"PER": PERSON, "LOC": PLACE, "ORG": ORGANISATION, "MISC": OTHER}

Evidence = tuple[tuple[str, int], ...]
LANE = 32  # bits per count: sums stay exact up to four billion mentions
_MASK = (1 << LANE) - 1
ONE = tuple(1 << (LANE * cue) for cue in range(len(CUES)))  #: one count of each cue, packed
PLACE_LANE = _MASK << (LANE * PLACE)  # the bits of the count of place labels

_MALE = frozenset({"mr", "sir", "lord", "herr", "monsieur", "signor", "senor", "king", "prince"})
_FEMALE = frozenset({"mrs", "ms", "miss", "lady", "dame", "baroness", "madam", "mme", "mlle", "queen", "princess"})
_SPEECH_AFTER = frozenset({"said", "says", "told", "added", "explained", "insisted", "argued", "admitted", "who",
                           "whose", "himself", "herself", "claimed", "believes", "thinks", "warned", "denied"})
_SPEECH_BEFORE = frozenset({"said", "says", "told", "added", "according"})
_PLACE_BEFORE = frozenset({"in", "near", "from", "across", "outside", "throughout", "towards", "via"})
_TRAVEL = frozenset({"going", "go", "went", "gone", "headed", "travel", "travelled", "travelling", "trip", "moved",
                     "move", "returned", "return", "visit", "flew", "fled", "back", "tour", "journey"})  # "to X"
_PLACE_AFTER = frozenset({"-based", "based"})
_BUSINESS_BEFORE = frozenset({"firm", "company", "group", "giant", "maker", "rival", "retailer", "bank", "brand",
                              "carrier", "operator", "club", "side", "party", "label", "network", "channel",
                              "band", "duo", "trio", "quartet", "outfit"})
_BUSINESS_AFTER = frozenset({"shares", "chief", "boss", "bosses", "spokesman", "spokeswoman", "spokesperson",
                             "executive", "executives", "chairman", "ltd", "plc", "inc", "corp", "co", "llc", "ag",
                             "sa", "profits", "profit", "sales", "shareholders", "stake", "products", "customers",
                             "subscribers", "fans", "manager", "players", "squad", "striker", "midfielder",
                             "defender", "goalkeeper", "supporters", "mps", "leader", "members", "console",
                             "frontman", "frontwoman", "bassist", "drummer", "guitarist"})  # "X frontman": a band
# A country or town that plays: "England beat Wales", "Fulham v Burnley", "Wales coach".
_TEAM_BEFORE = frozenset({"v", "vs", "v.", "vs.", "beat", "beating", "beaten", "defeated", "thrashed",
                          "host", "hosts", "face", "faces", "play", "plays"})
_TEAM_AFTER = frozenset({"v", "vs", "v.", "vs.", "beat", "beats", "drew", "lost", "coach", "captain", "skipper",
                         "manager", "striker", "midfielder", "defender", "goalkeeper", "winger", "fly-half",
                         "full-back", "squad", "fans", "supporters", "xv", "play", "host", "face", "boss",
                         "prop", "lock", "flanker", "hooker", "centre", "scrum-half", "tight-head", "loose-head",
                         "forward", "duo"})  # "Bath prop Matt Stevens"
_LOST_TO = frozenset({"loss", "defeat", "lost", "losing", "draw", "win", "victory"})  # "loss to X", "win over X"
_SHARES = frozenset({"shares", "stake", "stakes", "investors"})  # "shares in X"
_WORK_BEFORE = frozenset({"film", "movie", "album", "song", "single", "book", "novel", "play", "musical", "series",
                          "show", "sitcom", "drama", "game", "track", "opera", "documentary", "biopic", "award",
                          "awards", "magazine", "newspaper", "programme", "website", "site", "service", "comedy",
                          "thriller", "blockbuster", "epic", "sequel", "cartoon", "animation", "franchise"})
# What follows the title of a work, never a person's name: "the Harry Potter films", "Sideways
# star", "Lord of the Rings director" (not after "'s": "Scorsese's film" is his).
_WORK_AFTER = frozenset({"film", "films", "movie", "movies", "trilogy", "sequel", "sequels", "franchise", "games",
                         "dvd", "soundtrack", "premiere", "author", "director", "producer", "star", "stars",
                         "cast", "books", "novels", "musical", "exhibition"})


@lru_cache(maxsize=50_000)
def _words(surface: str) -> tuple[str, ...]:
    return tuple(tokenize(surface)[0])


def _cues(words: Sequence[str], begin: int, end: int) -> int:
    """The cues the words around tokens [begin, end) set, one count each, packed: what is
    added to the name's counts, with no list to build and pack for every occurrence."""
    found = 0
    before = words[begin - 1].lower() if begin else ""
    before2 = words[begin - 2].lower() if begin > 1 else ""
    after = words[end].lower() if end < len(words) else ""
    after2 = words[end + 1].lower() if end + 1 < len(words) else ""
    possessive = after in ("'s", "\u2019s")
    if possessive:
        after, after2 = after2, words[end + 2].lower() if end + 2 < len(words) else ""
    honorific = before.rstrip(".")
    if honorific in _MALE:
        found += ONE[MALE]
    elif honorific in _FEMALE:
        found += ONE[FEMALE]
    if after in _SPEECH_AFTER or before in _SPEECH_BEFORE or (after == "," and after2.isdigit()):
        found += ONE[SPEECH]
    if (before in _PLACE_BEFORE or after in _PLACE_AFTER or after == "-" and after2 == "based"
            or before == "to" and before2 in _TRAVEL or before == "the" and before2 in _PLACE_BEFORE
            or not begin and (after[:1].isdigit() or after == ",")):  # a dateline: "SEOUL 1996-08-22"
        found += ONE[PLACE_WORD]
    if before in _BUSINESS_BEFORE or after in _BUSINESS_AFTER or (before == "in" and before2 in _SHARES):
        found += ONE[BUSINESS]
    if (before in _TEAM_BEFORE and not possessive or after in _TEAM_AFTER or _is_score(after)
            or before in ("to", "over") and before2 in _LOST_TO):
        found += ONE[TEAM]
    if (before in _WORK_BEFORE or before2 in _WORK_BEFORE and before in ("the", "'", '"', "\u2018", "\u201c")
            or after in _WORK_AFTER and not possessive):
        found += ONE[WORK]
    if before == "the" or before2 == "the" and before in _WORK_BEFORE:
        found += ONE[THE]
    return found


def _is_score(word: str) -> bool:
    """"13-12", "2-0": a result after a team's name."""
    left, dash, right = word.partition("-")
    return bool(dash) and left.isdigit() and right.isdigit() and len(left) < 3 and len(right) < 3


def is_team(counts: int) -> bool:
    """Whether counts say a name plays: "Fulham beat Burnley"."""
    return bool(counts >> _SHIFTS[TEAM] & _MASK)


def is_placed(counts: int) -> bool:
    """Whether counts say a name is written as a place: "in Fulham"."""
    return bool(counts >> _SHIFTS[PLACE_WORD] & _MASK)


def article_evidence(tokens: Sequence[Sequence[str]], mentions: Iterable[Mention]) -> Evidence:
    """The evidence of one article: `tokens` are the words of each of its texts (the
    headline first), `mentions` every span the tagger found in them."""
    counts: dict[str, int] = {}  # packed as they are counted
    for m in mentions:
        counts[m.surface] = counts.get(m.surface, 0) + ONE[LABELS[m.label]]
    starts: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for surface, row in counts.items():
        words = _words(surface)
        if words:
            starts.setdefault(words[0], []).append((words, surface, False))
            lower = tuple(w.lower() for w in words)
            if row & PLACE_LANE and lower != words:  # is "the Bank" a place, or the bank?
                starts.setdefault(lower[0], []).append((lower, surface, True))
    for text, words in enumerate(tokens):
        in_body = ONE[BODY] if text else 0
        for i in compress(count(), map(starts.__contains__, words)):  # found without a Python loop
            for name, surface, lower in starts[words[i]]:
                end = i + len(name)
                if end == i + 1 or tuple(words[i:end]) == name:
                    counts[surface] += ONE[LOWER] if lower else _cues(words, i, end) + in_body
    return tuple(counts.items())


_SHIFTS = tuple(LANE * cue for cue in range(len(CUES)))


def packed(row: Sequence[int]) -> int:
    """Counts in one integer, lane by lane."""
    return sum([n << shift for n, shift in zip(row, _SHIFTS) if n])


def unpacked(counts: int) -> list[int]:
    """The counts `packed` made, one a cue."""
    return [(counts >> (LANE * cue)) & _MASK for cue in range(len(CUES))]
