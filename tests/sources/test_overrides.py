from datetime import date
from pathlib import Path

import pytest

from newsgen.errors import NewsgenError
from newsgen.sources.files import SourceFile
from newsgen.sources.overrides import apply_override, load_override
from newsgen.sources.seed import parse_seed

from ..conftest import write


def test_override_replaces_date_and_headline(tmp_path):
    path = write(tmp_path / "a.yaml", "date: 2020-01-02\nheadline: Better\npeople: [Ann Lee]\nremove: [Foo]\n")
    override = load_override(path)
    article, _ = parse_seed(SourceFile(Path("a.txt"), "Old\nStand.\nOn May 5, 2019 it rained.\n"))
    changed = apply_override(article, override)
    assert (changed.date, changed.date_inferred, changed.headline) == (date(2020, 1, 2), False, "Better")
    assert changed.slug == article.slug, "a corrected headline must not move the page"
    assert override.add_people == ("Ann Lee",) and override.remove == ("Foo",)


@pytest.mark.parametrize(
    "text, message",
    [
        ("date: 2020-01-02\nauthor: x\n", ":2: unknown key 'author'"),
        ("people: Ann\n", ":1: 'people' must be a list of names"),
        ("headline: ''\n", ":1: 'headline' must be non-empty text"),
    ],
)
def test_bad_override_names_the_line(tmp_path, text, message):
    path = write(tmp_path / "a.yaml", text)
    with pytest.raises(NewsgenError) as info:
        load_override(path)
    assert message in str(info.value)


def test_override_sets_the_section_over_the_folders():
    from newsgen.records import SeedOverride

    article, _ = parse_seed(SourceFile(Path("seeds/tech/a.txt"), "Old\nStand.\n"), section="Tech")
    assert article.section == "Tech"
    assert apply_override(article, SeedOverride("a.yaml", section="Business")).section == "Business"
    assert apply_override(article, SeedOverride("a.yaml", headline="New")).section == "Tech"


def test_override_reads_a_section(tmp_path):
    assert load_override(write(tmp_path / "a.yaml", "section: ' Business '\n")).section == "Business"
    with pytest.raises(NewsgenError, match="'section' must be non-empty text"):
        load_override(write(tmp_path / "b.yaml", "section: [a]\n"))


def _in_sections(root: Path) -> Path:
    """Two desks each filing a `001.txt`, and one `002.txt`."""
    for section in ("business", "sport"):
        write(root / "seeds" / section / "001.txt", f"{section.title()} story one\nFiled by the {section} desk.\n")
    write(root / "seeds" / "business" / "002.txt", "Business story two\nFiled by the business desk.\n")
    return root


def _headlines(report_root: Path) -> set[str]:
    return {line.strip() for page in (report_root / "site" / "articles").glob("*/index.html")
            for line in page.read_text(encoding="utf-8").split("\n") if "story" in line and "<h1" in line}


def test_an_override_named_by_the_seeds_path_corrects_that_seed_only(tmp_path):
    from newsgen.build import build
    from newsgen.config import load_config

    root = _in_sections(tmp_path)
    write(root / "content" / "seeds" / "sport" / "001.yaml", "headline: Corrected sport story\n")
    report = build(load_config(root))
    headlines = " ".join(_headlines(root))
    assert "Corrected sport story" in headlines and "Business story one" in headlines
    assert "Sport story one" not in headlines and [w for w in report.warnings if w.path] == []


def test_an_override_named_by_a_stem_two_seeds_share_is_not_used_and_says_why(tmp_path):
    from newsgen.build import build
    from newsgen.config import load_config

    root = _in_sections(tmp_path)
    write(root / "content" / "seeds" / "001.yaml", "headline: Which story\n")
    report = build(load_config(root))
    assert "Which story" not in " ".join(_headlines(root))
    (warning,) = [w for w in report.warnings if w.path]
    assert (warning.path, warning.line) == ("content/seeds/001.yaml", 1)
    assert "seeds/business/001.txt, seeds/sport/001.txt" in warning.message
    assert "content/seeds/business/001.yaml" in warning.message


def test_an_override_named_by_a_stem_one_seed_has_still_finds_it_in_its_section(tmp_path):
    from newsgen.sources.overrides import match_overrides

    root = _in_sections(tmp_path)
    write(root / "content" / "seeds" / "002.yaml", "headline: Corrected\n")
    seeds = ["business/001.txt", "business/002.txt", "sport/001.txt"]
    matched, warnings = match_overrides(seeds, root / "content" / "seeds", str)
    assert matched == {"business/002.txt": root / "content" / "seeds" / "002.yaml"} and warnings == []


def test_an_override_by_path_wins_over_one_by_stem_which_is_reported(tmp_path):
    from newsgen.sources.overrides import match_overrides

    folder = tmp_path / "content" / "seeds"
    by_stem, by_path = write(folder / "002.yaml", "headline: A\n"), write(folder / "business" / "002.yaml", "headline: B\n")
    matched, warnings = match_overrides(["business/002.txt", "002-other.txt"], folder, lambda p: p.name)
    assert matched == {"business/002.txt": by_path}
    assert [(w.path, w.message) for w in warnings] == [
        (by_stem.name, "not used: seeds/business/002.txt has its own override, 002.yaml")]


def test_a_seed_directly_in_seeds_is_matched_by_path_though_a_section_has_its_stem(tmp_path):
    from newsgen.sources.overrides import match_overrides

    folder = tmp_path / "content" / "seeds"
    override = write(folder / "001.yaml", "headline: A\n")
    matched, warnings = match_overrides(["001.txt", "sport/001.txt"], folder, str)
    assert matched == {"001.txt": override} and warnings == []
