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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from types import MappingProxyType

from .. import urls
from ..config import SiteConfig
from ..model.site import SiteModel
from ..model.views import ArticleView
from ..output.current import CurrentOutput
from ..search.index import search_files
from ..search.postings import CachedPostings
from ..search.terms import SearchTerms
from ..util.digests import digest
from .feeds import FeedWriter, robots_txt, sitemap_files


@dataclass(frozen=True)
class DataFile:
    """A non-HTML output: a digest of what it is made from, and how to make it,
    so the build makes only those whose digest changed."""

    fingerprint: str
    make: Callable[[], str]


@dataclass(frozen=True)
class _Packed:
    """A made file's text, compressed: at 100,000 articles the search index alone is tens
    of megabytes of text, which would otherwise also sit in every rendering worker.
    Picklable, so a data file can be made in another process."""

    data: bytes

    def __call__(self) -> str:
        return zlib.decompress(self.data).decode("utf-8")


@dataclass(frozen=True)
class _InOutput:
    """A made file's text, read back from the output file that already holds it. The
    build keeps such a file as it is, so it never asks; what it saves is compressing
    the text (0.06 s for the search index of 10,000 articles) and holding it."""

    file: Path

    def __call__(self) -> str:
        return self.file.read_text(encoding="utf-8")


def _made(path: str, text: str, current: CurrentOutput | None) -> DataFile:
    fingerprint = digest(text)
    if current is not None and current.holds(path, fingerprint):
        return DataFile(fingerprint, _InOutput(current.folder / path))
    return DataFile(fingerprint, _Packed(zlib.compress(text.encode("utf-8"), 1)))


def feed_files(config: SiteConfig, model: SiteModel, code: str = "",
               known: Mapping[str, str] = MappingProxyType({}),
               articles: Mapping[str, bytes] | None = None) -> dict[str, DataFile]:
    """Atom feeds, fingerprinted by what they show and `code` (newsgen's own), made only when
    written. `known` holds fingerprints still true (the last build's, when what pages and feeds
    show is the same, see `incremental.page_fingerprints`), so they are not taken again;
    `articles`, the digest of what each article shows beyond its own page, where taken
    (`fingerprint.ModelDigests.articles`), which fingerprints feeds without reading the articles."""
    feeds = FeedWriter(config.title, config.base_url, config.language, articles)
    return {feed.path: DataFile(known.get(feed.path) or digest(code, feeds.fingerprint(feed)),
                                functools.partial(feeds.atom, feed))
            for feed in model.feeds}


def made_files(config: SiteConfig, model: SiteModel, current: CurrentOutput | None = None) -> dict[str, DataFile]:
    """Sitemap and robots.txt, made now: they cost little, and are fingerprinted by their text;
    those the `current` output holds already are not kept."""
    made = chain(sitemap_files(model.sitemap, config.base_url), [(urls.ROBOTS_PATH, robots_txt(config.base_url))])
    return {path: _made(path, text, current) for path, text in made}


def search_data_files(views: Sequence[ArticleView], search_terms: Mapping[str, SearchTerms] | None = None,
                      kept: CachedPostings | None = None, current: CurrentOutput | None = None) -> dict[str, DataFile]:
    """The search index of the articles `views` list (from `search_terms`, each article's own
    terms by source path, where given), made now and fingerprinted by its text; `kept`, where
    the last build's postings are; `current`, as for `made_files`."""
    return {path: _made(path, text, current) for path, text in search_files(views, search_terms, kept)}

