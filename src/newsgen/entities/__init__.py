"""Entity extraction: the people and places each article mentions.

Pipeline, one module per step: ``tokenize`` splits text as the training data was
split; ``features`` describes each token, helped by ``gazetteer`` (place and name
lists from packages) and ``lexicon`` (common words learned in training); ``model``
(a CRF trained on CoNLL-2003, see data/README.md) labels it; ``corrections`` mends
its typical misses using the whole article; ``spans`` cuts labels into surface
strings and votes on their kind; ``resolve`` groups them into entities, per article
and archive-wide; ``curation`` applies the editor's ``content/entities.yaml`` (schema
in that module), which always wins. ``extractor`` runs the steps; ``tagging`` keeps at most
200 people and 200 places an article and attaches them to the archive's articles,
with the editor's per-seed rules; ``review`` lists what an editor should curate first, each
with the rule that fixes it. The command ``newsgen entities`` is ``commands/entities.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Entity
from . import resolve
from .curation import CuratedEntity, Curation, load_curation
from .extractor import EntityExtractor

__all__ = ["CuratedEntity", "Curation", "EntityExtractor", "archive_names", "load_curation", "unify_across_archive",
           "with_archive_names"]


def unify_across_archive(
    per_article: Sequence[Sequence[Entity]], curation: Curation | None = None
) -> list[list[Entity]]:
    """Make one person or place one entity across the archive (see resolve).

    `per_article` is each article's ``EntityExtractor.extract`` result; the result has
    the same shape. Pass the curation used for extraction so the editor's names are
    never folded into others and still win after folding.
    """
    curation = curation if curation is not None else Curation()
    return with_archive_names(per_article, archive_names(per_article, curation), curation)


def archive_names(per_article: Sequence[Sequence[Entity]], curation: Curation) -> dict[int, Entity]:
    """The archive-wide name of each entity object of `per_article`, by id (`resolve.archive_names`):
    what `unify_across_archive` weighs the whole archive for."""
    return resolve.archive_names(per_article, protected=curation.names)


def with_archive_names(per_article: Sequence[Sequence[Entity]], names: dict[int, Entity],
                       curation: Curation) -> list[list[Entity]]:
    """`unify_across_archive` of some articles, given the `archive_names` of their entities: each
    article's result depends on its own entities' names only, so any of them can be taken alone."""
    unified = resolve.change_each(per_article, lambda e: names[id(e)])
    if curation.changes_nothing:
        return unified  # nothing for the editor's rules to change
    return resolve.change_each(unified, curation.applied)
