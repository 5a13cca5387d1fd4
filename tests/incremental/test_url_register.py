"""The URL register (urls.lock): an article keeps its URL for as long as its source exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgen.build import build
from newsgen.config import load_config

from ..conftest import write

REGISTER_NAME = "urls.lock"  # at the site's root, beside seeds/


def _seed(root: Path, name: str, headline: str, town: str) -> None:
    write(root / "seeds" / name, f"{headline}\n\nThe bank of {town} raised its rates on 2 May 2024.\n")


def _story_at(root: Path, slug: str) -> str:
    """Which town's story the page at articles/<slug>/ tells."""
    html = (root / "site" / "articles" / slug / "index.html").read_text(encoding="utf-8")
    return next(town for town in ("Arlen", "Brill", "Corran", "Dunmore", "Esker") if f"bank of {town}" in html)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    _seed(root, "m.txt", "Rates rise again", "Corran")
    _seed(root, "n.txt", "Rates rise again", "Dunmore")
    build(load_config(root))
    assert (_story_at(root, "rates-rise-again"), _story_at(root, "rates-rise-again-2")) == ("Corran", "Dunmore")
    return root


def test_seeds_with_the_same_headline_sorting_first_leave_every_url_where_it_was(archive):
    _seed(archive, "a.txt", "Rates rise again", "Arlen")
    _seed(archive, "b.txt", "Rates rise again", "Brill")
    build(load_config(archive))
    assert [_story_at(archive, s) for s in ("rates-rise-again", "rates-rise-again-2",
                                             "rates-rise-again-3", "rates-rise-again-4")] == [
        "Corran", "Dunmore", "Arlen", "Brill"]


def test_an_edited_headline_keeps_its_url(archive):
    _seed(archive, "m.txt", "Rates rise for the third time", "Corran")
    build(load_config(archive))
    assert _story_at(archive, "rates-rise-again") == "Corran"
    assert not (archive / "site" / "articles" / "rates-rise-for-the-third-time").exists()


def test_a_deleted_source_frees_its_entry_and_then_its_url(archive):
    (archive / "seeds" / "m.txt").unlink()
    build(load_config(archive))
    assert "m.txt" not in (archive / REGISTER_NAME).read_text()
    assert _story_at(archive, "rates-rise-again-2") == "Dunmore"
    _seed(archive, "z.txt", "Rates rise again", "Esker")
    build(load_config(archive))
    assert (_story_at(archive, "rates-rise-again"), _story_at(archive, "rates-rise-again-2")) == ("Esker", "Dunmore")


def test_the_register_is_plain_sorted_lines_written_only_when_it_changes(archive):
    register = archive / REGISTER_NAME
    lines = [line for line in register.read_text().splitlines() if not line.startswith("#")]
    assert lines == ["seeds/m.txt\tarticles/rates-rise-again/", "seeds/n.txt\tarticles/rates-rise-again-2/"]
    written = register.stat().st_mtime_ns
    with open(archive / "seeds" / "n.txt", "a", encoding="utf-8") as handle:
        handle.write("Savers welcomed the news.\n")
    assert not build(load_config(archive)).up_to_date
    assert register.stat().st_mtime_ns == written
    assert build(load_config(archive)).up_to_date  # writing the register is no reason to build again


def test_a_register_edited_by_hand_is_built_again(archive):
    register = archive / REGISTER_NAME
    register.write_text(register.read_text().replace("articles/rates-rise-again-2/", "articles/dunmore-rates/"))
    assert not build(load_config(archive)).up_to_date
    assert _story_at(archive, "dunmore-rates") == "Dunmore"


def test_lines_the_build_cannot_use_are_warnings_naming_the_line(tmp_path):
    from newsgen.incremental.url_register import UrlRegister

    write(tmp_path / REGISTER_NAME, "# comment\nseeds/a.txt\tarticles/../../etc/\nseeds/b.txt articles/b/\n"
                                    "seeds/c.txt\tarticles/c/\nseeds/d.txt\tarticles/c/\nseeds/c.txt\tarticles/e/\n")
    register = UrlRegister.read(tmp_path)
    assert register.slugs == {"seeds/c.txt": "c"}
    assert [(w.path, w.line) for w in register.warnings] == [(REGISTER_NAME, n) for n in (2, 3, 5, 6)]


def test_a_register_half_written_by_a_killed_build_is_removed(archive):
    left = write(archive / f".{REGISTER_NAME}.4194304.tmp", "seeds/m.txt\tart")  # above any pid Linux gives
    _seed(archive, "a.txt", "Rates rise again", "Arlen")
    build(load_config(archive))
    assert not left.exists()


def test_a_build_that_fails_leaves_the_register_as_it_was(archive, monkeypatch):
    from newsgen.output.update import SiteUpdate

    before = (archive / REGISTER_NAME).read_bytes()
    _seed(archive, "a.txt", "Rates rise again", "Arlen")

    def fail(self):
        raise OSError("disk full")

    monkeypatch.setattr(SiteUpdate, "commit", fail)
    with pytest.raises(OSError):
        build(load_config(archive))
    assert (archive / REGISTER_NAME).read_bytes() == before


def test_people_and_places_are_a_second_kind_of_line_and_their_bad_lines_are_warnings(tmp_path):
    from newsgen.incremental.url_register import UrlRegister

    write(tmp_path / REGISTER_NAME, "seeds/a.txt\tarticles/gaza/\nGaza\tplaces/gaza/\nGaza\tpeople/gaza/\n"
                                    "Ada King\tpeople/a/\nAda King\tpeople/ada-king/\nA. King\tpeople/ada-king/\n"
                                    "Gaza\tplaces/gaza-2/\nMoon\tmoons/moon/\n\tpeople/nobody/\n")
    register = UrlRegister.read(tmp_path)
    assert register.slugs == {"seeds/a.txt": "gaza"}
    assert register.entities == {("place", "Gaza"): "gaza", ("person", "Gaza"): "gaza",
                                 ("person", "Ada King"): "ada-king"}
    assert [(w.path, w.line) for w in register.warnings] == [(REGISTER_NAME, n) for n in (4, 6, 7, 8, 9)]


def test_a_register_of_articles_only_loads_and_is_written_back_with_the_names_after_them(tmp_path):
    from newsgen.incremental.url_register import UrlRegister

    write(tmp_path / REGISTER_NAME, "seeds/a.txt\tarticles/a/\n")
    register = UrlRegister.read(tmp_path)
    assert (register.slugs, register.entities, register.warnings) == ({"seeds/a.txt": "a"}, {}, [])
    assert register.write(register.slugs, {("place", "Gaza"): "gaza", ("person", "Ada King"): "ada-king"})
    lines = [line for line in (tmp_path / REGISTER_NAME).read_text().splitlines() if not line.startswith("#")]
    assert lines == ["seeds/a.txt\tarticles/a/", "Ada King\tpeople/ada-king/", "Gaza\tplaces/gaza/"]
    again = UrlRegister.read(tmp_path)
    assert again.entities == {("place", "Gaza"): "gaza", ("person", "Ada King"): "ada-king"}
    assert not again.write(again.slugs, again.entities)
