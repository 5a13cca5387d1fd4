"""The site model: every output page, its template and what it shows.

All ordering, grouping, pagination and paths are decided here, so templates
only lay out what they are given.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from . import urls
from .archives import archive_pages, neighbours
from .cache import ResultMemo, digest
from .config import SiteConfig
from .dates import display_date
from .entity_stats import EntityStats, entity_stats
from .errors import BuildWarning, NewsgenError
from .feeds import Feed, SitemapEntry, feed_entries, missing_base_url_warnings
from .records import Article, ContentPage, Entity
from .related import related_articles
from .slugs import unique_slugs
from .timeline_svg import Timeline, draw_timeline
from .views import ArticleView, EntityProfile, Link, PageView, Pagination, TagView

RESERVED_ROOTS = {"articles", "people", "places", "page", "static", "search", "archive", "feeds", "sitemaps"}


@dataclass(frozen=True)
class SiteModel:
    pages: tuple[PageView, ...]
    articles: tuple[ArticleView, ...]
    people: tuple[TagView, ...]
    places: tuple[TagView, ...]
    menu: tuple[Link, ...]
    feeds: tuple[Feed, ...] = ()
    sitemap: tuple[SitemapEntry, ...] = ()
    warnings: tuple[BuildWarning, ...] = ()


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


def _paginated(first_page: str, views: Sequence[ArticleView], size: int):
    """(path, the views on that page, Pagination) for each page of a long list."""
    chunks = [views[i: i + size] for i in range(0, len(views), size)] or [()]
    for number, chunk in enumerate(chunks, start=1):
        yield urls.paged_path(first_page, number), chunk, Pagination(
            number=number,
            total=len(chunks),
            previous=urls.paged_path(first_page, number - 1) if number > 1 else "",
            next=urls.paged_path(first_page, number + 1) if number < len(chunks) else "",
        )


def _letter_groups(tags: Sequence[TagView]) -> list[tuple[str, list[Link]]]:
    groups: dict[str, list[Link]] = defaultdict(list)
    for tag in tags:
        first = tag.entity.name[:1].upper()
        groups[first if first.isalpha() else "#"].append(Link(tag.entity.name, tag.path, len(tag.articles)))
    return sorted(groups.items())


EntityKey = tuple[str, str]  # (kind, name), as in `_tag_paths`


def _entity_keys(view: ArticleView) -> tuple[EntityKey, ...]:
    return tuple((e.kind, e.name) for e in view.article.people + view.article.places)


@dataclass(frozen=True)
class _Mentions:
    """What related articles and profiles read of each article (by path): its entity keys,
    and a digest of them with its date, under which the memo keeps what they gave."""

    keys: dict[str, tuple[EntityKey, ...]]
    digests: dict[str, str]
    memo: ResultMemo

    @classmethod
    def of(cls, views: Sequence[ArticleView], memo: ResultMemo) -> "_Mentions":
        keys = {v.path: _entity_keys(v) for v in views}
        return cls(keys, {v.path: digest(repr((v.article.date, keys[v.path]))) for v in views}, memo)

    def remember(self, what: str, views: Sequence[ArticleView], make: Callable[[], Any]) -> Any:
        """`make()`, a function of `views`' mentions and `what`, or what it gave last time."""
        return self.memo.get(digest(what, "".join([self.digests[v.path] for v in views])), make)


def _article_pages(views: Sequence[ArticleView], mentions: _Mentions) -> list[PageView]:
    related = mentions.remember("related", views, lambda: related_articles([mentions.keys[v.path] for v in views]))
    return [
        PageView(view.path, "article.html", view.article.headline, {
            "item": view, "newer": near.newer, "older": near.older,
            "related": tuple(views[i] for i in related[n]),
        })
        for n, (view, near) in enumerate(zip(views, neighbours(views)))
    ]


def _profile(tag: TagView, paths, mentions: _Mentions) -> EntityProfile:
    entity = (tag.entity.kind, tag.entity.name)

    def count() -> tuple[EntityStats, Timeline | None]:
        stats = entity_stats(entity, [(v.article.date, mentions.keys[v.path]) for v in tag.articles],
                             sort_name=lambda key: (key[1].casefold(), key[0]))
        return stats, draw_timeline(stats.monthly)

    stats, timeline = mentions.remember(f"profile {entity!r}", tag.articles, count)
    co_mentions = tuple(Link(key[1], paths[key][1], count) for key, count in stats.co_mentions)
    return EntityProfile(co_mentions, stats.first, stats.last, timeline, urls.tag_feed_path(tag.path))


def _feeds(config: SiteConfig, views: Sequence[ArticleView], tags: Sequence[TagView]) -> tuple[Feed, ...]:
    site = Feed(urls.SITE_FEED_PATH, config.title, urls.index_page_path(1), feed_entries(views))
    return (site,) + tuple(
        Feed(urls.tag_feed_path(t.path), f"{t.entity.name} — {config.title}", t.path, feed_entries(t.articles))
        for t in tags
    )


def build_site_model(config: SiteConfig, articles: Sequence[Article], pages: Sequence[ContentPage],
                     memo: ResultMemo = ResultMemo()) -> SiteModel:
    """`memo` keeps the archive-wide results of the last build, so one edit does not count them all again."""
    for page in pages:
        if page.slug in RESERVED_ROOTS:
            raise NewsgenError(f"page slug '{page.slug}' is reserved for the site's own pages", page.source_path)
    ordered = sorted(_with_unique_slugs(articles), key=_newest_first)
    paths = _tag_paths(ordered)
    tag_links = {key: Link(key[1], path) for key, (_, path) in paths.items()}  # one per entity, shared by articles

    def links(entities: Sequence[Entity]) -> tuple[Link, ...]:
        return tuple([tag_links[(e.kind, e.name)] for e in entities])

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
    menu = (Link("Latest", "index.html"), Link("Archive", urls.archive_index_path()),
            Link("People", urls.tag_index_path("person")), Link("Places", urls.tag_index_path("place"))) + tuple(
        Link(p.title, urls.content_page_path(p.slug)) for p in menu_pages
    )

    out: list[PageView] = []
    for path, chunk, pagination in _paginated("index.html", views, config.page_size):
        title = config.title if pagination.number == 1 else f"{config.title} — page {pagination.number}"
        out.append(PageView(path, "index.html", title, {"items": chunk, "pagination": pagination}))
    mentions = _Mentions.of(views, memo)
    out += _article_pages(views, mentions)
    for label, kind, tags in (("People", "person", people), ("Places", "place", places)):
        index_path = urls.tag_index_path(kind)
        for tag in tags:
            profile = _profile(tag, paths, mentions)
            for path, chunk, pagination in _paginated(tag.path, tag.articles, config.page_size):
                title = tag.entity.name if pagination.number == 1 else f"{tag.entity.name} — page {pagination.number}"
                out.append(PageView(path, "tag.html", title, {
                    "tag": tag, "section": label, "section_path": index_path, "profile": profile,
                    "items": chunk, "pagination": pagination}))
        out.append(PageView(index_path, "tag_index.html", label, {"groups": _letter_groups(tags), "section": label}))
    out += archive_pages(views)
    for page in pages:
        out.append(PageView(urls.content_page_path(page.slug), "page.html", page.title, {"content": page}))
    out.append(PageView(urls.SEARCH_PAGE, "search.html", "Search", {"manifest": urls.SEARCH_MANIFEST}))
    out = [
        PageView(p.path, p.template, p.title, p.context, urls.absolute(config.base_url, p.path)) for p in out
    ]
    dates = {v.path: v.article.date for v in views}
    sitemap = tuple(SitemapEntry(p.path, dates.get(p.path)) for p in out)
    out.append(PageView(urls.NOT_FOUND_PATH, "404.html", "Page not found", link_base=config.base_url))
    return SiteModel(tuple(out), views, people, places, menu, _feeds(config, views, people + places), sitemap,
                     tuple(missing_base_url_warnings(config.base_url)))
