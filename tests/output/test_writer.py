import fcntl
import multiprocessing
import os
from pathlib import Path

import pytest

from newsgen.errors import NewsgenError
from newsgen.output import writer as output
from newsgen.output.writer import MARKER, SiteWriter, check_output_dir, exchange

from ..conftest import listed_once_deleted, write


def test_commit_swaps_in_the_new_site(tmp_path):
    out = tmp_path / "site"
    for text in ("one", "two"):
        with SiteWriter(out) as writer:
            writer.write_text("index.html", text)
            writer.commit()
    assert (out / "index.html").read_text() == "two"
    assert (out / MARKER).is_file()
    assert listed_once_deleted(tmp_path) == [".site.lock", "site"]


def test_the_old_site_is_left_to_a_process_the_build_does_not_wait_for(tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr(output.subprocess, "Popen", lambda command, **options: started.append(command))
    for text in ("old", "new"):
        _build_once(tmp_path / "site", text)
    (trash,) = [p for p in tmp_path.iterdir() if ".trash-" in p.name]
    assert (trash / "index.html").read_text() == "old"  # not deleted by the build itself
    assert (tmp_path / "site" / "index.html").read_text() == "new"
    assert len(started) == 1 and started[0][-1] == str(trash)


def test_a_build_leaves_alone_an_old_site_being_deleted_and_removes_one_a_killed_build_left(tmp_path):
    _build_once(tmp_path / "site", "one")
    trash = write(tmp_path / ".site.trash-99999" / "index.html", "old").parent
    write(trash / MARKER, "")  # a trash folder is always a marked site, renamed
    descriptor = os.open(trash, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_EX)  # as a detached deleter holds it
    try:
        assert output.leftovers(tmp_path / "site") == []
        _build_once(tmp_path / "site", "two")
        assert (trash / "index.html").is_file()
    finally:
        os.close(descriptor)  # the deleter was killed
    assert output.leftovers(tmp_path / "site") == [trash]
    _build_once(tmp_path / "site", "three")
    assert not trash.exists()


def _build_once(out: Path, text: str) -> None:
    with SiteWriter(out) as writer:
        writer.write_text("index.html", text)
        writer.commit()


def test_exchange_swaps_two_folders_atomically(tmp_path):
    a, b = write(tmp_path / "a" / "f", "a").parent, write(tmp_path / "b" / "f", "b").parent
    if not exchange(a, b):
        pytest.skip("this system or filesystem has no atomic exchange; the fallback is tested below")
    assert (a / "f").read_text() == "b" and (b / "f").read_text() == "a"


def test_fallback_swap_without_exchange(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "exchange", lambda a, b: False)
    for text in ("one", "two"):
        _build_once(tmp_path / "site", text)
    assert (tmp_path / "site" / "index.html").read_text() == "two"
    assert listed_once_deleted(tmp_path) == [".site.lock", "site"]


def test_next_build_restores_a_site_killed_between_fallback_renames(tmp_path):
    # The fallback renamed site -> .previous and was killed before staging -> site.
    previous = write(tmp_path / ".site.previous-99999" / "index.html", "old").parent
    write(previous / MARKER, "")
    write(tmp_path / ".site.staging-99999" / MARKER, "")
    with SiteWriter(tmp_path / "site") as writer:
        assert (tmp_path / "site" / "index.html").read_text() == "old"
        writer.write_text("index.html", "new")
        writer.commit()
    assert (tmp_path / "site" / "index.html").read_text() == "new"
    assert listed_once_deleted(tmp_path) == [".site.lock", "site"]


def test_stale_staging_is_removed_only_if_newsgen_made_it(tmp_path):
    write(tmp_path / ".site.staging-12345" / MARKER, "")
    write(tmp_path / ".site.staging-12345" / "index.html", "half")
    (tmp_path / ".site.staging-23456").mkdir()  # killed right after mkdir
    foreign = write(tmp_path / ".site.staging-34567" / "mine.txt", "not newsgen's")
    _build_once(tmp_path / "site", "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", ".site.staging-34567", "site"]
    assert foreign.read_text() == "not newsgen's"


def test_recovery_leaves_alone_user_folders_named_like_leftovers(tmp_path):
    # Named like a killed build's old site and previous site, but without the marker.
    photos = write(tmp_path / ".site.trash-photos" / "a", "x")
    notes = write(tmp_path / ".site.previous-x" / "notes.txt", "mine")
    _build_once(tmp_path / "site", "one")  # no site yet: `.previous-*` would have been renamed in
    _build_once(tmp_path / "site", "two")
    assert photos.read_text() == "x" and notes.read_text() == "mine"
    assert sorted(p.name for p in photos.parent.iterdir()) == ["a"]
    assert sorted(p.name for p in notes.parent.iterdir()) == ["notes.txt"]
    assert (tmp_path / "site" / "index.html").read_text() == "two"
    assert not (tmp_path / "site" / "a").exists() and not (tmp_path / "site" / "notes.txt").exists()
    assert output.leftovers(tmp_path / "site") == []


def test_a_user_folder_at_the_staging_name_is_reported_not_removed(tmp_path):
    mine = write(tmp_path / f".site.staging-{os.getpid()}" / "mine.txt", "not newsgen's")
    with pytest.raises(NewsgenError, match=rf"\.site\.staging-{os.getpid()} is in the way"):
        _build_once(tmp_path / "site", "one")
    assert mine.read_text() == "not newsgen's" and not (tmp_path / "site").exists()
    mine.rename(tmp_path / "mine.txt")
    _build_once(tmp_path / "site", "two")  # the lock was let go, and the empty folder tidied
    assert (tmp_path / "site" / "index.html").read_text() == "two"


def test_failure_before_commit_leaves_previous_site(tmp_path):
    out = tmp_path / "site"
    with SiteWriter(out) as writer:
        writer.write_text("index.html", "good")
        writer.commit()
    with pytest.raises(RuntimeError):
        with SiteWriter(out) as writer:
            writer.write_text("index.html", "half")
            raise RuntimeError("render failed")
    assert (out / "index.html").read_text() == "good"
    assert not any(p.name.startswith(".site.staging") for p in tmp_path.iterdir())


@pytest.mark.parametrize("bad", ["../escape.html", "/etc/passwd-newsgen", "a/../../escape.html", "."])
def test_refuses_to_write_outside_the_output(tmp_path, bad):
    with SiteWriter(tmp_path / "site") as writer:
        with pytest.raises(NewsgenError, match="outside the output folder"):
            writer.write_text(bad, "x")
    assert not (tmp_path / "escape.html").exists()


def _hold_lock(out: str, ready, release) -> None:
    with SiteWriter(Path(out)):
        ready.set()
        release.wait(10)


def test_second_concurrent_build_is_refused(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(tmp_path / "site"), ready, release))
    holder.start()
    try:
        assert ready.wait(20)
        with pytest.raises(NewsgenError, match="another newsgen build"):
            SiteWriter(tmp_path / "site").__enter__()
    finally:
        release.set()
        holder.join(20)


def test_refuses_dangerous_output_folders(tmp_path):
    with pytest.raises(NewsgenError, match="filesystem root, your home folder"):
        check_output_dir(Path("/"), {})
    with pytest.raises(NewsgenError, match="filesystem root, your home folder"):
        check_output_dir(Path.home(), {})
    with pytest.raises(NewsgenError, match="filesystem root, your home folder or a parent"):
        check_output_dir(Path.home().parent, {})
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    with pytest.raises(NewsgenError, match="it holds the seeds folder"):
        check_output_dir(tmp_path, {"seeds folder": seeds})
    with pytest.raises(NewsgenError, match="it is the seeds folder"):
        check_output_dir(seeds, {"seeds folder": seeds, "project folder": tmp_path})
    foreign = write(tmp_path / "docs" / "notes.txt", "mine").parent
    with pytest.raises(NewsgenError, match="was not made by newsgen"):
        check_output_dir(foreign, {})


def test_an_up_to_date_build_still_removes_what_a_killed_build_left(site_root):
    from newsgen.build import build
    from newsgen.config import load_config

    build(load_config(site_root))
    stale = write(site_root / ".site.staging-99999" / MARKER, "")
    trash = write(site_root / ".site.trash-99998" / "index.html", "half deleted").parent
    write(trash / MARKER, "")  # deleted last, so a half-deleted old site still has it
    build(load_config(site_root))
    assert not stale.exists() and not trash.exists()


def test_a_build_is_up_to_date_while_a_detached_process_deletes_the_old_site(site_root):
    from newsgen.build import build
    from newsgen.config import load_config

    build(load_config(site_root))
    trash = write(site_root / ".site.trash-99998" / "index.html", "being deleted").parent
    write(trash / MARKER, "")
    descriptor = os.open(trash, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    try:
        assert build(load_config(site_root)).up_to_date
    finally:
        os.close(descriptor)
    assert not build(load_config(site_root)).up_to_date and not trash.exists()  # its deleter died: tidied
