"""Shared fixtures: small sites that tests write themselves."""

from __future__ import annotations

import shutil
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


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    """An empty site folder with the real seed in seeds/."""
    root = tmp_path / "site-src"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(SEED, root / "seeds" / SEED.name)
    return root


def broken_links(site: Path, base_url: str = "") -> list[str]:
    """Every problem `newsgen check` finds in a built site: links, orphans, feeds."""
    from newsgen.check import check_site

    return [str(problem) for problem in check_site(site, base_url).problems]
