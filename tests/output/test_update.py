"""An interrupted in-place update is rolled forward, never left half done."""

from __future__ import annotations

import json

from newsgen.output.update import journal_path, recover
from newsgen.output.writer import MARKER

from ..conftest import tree_bytes, write


def test_recover_applies_the_rest_of_a_journal(tmp_path):
    output, staging = tmp_path / "site", tmp_path / ".site.staging-1"
    write(output / MARKER, "old")
    write(output / "index.html", "old index")
    write(output / "articles" / "gone" / "index.html", "stale")
    write(output / "articles" / "kept" / "index.html", "kept")
    write(output / "articles" / "new" / "index.html", "already moved")  # applied before the kill
    write(staging / "index.html", "new index")
    write(staging / MARKER, "new")
    journal = {"staging": str(staging), "replace": ["articles/new/index.html", "index.html", MARKER],
               "delete": ["articles/gone/index.html"]}
    write(journal_path(output), json.dumps(journal))
    recover(output)
    assert tree_bytes(output) == {MARKER: b"new", "index.html": b"new index",
                                  "articles/kept/index.html": b"kept", "articles/new/index.html": b"already moved"}
    assert not journal_path(output).exists() and not staging.exists()
    recover(output)  # nothing left to do
    assert (output / "index.html").read_text() == "new index"


def test_a_build_killed_while_removing_the_applied_staging_folder_leaves_it_to_the_next(tmp_path, monkeypatch):
    import shutil

    output, staging = tmp_path / "site", tmp_path / ".site.staging-1"
    write(output / MARKER, "old")
    write(staging / "articles" / "a" / "index.html", "new")
    write(staging / MARKER, "new")
    write(journal_path(output), json.dumps({"staging": str(staging), "replace": ["articles/a/index.html", MARKER],
                                            "delete": []}))

    def killed(path, *args, **kwargs):
        raise KeyboardInterrupt  # the staging folder, its marker already moved, is half removed

    with monkeypatch.context() as patch:
        patch.setattr(shutil, "rmtree", killed)
        try:
            recover(output)
        except KeyboardInterrupt:
            pass
    recover(output)
    assert not staging.exists() and not journal_path(output).exists()
    assert (output / "articles" / "a" / "index.html").read_text() == "new"
