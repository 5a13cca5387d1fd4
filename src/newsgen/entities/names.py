"""What part of a tagged span is a name, and which spans are no name at all.

The tagger marks where a name is; news writes more around a name than the name
itself, and these rules cut a span down to what a page should be called, one
article at a time:

* Offices, ranks and party labels before a name are not part of it ("Tory Liam Fox",
  "Exchequer Nigel Lawson" are Liam Fox and Nigel Lawson), nor are post-nominal
  letters after it ("Philippe Sands QC"). The lists are ``nameparser``'s, with the
  party labels of British and American politics, which it lacks.
* A peer is a person, named by the title ("Lord Goldsmith", "Baroness Scotland"),
  as the title is how news and the peer's page name them; "Lord Chancellor" is an
  office, no one's name.
* A person's name holds no lower-case word but a particle ("van der", "bin"): "Henry
  and Hansen", "Reid for Murphy" are two people, "program BitTorrent" is not a name.
* Buildings, venues and streets are places, as the CoNLL guidelines say, whatever
  the tagger thought: a name that ends in "Stadium", "Street", "Airport" or the like
  (a club named after its ground, "Crystal Palace", stays what the tagger said).
* A state's AP abbreviation after a town ("Hartford, Conn.") is that state.
* No one is called "The ...", or by a club's name ("Exeter City"), or by a plural
  acronym ("PCs"); a school is a building, so a place.
* Not names: a company's legal suffix alone ("Corp", "Ltd", from ``cleanco``), a word
  the training news only ever used alone as a nationality, religion or event
  ("British", "Moslem": `lexicon.count_not_name_words`), a religion ("Muslim", which
  the training news spelt otherwise), a holiday, and a given name alone
  ("Steven") unless the article uses it as a surname or names in full the one person
  it can be (then `resolve` folds it into that name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .corrections import PEER_TITLES, ROYAL_TITLES
from .gazetteer import Gazetteer
from .places import (
    BUILDING_WORDS,
    PLACE_ONLY_PREFIXES,
    PLACE_PREFIXES,
    VENUE_WORDS,
    named_after_a_place,
    places_before_based,
    state_abbreviations,
)
from .spans import HONORIFICS, Mention
from .tokenize import tokenize

# Party labels put before a politician's name; nameparser lists offices, not parties.
PARTY_LABELS = frozenset({
    "tory", "tories", "labour", "conservative", "liberal", "democrat", "democratic", "republican",
    "lib", "dem", "libdem", "snp", "ukip", "plaid", "unionist", "gop", "independent", "mep", "mp",
})
# The last word of an organisation's name, which no person's name ends with: a club,
# a college. A school is a building, so a place, as a venue is.
ORGANISATION_WORDS = frozenset({
    "city", "town", "united", "rovers", "athletic", "wanderers", "fc", "afc", "college", "university", "academy",
    "club", "society", "association", "institute", "foundation",
})
SCHOOL_WORDS = frozenset({"school"})
# Religions, their followers and their God, which the training news, writing "Moslem", lacks.
RELIGIONS = frozenset({
    "muslim", "muslims", "islam", "christianity", "hindu", "hindus", "hinduism", "sikh", "sikhs",
    "buddhist", "buddhists", "buddhism", "judaism", "god", "allah",
})
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "PCs", "TVs": things, not people
# A capital inside a word that no surname prefix explains: "BitTorrent", "PlayStation",
# "YouTube" are brands; "McCartney", "MacLeod", "DiCaprio", "DeSantis", "LeBron" are people.
_BRAND_CAPITALS = re.compile(r"(?!(?:Mc|Mac|Di|De|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z])[A-Z][a-z]+[A-Z].*|[a-z]+[A-Z].*")
# An acronym, not a dateline's place in capitals ("BOMBAY"): "KGB", "HIV" are no places.
_ACRONYM = re.compile(r"[A-Z]{3,4}")
# Holidays are capitalised but name no person or place.
HOLIDAYS = frozenset({
    "christmas", "easter", "ramadan", "eid", "diwali", "hanukkah", "thanksgiving", "halloween", "passover",
})
_WORD = re.compile(r"[^\s;]+|;")


def _pieces(surface: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(surface)]


def split_person(m: Mention, particles: frozenset[str]) -> list[Mention]:
    """A person span cut at lower-case words that are no name particle, and at a
    semicolon: "Reid for Murphy" -> "Reid", "Murphy". A peer's "of" stays ("Lord
    Faulkner of Worcester")."""
    parts = _pieces(m.surface)
    words = [m.surface[b:e] for b, e in parts]
    peer = any(w.lower() in PEER_TITLES or w.lower() in ROYAL_TITLES for w in words)  # "(Tory) Lord X of Y"
    out: list[Mention] = []
    begin = None
    for k, word in enumerate([*words, ";"]):
        breaks = word == ";" or (word.islower() and word not in particles and not (peer and word == "of"))
        if breaks:
            if begin is not None:
                # a particle is never the last word of a name
                end = k
                while end > begin and words[end - 1].islower():
                    end -= 1
                if end > begin:
                    out.append(Mention(m.surface[parts[begin][0] : parts[end - 1][1]], m.label))
            begin = None
        elif begin is None:
            begin = k
    return out


def without_titles(m: Mention, gazetteer: Gazetteer) -> Mention | None:
    """A person's name without the offices and party labels before it and the letters
    after it; None if nothing of a name is left. A peer keeps the title."""
    parts = _pieces(m.surface)
    words = [m.surface[b:e].rstrip(".").lower() for b, e in parts]
    begin, end = 0, len(words)
    while end - begin > 1 and words[end - 1] in gazetteer.suffixes and m.surface[parts[end - 1][0]].isupper():
        end -= 1
    while end - begin > 1 and words[begin] not in PEER_TITLES:
        word = words[begin]
        office = word in gazetteer.titles and word not in gazetteer.first_names
        if not (office or word in PARTY_LABELS or word in HONORIFICS):
            break
        begin += 1
    # "Exchequer Nigel Lawson": an office the lists lack, before a given name and a surname.
    head = words[begin]
    if end - begin >= 3 and words[begin + 1] in gazetteer.first_names and len(head) > 2 and not (
        head in gazetteer.first_names or head in gazetteer.particles or head in PEER_TITLES
    ):
        begin += 1
    if words[begin] in PEER_TITLES and all(w in gazetteer.titles for w in words[begin + 1 : end]):
        return None  # "Lord Chancellor", an office
    if (begin, end) == (0, len(words)):
        return m
    return Mention(m.surface[parts[begin][0] : parts[end - 1][1]], m.label)


def _kind_by_form(m: Mention, gazetteer: Gazetteer, ordinary: frozenset[str]) -> str:
    """The label a span's own words give it: peers and titled people are people, venues,
    streets and schools places; "" for what no person is called (a club, "The ...", a
    brand's capitals, a name that begins with an ordinary word rather than a given name:
    "Girls Aloud") and for an acronym as a place."""
    words = m.surface.split()
    first, last = words[0].lower(), words[-1].lower().rstrip(".")
    if len(words) < 2:
        no_one = _PLURAL_ACRONYM.fullmatch(m.surface) or last in ORGANISATION_WORDS or _BRAND_CAPITALS.fullmatch(
            m.surface)
        if m.label == "LOC" and _ACRONYM.fullmatch(m.surface) and not ((last,) in gazetteer.places or (
            last in gazetteer.renamed
        )):
            return ""  # an acronym the gazetteer does not know as a place ("UK", "USA" it does)
        return "" if m.label == "PER" and no_one else m.label
    if first in PEER_TITLES and words[1][:1].isupper():
        return "PER"
    if (first in PEER_TITLES or first in ROYAL_TITLES) and words[1] == "of" and words[2][:1].isupper():
        return "PER"  # "Prince of Wales", "Duke of Edinburgh": a royal or a peer; "Lord of the Rings" is not
    # A club may be named after its ground ("Crystal Palace", "Port Vale"): the model's
    # "organisation" stands unless the name can only be a building.
    if last in BUILDING_WORDS or last in SCHOOL_WORDS or m.label == "MISC" and (
        last in VENUE_WORDS or first in PLACE_PREFIXES
    ) or m.label == "PER" and (first in PLACE_ONLY_PREFIXES or first in PLACE_PREFIXES and (
        words[1].lower() not in gazetteer.first_names
    )):
        return "LOC"  # "River Tyne", "Mount Kenya"; "River Phoenix" is a person
    if m.label == "PER":
        return "" if first == "the" or last in ORGANISATION_WORDS or _begins_as_a_thing(first, gazetteer, ordinary) else (
            m.label)
    if m.label == "LOC" and last in ORGANISATION_WORDS and tuple(tokenize(m.surface.lower())[0]) not in gazetteer.places:
        return ""  # "Norwich City", "Bristol Rovers": a club; "Mexico City" is a place the gazetteer knows
    if m.label == "LOC" and last in gazetteer.company_suffixes and words[-1][:1].isupper():
        return ""  # "Driefontein Consolidated Ltd": a company
    if m.label == "LOC" and named_after_a_place(words, gazetteer, ordinary):
        return ""
    # "Rt Rev Michael Scott-Joynt": offices, then a given name
    k = 0
    while k < len(words) - 2 and words[k].lower().rstrip(".") in gazetteer.titles:
        k += 1
    if k and words[k].lower() in gazetteer.first_names:
        return "PER"
    return m.label


def _begins_as_a_thing(first: str, gazetteer: Gazetteer, ordinary: frozenset[str]) -> bool:
    """Whether a name's first word, lower-cased, is an ordinary word and no given name,
    initial or title: a person's name begins with a given name, a band's, a product's or
    a work's with a word ("Girls Aloud", "Lunar Lander", "Screen Digest")."""
    return len(first) > 1 and first in ordinary and not (
        first in gazetteer.first_names or first in gazetteer.titles or first in PEER_TITLES or first in HONORIFICS)


def cleaned(mentions: Sequence[Mention], texts: Sequence[str], gazetteer: Gazetteer,
            not_names: frozenset[str], ordinary: frozenset[str]) -> list[Mention]:
    """`mentions` cut down to names, with their kind by form (see the module docstring);
    `not_names` and `ordinary` are the `lexicon` lists of those names."""
    states = state_abbreviations(texts, gazetteer)
    abbreviated = {s.surface.rstrip(".") for s in states}
    out: list[Mention] = states + places_before_based(texts, gazetteer)
    cache = _cache_for(gazetteer, not_names, ordinary)
    for m in mentions:
        if m.surface in abbreviated:
            continue  # "Conn" of "Hartford, Conn.": the state, counted above
        key = (m.surface, m.label)  # a dataclass hashes in Python, a tuple of strings in C
        names = cache.get(key)
        if names is None:
            names = _names_in(m, gazetteer, not_names, ordinary)
            if len(cache) < 200_000:
                cache[key] = names
        out += names
    return out


# The same spans recur from article to article, and what each holds depends on nothing
# else: one cache per process (and per word lists, which a test may vary).
_caches: dict[tuple[int, ...], dict[tuple[str, str], tuple[Mention, ...]]] = {}


def _cache_for(gazetteer: Gazetteer, *lists: frozenset[str]) -> dict[tuple[str, str], tuple[Mention, ...]]:
    key = (id(gazetteer), *map(id, lists))
    if key not in _caches:
        _caches.clear()
        _caches[key] = {}
    return _caches[key]


def _names_in(m: Mention, gazetteer: Gazetteer, not_names: frozenset[str],
              ordinary: frozenset[str]) -> tuple[Mention, ...]:
    """The names one span holds, each with its kind by form: none, one or a few."""
    label = _kind_by_form(m, gazetteer, ordinary)
    if not label:
        return ()
    if label != m.label:
        m = Mention(m.surface, label)
    out = []
    for piece in split_person(m, gazetteer.particles) if label == "PER" else [m]:
        if label == "PER":
            piece = without_titles(piece, gazetteer)
            if piece is None:
                continue
        if " " not in piece.surface:
            word = piece.surface.lower().rstrip(".")
            if label in ("PER", "LOC") and word in PARTY_LABELS:
                continue  # "Tory" alone: a party's member, unnamed; "Lib" of "Lib Dem spokesman"
            if label == "LOC" and word in ordinary and (word,) not in gazetteer.places:
                continue  # "Stadium", "Spring", "Church": a word, where no place the gazetteer knows is
            plural = word[-1:] == "s" and word[:-1] in not_names and (word,) not in gazetteer.places
            if word in gazetteer.company_suffixes or word in HOLIDAYS or word in RELIGIONS or word in not_names or (
                plural  # "Britons" of "Briton", but not "Philippines" of "Philippine"
            ):
                continue
        out.append(piece)
    return tuple(out)


def lone_given_names(mentions: Sequence[Mention], texts: Sequence[str], first_names: frozenset[str]) -> set[str]:
    """One-word person mentions that are only a given name: not the surname of anyone the
    article names, not after "Mr" or "Ms", and not the first name of exactly one person
    named in full (that one `resolve` folds in)."""
    people = {m.surface for m in mentions if m.label == "PER"}
    full = [p.split() for p in people if " " in p]
    surnames = {words[-1] for words in full}
    lone = set()
    for name in people:
        if " " in name or name.lower() not in first_names or name in surnames:
            continue
        if len({" ".join(words) for words in full if words[0] == name}) == 1:
            continue
        if any(re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? {re.escape(name)}\b", text) for text in texts):
            continue
        lone.add(name)
    return lone


def supported_by_body(headline: str, mentions: Sequence[Mention], body: Sequence[str]) -> list[Mention]:
    """The mentions of a title-case headline that the body writes too, as written there
    (capitalised); the mentions of any other headline as they are.

    A title-case headline ("Tourism Slump Hits Resorts") capitalises every word, and a
    tagger reads a capital as a sign of a name; a word the body never writes is more
    likely such a word than a name the article is about. A headline in sentence case or
    in capitals says more, and is left to the tagger.
    """
    if not mentions or not _is_title_case(headline, mentions):
        return list(mentions)
    return [m for m in mentions if any(m.surface in text for text in body)]


def _is_title_case(line: str, mentions: Sequence[Mention]) -> bool:
    """Most words of four letters or more outside the mentions begin with a capital, and
    not all are capitals: words no tagger took for names are written as names are."""
    for m in mentions:
        line = line.replace(m.surface, " ")
    words = re.findall(r"[^\W\d_]{4,}", line)
    capitalised = [w for w in words if w[0].isupper()]
    return len(words) >= 2 and 4 * len(capitalised) >= 3 * len(words) and not all(w.isupper() for w in words)
