"""Page weight of each kind of page: `python benchmarks/page_weight.py [COUNT] [--names many] [--site DIR]`.

For each kind of page, the heaviest one and its path: its HTML, plus the CSS
and JS it links (the icon and the search index shards aside), and the same less
the articles' own text (the text inside `.article-body`, and the headlines and
standfirsts of `.article-list`), which the 30 KB budget excludes. Later pages of
a list count as their list's kind. Then the largest HTML file of the site, and
how many pass 100 KB, the bound no page may pass at 100,000 articles.

Builds the archive of `archive.py` (COUNT generated articles besides the seed),
or with `--site` weighs a site already built.
"""

from __future__ import annotations

import argparse
import tempfile
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from archive import WRITERS, build_archive

LIMIT = 100_000  # bytes of HTML a page may weigh at 100,000 articles (issue #28)


class Assets(HTMLParser):
    """The stylesheets and scripts a page links, and the bytes of article text."""

    def __init__(self) -> None:
        super().__init__()
        self.files: list[str] = []
        self.body_text = 0
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet" or tag == "script" and a.get("src"):
            self.files.append(a.get("href") or a["src"])
        if self.depth or {"article-body", "article-list"} & set((a.get("class") or "").split()):
            self.depth += tag not in ("br", "img", "hr", "meta", "link", "input")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.body_text += len(data.strip().encode())


def weigh(page: Path) -> tuple[int, int, int]:
    parser = Assets()
    html = page.read_bytes()
    parser.feed(html.decode())
    assets = sum((page.parent / f).stat().st_size for f in parser.files)
    return len(html), assets, parser.body_text


def kind_of(path: PurePosixPath) -> str:
    """The kind of page at `path` (relative to the site): a later page of a list is its first page's kind."""
    parts = path.parts
    if len(parts) >= 3 and parts[-3] == "page":  # .../page/N/index.html
        parts = (*parts[:-3], "index.html")
    top, depth = parts[0], len(parts)
    if depth == 1:
        return {"index.html": "home page", "404.html": "not found"}.get(top, top)
    if top in ("people", "places"):
        if depth == 2:
            return f"{top} A-Z"
        return f"{top} A-Z initial" if len(parts[1]) == 1 else {"people": "person", "places": "place"}[top]
    if top == "archive":
        return {2: "archive", 3: "year"}.get(depth, "month")
    return {"articles": "article", "sections": "section", "search": "search"}.get(top, "content page")


def heaviest(site: Path, sizes: dict[Path, int]) -> dict[str, Path]:
    """The largest HTML file of each kind of page, by kind, of `sizes` (each file's bytes)."""
    found: dict[str, tuple[int, Path]] = {}
    for page, size in sizes.items():
        kind = kind_of(PurePosixPath(page.relative_to(site).as_posix()))
        if kind not in found or size > found[kind][0]:
            found[kind] = size, page
    return {kind: found[kind][1] for kind in sorted(found)}


def report(site: Path) -> None:
    sizes = {page: page.stat().st_size for page in site.rglob("*.html")}
    print(f"{'page':20} {'HTML':>8} {'CSS+JS':>8} {'total':>8} {'article text':>13} {'total less text':>16}  heaviest")
    for kind, page in heaviest(site, sizes).items():
        html, assets, text = weigh(page)
        print(f"{kind:20} {html:8} {assets:8} {html + assets:8} {text:13} {html + assets - text:16}  "
              f"{page.relative_to(site)}")
    largest = max(sizes, key=sizes.__getitem__)
    over = sum(size > LIMIT for size in sizes.values())
    print(f"largest HTML file: {largest.relative_to(site)}, {sizes[largest]:,} bytes; "
          f"{over} of {len(sizes):,} HTML files over {LIMIT:,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=300, help="generated articles besides the seed")
    parser.add_argument("--names", choices=sorted(WRITERS), default="few", help="as archive.py's --names")
    parser.add_argument("--site", type=Path, help="a built site to weigh instead of building one")
    args = parser.parse_args()
    if args.site:
        report(args.site)
        return
    with tempfile.TemporaryDirectory() as folder:
        report(build_archive(Path(folder), args.count, args.names))


if __name__ == "__main__":
    main()
