"""`newsgen entities --review` on a small archive the test writes: what it lists, and that it
reads the archive through the build's record store without re-extracting or dropping anything."""

import json
import shutil

import pytest

from newsgen.build import build
from newsgen.cli import main
from newsgen.config import load_config

from ..conftest import write


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "archive"
    write(root / "seeds" / "a.txt", "Blinken in Cairo\n\nAntony Blinken flew to Cairo.\n\nBlinken met officials in Egypt.\n")
    write(root / "seeds" / "b.txt", "Talks in Doha\n\nOn Monday, Blinken visited Doha for talks.\n")
    return root


def review(root, capsys, *options):
    assert main(["entities", "--review", "--root", str(root), *options]) == 0
    return capsys.readouterr().out


def test_lists_each_group_with_counts_and_a_rule(root, capsys):
    out = review(root, capsys)
    assert out.startswith("Review of 2 articles: 1 people and 3 places (2 of 2 source files parsed now")
    folds = out.split("Short names put on a full name's page (across the archive first, then within an article): "
                      "2, touching 2 articles\n")[1].splitlines()
    assert folds[0].startswith("  1  Blinken (person): put on the page of Antony Blinken in articles that do not name")
    assert folds[1].strip() == "ignore: [Blinken]"
    assert folds[2].startswith("  1  Blinken (person): written beside Antony Blinken in the same article")
    assert "Pages that list one article: 3, touching 3 articles" in out
    assert "Doha (place): a place page that lists one article" in out


def test_limit_and_json(root, capsys):
    out = review(root, capsys, "--limit", "1")
    assert "  ... and 2 more (--limit 0 lists all)" in out
    data = json.loads(review(root, capsys, "--json", "--limit", "0"))
    assert (data["articles"], data["people"], data["places"], data["files"]) == (2, 1, 3, 2)
    groups = {g["group"]: g for g in data["groups"]}
    assert [(f["name"], f["kind"], f["articles"], f["rule"]) for f in groups["folds"]["shown"]] == [
        ("Blinken", "person", 1, "ignore: [Blinken]")] * 2
    assert len(groups["one-article pages"]["shown"]) == groups["one-article pages"]["findings"] == 3


def test_reuses_the_build_cache_and_drops_nothing_from_it(root, capsys, tmp_path):
    build(load_config(root))
    assert "(0 of 2 source files parsed now" in review(root, capsys)
    # A review of fewer sources must leave the others' records for the build.
    shutil.move(root / "seeds" / "b.txt", tmp_path / "b.txt")
    assert "Review of 1 articles" in review(root, capsys)
    shutil.move(tmp_path / "b.txt", root / "seeds" / "b.txt")
    assert "(0 of 2 source files parsed now" in review(root, capsys)


def test_a_new_source_is_parsed_once_and_kept_for_the_build(root, capsys):
    build(load_config(root))
    write(root / "seeds" / "c.txt", "Visit to Oslo\n\nAntony Blinken arrived in Oslo.\n")
    assert "(1 of 3 source files parsed now" in review(root, capsys)
    assert "(0 of 3 source files parsed now" in review(root, capsys)


def test_paths_are_refused_with_review(root, capsys):
    assert main(["entities", "--review", "--root", str(root), str(root / "seeds")]) == 2
    assert "--review reads the whole archive" in capsys.readouterr().err
