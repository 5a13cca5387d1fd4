"""The site model: every output page, its template and what it shows.

All ordering, grouping, pagination and paths are decided here, so templates
only lay out what they are given.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from . import urls
from .config import SiteConfig
from .dates import display_date
from .errors import NewsgenError
from .records import Article, ContentPage, Entity
from .slugs import unique_slugs

RESERVED_ROOTS = {"articles", "people", "places", "page", "static", "search", "archive", "feeds"}


@dataclass(frozen=True)
class Link:
    label: str
    path: str
    count: int = 0


@dataclass(frozen=True)
class ArticleView:
    article: Article
    path: str
    date_iso: str
    date_label: str
    people: tuple[Link, ...]
    places: tuple[Link, ...]


@dataclass(frozen=True)
class TagView:
    entity: Entity
    path: str
    articles: tuple[ArticleView, ...]


@dataclass(frozen=True)
class Pagination:
    number: int
    total: int
    previous: str = ""
    next: str = ""


@dataclass(frozen=True)
class PageView:
    """One output file: where it goes, which template draws it, and with what."""

    path: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    canonical: str = ""


@dataclass(frozen=True)
class SiteModel:
    pages: tuple[PageView, ...]
    articles: tuple[ArticleView, ...]
    people: tuple[TagView, ...]
    places: tuple[TagView, ...]
    menu: tuple[Link, ...]


def _newest_first(article: Article) -> tuple:
    # Dated articles first, newest first; then undated ones by headline.
    return (article.date is None, -(article.date or date.min).toordinal(), article.headline.casefold(), article.source_path)


def _with_unique_slugs(articles: Sequence[Article]) -> list[Article]:
    by_source = sorted(articles, key=lambda a: a.source_path)
    slugs = unique_slugs([a.slug for a in by_source])
    return [replace(a, slug=s) for a, s in zip(by_source, slugs)]


def _tag_paths(articles: Sequence[Article]) -> dict[tuple[str, str], tuple[Entity, str]]:
    """One page per (kind, slug); distinct names that slugify alike get distinct paths."""
    entities: dict[tuple[str, str], Entity] = {}
    for article in articles:
        for entity in article.people + article.places:
            entities.setdefault((entity.kind, entity.name), entity)
    ordered = sorted(entities.values(), key=lambda e: (e.kind, e.slug, e.name))
    paths: dict[tuple[str, str], tuple[Entity, str]] = {}
    for kind in ("person", "place"):
        group = [e for e in ordered if e.kind == kind]
        for entity, slug in zip(group, unique_slugs([e.slug for e in group])):
            paths[(kind, entity.name)] = (entity, urls.tag_path(kind, slug))
    return paths


def _tags(kind: str, views: Sequence[ArticleView], paths) -> tuple[TagView, ...]:
    members: dict[str, list[ArticleView]] = defaultdict(list)
    for view in views:
        for entity in view.article.people + view.article.places:
            if entity.kind == kind:
                members[entity.name].append(view)
    tags = [TagView(paths[(kind, name)][0], paths[(kind, name)][1], tuple(items)) for name, items in members.items()]
    return tuple(sorted(tags, key=lambda t: (t.entity.name.casefold(), t.path)))


def _letter_groups(tags: Sequence[TagView]) -> list[tuple[str, list[Link]]]:
    groups: dict[str, list[Link]] = defaultdict(list)
    for tag in tags:
        first = tag.entity.name[:1].upper()
        groups[first if first.isalpha() else "#"].append(Link(tag.entity.name, tag.path, len(tag.articles)))
    return sorted(groups.items())


def build_site_model(config: SiteConfig, articles: Sequence[Article], pages: Sequence[ContentPage]) -> SiteModel:
    for page in pages:
        if page.slug in RESERVED_ROOTS:
            raise NewsgenError(f"page slug '{page.slug}' is reserved for the site's own pages", page.source_path)
    ordered = sorted(_with_unique_slugs(articles), key=_newest_first)
    paths = _tag_paths(ordered)

    def links(entities: Sequence[Entity]) -> tuple[Link, ...]:
        return tuple(Link(e.name, paths[(e.kind, e.name)][1]) for e in entities)

    views = tuple(
        ArticleView(
            article=a,
            path=urls.article_path(a.slug),
            date_iso=a.date.isoformat() if a.date else "",
            date_label=display_date(a.date) if a.date else "",
            people=links(a.people),
            places=links(a.places),
        )
        for a in ordered
    )
    people, places = _tags("person", views, paths), _tags("place", views, paths)
    menu_pages = sorted((p for p in pages if p.menu), key=lambda p: (p.weight, p.title.casefold()))
    menu = (Link("Latest", "index.html"), Link("People", urls.tag_index_path("person")),
            Link("Places", urls.tag_index_path("place"))) + tuple(
        Link(p.title, urls.content_page_path(p.slug)) for p in menu_pages
    )

    out: list[PageView] = []
    chunks = [views[i: i + config.page_size] for i in range(0, len(views), config.page_size)] or [()]
    for number, chunk in enumerate(chunks, start=1):
        pagination = Pagination(
            number=number,
            total=len(chunks),
            previous=urls.index_page_path(number - 1) if number > 1 else "",
            next=urls.index_page_path(number + 1) if number < len(chunks) else "",
        )
        title = config.title if number == 1 else f"{config.title} — page {number}"
        out.append(PageView(urls.index_page_path(number), "index.html", title, {"items": chunk, "pagination": pagination}))
    for view in views:
        out.append(PageView(view.path, "article.html", view.article.headline, {"item": view}))
    for label, kind, tags in (("People", "person", people), ("Places", "place", places)):
        index_path = urls.tag_index_path(kind)
        for tag in tags:
            out.append(PageView(tag.path, "tag.html", tag.entity.name,
                                {"tag": tag, "section": label, "section_path": index_path}))
        out.append(PageView(index_path, "tag_index.html", label, {"groups": _letter_groups(tags), "section": label}))
    for page in pages:
        out.append(PageView(urls.content_page_path(page.slug), "page.html", page.title, {"content": page}))
    out.append(PageView(urls.SEARCH_PAGE, "search.html", "Search", {"manifest": urls.SEARCH_MANIFEST}))
    out = [
        PageView(p.path, p.template, p.title, p.context, urls.absolute(config.base_url, p.path)) for p in out
    ]
    return SiteModel(tuple(out), views, people, places, menu)
