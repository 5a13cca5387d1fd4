import io
import json

import pytest

from newsgen.commands.entities import article_files, read_texts, run
from newsgen.entities import Curation
from newsgen.errors import NewsgenError


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(
        "Antony Blinken flew to Cairo.\n\nBlinken met officials in Egypt.\n", encoding="utf-8"
    )
    (folder / "sub" / "a.txt").write_bytes("On Monday, Blinken visited Doha \u2013 caf\u00e9 talk.\n".encode("cp1252"))
    (folder / "notes.md").write_text("Not an article about Paris.", encoding="utf-8")
    return folder


def test_files_are_found_in_folders_sorted(articles):
    assert [p.name for p in article_files([articles])] == ["b.txt", "a.txt"]
    with pytest.raises(NewsgenError, match="no such file"):
        article_files([articles / "missing.txt"])


def test_reading_falls_back_to_cp1252_and_drops_empty_lines(articles):
    assert read_texts(articles / "sub" / "a.txt") == ["On Monday, Blinken visited Doha \u2013 caf\u00e9 talk."]
    assert len(read_texts(articles / "b.txt")) == 2


def test_json_output_is_one_exact_object_per_file(articles):
    out = io.StringIO()
    assert run([articles], True, Curation(), out) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert list(first) == ["file", "people", "places", "entities"]
    assert first["file"] == str(articles / "b.txt")
    assert first["people"] == ["Antony Blinken", "Blinken"]
    assert first["places"] == ["Cairo", "Egypt"]
    assert first["entities"][0] == {
        "name": "Antony Blinken",
        "kind": "person",
        "slug": "antony-blinken",
        "mentions": ["Antony Blinken", "Blinken"],
    }
    assert [list(e) for e in first["entities"]] == [["name", "kind", "slug", "mentions"]] * len(first["entities"])
    second = json.loads(lines[1])
    assert second["people"] == ["Blinken"] and second["places"] == ["Doha"]


def test_review_table_counts_articles_after_archive_folding(articles):
    out = io.StringIO()
    run([articles], False, Curation(), out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["name", "kind", "articles", "surface", "forms"]
    blinken = next(line for line in lines if line.startswith("Antony Blinken"))
    assert blinken.split()[2:4] == ["person", "2"]
    assert blinken.endswith("Antony Blinken; Blinken")


def test_unreadable_files_are_named_and_the_rest_reviewed(articles, capsys):
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02")
    out = io.StringIO()
    assert run([str(articles)], False, Curation(), out) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsgen: skipped: ") and "binary.txt:1: looks like binary data" in err
    assert "Blinken" in out.getvalue()
