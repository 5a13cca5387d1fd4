"""`newsgen check`: prove a built site works before anyone else opens it.

A link is judged twice: as file:// resolves it (relative links must end in a
file inside the site) and as a web server under `base_url` resolves it (absolute
and root-relative links into `base_url` must find a file, a folder meaning its
index.html). Every page must be reachable from index.html, but for a redirect page
(`<meta http-equiv="refresh">`, a merged duplicate's or a person's old URL), whose target is
checked as a link, and a page kept from search engines (`noindex`: a person's old URL that no
page holds now), whose links are checked; feeds and sitemaps must be well-formed XML in their proper namespaces.
"""

from __future__ import annotations

import posixpath
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import NewsgenError
from ..urls import SEARCH_PAGE
from .page_links import PageLinks, css_links, html_links, xml_links

NOT_ORPHANS = {"404.html"}
_READERS = {".html": html_links, ".css": css_links}
_SPECIAL_FRAGMENTS = {"", "top"}


@dataclass(frozen=True)
class Problem:
    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link}: {self.reason}" if self.link else f"{self.page}: {self.reason}"


@dataclass(frozen=True)
class CheckResult:
    problems: list[Problem]
    pages: int
    links: int
    feeds: int


@dataclass(frozen=True)
class _Target:
    """Where a link leads: a site path (or None when outside the site) and its fragment."""

    path: str | None
    fragment: str
    problem: str | None = None


class _Site:
    """The built site's files, read once, and link resolution against them."""

    def __init__(self, root: Path, base_url: str):
        self.root = root
        self.files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
        self.folders = {""}
        for file in self.files:
            folder = posixpath.dirname(file)
            while folder not in self.folders:
                self.folders.add(folder)
                folder = posixpath.dirname(folder)
        base = urlsplit(base_url)
        self.base_host = base.netloc.lower()
        self.base_path = base.path if base.path.endswith("/") else base.path + "/"

    def _served(self, path: str, fragment: str, how: str) -> _Target:
        """A path as a web server under base_url's path finds it: a folder serves its index.html."""
        if not path.startswith(self.base_path):
            return _Target(None, fragment, f"{how} link outside base_url's path {self.base_path}")
        rest = unquote(path[len(self.base_path):])
        folder = rest == "" or rest.endswith("/")
        rest = posixpath.normpath(rest) if rest else ""
        rest = "" if rest == "." else rest
        if rest.startswith(".."):
            return _Target(None, fragment, f"{how} link leaves the site")
        if folder or rest in self.folders:
            rest = posixpath.join(rest, "index.html")
        if rest not in self.files:
            return _Target(None, fragment, f"{how} link to a missing file under base_url ({rest})")
        return _Target(rest, fragment)

    def resolve(self, page: str, link: str) -> _Target | None:
        """None for links that leave the site (other hosts, mailto:, data:...)."""
        parts = urlsplit(link)
        if parts.scheme not in ("", "http", "https") or (parts.scheme and not parts.netloc):
            return None
        if parts.netloc:
            if not self.base_host or parts.netloc.lower() != self.base_host:
                return None
            path = self.base_path if parts.path + "/" == self.base_path else parts.path
            if not path.startswith(self.base_path):
                return None
            return self._served(path, parts.fragment, "absolute")
        if parts.path.startswith("/"):
            target = self._served(parts.path, parts.fragment, "root-relative")
            return _Target(target.path, parts.fragment, "root-relative link: breaks when opened from file://"
                           + (f"; {target.problem}" if target.problem else ""))
        if not parts.path:
            return _Target(page, parts.fragment)
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if path.startswith(".."):
            return _Target(None, parts.fragment, "leaves the site folder")
        if path in self.folders or path == "." or parts.path.endswith("/"):
            return _Target(None, parts.fragment, "links to a folder: file:// shows a listing, not its index.html")
        if path not in self.files:
            return _Target(None, parts.fragment, "missing file")
        return _Target(path, parts.fragment)


def _read(site: _Site, path: str) -> tuple[PageLinks, str | None]:
    text = (site.root / path).read_text(encoding="utf-8", errors="replace")
    if path.endswith(".xml"):
        return xml_links(text, sitemap=posixpath.basename(path).startswith("sitemap"))
    return _READERS[posixpath.splitext(path)[1]](text), None


def check_site(root: Path, base_url: str = "") -> CheckResult:
    if not (root / "index.html").is_file():
        raise NewsgenError(f"no built site here (no index.html): {root}; run `newsgen build` first")
    site = _Site(root, base_url)
    read = {path: _read(site, path) for path in sorted(site.files)
            if posixpath.splitext(path)[1] in (".html", ".css", ".xml")}
    problems = [Problem(path, "", error) for path, (_, error) in read.items() if error]
    graph: dict[str, set[str]] = {}
    links = 0
    for path, (page, _) in read.items():
        graph[path] = set()
        for link in page.links:
            links += 1
            target = site.resolve(path, link)
            if target is None:
                continue
            if target.problem:
                problems.append(Problem(path, link, target.problem))
            elif target.path is not None:
                graph[path].add(target.path)
                problem = _fragment_problem(read, target)
                if problem:
                    problems.append(Problem(path, link, problem))
    problems += _orphans(read, graph)
    pages = sum(1 for p in read if p.endswith(".html"))
    feeds = sum(1 for p in read if p.endswith(".xml"))
    return CheckResult(sorted(problems, key=lambda p: p.page), pages, links, feeds)


def _fragment_problem(read: dict[str, tuple[PageLinks, str | None]], target: _Target) -> str | None:
    if target.fragment in _SPECIAL_FRAGMENTS or not target.path or not target.path.endswith(".html"):
        return None
    if target.path == SEARCH_PAGE and target.fragment.startswith("q="):  # a search, which search.js reads
        return None
    if unquote(target.fragment) not in read[target.path][0].ids:
        return f"no element with id '{unquote(target.fragment)}' on {target.path}"
    return None


def _orphans(read: dict[str, tuple[PageLinks, str | None]], graph: dict[str, set[str]]) -> list[Problem]:
    seen, queue = {"index.html"}, deque(["index.html"])
    while queue:
        for target in graph.get(queue.popleft(), ()):
            if target.endswith(".html") and target not in seen:
                seen.add(target)
                queue.append(target)
    return [Problem(path, "", "orphaned: no chain of links leads here from index.html")
            for path, (page, _) in read.items()
            if path.endswith(".html") and path not in seen and path not in NOT_ORPHANS
            and not page.redirect and not page.unindexed]
