"""The articles in the site's order, each with its page and its people's and places'
pages: the first part of the site model.

Made apart from the rest of the model because the search index needs no more
than this, so a build can make the index on another core while this one makes
the pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from .. import urls
from ..dates import display_date
from ..errors import BuildWarning
from ..records import Article, Entity, by_identity, replaced
from ..slugs import make_slug, unique_slugs
from .duplicates import MERGE, find_duplicates
from .moved import gone_entities
from .views import ArticleView, Link

EntityKey = tuple[str, str]  # (kind, name)


@dataclass(frozen=True)
class Listing:
    views: tuple[ArticleView, ...]  # newest first
    tag_paths: dict[EntityKey, tuple[Entity, str]]  # each person's and place's page
    named: dict[int, EntityKey]  # the key of each entity object the articles name, by id
    slugs: dict[str, str]  # each article's slug by its source path: the URL register to keep
    entity_slugs: dict[EntityKey, str]  # each person's and place's slug, the register's, those with no page too
    gone: dict[EntityKey, tuple[str, tuple[EntityKey, ...]]]  # a registered name with no page: `moved.gone_entities`
    twins: dict[str, ArticleView] = field(default_factory=dict)  # a merged twin's page path -> its article's
    repeated: list[BuildWarning] = field(default_factory=list)  # each twin (`model.duplicates`)
    near: list[BuildWarning] = field(default_factory=list)  # each pair of near-duplicates


def _newest_first(article: Article) -> tuple:
    # Dated articles first, newest first; then undated ones by headline.
    return (article.date is None, -(article.date or date.min).toordinal(), article.headline.casefold(), article.source_path)


def _with_unique_slugs(articles: Sequence[Article], registered: Mapping[str, str]) -> tuple[list[Article], dict[str, str]]:
    """Each article's slug, distinct, and by source path for the register. A source the
    register lists keeps its slug; the others take theirs in path order, -2, -3… where taken,
    never one the register gives a source that still exists. An article's URL thus stays put
    whatever is added before it or however its headline is edited (`incremental.url_register`)."""
    by_source = sorted(articles, key=lambda a: a.source_path)
    kept: dict[str, str] = {}
    taken: set[str] = set()
    for article in by_source:
        slug = registered.get(article.source_path)
        if slug is not None and slug not in taken:
            kept[article.source_path] = slug
            taken.add(slug)
    fresh = [a for a in by_source if a.source_path not in kept]
    slugs = kept | dict(zip([a.source_path for a in fresh], unique_slugs([a.slug for a in fresh], taken)))
    return [a if a.slug == slugs[a.source_path] else replaced(a, slug=slugs[a.source_path]) for a in by_source], slugs


def _tag_paths(mentioned: Sequence[Entity], registered: Mapping[EntityKey, str]
               ) -> tuple[dict[EntityKey, tuple[Entity, str]], dict[EntityKey, str]]:
    """One page per (kind, slug), and the slugs to register. `mentioned` holds the archive's
    entity objects in the order articles first name them. A name the register lists keeps its
    slug; the others take theirs by slug and name, -2, -3… where taken, never one the register
    holds, even for a name that has no page now (`model.moved`), nor one of a single letter
    or `0`, an A–Z page's (`urls.INDEX_INITIALS`)."""
    entities: dict[EntityKey, Entity] = {}
    for entity in mentioned:
        entities.setdefault((entity.kind, entity.name), entity)
    ordered = sorted(entities.values(), key=lambda e: (e.kind, e.slug, e.name))
    slugs = dict(registered)
    for kind in ("person", "place"):
        fresh = [e for e in ordered if e.kind == kind and (kind, e.name) not in registered]
        taken = {slug for (of, _), slug in registered.items() if of == kind}
        slugs.update(zip([(kind, e.name) for e in fresh],
                         unique_slugs([e.slug for e in fresh], taken | set(urls.INDEX_INITIALS))))
    return {key: (entity, urls.tag_path(key[0], slugs[key])) for key, entity in entities.items()}, slugs


def _section_links(articles: Sequence[Article]) -> dict[str, Link]:
    """Each section's link, by its name; names that slugify alike get distinct paths."""
    names = sorted({a.section for a in articles if a.section}, key=lambda name: (name.casefold(), name))
    slugs = unique_slugs([make_slug(name, fallback="section") for name in names])
    return {name: Link(name, urls.section_path(slug)) for name, slug in zip(names, slugs)}


def list_articles(articles: Sequence[Article], registered: Mapping[str, str] | None = None,
                  duplicates: str = MERGE, look_for_near: bool = True,
                  registered_entities: Mapping[EntityKey, str] | None = None) -> Listing:
    """`registered`: the slug the last builds gave each source, `registered_entities` each
    person's and place's (`incremental.url_register`);
    `duplicates`: whether sources of the same text are merged or kept apart (`model.duplicates`);
    `look_for_near`: whether near-duplicates are looked for, which only the site needs.
    Every source has a slug, a merged twin too: its path becomes a page that leads to its article."""
    registered = registered or {}
    unique, slugs = _with_unique_slugs(articles, registered)
    same = find_duplicates(unique, duplicates, look_for_near)
    ordered = sorted(same.articles, key=_newest_first)
    objects = by_identity(a.people + a.places for a in ordered)  # the entity objects the articles name
    paths, entity_slugs = _tag_paths(list(objects.values()), registered_entities or {})
    tag_links = {key: Link(key[1], path) for key, (_, path) in paths.items()}  # one per entity, shared by articles
    named = {key: (e.kind, e.name) for key, e in objects.items()}
    link_of = {key: tag_links[entity_key] for key, entity_key in named.items()}  # by the entity object's id

    def links(entities: Sequence[Entity]) -> tuple[Link, ...]:
        return tuple(map(link_of.__getitem__, map(id, entities)))

    sections = _section_links(ordered)

    views = tuple(
        ArticleView(
            article=a,
            path=urls.article_path(a.slug),
            date_iso=a.date.isoformat() if a.date else "",
            date_label=display_date(a.date) if a.date else "",
            people=links(a.people),
            places=links(a.places),
            section=sections.get(a.section),
        )
        for a in ordered
    )
    by_source = {view.article.source_path: view for view in views}
    twins = {urls.article_path(slugs[twin]): by_source[first] for twin, first in sorted(same.twins.items())}
    gone = gone_entities(entity_slugs, paths, objects.values())
    return Listing(views, paths, named, slugs, entity_slugs, gone, twins, same.repeated, same.near)
