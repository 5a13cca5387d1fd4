"""The site's data files: Atom feeds, sitemap, robots.txt and the search index.

Each comes with a fingerprint of what it is made from, as pages do, so a build
compares fingerprints with the current output's and makes only the files that
changed. Feeds are fingerprinted by what they show (over a thousand of them at
10,000 articles, most unchanged by an edit); the rest cost little to make, so
they are made each build, fingerprinted by their text and held compressed.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain

from . import urls
from .cache import digest
from .config import SiteConfig
from .feeds import FeedWriter, robots_txt, sitemap_files
from .search_index import search_files
from .search_terms import SearchTerms
from .site_model import SiteModel


@dataclass(frozen=True)
class DataFile:
    """A non-HTML output: a digest of what it is made from, and how to make it,
    so the build makes only those whose digest changed."""

    fingerprint: str
    make: Callable[[], str]


def _made(text: str) -> DataFile:
    """Held compressed until written: at 100,000 articles the search index alone is
    tens of megabytes of text, which would otherwise also sit in every drawing worker."""
    packed = zlib.compress(text.encode("utf-8"), 1)
    return DataFile(digest(text), lambda: zlib.decompress(packed).decode("utf-8"))


def site_data_files(config: SiteConfig, model: SiteModel, search_terms: Mapping[str, SearchTerms] | None = None,
               code: str = "") -> dict[str, DataFile]:
    """Atom feeds (fingerprinted by what they show and `code`, newsgen's own), sitemap,
    robots.txt and the search index (from `search_terms`, each article's own terms by
    source path, where given), the last three made now: they cost little."""
    feeds = FeedWriter(config.title, config.base_url, config.language)
    files = {feed.path: DataFile(digest(code, feeds.fingerprint(feed)), functools.partial(feeds.atom, feed))
             for feed in model.feeds}
    made = chain(sitemap_files(model.sitemap, config.base_url), [(urls.ROBOTS_PATH, robots_txt(config.base_url))],
                 search_files(model.articles, search_terms))
    files.update((path, _made(text)) for path, text in made)
    return files


def render_data_files(config: SiteConfig, model: SiteModel,
                      search_terms: Mapping[str, SearchTerms] | None = None) -> Iterator[tuple[str, str]]:
    """The data files' paths and texts."""
    for path, file in site_data_files(config, model, search_terms).items():
        yield path, file.make()
