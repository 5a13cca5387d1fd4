"""The site's non-HTML outputs: Atom feeds, the sitemap and robots.txt.

Written with xml_text, so every value is escaped. Dates come from the articles,
never the clock, so two builds write the same bytes. An article's entry is the
same in every tag feed (they all sit at the same depth), so it is written once
per build and reused.

Without a base_url nothing can be absolute, so: feed links are relative to the
feed's own URL (RFC 4287 resolves them against it), entry ids are `urn:uuid:`
names derived from the page path, the sitemap lists no pages (the protocol
allows only absolute URLs) and robots.txt names no sitemap. The build warns.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import date

from .. import urls
from ..model.feeds import Feed, SitemapEntry
from ..model.views import ArticleView
from ..util.digests import digest
from .xml_text import comment, document, leaf, nest

ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_LIMIT = 50_000  # URLs per sitemap file, the protocol's maximum
_EPOCH = "1970-01-01T00:00:00Z"  # `updated` of a feed with no dated entries


def _timestamp(when: date) -> str:
    return f"{when.isoformat()}T00:00:00Z"


def _link(base_url: str, from_path: str, to_path: str) -> str:
    return urls.absolute(base_url, to_path) if base_url else urls.relative(from_path, to_path)


def _page_id(base_url: str, path: str) -> str:
    if base_url:
        return urls.absolute(base_url, path)
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'newsgen:' + path)}"


@functools.lru_cache(maxsize=1 << 14)
def _category(name: str) -> str:
    return leaf("category", term=name)


def _entry(view: ArticleView, base_url: str, link: str) -> str:
    article = view.article
    when = _timestamp(article.date)
    return nest("entry", depth=1, children=[
        leaf("id", _page_id(base_url, view.path)),
        leaf("title", article.headline),
        leaf("updated", when),
        leaf("published", when),
        leaf("link", rel="alternate", type="text/html", href=link),
        *([leaf("summary", article.standfirst)] if article.standfirst else []),
        *(_category(entity.name) for entity in article.people + article.places),
    ])


class FeedWriter:
    """Writes one build's feeds, each article's entry once, and fingerprints each
    feed by everything it shows, so an unchanged feed need not be written again."""

    def __init__(self, site_title: str, base_url: str, language: str = "", articles: Mapping[str, bytes] | None = None):
        """`articles`, where given, holds a digest of each article's fields but those only its own
        page shows (`fingerprint.ModelDigests.articles`, by path), which covers what an entry shows."""
        self.site_title, self.base_url, self.language = site_title, base_url, language
        self._articles = articles or {}
        self._entries: dict[tuple[str, str], str] = {}  # (page path, link) -> entry
        self._shown: dict[str, str] = {}  # page path -> what an entry shows of that article

    def fingerprint(self, feed: Feed) -> str:
        shown, digested = self._shown, self._articles
        for view in feed.entries:
            if view.path not in shown:
                article = view.article
                part = digested.get(view.path)
                shown[view.path] = repr((view.path, part) if part is not None else (
                    view.path, article.headline, article.date, article.standfirst,
                    [e.name for e in article.people + article.places]))
        head = repr((self.site_title, self.base_url, self.language, feed.path, feed.title, feed.page_path))
        return digest(head, "\n".join([shown[view.path] for view in feed.entries]))  # a repr holds no line break

    def atom(self, feed: Feed) -> str:
        base_url = self.base_url
        newest = feed.entries[0].article.date if feed.entries else None
        head = [
            leaf("id", _page_id(base_url, feed.path)),
            leaf("title", feed.title),
            leaf("updated", _timestamp(newest) if newest else _EPOCH),
            nest("author", [leaf("name", self.site_title)], depth=1),
            leaf("link", rel="alternate", type="text/html", href=_link(base_url, feed.path, feed.page_path)),
        ]
        if base_url:
            head.append(leaf("link", rel="self", type="application/atom+xml", href=urls.absolute(base_url, feed.path)))
        for view in feed.entries:
            link = _link(base_url, feed.path, view.path)
            if (view.path, link) not in self._entries:
                self._entries[view.path, link] = _entry(view, base_url, link)
            head.append(self._entries[view.path, link])
        # The namespace is written as a plain attribute: the feed needs no prefixes.
        language = {"xml:lang": self.language} if self.language else {}
        return document(nest("feed", head, xmlns=ATOM_NS, **language))


def _urlset(entries: Sequence[SitemapEntry], base_url: str) -> str:
    return document(nest("urlset", (
        nest("url", [leaf("loc", urls.absolute(base_url, entry.path)),
                     *([leaf("lastmod", entry.lastmod.isoformat())] if entry.lastmod else [])], depth=1)
        for entry in entries), xmlns=SITEMAP_NS))


def sitemap_files(entries: Sequence[SitemapEntry], base_url: str) -> Iterator[tuple[str, str]]:
    """sitemap.xml; past the protocol's 50,000 URLs, an index of sitemaps/N.xml."""
    if not base_url:
        note = comment(" No base_url was set, and a sitemap may list only absolute URLs. ")
        yield urls.SITEMAP_PATH, document(nest("urlset", [note], xmlns=SITEMAP_NS))
        return
    if len(entries) <= SITEMAP_LIMIT:
        yield urls.SITEMAP_PATH, _urlset(entries, base_url)
        return
    parts = []
    for number, start in enumerate(range(0, len(entries), SITEMAP_LIMIT), start=1):
        path = f"sitemaps/{number}.xml"
        yield path, _urlset(entries[start: start + SITEMAP_LIMIT], base_url)
        parts.append(nest("sitemap", [leaf("loc", urls.absolute(base_url, path))], depth=1))
    yield urls.SITEMAP_PATH, document(nest("sitemapindex", parts, xmlns=SITEMAP_NS))


def robots_txt(base_url: str) -> str:
    """Crawlers read robots.txt only at a host's root: for a project site under
    /<repo>/ it is ignored, and the sitemap is best submitted directly."""
    lines = ["User-agent: *", "Allow: /"]
    if base_url:
        lines.append(f"Sitemap: {urls.absolute(base_url, urls.SITEMAP_PATH)}")
    return "\n".join(lines) + "\n"
