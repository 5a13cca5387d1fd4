"""One article's texts in, its people and places out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress, count
from operator import ne

from ..records import Entity
from .corrections import (
    attach_particle_names,
    attach_peer_titles,
    drop_common_words,
    drop_leading_titles,
    full_name_surnames,
    join_particle_names,
    join_places_of,
    label_places_beside_places,
    label_surnames,
    people_inside_offices,
)
from .curation import Curation
from .evidence import BUSINESS, FEMALE, MALE, THE, WORK, Evidence, article_evidence, is_placed, is_team, unpacked
from .features import GAP, DocumentVocabulary, Featurizer, candidate_positions, is_caps_line
from .gazetteer import SURE_PLACES, load_gazetteer
from .lexicon import load_common_words, load_given_names, load_not_names, load_ordinary_words
from .lineups import label_lineups
from .model import attributes, tag
from .names import cleaned, lone_given_names, supported_by_body
from .resolve import canonicalise, sort_entities
from .spans import Mention, decode, named_positions, vote
from .tokenize import tokenize


@lru_cache(maxsize=1)
def _featurizer() -> Featurizer:
    """One per process: its word cache is what makes tagging fast."""
    return Featurizer(load_gazetteer(), load_common_words(), attributes())


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Words that alone are only a given name: in the name list, and so used in training."""
    return _featurizer().gazetteer.first_names & load_given_names()


def _labels(featurizer: Featurizer, words: list[str], vocab: DocumentVocabulary,
            caps: bool | None = None) -> tuple[list[str], list[int]]:
    """Labels for every token, and the positions of those not "O" (which saves looking
    for them again); only candidates near a capital go through the model. `caps` is
    `is_caps_line(words)`, if the caller has it.

    The runs of candidates go through the model as one sequence, with a full stop
    between two runs so that no label carries over the skipped words.
    """
    labels = ["O"] * len(words)
    positions = candidate_positions(words)
    features = featurizer.sequence(words, vocab, positions, caps)
    runs = _runs(positions)
    sequence: list[list[str | bytes]] = []
    for begin, end in runs:
        if begin:
            sequence.append(GAP)
        sequence += features[begin:end]
    tagged = tag(sequence)
    found: list[str] = []  # the labels of `positions`, without those of the gaps
    for gaps, (begin, end) in enumerate(runs):
        found += tagged[begin + gaps : end + gaps]
    named = named_positions(found)
    if not named:
        return labels, []
    for k in named:
        labels[positions[k]] = found[k]
    named = [positions[k] for k in named]
    if added := attach_particle_names(words, labels, named):
        named = sorted(named + added)
    drop_leading_titles(words, labels, featurizer.gazetteer.titles, featurizer.gazetteer.first_names, named)
    gazetteer = featurizer.gazetteer
    changed = [  # each in turn, every one of them
        join_particle_names(words, labels, named, gazetteer.particles),
        attach_peer_titles(words, labels, named),
        join_places_of(words, labels, named),
        label_lineups(words, labels, gazetteer.particles),
        label_places_beside_places(words, labels, gazetteer.places),
    ]
    if any(changed):
        return labels, named_positions(labels)
    return labels, [i for i in named if labels[i] != "O"]


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """(begin, end) ranges of `positions` holding consecutive token indexes."""
    breaks = list(compress(count(1), map(ne, positions[1:], map((1).__add__, positions))))
    return list(zip([0, *breaks], [*breaks, len(positions)])) if positions else []


def tag_mentions(texts: Sequence[str]) -> list[Mention]:
    """Every span the model tags in the texts of one article, all four CoNLL types.

    Two passes: the model labels each text, then surnames of the full names it found
    are labelled wherever the model missed them, so the article is read as a whole.
    """
    return _tagged(texts, [tokenize(text) for text in texts])


def _tagged(texts: Sequence[str], tokens: list[tuple[list[str], list[str]]]) -> list[Mention]:
    """`tag_mentions` of texts already tokenised."""
    sequences = [words for words, _ in tokens]
    caps_lines = list(map(is_caps_line, sequences))  # once a text, for the vocabulary and the features
    vocab = DocumentVocabulary.of(sequences, caps_lines)
    featurizer = _featurizer()
    labelled = [_labels(featurizer, words, vocab, caps) for words, caps in zip(sequences, caps_lines)]
    labels = [tags for tags, _ in labelled]
    first = [decode(words, spaced, tags, named) for (words, spaced), (tags, named) in zip(tokens, labelled)]
    surnames = full_name_surnames(m for found in first for m in found)
    mentions: list[Mention] = []
    for n, ((words, spaced), tags, found) in enumerate(zip(tokens, labels, first)):
        if label_surnames(words, tags, surnames, featurizer.common_words):
            found = decode(words, spaced, tags)
        if n == 0 and len(texts) > 1:
            found = supported_by_body(texts[0], found, texts[1:])
        mentions.extend(found)
    mentions = drop_common_words(mentions, featurizer.common_words, surnames)
    gazetteer = featurizer.gazetteer
    mentions = mentions + people_inside_offices(mentions, gazetteer.first_names, featurizer.common_words)
    mentions = cleaned(mentions, texts, gazetteer, load_not_names(), load_ordinary_words())
    lone = lone_given_names(mentions, texts, _given_names())
    return [m for m in mentions if m.label != "PER" or m.surface not in lone] if lone else mentions


# The places whose name a team may take and stop being one: a town (`_is_town`) or one the gazetteer lacks.
# A country, a state or a region that plays (CoNLL's "Romania beat Italy 2-1") stays a place,
# as CoNLL-2003 annotates it.
TOWNS = frozenset({None, "city"})


def _no_place_here(kinds: dict[str, str], evidence: Evidence) -> list[str]:
    """The towns an article tags as places that it only names as a team ("Fulham v Burnley")
    and never writes as a place ("in Fulham")."""
    return [surface for surface, counts in evidence
            if kinds.get(surface) == "place" and is_team(counts) and not is_placed(counts)
            and _is_town(surface)]


def _no_person_here(kinds: dict[str, str], evidence: Evidence) -> list[str]:
    """The one-word names an article tags as people that it writes as a firm, a work or a
    band ("shares in Sony", "the film Sideways", "the Beatles"), never as someone addressed
    ("Mr Sony"), and that are no surname of a person it names in full.

    A person named by one word alone is rare in news but for a surname or a stage name,
    and news writes neither after "the", a business word or a work word.
    """
    surnames = {surface.rsplit(None, 1)[-1] for surface, kind in kinds.items() if kind == "person" and " " in surface}
    found = []
    for surface, counts in evidence:
        if kinds.get(surface) != "person" or " " in surface or surface in surnames:
            continue
        cues = unpacked(counts)
        if (cues[BUSINESS] or cues[WORK] or cues[THE]) and not (cues[MALE] or cues[FEMALE]):
            found.append(surface)
    return found


@lru_cache(maxsize=50_000)  # names recur: look each up once a process
def _is_town(surface: str) -> bool:
    """A town's name ("Fulham"; "Birmingham", though a district too, but not "San Marino", a
    country first) or one the gazetteer lacks."""
    gazetteer = load_gazetteer()
    key = tuple(tokenize(surface.lower())[0])
    kind = gazetteer.places.get(key)
    return kind in TOWNS or key in gazetteer.cities and kind not in SURE_PLACES


def _surfaces(texts: Sequence[str], curation: Curation) -> tuple[dict[str, str], list[str], Evidence]:
    """Each tagged surface string of an article and its kind, the editor's spotting included;
    every occurrence of one, tagged or spotted, in the order met: what says which of the
    article's entities it mentions most, and first; and the article's `evidence`."""
    tokens = [tokenize(text) for text in texts]
    mentions = _tagged(texts, tokens)
    spotted = curation.spotted(texts)
    kinds = vote(mentions)
    evidence = article_evidence([words for words, _ in tokens], mentions)
    for surface in _no_place_here(kinds, evidence) + _no_person_here(kinds, evidence):
        del kinds[surface]
    kinds.update(spotted)
    return kinds, [m.surface for m in mentions] + [surface for surface, _ in spotted], evidence


def _most_mentioned_first(entities: Sequence[Entity], occurrences: Sequence[str]) -> list[Entity]:
    """`entities` by how often the article mentions them (any of their surface strings), most
    first, then by where it first does."""
    counts = Counter(occurrences)
    first: dict[str, int] = {}
    for n, surface in enumerate(occurrences):
        first.setdefault(surface, n)
    end = len(occurrences)

    def rank(e: Entity) -> tuple[int, int]:
        return -sum(counts[m] for m in e.mentions), min([first.get(m, end) for m in e.mentions], default=end)

    return sorted(entities, key=rank)


class EntityExtractor:
    """Finds the people and places of one article at a time.

    Holds only the curation, so it is cheap to build and to pickle into build
    workers; the model and gazetteer are loaded once per process on first use.
    """

    def __init__(self, curation: Curation | None = None):
        self.curation = curation if curation is not None else Curation()

    def extract(self, texts: Sequence[str]) -> list[Entity]:
        """People and places of one article (headline, standfirst, body, tweets in order)."""
        return sort_entities(self.ranked(texts))

    def ranked(self, texts: Sequence[str]) -> list[Entity]:
        """What `extract` finds, the entities the article mentions most first (ties: the one
        it mentions first), for `tagging` to keep the most mentioned of an article naming
        too many."""
        return self.read(texts)[0]

    def read(self, texts: Sequence[str]) -> tuple[list[Entity], Evidence]:
        """`ranked`, and the article's evidence of what its names are, for the archive to weigh."""
        kinds, occurrences, evidence = _surfaces(texts, self.curation)
        entities = canonicalise(kinds, load_gazetteer())
        # Each kind and name once: what `apply` gives back when the curation changes nothing.
        entities = entities if self.curation.changes_nothing else self.curation.apply(entities)
        return _most_mentioned_first(entities, occurrences), evidence
