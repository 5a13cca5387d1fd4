"""The site model: every output page, its template and what it shows.

All ordering, grouping, pagination and paths are decided here, so templates
only lay out what they are given.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from operator import attrgetter

from .. import urls
from ..config import SiteConfig
from ..errors import BuildWarning, NewsgenError
from ..records import Article, ContentPage, replaced
from ..util.cluster import Cluster
from ..util.memo import ResultMemo
from ..util.workers import InBackground
from .archives import archive_pages, neighbours
from .feeds import Feed, SitemapEntry, feed_entries, missing_base_url_warnings
from .listing import EntityKey, Listing, list_articles
from .moved import moved_pages
from .profiles import Mentions, also_written, cached_counts, entity_profile
from .related import related_articles, update_related
from .tag_index import people_name_parts, tag_index_pages
from .views import ArticleView, Link, PageView, SectionView, TagView, paginated

_path = attrgetter("path")
RELATED_IN_BACKGROUND_FROM = 2_000  # articles; fewer take too little time to be worth a process
# Articles from which a build with a Dask cluster counts every profile there, as one reduction,
# when it has no last build to start from (docs/scale.md: chosen from a measurement).
STATS_ON_CLUSTER_FROM = 100_000
# Every page carries the whole menu, so its size is multiplied by the number of pages: Markdown
# pages past this many (in menu order) are left out of it, with a warning, and keep their page.
MAX_MENU_PAGES = 12
RESERVED_ROOTS = {"articles", "people", "places", "page", "static", "search", "archive", "feeds", "sitemaps",
                  "sections"}


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
    content_pages: tuple[ContentPage, ...] = ()  # the Markdown pages it was made from, as given
    sections: tuple[SectionView, ...] = ()  # by name; none in an archive whose seeds sit in no folder

    @property
    def section_links(self) -> tuple[Link, ...]:
        """What the menu lists of the sections, on every page: names and paths, no counts, so an
        article filed in one does not change every page."""
        return tuple(section.link for section in self.sections)


def _tags(views: Sequence[ArticleView], keys: dict[str, tuple[EntityKey, ...]],
          paths) -> dict[str, tuple[TagView, ...]]:
    """Each kind's tags, by name ignoring case; `keys` holds each article's entity keys."""
    members: dict[EntityKey, list[ArticleView]] = defaultdict(list)
    for view in views:
        for key in keys[view.path]:
            members[key].append(view)
    tags = sorted((TagView(*paths[key], tuple(items)) for key, items in members.items()),
                  key=lambda t: (t.entity.name.casefold(), t.path))
    return {kind: tuple(t for t in tags if t.entity.kind == kind) for kind in ("person", "place")}


def _sections(views: Sequence[ArticleView]) -> tuple[SectionView, ...]:
    """Each section with its articles, in site order; sections by name, as `list_articles` gave their links."""
    members: dict[str, list[ArticleView]] = defaultdict(list)
    links: dict[str, Link] = {}
    for view in views:
        if view.section is not None:
            members[view.section.path].append(view)
            links[view.section.path] = view.section
    ordered = sorted(links.values(), key=lambda link: (link.label.casefold(), link.label))
    return tuple(SectionView(link, urls.tag_feed_path(link.path), tuple(members[link.path])) for link in ordered)


def _section_pages(sections: Sequence[SectionView], page_size: int) -> list[PageView]:
    """Each section's list of articles, paginated like the index."""
    return [PageView(path, "section.html", pagination.title(section.link.label),
                     {"news_section": section, "items": chunk, "pagination": pagination})
            for section in sections
            for path, chunk, pagination in paginated(section.link.path, section.articles, page_size)]


def _first_undated(views: Sequence[ArticleView]) -> int | None:
    """Where a list that runs from dated articles to undated ones (last, as listed) turns, so
    the page can say so; None if it does not, being all of one or the other."""
    first = next((n for n, view in enumerate(views) if view.article.date is None), None)
    return first if first else None


@contextmanager
def _related(views: Sequence[ArticleView], mentions: Mentions, jobs: int | None) -> Iterator[Callable[[], list]]:
    """Yields a function giving every article's related articles.

    They are kept with the articles' mentions from the last build: when the same articles
    stand in the same order, only those an edit reached are counted again. Else all are
    counted, in a large archive (seconds at 10,000 articles) in a second process while
    this one makes the rest of the model."""
    paths = tuple(map(_path, views))
    keys = [mentions.keys[path] for path in paths]
    apart = _kept_apart(views)
    last = mentions.memo.last("related")  # (paths, apart, related articles); their keys are in `mentions.last`

    def kept(related: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
        mentions.memo.keep("related", (paths, apart, related))
        return related

    if last is not None and mentions.last is not None and last[:2] == (paths, apart):
        last_keys = [mentions.last.mentions[path][1] for path in paths]
        yield lambda: kept(update_related(last_keys, last[2], keys, apart=apart))
    elif len(views) < RELATED_IN_BACKGROUND_FROM:
        yield lambda: kept(related_articles(keys, apart=apart))
    else:
        with InBackground(partial(related_articles, keys, apart=apart), jobs) as counting:
            yield lambda: kept(counting.result())


def _kept_apart(views: Sequence[ArticleView]) -> dict[int, tuple[int, ...]]:
    """The articles each may not list as related (`Article.not_related`), by index in `views`."""
    if not any(view.article.not_related for view in views):
        return {}
    index = {view.article.source_path: n for n, view in enumerate(views)}
    return {n: tuple(sorted(index[s] for s in view.article.not_related if s in index))
            for n, view in enumerate(views) if view.article.not_related}


def _redirect_pages(twins: dict[str, ArticleView]) -> list[PageView]:
    """A merged twin's page from earlier builds, kept: it sends the browser to its article."""
    return [PageView(path, "redirect.html", view.article.headline, {"target": view}) for path, view in twins.items()]


def _article_pages(views: Sequence[ArticleView], related: list[tuple[int, ...]]) -> list[PageView]:
    return [
        PageView(view.path, "article.html", view.article.headline, {
            "item": view, "newer": near.newer, "older": near.older,
            "related": tuple(views[i] for i in related[n]),
        })
        for n, (view, near) in enumerate(zip(views, neighbours(views)))
    ]


def _feeds(config: SiteConfig, views: Sequence[ArticleView], tags: Sequence[TagView],
           sections: Sequence[SectionView]) -> tuple[Feed, ...]:
    site = Feed(urls.SITE_FEED_PATH, config.title, urls.index_page_path(1), feed_entries(views))
    return (site,) + tuple(
        Feed(s.feed_path, f"{s.link.label} — {config.title}", s.link.path, feed_entries(s.articles))
        for s in sections
    ) + tuple(
        Feed(urls.tag_feed_path(t.path), f"{t.entity.name} — {config.title}", t.path, entries)
        for t in tags if (entries := feed_entries(t.articles))  # no feed that would stay empty, nor a link to one
    )


def build_site_model(config: SiteConfig, articles: Sequence[Article], pages: Sequence[ContentPage],
                     memo: ResultMemo | None = None, jobs: int | None = 1) -> SiteModel:
    """The model of a site of these articles and pages (see `model_of`)."""
    return model_of(config, list_articles(articles, duplicates=config.duplicates), pages, memo, jobs)


def model_of(config: SiteConfig, listing: Listing, pages: Sequence[ContentPage], memo: ResultMemo | None = None,
             jobs: int | None = 1, cluster: Cluster | None = None) -> SiteModel:
    """`memo` keeps the archive-wide results of the last build, so one edit does not count them all again;
    `jobs` above 1 (None: every core) lets a large archive's related articles be counted on another core;
    `cluster`, a large archive's profiles be counted there."""
    memo = memo if memo is not None else ResultMemo()
    given = tuple(pages)
    pages, clashes = _distinct_pages(given)
    for page in pages:
        if page.slug in RESERVED_ROOTS:
            raise NewsgenError(f"page slug '{page.slug}' is reserved for the site's own pages", page.source_path)
    views, paths = listing.views, listing.tag_paths
    mentions = Mentions.of(views, listing.named, memo)
    tags = _tags(views, mentions.keys, paths)
    people, places = tags["person"], tags["place"]
    menu_pages, menu_warnings = _menu_pages(pages)
    menu = (Link("Latest", "index.html"), Link("Archive", urls.archive_index_path()),
            Link("People", urls.tag_index_path("person")), Link("Places", urls.tag_index_path("place"))) + tuple(
        Link(p.title, urls.content_page_path(p.slug)) for p in menu_pages
    )

    out: list[PageView] = []
    for path, chunk, pagination in paginated("index.html", views, config.page_size):
        out.append(PageView(path, "index.html", pagination.title(config.title, "Latest articles"),
                            {"items": chunk, "pagination": pagination}))
    kept = cached_counts(people + places)
    aliases = also_written(views, listing.named)
    known = memo.last("name parts")
    parts = people_name_parts(people, known if isinstance(known, dict) else {})
    memo.keep("name parts", parts)
    with _related(views, mentions, jobs) as related:
        # Not before: the related articles' process is forked with no connection to the cluster.
        counted = mentions.counted_on(cluster) if cluster and len(views) >= STATS_ON_CLUSTER_FROM else {}
        tag_pages = []  # made while related articles may be counted elsewhere; listed after the articles
        for label, kind, tags in (("People", "person", people), ("Places", "place", places)):
            index_path = urls.tag_index_path(kind)
            for tag in tags:
                profile = entity_profile(tag, paths, mentions, tag.path in kept,
                                         aliases.get((tag.entity.kind, tag.entity.name), ()), counted)
                undated = _first_undated(tag.articles)
                for path, chunk, pagination in paginated(tag.path, tag.articles, config.page_size):
                    at = undated - (pagination.number - 1) * config.page_size if undated is not None else -1
                    tag_pages.append(PageView(path, "tag.html", pagination.title(tag.entity.name), {
                        "tag": tag, "section": label, "section_path": index_path, "profile": profile,
                        "items": chunk, "pagination": pagination,
                        "undated_from": at if 0 <= at < len(chunk) else None}))
            tag_pages += tag_index_pages(kind, label, tags, parts=parts if kind == "person" else None)
        out += _article_pages(views, related())
    out += tag_pages
    sections = _sections(views)
    out += _section_pages(sections, config.page_size)
    out += archive_pages(views, config.page_size)
    for page in pages:
        out.append(PageView(urls.content_page_path(page.slug), "page.html", page.title, {"content": page}))
    out.append(PageView(urls.SEARCH_PAGE, "search.html", "Search", {"manifest": urls.SEARCH_MANIFEST}))
    if config.base_url:  # without one, pages have no canonical URL
        out = [replaced(p, canonical=urls.absolute(config.base_url, p.path)) for p in out]
    dates = {v.path: v.article.date for v in views}
    sitemap = tuple(SitemapEntry(p.path, dates.get(p.path)) for p in out)
    redirects = _redirect_pages(listing.twins)  # in no sitemap: each is its article's page by another URL
    if config.base_url:  # the canonical URL of a redirect page is its article's
        redirects = [replaced(p, canonical=urls.absolute(config.base_url, p.context["target"].path))
                     for p in redirects]
    out += redirects
    out += moved_pages(listing.gone, people + places, config.base_url)  # in no sitemap either
    out.append(PageView(urls.NOT_FOUND_PATH, "404.html", "Page not found", link_base=config.base_url))
    return SiteModel(tuple(out), views, people, places, menu, _feeds(config, views, people + places, sections),
                     sitemap, (*clashes, *menu_warnings,
                               *missing_base_url_warnings(config.base_url, config.base_url_left_empty)),
                     given, sections)


def _distinct_pages(pages: Sequence[ContentPage]) -> tuple[list[ContentPage], list[BuildWarning]]:
    """One page per slug, the first in path order: a second would overwrite its page and
    take its menu entry. The others are left out, each with a warning naming both files."""
    kept: dict[str, ContentPage] = {}
    clashes = []
    for page in sorted(pages, key=lambda p: p.source_path):
        first = kept.setdefault(page.slug, page)
        if first is not page:
            clashes.append(BuildWarning(f"page slug '{page.slug}' is already taken by {first.source_path}; "
                                        "this page is left out (give it another 'slug')", page.source_path))
    return list(kept.values()), clashes


def _menu_pages(pages: Sequence[ContentPage]) -> tuple[list[ContentPage], list[BuildWarning]]:
    """The pages the menu links, in menu order, at most `MAX_MENU_PAGES` of them."""
    wanted = sorted((p for p in pages if p.menu), key=lambda p: (p.weight, p.title.casefold(), p.source_path))
    left_out = [BuildWarning(f"the menu holds at most {MAX_MENU_PAGES} pages; this one is left out of it "
                             "(give it 'menu: false', or a lower 'weight' than another)", p.source_path)
                for p in wanted[MAX_MENU_PAGES:]]
    return wanted[:MAX_MENU_PAGES], left_out
