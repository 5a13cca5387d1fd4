"""Shared fixtures: small sites that tests write themselves."""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_eb79ed762533e805.txt"
SHARED = REPO.parent / "shared"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def nested_folders(folder: Path, depth: int) -> Path:
    """`folder/d/d/.../d`, `depth` deep, made one level at a time: `Path.mkdir(parents=True)`
    recurses, and stops at Python's recursion limit."""
    folder.mkdir(parents=True, exist_ok=True)
    path = str(folder)
    for _ in range(depth):
        path = os.path.join(path, "d")
        os.mkdir(path)
    return Path(path)


def remove_nested(bottom: Path, top: Path) -> None:
    """Delete what `nested_folders` made, from the bottom up (`shutil.rmtree`, which pytest's
    clean-up uses, recurses too)."""
    for name in os.listdir(bottom):
        os.unlink(os.path.join(bottom, name))
    path = str(bottom)
    while path != str(top):
        os.rmdir(path)
        path = os.path.dirname(path)


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    """An empty site folder with the real seed in seeds/."""
    root = tmp_path / "site-src"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(SEED, root / "seeds" / SEED.name)
    return root


def wait_for(condition, what: str, timeout: float = 20.0):
    """Poll `condition` until it returns something truthy; fail naming `what` at the deadline."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def listed_once_deleted(folder: Path) -> list[str]:
    """The names in `folder` once the old sites that detached processes delete (`.trash-*`) are gone."""
    wait_for(lambda: not any(".trash-" in p.name for p in folder.iterdir()), "the old site's deletion")
    return sorted(p.name for p in folder.iterdir())


def broken_links(site: Path, base_url: str = "") -> list[str]:
    """Every problem `newsgen check` finds in a built site: links, orphans, feeds."""
    from newsgen.commands.check import check_site

    return [str(problem) for problem in check_site(site, base_url).problems]


def require(available: bool, reason: str) -> None:
    """Skip when a tool is missing here; in CI (which installs it in .ci/run) fail instead."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; .ci/run should have installed it")
    pytest.skip(reason)


HOSTILE_TITLE = '<img src=x onerror="window.pwned=1"> Zanzibar ferry'


@pytest.fixture(scope="session")
def archive_site(tmp_path_factory) -> Path:
    """The seed plus a few hundred generated articles, a page and a hostile headline, built once."""
    from newsgen.build import build
    from newsgen.config import load_config

    from .sitegen import write_archive

    root = tmp_path_factory.mktemp("archive")
    (root / "seeds").mkdir()
    shutil.copy(SEED, root / "seeds" / SEED.name)
    write_archive(root / "seeds", 300)
    write(root / "content" / "pages" / "about.md", "---\ntitle: About\n---\nWho we are, and [the people](../people/index.html).\n")
    write(root / "content" / "articles" / "hostile.md",
          f"---\ntitle: '{HOSTILE_TITLE}'\ndate: 2019-05-01\nstandfirst: 'A <b>bold</b> claim'\n---\nText.\n")
    report = build(load_config(root))
    assert report.dropped == [], report.dropped
    return root / "site"


def one_page_per_type(site: Path) -> list[Path]:
    """The first HTML file of each kind of page: same top folder and depth, e.g. one article, one person."""
    kinds: dict[tuple[str, int], Path] = {}
    for page in sorted(site.rglob("*.html")):
        parts = page.relative_to(site).parts
        initial = len(parts) > 2 and len(parts[1]) == 1  # an A–Z page of one initial, beside the people's own
        kinds.setdefault((parts[0], len(parts), initial), page)
    return sorted(kinds.values())


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path, for comparing whole builds."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def dask_scheduler() -> Iterator[str]:
    """The address of a Dask `LocalCluster` of two worker processes on 127.0.0.1, started once
    for the suite's Dask tests and stopped after them."""
    require(importlib.util.find_spec("distributed") is not None, "Dask is not installed: pip install 'newsgen[dask]'")
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster:
        yield cluster.scheduler_address
