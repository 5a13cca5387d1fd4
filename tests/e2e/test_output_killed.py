"""SIGKILL a real `newsgen build` at random moments: the site is always one whole build.

Each round changes the site (one more article; every other round also a new title,
so both whole-site and small changes are killed), starts a build in a subprocess,
kills it after a seeded random delay spread over a full build's duration, and checks
that the output holds exactly the last completed build or the new one: the article
count gives the version, every page carries that version's title, the index lists
every article page, and no link is broken.
"""

from __future__ import annotations

import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from ..conftest import broken_links, listed_once_deleted, write

ROUNDS = 8
BASE_ARTICLES = 300
_TITLE = re.compile(r'<a class="site-title"[^>]*>Archive v(\d+)</a>')
_ARTICLE_LINK = re.compile(r'href="(?:\.\./)*articles/([^/"]+)/index\.html"')


def _title(version: int) -> int:
    return version // 2


def _prepare(root: Path, version: int) -> None:
    write(root / "newsgen.yaml", f"title: Archive v{_title(version)}\npage_size: 10\n")
    for n in range(BASE_ARTICLES + version):
        path = root / "seeds" / f"{n:04d}.txt"
        if not path.exists():
            paragraphs = "\n\n".join(
                f"Minister Jane Doe{n % 7} met officials in Lisbon on {1 + i % 28} March 2024 to discuss budget item {i}."
                for i in range(12)
            )
            write(path, f"Report number {n} from the desk\n\n{paragraphs}\n")


def _start(root: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsgen.cli", "build", "-q"], cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _version_of(site: Path) -> int:
    """The one build version the site shows; fails if files from two builds are mixed."""
    articles = {p.name for p in (site / "articles").iterdir()}
    version = len(articles) - BASE_ARTICLES
    listed = set()
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        found = _TITLE.search(html)
        assert found and int(found.group(1)) == _title(version), f"{page} is not from build {version}"
        if page.relative_to(site).parts[0] in ("index.html", "page"):
            listed |= set(_ARTICLE_LINK.findall(html))
    assert listed == articles, "the index and the article pages come from different builds"
    assert (site / ".newsgen-site").is_file()
    assert broken_links(site) == []
    return version


def test_killed_builds_leave_a_whole_site(tmp_path):
    root = tmp_path / "src"
    _prepare(root, 0)
    started = time.perf_counter()
    assert _start(root).wait(120) == 0
    full_build = time.perf_counter() - started
    completed = _version_of(root / "site")
    rng = random.Random(20240818)
    for version in range(1, ROUNDS + 1):
        _prepare(root, version)
        build = _start(root)
        time.sleep(rng.uniform(0.1, 1.3) * full_build)
        build.send_signal(signal.SIGKILL)
        if build.wait(60) == 0:
            completed = version  # it finished before the signal arrived
        seen = _version_of(root / "site")
        assert seen in (completed, version)
        completed = seen
    assert _start(root).wait(120) == 0
    assert _version_of(root / "site") == ROUNDS
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "src") == []
    assert listed_once_deleted(root) == [".newsgen-cache", ".site.lock", "newsgen.yaml", "seeds", "site",
                                      "urls.lock"]
