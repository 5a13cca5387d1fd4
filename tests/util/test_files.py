from newsgen.util.files import tree_stamps, walk

from ..conftest import nested_folders, remove_nested, write


def test_walk_lists_every_entry_once_with_its_parts_and_does_not_enter_linked_folders(tmp_path):
    for name in ("a/b.txt", "a/c/d.txt", ".e/f.txt", "g.txt"):
        write(tmp_path / name, "x")
    (tmp_path / "link").symlink_to(tmp_path / "a")
    every = sorted(parts for parts, _ in walk(str(tmp_path), skip_hidden=False))
    assert every == [(".e",), (".e", "f.txt"), ("a",), ("a", "b.txt"), ("a", "c"), ("a", "c", "d.txt"),
                     ("g.txt",), ("link",)]
    shown = sorted(parts for parts, _ in walk(str(tmp_path), skip_hidden=True))
    assert shown == [p for p in every if p[0] != ".e"]


def test_walk_and_tree_stamps_reach_a_file_nested_a_thousand_deep(tmp_path):
    """The walk keeps a stack of folders: recursion stopped at Python's limit (RecursionError)."""
    deep = nested_folders(tmp_path, 1000)
    (deep / "bottom.txt").write_text("x")
    try:
        assert [entry.path for parts, entry in walk(str(tmp_path), skip_hidden=False) if len(parts) == 1001] \
            == [str(deep / "bottom.txt")]
        assert [path for path, _ in tree_stamps(tmp_path)] == [str(deep / "bottom.txt")]
    finally:
        remove_nested(deep, tmp_path)
