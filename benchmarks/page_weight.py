"""Page weight of each kind of page: `python benchmarks/page_weight.py [COUNT]`.

Counts a page's HTML plus the CSS and JS it links (the icon and the search
index shards aside), and the same less the articles' own text (the text
inside `.article-body`, and the headlines and standfirsts of `.article-list`),
which the 30 KB budget excludes.
"""

from __future__ import annotations

import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from archive import build_archive

KINDS = {"home page": "index.html", "article": "articles/*/index.html", "person": "people/*/index.html",
         "place": "places/*/index.html", "people A-Z": "people/index.html", "people A-Z initial": "people/?/index.html", "search": "search/index.html",
         "archive": "archive/index.html", "year": "archive/[0-9]*/index.html", "month": "archive/*/*/index.html",
         "not found": "404.html"}


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


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as folder:
        site = build_archive(Path(folder), count)
        print(f"{'page':12} {'HTML':>8} {'CSS+JS':>8} {'total':>8} {'article text':>13} {'total less text':>16}")
        for kind, pattern in KINDS.items():
            page = max(site.glob(pattern), key=lambda p: p.stat().st_size)  # the heaviest of its kind
            html, assets, text = weigh(page)
            print(f"{kind:12} {html:8} {assets:8} {html + assets:8} {text:13} {html + assets - text:16}")


if __name__ == "__main__":
    main()
