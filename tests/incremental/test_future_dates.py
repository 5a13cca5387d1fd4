"""A seed dated ahead of the build: undated until its day comes, then dated by the next build,
though its file has not changed, as a clean build that day dates it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from newsgen.build import build
from newsgen.config import load_config

from ..conftest import tree_bytes, write
from ..sitegen import write_archive

_DAY = date(2030, 6, 1)
_SEED = "seeds/2030-06-01-launch.txt"


def _clean_build(root: Path, tmp_path: Path, today: date) -> dict[str, bytes]:
    copy = tmp_path / "clean"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site", ".newsgen-cache"))
    build(load_config(copy), today=today)
    return tree_bytes(copy / "site")


def _page(root: Path) -> str:
    return (root / "site" / "articles" / "harbour-ferry-launched" / "index.html").read_text(encoding="utf-8")


def test_a_seed_dated_in_the_future_is_dated_by_the_first_build_on_its_day(tmp_path, monkeypatch):
    root = tmp_path / "src"
    write_archive(root / "seeds", 12)
    write(root / _SEED, "Harbour ferry launched\nThe new ferry sails.\nMaria Lopez cut the ribbon in Oslo.\n")
    report = build(load_config(root), today=date(2030, 5, 31))
    assert [w.path for w in report.warnings if w.path] == [_SEED] and 'datetime="2030-06-01"' not in _page(root)
    assert build(load_config(root), today=date(2030, 5, 31)).up_to_date  # the day has not come: nothing to do

    parsed = []
    from newsgen.sources import ingest

    original = ingest.parse_seed
    monkeypatch.setattr(ingest, "parse_seed",
                        lambda source, name, *rest: parsed.append(name) or original(source, name, *rest))
    report = build(load_config(root), jobs=1, today=_DAY)  # parsed in this process, where `parsed` sees it
    assert not report.up_to_date and parsed == [_SEED]  # that file only
    assert [w.path for w in report.warnings if w.path] == [] and 'datetime="2030-06-01"' in _page(root)
    assert tree_bytes(root / "site") == _clean_build(root, tmp_path, _DAY)
    monkeypatch.undo()
    assert build(load_config(root), today=date(2030, 6, 2)).up_to_date  # it holds from now on
