"""Entity extraction: the people and places each article mentions.

Pipeline, one module per step: ``tokenize`` splits text as the training data was
split; ``features`` describes each token, helped by ``gazetteer`` (place and name
lists from packages) and ``lexicon`` (common words learned in training); ``model``
(a CRF trained on CoNLL-2003, see data/README.md) labels it; ``corrections`` mends
its typical misses using the whole article, and ``lineups`` labels the players of a
team line-up; ``spans`` cuts labels into surface strings and votes on their kind;
``places`` tells a place by its words (venues, streets, "London Marathon" is no place) and
finds the places the tagger misses (US state abbreviations, "Paris-based"); ``names``
cuts each string down to the name a page should carry (no titles, party labels or
post-nominals; peers) and drops what is no name (demonyms, company suffixes, a given
name alone, a band or a product named with ordinary words); ``evidence`` counts what the
article says each name is (labels, "Mr", "said", "shares in", "the film", "X beat"), kept
in its record, and drops a place the article only writes as a team; ``resolve`` groups the mentions into entities per article; ``kinds`` reads a name's
kind from the evidence summed over the archive, and ``archive`` sums it, decides each
name's kind with ``kinds`` and which short names fold into which full names; ``curation`` applies the editor's ``content/entities.yaml`` (schema in
that module), which always wins. ``extractor`` runs the steps; ``tagging`` keeps at most
200 people and 200 places an article and attaches them to the archive's articles,
with the editor's per-seed rules; ``review`` lists what an editor should curate first, each
with the rule that fixes it. The command ``newsgen entities`` is ``commands/entities.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Entity
from . import archive, resolve
from .archive import ArchiveDecision, Fold, NameKind, evidence_totals
from .curation import CuratedEntity, Curation, load_curation
from .evidence import CUES, Evidence
from .extractor import EntityExtractor

__all__ = ["CUES", "ArchiveDecision", "CuratedEntity", "Curation", "EntityExtractor", "Evidence", "Fold", "NameKind",
           "archive_names", "evidence_totals", "load_curation", "review_archive", "unify_across_archive",
           "with_archive_names"]


def unify_across_archive(
    per_article: Sequence[Sequence[Entity]], curation: Curation | None = None, evidence: Sequence[Evidence] = ()
) -> list[list[Entity]]:
    """Make one person or place one entity across the archive, and drop what the archive
    says is neither (see `archive`).

    `per_article` is each article's ``EntityExtractor.extract`` result, `evidence` each
    article's evidence (``EntityExtractor.read``); the result has the same shape. Pass the
    curation used for extraction so the editor's names are never folded into others and
    still win after folding.
    """
    curation = curation if curation is not None else Curation()
    names = archive_names(per_article, curation, evidence_totals(evidence))
    return with_archive_names(per_article, names, curation)


def review_archive(per_article: Sequence[Sequence[Entity]], evidence: Sequence[Evidence],
                   curation: Curation | None = None) -> ArchiveDecision:
    """What the archive decided and why, for an editor: `ArchiveDecision.name_kinds()` gives
    each name's decided kind, its evidence counts by cue and whether it was uncertain;
    `ArchiveDecision.folds` each short name made one with a full name, the reason and the
    number of articles. Arguments as for `unify_across_archive`."""
    protected = (curation or Curation()).names
    return archive.decide(per_article, evidence_totals(evidence), protected)


def archive_names(per_article: Sequence[Sequence[Entity]], curation: Curation,
                  totals: dict[str, int]) -> dict[int, Entity | None]:
    """What each entity object of `per_article` becomes archive-wide, by id, None for no page
    (`archive.decide`, given the `evidence_totals` of the articles): what
    `unify_across_archive` weighs the whole archive for."""
    return archive.decide(per_article, totals, protected=curation.names).names


def with_archive_names(per_article: Sequence[Sequence[Entity]], names: dict[int, Entity | None],
                       curation: Curation) -> list[list[Entity]]:
    """`unify_across_archive` of some articles, given the `archive_names` of their entities: each
    article's result depends on its own entities' names only, so any of them can be taken alone."""
    unified = resolve.change_each(per_article, lambda e: names[id(e)])
    if curation.changes_nothing:
        return unified  # nothing for the editor's rules to change
    return resolve.change_each(unified, curation.applied)
