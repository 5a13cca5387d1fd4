"""Read the links out of a built site's files, for `newsgen check`.

Only reading happens here: which links a file holds and which fragment ids it
offers. Whether a link resolves is `check.py`'s business.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser

_LINK_ATTRIBUTES = {"href", "src", "action", "poster", "data"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]*)\1\s*\)""")
_ATOM = "http://www.w3.org/2005/Atom"
_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass
class PageLinks:
    """The links one file makes, in order, and the fragment ids it defines."""

    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _HtmlLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in _LINK_ATTRIBUTES:
                self.page.links.append(value.strip())
            elif name in ("srcset", "imagesrcset"):
                self.page.links += [c.split()[0] for c in value.split(",") if c.strip()]
            elif name == "id" or (name == "name" and tag == "a"):
                self.page.ids.add(value)


def html_links(text: str) -> PageLinks:
    parser = _HtmlLinks()
    parser.feed(text)
    parser.close()
    return parser.page


def css_links(text: str) -> PageLinks:
    return PageLinks(links=[m["url"].strip() for m in _CSS_URL.finditer(text)])


def xml_links(text: str, sitemap: bool = False) -> tuple[PageLinks, str | None]:
    """Links in an Atom feed or sitemap, and what is wrong with the document, if anything."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        return PageLinks(), f"not well-formed XML: {exc}"
    local = root.tag.rpartition("}")[2]
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    if sitemap and local not in ("urlset", "sitemapindex"):
        return PageLinks(), f"a sitemap's root must be <urlset> or <sitemapindex>, not <{local}>"
    expected = {"feed": _ATOM, "urlset": _SITEMAP, "sitemapindex": _SITEMAP}.get(local)
    if expected is not None and namespace != expected:
        return PageLinks(), f"<{local}> must be in the namespace {expected}, not {namespace or 'none'}"
    links = [e.get("href", "") for e in root.iter(f"{{{_ATOM}}}link")]
    links += [(e.text or "").strip() for e in root.iter(f"{{{_SITEMAP}}}loc")]
    return PageLinks(links=[link for link in links if link]), None
