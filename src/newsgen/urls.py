"""Site paths and the links between them.

Every page has a site path such as `articles/x/index.html`. Links between pages
are relative and end in a file, so the site works from file:// and under any
sub-path; only feeds and metadata use absolute URLs from `base_url`.
"""

from __future__ import annotations

import posixpath


def relative(from_page: str, to_path: str) -> str:
    """The relative link from page `from_page` to site path `to_path`.

    Site paths are already normal (no '.', '..' or leading '/'), so this is pure
    string work: `posixpath.relpath` asks the OS for the working folder on every
    call, and splitting both paths into lists costs more than the page it links
    from, across the hundreds of links on each page. Most links leave the page's
    top folder (an article's to people, places, the index), which a comparison of
    the first folder's name settles.
    """
    if to_path.startswith(("/", ".")) or "//" in to_path or "/." in to_path:
        return posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")
    top = from_page.find("/")  # -1 at the site root
    if top < 0:
        return to_path or "."
    if from_page[:top] != to_path[:top]:
        return "../" * from_page.count("/") + to_path
    folder = from_page[: from_page.rfind("/") + 1]  # ending in "/"
    common = 0  # length of the folders both paths start with
    while (cut := folder.find("/", common) + 1) and folder[common:cut] == to_path[common:cut]:
        common = cut
    rest = to_path[common:]
    if cut and rest + "/" == folder[common:cut]:  # a folder holding `from_page`
        return "/".join([".."] * folder.count("/", cut)) or "."
    return "../" * folder.count("/", common) + rest or "."


def absolute(base_url: str, path: str) -> str:
    """An absolute URL for feeds and metadata; '' when no base_url is set."""
    if not base_url:
        return ""
    if path == "index.html":
        path = ""
    elif path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return base_url + path


def article_path(slug: str) -> str:
    return f"articles/{slug}/index.html"


def tag_path(kind: str, slug: str) -> str:
    return f"{kind_folder(kind)}/{slug}/index.html"


def tag_index_path(kind: str) -> str:
    return f"{kind_folder(kind)}/index.html"


# The A–Z's pages, one per initial, beside the people's and places' own pages: `0` holds names
# that start with no letter A–Z. These slugs are thus taken for them (`model.listing`).
INDEX_INITIALS = (*"abcdefghijklmnopqrstuvwxyz", "0")


def tag_letter_path(kind: str, initial: str) -> str:
    """The A–Z page of one initial (of `INDEX_INITIALS`): `people/a/index.html`."""
    return f"{kind_folder(kind)}/{initial}/index.html"


def section_path(slug: str) -> str:
    return f"sections/{slug}/index.html"


def kind_folder(kind: str) -> str:
    return "people" if kind == "person" else "places"


def paged_path(first_page: str, number: int) -> str:
    """Page `number` of a paginated list whose first page is `first_page`:
    `index.html` -> `page/2/index.html`, `people/x/index.html` -> `people/x/page/2/index.html`."""
    if number == 1:
        return first_page
    folder = first_page.rpartition("/")[0]
    return f"{folder}/page/{number}/index.html" if folder else f"page/{number}/index.html"


def index_page_path(number: int) -> str:
    return paged_path("index.html", number)


def content_page_path(slug: str) -> str:
    return f"{slug}/index.html"


def tag_feed_path(tag_page: str) -> str:
    """A person's or place's Atom feed sits beside its page."""
    return posixpath.join(posixpath.dirname(tag_page), "feed.xml")


def archive_index_path() -> str:
    return "archive/index.html"


def archive_year_path(year: int) -> str:
    return f"archive/{year:04d}/index.html"


def archive_month_path(year: int, month: int) -> str:
    return f"archive/{year:04d}/{month:02d}/index.html"


def archive_undated_path() -> str:
    return "archive/undated/index.html"


SITE_FEED_PATH = "feed.xml"
SITEMAP_PATH = "sitemap.xml"
ROBOTS_PATH = "robots.txt"
NOT_FOUND_PATH = "404.html"

# Search lives at a fixed site path; its result links are relative to it.
SEARCH_PAGE = "search/index.html"
SEARCH_SHARDS = "search/shards"
SEARCH_MANIFEST = f"{SEARCH_SHARDS}/meta.js"
