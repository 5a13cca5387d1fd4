"""The site's non-HTML outputs: Atom feeds, the sitemap and robots.txt.

Built with ElementTree, so every value is escaped. Dates come from the articles,
never the clock, so two builds write the same bytes.

Without a base_url nothing can be absolute, so: feed links are relative to the
feed's own URL (RFC 4287 resolves them against it), entry ids are `urn:uuid:`
names derived from the page path, the sitemap lists no pages (the protocol
allows only absolute URLs) and robots.txt names no sitemap. The build warns.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice

from . import urls
from .errors import BuildWarning
from .views import ArticleView

ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_SIZE = 20
SITEMAP_LIMIT = 50_000  # URLs per sitemap file, the protocol's maximum
_EPOCH = "1970-01-01T00:00:00Z"  # `updated` of a feed with no dated entries


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


def missing_base_url_warnings(base_url: str) -> list[BuildWarning]:
    if base_url:
        return []
    return [BuildWarning("no base_url set: feeds use relative links and sitemap.xml lists no pages; "
                         "set base_url (or --base-url) to the site's public URL")]


def _timestamp(when: date) -> str:
    return f"{when.isoformat()}T00:00:00Z"


def _link(base_url: str, from_path: str, to_path: str) -> str:
    return urls.absolute(base_url, to_path) if base_url else urls.relative(from_path, to_path)


def _page_id(base_url: str, path: str) -> str:
    if base_url:
        return urls.absolute(base_url, path)
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'newsgen:' + path)}"


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def atom_xml(feed: Feed, site_title: str, base_url: str, language: str = "") -> str:
    def add(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, tag, attrs)
        if text:
            element.text = text
        return element

    # The namespace is written as a plain attribute, so no global ElementTree prefix is registered.
    root = ET.Element("feed", {"xmlns": ATOM_NS, **({"xml:lang": language} if language else {})})
    add(root, "id", _page_id(base_url, feed.path))
    add(root, "title", feed.title)
    newest = feed.entries[0].article.date if feed.entries else None
    add(root, "updated", _timestamp(newest) if newest else _EPOCH)
    add(add(root, "author"), "name", site_title)
    add(root, "link", rel="alternate", type="text/html", href=_link(base_url, feed.path, feed.page_path))
    if base_url:
        add(root, "link", rel="self", type="application/atom+xml", href=urls.absolute(base_url, feed.path))
    for view in feed.entries:
        entry = add(root, "entry")
        add(entry, "id", _page_id(base_url, view.path))
        add(entry, "title", view.article.headline)
        add(entry, "updated", _timestamp(view.article.date))
        add(entry, "published", _timestamp(view.article.date))
        add(entry, "link", rel="alternate", type="text/html", href=_link(base_url, feed.path, view.path))
        if view.article.standfirst:
            add(entry, "summary", view.article.standfirst)
        for entity in view.article.people + view.article.places:
            add(entry, "category", term=entity.name)
    return _xml(root)


def _urlset(entries: Sequence[SitemapEntry], base_url: str) -> str:
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    for entry in entries:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = urls.absolute(base_url, entry.path)
        if entry.lastmod:
            ET.SubElement(url, "lastmod").text = entry.lastmod.isoformat()
    return _xml(root)


def sitemap_files(entries: Sequence[SitemapEntry], base_url: str) -> Iterator[tuple[str, str]]:
    """sitemap.xml; past the protocol's 50,000 URLs, an index of sitemaps/N.xml."""
    if not base_url:
        empty = ET.Element("urlset", xmlns=SITEMAP_NS)
        empty.append(ET.Comment(" No base_url was set, and a sitemap may list only absolute URLs. "))
        yield urls.SITEMAP_PATH, _xml(empty)
        return
    if len(entries) <= SITEMAP_LIMIT:
        yield urls.SITEMAP_PATH, _urlset(entries, base_url)
        return
    index = ET.Element("sitemapindex", xmlns=SITEMAP_NS)
    for number, start in enumerate(range(0, len(entries), SITEMAP_LIMIT), start=1):
        path = f"sitemaps/{number}.xml"
        yield path, _urlset(entries[start: start + SITEMAP_LIMIT], base_url)
        ET.SubElement(ET.SubElement(index, "sitemap"), "loc").text = urls.absolute(base_url, path)
    yield urls.SITEMAP_PATH, _xml(index)


def robots_txt(base_url: str) -> str:
    """Crawlers read robots.txt only at a host's root: for a project site under
    /<repo>/ it is ignored, and the sitemap is best submitted directly."""
    lines = ["User-agent: *", "Allow: /"]
    if base_url:
        lines.append(f"Sitemap: {urls.absolute(base_url, urls.SITEMAP_PATH)}")
    return "\n".join(lines) + "\n"
