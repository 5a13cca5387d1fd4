"""Entity extraction: the people and places each article mentions.

Pipeline, one module per step: ``tokenize`` splits text as the training data was
split; ``features`` describes each token, helped by ``gazetteer`` (place and name
lists from packages) and ``lexicon`` (common words learned in training); ``model``
(a CRF trained on CoNLL-2003, see data/README.md) labels it; ``corrections`` mends
its typical misses using the whole article; ``spans`` cuts labels into surface
strings and votes on their kind; ``resolve`` groups them into entities, per article
and archive-wide; ``curation`` applies the editor's ``content/entities.yaml`` (schema
in that module), which always wins. ``extractor`` runs the steps; ``command`` is
``newsgen entities``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Entity
from . import resolve
from .curation import CuratedEntity, Curation, load_curation
from .extractor import EntityExtractor

__all__ = ["CuratedEntity", "Curation", "EntityExtractor", "load_curation", "unify_across_archive"]


def unify_across_archive(
    per_article: Sequence[Sequence[Entity]], curation: Curation | None = None
) -> list[list[Entity]]:
    """Make one person or place one entity across the archive (see resolve).

    `per_article` is each article's ``EntityExtractor.extract`` result; the result has
    the same shape. Pass the curation used for extraction so the editor's names are
    never folded into others and still win after folding.
    """
    curation = curation if curation is not None else Curation()
    unified = resolve.unify_across_archive(per_article, protected=curation.names)
    if not curation.entities and not curation.ignore:
        return unified  # nothing for the editor's rules to change
    return resolve.change_each(unified, curation.applied)
