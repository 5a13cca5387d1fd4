"""Which articles each Atom feed and the sitemap list; `render.feeds` writes them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice

from ..errors import BuildWarning
from ..model.views import ArticleView

FEED_SIZE = 20


@dataclass(frozen=True)
class Feed:
    path: str  # where the feed is written, e.g. people/x/feed.xml
    title: str
    page_path: str  # the HTML page it follows
    entries: tuple[ArticleView, ...]  # newest first, dated only


@dataclass(frozen=True)
class SitemapEntry:
    path: str
    lastmod: date | None = None


def feed_entries(views: Sequence[ArticleView], size: int = FEED_SIZE) -> tuple[ArticleView, ...]:
    """The newest dated articles; undated ones have no `updated` a feed could give."""
    return tuple(islice((v for v in views if v.article.date is not None), size))


def missing_base_url_warnings(base_url: str, left_empty: bool = False) -> list[BuildWarning]:
    """A site that leaves base_url empty in newsgen.yaml has no address yet and knows it:
    a warning there (as on the demo's first build) would ask for what no one has."""
    if base_url or left_empty:
        return []
    return [BuildWarning("no base_url set: feeds use relative links and sitemap.xml lists no pages; "
                         "set base_url (or --base-url) to the site's public URL")]
