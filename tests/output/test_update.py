"""An interrupted in-place update is rolled forward, never left half done."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from newsgen.errors import NewsgenError
from newsgen.output import update
from newsgen.output.update import SiteUpdate, journal_path, recover
from newsgen.output.writer import MARKER

from ..conftest import tree_bytes, write
from ..sitegen import write_archive


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


def test_an_update_adds_new_files_first_and_deletes_last_so_no_link_is_broken_meanwhile(tmp_path, monkeypatch):
    output = tmp_path / "site"
    write(output / MARKER, "old")
    write(output / "a.html", "links to old.html")
    write(output / "old.html", "old")
    applied, apply = [], update.recover

    def recover_noting(out):
        if journal_path(out).exists():
            applied.append(json.loads(journal_path(out).read_text()))
        apply(out)

    monkeypatch.setattr(update, "recover", recover_noting)
    with SiteUpdate(output, in_place=True) as writer:
        writer.write_text("a.html", "links to b.html")
        writer.write_text("b.html", "new")
        writer.delete("old.html")
        writer.commit()
    (journal,) = applied
    assert journal["replace"] == ["b.html", "a.html", MARKER] and journal["delete"] == ["old.html"]
    assert tree_bytes(output) == {MARKER: (output / MARKER).read_bytes(), "a.html": b"links to b.html", "b.html": b"new"}


# A whole build, then an in-place update after an edit that reaches people's pages.

def _build(root: Path):
    from newsgen.build import build
    from newsgen.config import load_config

    return build(load_config(root))


@pytest.fixture
def built(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    write_archive(root / "seeds", 30)
    _build(root)
    return root


def _edit_people(root: Path) -> None:
    with open(root / "seeds" / "gen_000008.txt", "a", encoding="utf-8") as handle:
        handle.write("Maria Lopez later met Henrik Larsen in Oslo on 3 May 2024.\n")


def _clean_build(root: Path, tmp_path: Path) -> dict[str, bytes]:
    copy = tmp_path / "clean"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site", ".newsgen-cache", ".site*"))
    _build(copy)
    return tree_bytes(copy / "site")


def _unchangeable(monkeypatch, folder: Path, detected: bool) -> None:
    """Make `folder` (and what is in it) refuse new, renamed and removed names, as a read-only
    folder does for anyone but root; `detected`, also as `os.access` reports it."""
    inside = str(folder) + os.sep

    def refused(*paths):
        return any(os.path.abspath(p).startswith(inside) for p in paths)

    def refusing(call, *which):
        def checked(*args, **kwargs):
            if refused(*(args[i] for i in which)):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(args[which[-1]]))
            return call(*args, **kwargs)
        return checked

    for name, which in (("replace", (0, 1)), ("rename", (0, 1)), ("link", (1,)), ("unlink", (0,)),
                        ("rmdir", (0,)), ("mkdir", (0,))):
        monkeypatch.setattr(os, name, refusing(getattr(os, name), *which))
    if detected:
        access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode, **kw: not (
            mode & os.W_OK and (refused(path) or os.path.abspath(path) == str(folder))) and access(path, mode, **kw))


def test_an_update_reaching_a_folder_it_may_not_change_swaps_in_a_whole_new_site(built, tmp_path, monkeypatch):
    _edit_people(built)
    with monkeypatch.context() as patch:
        _unchangeable(patch, built / "site" / "people", detected=True)
        report = _build(built)
    assert tree_bytes(built / "site") == _clean_build(built, tmp_path)
    (warning,) = [w for w in report.warnings if "may not change in place" in w.message]
    assert Path(warning.path).is_relative_to(built / "site" / "people")


def test_an_update_failing_midway_puts_the_last_site_back(built, tmp_path, monkeypatch):
    before = tree_bytes(built / "site")
    _edit_people(built)
    with monkeypatch.context() as patch:  # made read-only after the check, say
        _unchangeable(patch, built / "site" / "people", detected=False)
        with pytest.raises(Exception) as failed:
            _build(built)
    assert tree_bytes(built / "site") == before
    assert isinstance(failed.value, NewsgenError) and "put back" in str(failed.value), failed.value
    assert sorted(p.name for p in built.iterdir()) == [".newsgen-cache", ".site.lock", "seeds", "site", "urls.lock"]
    _build(built)  # the folder can be written again
    assert tree_bytes(built / "site") == _clean_build(built, tmp_path)


def test_an_update_never_writes_through_a_link_out_of_the_site(built, tmp_path):
    site, outside = built / "site", tmp_path / "outside"
    (page,) = (site / "articles").glob("*-8/index.html")  # the edited article's page
    write(outside / "page.html", "not the site's")
    page.unlink()
    page.symlink_to(outside / "page.html")
    shutil.move(site / "people", outside / "people")
    (site / "people").symlink_to(outside / "people")
    kept = tree_bytes(outside)
    _edit_people(built)
    report = _build(built)
    assert tree_bytes(outside) == kept
    assert any("a link" in w.message for w in report.warnings)
    assert not (site / "people").is_symlink() and not page.is_symlink()
    assert tree_bytes(site) == _clean_build(built, tmp_path)


def test_a_journal_is_not_applied_through_a_folder_linked_since(tmp_path):
    output, staging, outside = tmp_path / "site", tmp_path / ".site.staging-1", tmp_path / "outside"
    write(output / MARKER, "old")
    write(output / "index.html", "old index")
    write(outside / "a" / "index.html", "not the site's")
    (output / "articles").symlink_to(outside)
    write(staging / "index.html", "new index")
    write(staging / "articles" / "a" / "index.html", "new")
    write(staging / MARKER, "new")
    (staging / update.ASIDE).mkdir()
    for rel in ("index.html", MARKER):  # set aside, as an update does before its journal
        os.link(output / rel, staging / update.ASIDE / rel)
    write(journal_path(output), json.dumps({"staging": str(staging), "replace": ["index.html", "articles/a/index.html",
                                            MARKER], "delete": [], "old": ["index.html", MARKER]}))
    with pytest.raises(NewsgenError, match="linked folder"):
        recover(output)
    assert tree_bytes(outside) == {"a/index.html": b"not the site's"}
    assert (output / "index.html").read_text() == "old index" and (output / MARKER).read_text() == "old"
    assert not journal_path(output).exists()


def test_an_undo_killed_midway_is_finished_by_the_next_build(tmp_path):
    output, staging = tmp_path / "site", tmp_path / ".site.staging-1"
    write(output / MARKER, "new")
    write(output / "index.html", "new index")  # replaced, then the undo was killed
    write(output / "articles" / "added" / "index.html", "added")
    write(output / "articles" / "kept" / "index.html", "kept")
    aside = staging / getattr(update, "ASIDE", ".newsgen-old")  # where the update set the old files aside
    write(aside / "index.html", "old index")
    write(aside / MARKER, "old")
    write(aside / "articles" / "gone" / "index.html", "deleted")
    journal = {"staging": str(staging), "replace": ["articles/added/index.html", "index.html", MARKER],
               "delete": ["articles/gone/index.html"], "old": ["articles/gone/index.html", "index.html", MARKER],
               "undo": True}
    write(journal_path(output), json.dumps(journal))
    recover(output)
    assert tree_bytes(output) == {MARKER: b"old", "index.html": b"old index", "articles/gone/index.html": b"deleted",
                                  "articles/kept/index.html": b"kept"}
    assert not journal_path(output).exists() and not staging.exists()
