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
