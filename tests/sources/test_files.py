import codecs
import os

import pytest

from newsgen.errors import NewsgenError
from newsgen.sources.files import decode, discover, read_source

from ..conftest import nested_folders, remove_nested, write


def test_utf8_bom_and_crlf(tmp_path):
    path = write(tmp_path / "a.txt", codecs.BOM_UTF8 + "Head\r\nStand\r\n".encode())
    assert read_source(path).text == "Head\nStand\n"


def test_utf16_with_bom():
    text, warnings = decode("Café\n".encode("utf-16"), "u.txt")
    assert text == "Café\n" and warnings == ()


def test_cp1252_decodes_with_a_warning_naming_the_line():
    text, warnings = decode("line one\nprice \x80 5 and \xa35\n".encode("latin-1"), "c.txt")
    assert text == "line one\nprice € 5 and £5\n"
    assert [str(w) for w in warnings] == ["c.txt:2: not valid UTF-8; decoded as Windows-1252 (cp1252)"]


def test_binary_is_refused():
    with pytest.raises(NewsgenError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "img.txt")


def test_discover_refuses_links_outside_the_folder(tmp_path):
    outside = write(tmp_path / "secret.txt", "secret")
    seeds = tmp_path / "seeds"
    write(seeds / "ok.txt", "ok")
    os.symlink(outside, seeds / "link.txt")
    found, refused = discover(seeds, "*.txt")
    assert found == [seeds / "ok.txt"]
    assert [r.path for r in refused] == [str(seeds / "link.txt")]


def test_unreadable_file_is_an_error(tmp_path):
    # A folder named like a file fails to read even for root, unlike chmod 000.
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(NewsgenError, match="cannot read") as info:
        read_source(folder)
    assert info.value.path == str(folder)


def test_discover_sorts_by_parts_skips_hidden_and_sorts_out_what_is_not_a_file(tmp_path):
    seeds = tmp_path / "seeds"
    for name in ("a-b.txt", "a/b.txt", "a/c/d.txt", ".hidden/e.txt", "a/.f.txt", "g.md", "inside.txt"):
        write(seeds / name, "text")
    (seeds / "folder.txt").mkdir()
    os.symlink(seeds / "inside.txt", seeds / "link.txt")
    os.symlink(seeds / "gone", seeds / "broken.txt")
    found, refused = discover(seeds, "*.txt")
    assert found == [seeds / "a" / "b.txt", seeds / "a" / "c" / "d.txt", seeds / "a-b.txt", seeds / "inside.txt",
                     seeds / "link.txt"]
    assert [(r.path, r.message) for r in refused] == [
        (str(seeds / "broken.txt"), "a link to a file that does not exist"),
        (str(seeds / "folder.txt"), "not a regular file (a folder, pipe or device)")]


def test_characters_xml_forbids_become_spaces_with_a_warning_at_the_first(tmp_path):
    """Form feeds and ESC from PDF paste, and a NUL past the binary sniff, would make feeds ill-formed."""
    padding = "x" * 9000
    path = write(tmp_path / "pdf.txt", f"Head\nStand\nPage\x0cbreak and \x1b[1m\n{padding}\x00tail\ufffe\n")
    source = read_source(path, "seeds/pdf.txt")
    assert source.text == f"Head\nStand\nPage break and  [1m\n{padding} tail \n"
    assert [(w.path, w.line) for w in source.warnings] == [("seeds/pdf.txt", 3)]
    assert "4 control character(s)" in source.warnings[0].message


def test_discover_finds_a_seed_in_a_folder_nested_a_thousand_deep(tmp_path):
    """The walk keeps a stack of folders: recursion stopped at Python's limit (RecursionError)."""
    seeds = tmp_path / "seeds"
    deep = nested_folders(seeds, 1000)
    (deep / "bottom.txt").write_text("text")
    write(seeds / "top.txt", "text")
    try:
        found, refused = discover(seeds, "*.txt")
        assert found == [deep / "bottom.txt", seeds / "top.txt"] and refused == []
    finally:
        remove_nested(deep, seeds)
