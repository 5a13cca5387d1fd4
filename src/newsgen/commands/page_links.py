"""Read the links out of a built site's files, for `newsgen check`.

Only reading happens here: which links a file holds and which fragment ids it
offers. Whether a link resolves is `check.py`'s business.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

_LINK_ATTRIBUTES = {"href", "src", "action", "poster", "data"}
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_RAW_TEXT = re.compile(r"(<(script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>).*?(?:</\2\s*>|$)", re.S | re.I)
_START_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]*)\1\s*\)""")
_ATOM = "http://www.w3.org/2005/Atom"
_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass
class PageLinks:
    """The links one file makes, in order, and the fragment ids it defines."""

    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


def html_links(text: str) -> PageLinks:
    """Start tags found by pattern, as html.parser finds them, at a tenth of its cost."""
    page = PageLinks()
    text = _RAW_TEXT.sub(r"\1", _COMMENT.sub("", text))
    for tag in _START_TAG.finditer(text):
        name = tag[1].lower()
        for attribute in _ATTRIBUTE.finditer(tag[2]):
            key, value = attribute[1].lower(), _value(attribute)
            if value is None:
                continue
            if key in _LINK_ATTRIBUTES:
                page.links.append(value.strip())
            elif key in ("srcset", "imagesrcset"):
                page.links += [c.split()[0] for c in value.split(",") if c.strip()]
            elif key == "id" or (key == "name" and name == "a"):
                page.ids.add(value)
    return page


def _value(attribute: re.Match[str]) -> str | None:
    for group in (2, 3, 4):
        if attribute[group] is not None:
            return html.unescape(attribute[group])
    return None


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
