"""Read the links out of a built site's files, for `newsgen check`.

Only reading happens here: which links a file holds and which fragment ids it
offers. Whether a link resolves is `check.py`'s business.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime

_LINK_ATTRIBUTES = {"href", "src", "action", "poster", "data"}
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_RAW_TEXT = re.compile(r"(<(script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>).*?(?:</\2\s*>|$)", re.DOTALL | re.IGNORECASE)
_START_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_REFRESH_URL = re.compile(r"\s*\d+\s*[;,]\s*url\s*=\s*['\"]?([^'\"]*)", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]*)\1\s*\)""")
_ATOM = "http://www.w3.org/2005/Atom"
_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Atom dates are RFC 3339 date-times (RFC 4287 3.3); sitemap dates are W3C datetimes,
# which may stop at the year, month or day. Groups: year, month, day, hour, minute,
# second, zone hours, zone minutes.
_RFC3339 = re.compile(r"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:[Zz]|[+-](\d\d):(\d\d))", re.ASCII)
_W3C_DATETIME = re.compile(
    r"(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(?:Z|[+-](\d\d):(\d\d)))?)?)?", re.ASCII)
_DATES = [(f"{{{_ATOM}}}updated", _RFC3339, "an RFC 3339 date-time"),
          (f"{{{_ATOM}}}published", _RFC3339, "an RFC 3339 date-time"),
          (f"{{{_SITEMAP}}}lastmod", _W3C_DATETIME, "a W3C datetime")]


@dataclass
class PageLinks:
    """The links one file makes, in order, and the fragment ids it defines."""

    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    redirect: bool = False  # a `<meta http-equiv="refresh">` page: its URL is kept for links from elsewhere
    unindexed: bool = False  # a `<meta name="robots" content="noindex">` page: kept for them too


def html_links(text: str) -> PageLinks:
    """Start tags found by pattern, as html.parser finds them, at a tenth of its cost."""
    page = PageLinks()
    text = _RAW_TEXT.sub(r"\1", _COMMENT.sub("", text))
    for tag in _START_TAG.finditer(text):
        name = tag[1].lower()
        if name == "meta":
            _refresh_or_unindexed(tag[2], page)
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


def _refresh_or_unindexed(attributes: str, page: PageLinks) -> None:
    """A `<meta http-equiv="refresh" content="0; url=…">`: where it sends the browser is a link.
    A `<meta name="robots" content="noindex">` page is kept for links from elsewhere too (a
    person's old page that says no page holds the name now, `model.moved`)."""
    values = {a[1].lower(): _value(a) for a in _ATTRIBUTE.finditer(attributes)}
    if (values.get("name") or "").lower() == "robots" and "noindex" in (values.get("content") or "").lower():
        page.unindexed = True
    if (values.get("http-equiv") or "").lower() == "refresh":
        found = _REFRESH_URL.match(values.get("content") or "")
        if found:
            page.links.append(found[1].strip())
            page.redirect = True


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
    problem = _date_problem(root)
    if problem:
        return PageLinks(), problem
    links = [e.get("href", "") for e in root.iter(f"{{{_ATOM}}}link")]
    links += [(e.text or "").strip() for e in root.iter(f"{{{_SITEMAP}}}loc")]
    return PageLinks(links=[link for link in links if link]), None


def _date_problem(root: ET.Element) -> str | None:
    """The first date a feed reader or crawler would refuse: they drop the entry or the file."""
    for tag, pattern, kind in _DATES:
        for element in root.iter(tag):
            text = (element.text or "").strip()
            if not _real_date(pattern.fullmatch(text)):
                return f"<{tag.rpartition('}')[2]}> is not {kind}: {text!r}"
    return None


def _real_date(match: re.Match[str] | None) -> bool:
    """Shaped like a date and naming a real one: not 30 February, not 25 o'clock."""
    if match is None:
        return False
    # A W3C datetime may stop at the year or month: what it leaves out is the first.
    defaults = (0, 1, 1, 0, 0, 0, 0, 0)
    year, month, day, hour, minute, second, zone_hours, zone_minutes = (
        int(g) if g is not None else d for g, d in zip(match.groups(), defaults))
    try:  # second 60 is a leap second, which RFC 3339 allows
        datetime(year, month, day, hour, minute, min(second, 59))
    except ValueError:
        return False
    return zone_hours < 24 and zone_minutes < 60
