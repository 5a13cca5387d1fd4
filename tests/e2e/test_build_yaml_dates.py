"""Dates in YAML that PyYAML reads badly: impossible days, and timestamps with a time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgen.build import build
from newsgen.config import load_config
from newsgen.errors import NewsgenError

from ..conftest import broken_links, write

GOOD_SEED = "Minister visits Lisbon\nA short visit.\nThe minister met the mayor on 3 May 2024.\n"


def _located(items) -> dict[str, str]:
    return {Path(item.path).name: f"{item.line}: {item.message}" for item in items}


@pytest.mark.parametrize("day", ["2024-02-30", "0000-00-00"])
def test_an_impossible_date_holds_back_only_its_own_source(tmp_path, day):
    write(tmp_path / "newsgen.yaml", "title: Desk\n")
    write(tmp_path / "seeds" / "good.txt", GOOD_SEED)
    write(tmp_path / "seeds" / "late.txt", "Late story\nIt came late.\nOn 4 May 2024 it came.\n")
    write(tmp_path / "content" / "seeds" / "late.yaml", f"headline: Later\ndate: {day}\n")
    write(tmp_path / "content" / "articles" / "hand.md", f"---\ntitle: Hand\n\ndate: {day}\n---\nBody.\n")
    report = build(load_config(tmp_path))
    dropped = _located(report.dropped)
    assert set(dropped) == {"late.yaml", "hand.md"}
    assert dropped["late.yaml"].startswith(f"2: invalid YAML: not a valid date: {day}")
    assert dropped["late.yaml"].endswith("seed 'late' is left out until this is fixed")
    assert dropped["hand.md"].startswith(f"4: invalid YAML: not a valid date: {day}")
    assert report.articles == 1


def test_an_impossible_date_in_the_config_names_its_line(tmp_path):
    write(tmp_path / "newsgen.yaml", "title: Desk\nextra:\n  since: 2024-02-30\n")
    with pytest.raises(NewsgenError) as info:
        load_config(tmp_path)
    assert str(info.value).startswith(f"{tmp_path / 'newsgen.yaml'}:3: invalid YAML: not a valid date: 2024-02-30")


def _texts(path: Path, tag: str) -> list[str]:
    return re.findall(rf"<{tag}>([^<]*)</{tag}>", path.read_text(encoding="utf-8"))


def test_a_timestamp_with_a_time_is_a_date_in_feeds_and_sitemap(tmp_path):
    base = "https://example.org/archive/"
    write(tmp_path / "newsgen.yaml", f"title: Desk\nbase_url: {base}\n")
    write(tmp_path / "seeds" / "good.txt", GOOD_SEED)
    write(tmp_path / "content" / "seeds" / "good.yaml", "date: 2030-02-03 10:20:30\n")
    write(tmp_path / "content" / "articles" / "hand.md",
          "---\ntitle: Hand\ndate: 2030-02-04 23:30:00+02:00\n---\nBody.\n")
    report = build(load_config(tmp_path))
    assert report.dropped == [] and report.articles == 2
    site = tmp_path / "site"
    updated = _texts(site / "feed.xml", "updated") + _texts(site / "feed.xml", "published")
    assert set(updated) == {"2030-02-04T00:00:00Z", "2030-02-03T00:00:00Z"}
    assert set(_texts(site / "sitemap.xml", "lastmod")) <= {"2030-02-04", "2030-02-03"}
    assert "2030-02-03" in _texts(site / "sitemap.xml", "lastmod")
    assert broken_links(site, base) == []
