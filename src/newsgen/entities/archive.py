"""What the whole archive says a name is, and which short names stand for which full names.

One article can take "Chelsea", "Sony" or "The Aviator" for a person; the archive,
which mentions them hundreds of times, rarely does: it says "shares in Sony", "the
film The Aviator" and never "Mr Chelsea". Each article's `evidence` (counted at
extraction and kept in its record) is summed here, and the sum decides.

The rules, for each person the articles name:

* A name with a lower-case word that is not a particle ("Cole earn Chelsea",
  "Danaher for Gustard"), or that starts with "The", is no name: no page.
* A name the archive addresses ("Mr", "Mrs", "Lord" before it) is a person, unless
  it is a given name alone. Otherwise, one it calls a work or a business (the
  film, shares in, its chief executive, the ...) at least a quarter as often as the
  tagger calls it a person is not, nor one it never hears speak and calls so a
  seventh as often ("the Harry Potter films"). Only what is said around the name as written
  counts against it: "the Dutroux affair" is no evidence against Marc Dutroux.
* A word alone ("Nintendo", "Oscar", "Mike") is a person only when the archive
  hears it speak ("..., Nelly said") and never calls it a business or a work, and
  it is not a given name. A name whose first word is no known given name, that the
  archive also tags as a group or a thing and never hears speak ("Girls Aloud"),
  is no person.
* **Folding.** A short name ("Blair", "Mr Blair", "A. Blinken") that an article
  writes beside the full name it ends ("Tony Blair") is that person: the article
  folds it itself (`resolve.canonicalise`). Elsewhere a short name folds into a
  full name only when the evidence is strong: exactly one full name in the archive
  fits it, the archive tags the short name a person at least as often as anything
  else and never calls it a business or a work, nobody in the archive has it as a
  given name ("David" is never "Craig David"), and it is not a given name itself
  unless some article wrote that very person so ("Ray", the film, is never "Hugh
  Ray"). Otherwise a short name that fits a full name stays unlinked: it gets no
  page of its own and goes on nobody's page. Two people never share one: two
  Coles keep theirs, and a lone "Cole" goes on neither.

A country, state or continent the gazetteer knows keeps its page. Another place tagged
`NEVER_PLACED` times or more that the archive never writes as a place ("in X", "in the X",
"X-based", "went to X", a dateline) but sometimes as something else (tagged so, "the X", "X
said", "shares in X") has none, unless it is named as a venue ("... Stadium", "River ...").
Nokia and Amazon are towns, and tagged places, but no article is ever "in" them. Otherwise a
place keeps its page unless the gazetteer does not know it and the archive tags it as an
organisation, a person or something else more than twice as often as a place.
The editor's names (`content/entities.yaml`) and described entities are
never changed. `kinds` and `folds` tell an editor what was decided and why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from ..records import Entity, by_identity
from .evidence import (
    BUSINESS,
    CUES,
    FEMALE,
    MALE,
    ORGANISATION,
    OTHER,
    PERSON,
    PLACE,
    PLACE_WORD,
    SPEECH,
    THE,
    WORK,
    Evidence,
    unpacked,
)
from .gazetteer import SURE_PLACES, Gazetteer, load_gazetteer
from .names import PLACE_PREFIXES, VENUE_WORDS
from .resolve import entity, short_form_of
from .resolve import is_full_name as _is_full_name
from .tokenize import tokenize

SAME_ARTICLE, ARCHIVE_UNIQUE = "same article", "archive-unique"


@dataclass(frozen=True)
class NameKind:
    """What the archive decided a name the tagger found is: "person", "place" or "" (neither),
    from the evidence counts (by `evidence.CUES`); `uncertain` when the counts were close."""

    name: str
    tagged_as: str
    kind: str
    counts: dict[str, int]
    uncertain: bool


@dataclass(frozen=True)
class Fold:
    """A short name made one with a full name, why (`SAME_ARTICLE` or `ARCHIVE_UNIQUE`), and
    in how many articles."""

    short: str
    full: str
    kind: str
    reason: str
    articles: int


def evidence_totals(evidence: Iterable[Evidence]) -> dict[str, int]:
    """Each surface string's counts (packed) summed over the articles: one addition a name an article."""
    totals: dict[str, int] = {}
    get = totals.get
    for surface, counts in chain.from_iterable(evidence):
        totals[surface] = get(surface, 0) + counts
    return totals


is_full_name = lru_cache(maxsize=100_000)(_is_full_name)  # names recur: look at each once


@lru_cache(maxsize=100_000)  # names recur: split each once
def _words(name: str) -> list[str]:
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
        return ("person" if len(_words(name)) > 1 or name.casefold() not in first_names else ""), against > addressed
    heard = counts[SPEECH]
    if against >= 2 and (against * 4 >= counts[PERSON] + heard or not heard and against * 7 >= counts[PERSON]):
        return "", against * 2 < counts[PERSON]  # "the film Vera Drake", "Tory", never heard to say a word
    words = _words(name)
    if len(words) == 1:  # "Nintendo", "Oscar", "Mike": a word alone is somebody when addressed or heard
        return ("person", False) if counts[SPEECH] and not against and name.casefold() not in first_names else (
            "", counts[SPEECH] > 0)
    others = counts[ORGANISATION] + counts[OTHER] + counts[PLACE] + against
    if not _given(words[0], first_names) and others and not counts[SPEECH]:
        return "", others < counts[PERSON]  # "Girls Aloud", tagged a group too: no given name, nobody said
    return "person", against > 0


def _own_words(every: list[int], own: list[int]) -> list[int]:
    """A person's counts: what is said around the name as written, and how all its forms are
    addressed. "Mr Dutroux" is Marc Dutroux's, but "the Dutroux affair" is no evidence against him."""
    return [every[cue] if cue in (MALE, FEMALE, SPEECH) else n for cue, n in enumerate(own)]


def _called_otherwise(counts: Sequence[int]) -> bool:
    """Whether the archive calls a name a business, a work or "the" something at all."""
    return counts[BUSINESS] + counts[WORK] + counts[THE] > 0


@lru_cache(maxsize=100_000)
def _given(word: str, first_names: frozenset[str]) -> bool:
    """Whether a name's first word is a given name ("Jean-Michel" too) or an initial."""
    return len(word.rstrip(".")) == 1 or all(part.casefold() in first_names for part in word.split("-"))


#: A place tagged this often that the archive never writes as one ("in X", "X-based") is none.
NEVER_PLACED = 5


def place_kind(name: str, counts: Sequence[int], gazetteer: Gazetteer) -> tuple[str, bool]:
    """("place" or "", uncertain) for a name tagged as a place."""
    known = gazetteer.places.get(tuple(tokenize(name.casefold())[0]))
    if known in SURE_PLACES:
        return "place", False
    words = name.casefold().split()
    others = counts[ORGANISATION] + counts[OTHER] + counts[PERSON]
    if counts[PLACE] >= NEVER_PLACED and not counts[PLACE_WORD] and others + _called_otherwise(counts) + counts[
            SPEECH] and not (words[-1] in VENUE_WORDS or words[0] in PLACE_PREFIXES):  # Nokia, Black Eyed Peas
        return "", counts[PLACE] < 2 * NEVER_PLACED
    if known:  # "MILWAUKEE" is a team far more often, and a place
        return "place", False
    if others > 2 * counts[PLACE]:
        return "", others < 3 * counts[PLACE]
    return "place", 2 * others > counts[PLACE]


@dataclass(frozen=True)
class ArchiveDecision:
    """`names`: what each entity object becomes (None: no page), by id; `kinds`: by tagged kind
    and name, the kind decided ("" for neither), whether it was uncertain and the counts;
    `folds` the short names made one with a full name."""

    names: dict[int, Entity | None]
    kinds: dict[tuple[str, str], tuple[str, bool, list[int]]]
    folds: tuple[Fold, ...]

    def name_kinds(self) -> list[NameKind]:
        """Every name's decided kind, with its counts by cue, the uncertain first."""
        return sorted((NameKind(name, tagged, kind, _named(row), uncertain)
                       for (tagged, name), (kind, uncertain, row) in self.kinds.items()),
                      key=lambda k: (not k.uncertain, k.tagged_as, k.name))


def decide(per_article: Sequence[Sequence[Entity]], totals: dict[str, int],
           protected: frozenset[str] = frozenset(), gazetteer: Gazetteer | None = None) -> ArchiveDecision:
    """The archive-wide decision on every entity object of `per_article` (the rules above), given
    the `evidence_totals` of their articles."""
    gazetteer = gazetteer or load_gazetteer()
    distinct = by_identity(per_article)
    fixed = protected | {e.name for e in distinct.values() if e.description}
    surfaces: dict[tuple[str, str], set[str]] = {}
    for e in distinct.values():
        surfaces.setdefault((e.kind, e.name), {e.name}).update(e.mentions)
    people = [name for kind, name in surfaces if kind == "person"]
    fulls = [n for n in people if is_full_name(n) and is_name_shaped(n)]
    by_last: dict[str, list[str]] = {}
    for full in fulls:
        by_last.setdefault(_words(full)[-1].casefold(), []).append(full)
    given = {_words(full)[0].casefold() for full in fulls}
    uses = Counter(map(id, chain.from_iterable(per_article)))
    written_as = _written_as(distinct.values(), uses)

    kinds = {}
    for (kind, name), names in surfaces.items():
        row = unpacked(sum(totals.get(m, 0) for m in names))
        if name in fixed:
            kinds[(kind, name)] = (kind, False, row)
        elif kind == "person":
            row = _own_words(row, unpacked(totals.get(name, 0))) if name in totals and len(names) > 1 else row
            kinds[(kind, name)] = (*person_kind(name, row, gazetteer.first_names), row)
        else:
            kinds[(kind, name)] = (*place_kind(name, row, gazetteer), row)
    target: dict[str, str | None] = {}  # short person name -> the full name, or None: unlinked
    for name in people:
        if name in fixed or is_full_name(name):
            continue
        fits = [f for f in by_last.get(_words(name)[-1].casefold(), ()) if short_form_of(name, f)]
        fits = _longest(fits) if len(fits) > 1 else fits
        if fits:
            # A given name is a person by the archive's evidence only when written for this very person.
            written = written_as.get((name, fits[0]), 0) > 0
            counts = kinds[("person", name)][2]
            strong = (len(fits) == 1 and name.casefold() not in given and not _called_otherwise(counts)
                      and counts[PERSON] >= counts[ORGANISATION] + counts[OTHER] + counts[PLACE]
                      and (written or name.casefold() not in gazetteer.first_names))
            target[name] = fits[0] if strong else None
    for name, full in target.items():
        if full is not None and not kinds[("person", full)][0]:
            target[name] = None  # the one full name it fits is no person after all

    def decided(e: Entity) -> Entity | None:
        if e.name in fixed:
            return e
        if e.kind == "person" and e.name in target:
            full = target[e.name]
            return None if full is None else entity(full, e.kind, e.mentions, e.description)
        return e if kinds[(e.kind, e.name)][0] else None

    names = {key: decided(e) for key, e in distinct.items()}
    folded: Counter[str] = Counter()
    for key, e in distinct.items():
        if e.kind == "person" and target.get(e.name):
            folded[e.name] += uses[key]
    folds = [Fold(short, full, "person", SAME_ARTICLE, n) for (short, full), n in written_as.items()]
    folds += [Fold(short, full, "person", ARCHIVE_UNIQUE, folded[short]) for short, full in target.items() if full]
    return ArchiveDecision(_one_spelling_per_page(names, uses, fixed), kinds,
                           tuple(sorted(folds, key=lambda f: (f.short, f.full, f.reason))))


def _longest(candidates: list[str]) -> list[str]:
    """Candidates that are not short forms of another ("Zuhri" fits "Sami Abu Zuhri", not "Abu Zuhri")."""
    return [c for c in candidates if not any(short_form_of(c, other) for other in candidates)]


def _named(row: Sequence[int]) -> dict[str, int]:
    return {cue: n for cue, n in zip(CUES, row) if n}


def _written_as(entities: Iterable[Entity], uses: Counter[int]) -> Counter[tuple[str, str]]:
    """(short, full): in how many articles (`uses`: by entity id) the person called `full` was
    also written `short`, a short form of it: the folds articles made themselves."""
    written: Counter[tuple[str, str]] = Counter()
    for e in entities:
        if e.kind == "person" and len(e.mentions) > 1:
            last = _words(e.name)[-1]
            for m in e.mentions:
                if m != e.name and _words(m)[-1] == last and (len(_words(m)) == 1 or short_form_of(m, e.name)):
                    written[(m, e.name)] += uses[id(e)]
    return written


def _one_spelling_per_page(names: dict[int, Entity | None], occurrences: Counter[int],
                           fixed: frozenset[str] | set[str]) -> dict[int, Entity | None]:
    """Each slug of a kind keeps one spelling: the editor's, else the most common one."""
    spellings: dict[tuple[str, str], Counter[str]] = {}
    for key, e in names.items():
        if e is not None:
            counter = spellings.get((e.kind, e.slug))
            if counter is None:
                counter = spellings[(e.kind, e.slug)] = Counter()
            counter[e.name] += occurrences[key]
    chosen = {key: min(counter, key=lambda n: (n not in fixed, -counter[n], n)) for key, counter in spellings.items()}

    def unified(e: Entity | None) -> Entity | None:
        if e is None:
            return None
        name = chosen[(e.kind, e.slug)]
        return e if name == e.name else entity(name, e.kind, e.mentions, e.description)

    return {key: unified(e) for key, e in names.items()}
