"""Attach people and places to articles: extraction, archive-wide unification,
then the editor's per-seed additions and removals, which always win."""

from __future__ import annotations

from collections.abc import Sequence

from .cache import ResultMemo
from .entities import Curation, EntityExtractor, unify_across_archive
from .records import Article, Entity, SeedOverride, by_identity, replaced
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


Tags = tuple[tuple[Entity, ...], tuple[Entity, ...]]  # an article's people and places


def _tags(found: Sequence[Sequence[Entity]], overrides: Sequence[SeedOverride | None],
          curation: Curation | None) -> list[Tags]:
    tags = []
    for entities, override in zip(unify_across_archive(found, curation), overrides):
        final = sorted(_edited(entities, override), key=lambda e: (e.name.casefold(), e.slug))
        tags.append((tuple([e for e in final if e.kind == "person"]), tuple([e for e in final if e.kind == "place"])))
    return tags


def _inputs(found: Sequence[Sequence[Entity]], overrides: Sequence[SeedOverride | None],
            curation: Curation | None) -> tuple:
    """All that `_tags` reads, cheap to compare with the last build's: the entity objects
    (the build makes one per entity) once each, and each article's as their positions."""
    objects = by_identity(found)
    position = {key: n for n, key in enumerate(objects)}
    return (repr(curation), tuple(overrides), tuple(objects.values()),
            tuple(tuple(map(position.__getitem__, map(id, entities))) for entities in found))


def tag_articles(
    articles: Sequence[Article],
    found: Sequence[Sequence[Entity]],
    overrides: Sequence[SeedOverride | None],
    curation: Curation | None = None,
    memo: ResultMemo | None = None,
) -> list[Article]:
    """`found[i]` holds article i's extracted entities; `overrides[i]` its editor rules.
    The curation keeps the editor's names from being folded into others.

    Unification weighs the whole archive, so `memo` keeps the last build's tags: an
    edit that finds the same entities (and most do) reuses them all."""
    memo = memo if memo is not None else ResultMemo()
    inputs = _inputs(found, overrides, curation)
    last = memo.last("tags")  # (inputs, tags)
    if last is None or last[0] != inputs:
        last = (inputs, _tags(found, overrides, curation))
    memo.keep("tags", last)  # when reused, the very object the memo gave: it sees no change without comparing
    tags = last[1]
    return [replaced(article, people=people, places=places) for article, (people, places) in zip(articles, tags)]
