"""Attach people and places to articles: extraction, archive-wide unification,
then the editor's per-seed additions and removals, which always win."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .entities import Curation, EntityExtractor, unify_across_archive
from .records import Article, Entity, SeedOverride
from .slugs import make_slug


def extract_one(extractor: EntityExtractor, article: Article) -> list[Entity]:
    """Extracted entities plus any the article declares itself (Markdown front matter)."""
    found = extractor.extract(article.texts())
    seen = {(f.kind, f.slug) for f in found}
    declared = [e for e in article.people + article.places if (e.kind, e.slug) not in seen]
    return list(found) + declared


def _edited(entities: Sequence[Entity], override: SeedOverride | None) -> list[Entity]:
    if override is None:
        return list(entities)
    removed = {name.casefold() for name in override.remove}
    kept = [
        e for e in entities
        if e.name.casefold() not in removed and not any(m.casefold() in removed for m in e.mentions)
    ]
    present = {(e.kind, e.slug) for e in kept}
    for kind, names in (("person", override.add_people), ("place", override.add_places)):
        for name in names:
            entity = Entity(name=name, slug=make_slug(name), kind=kind)  # type: ignore[arg-type]
            if (kind, entity.slug) not in present:
                kept.append(entity)
                present.add((kind, entity.slug))
    return kept


def tag_articles(
    articles: Sequence[Article],
    found: Sequence[Sequence[Entity]],
    overrides: Sequence[SeedOverride | None],
    curation: Curation | None = None,
) -> list[Article]:
    """`found[i]` holds article i's extracted entities; `overrides[i]` its editor rules.
    The curation keeps the editor's names from being folded into others."""
    unified = unify_across_archive(found, curation)
    tagged = []
    for article, entities, override in zip(articles, unified, overrides):
        final = sorted(_edited(entities, override), key=lambda e: (e.name.casefold(), e.slug))
        tagged.append(replace(
            article,
            people=tuple(e for e in final if e.kind == "person"),
            places=tuple(e for e in final if e.kind == "place"),
        ))
    return tagged
