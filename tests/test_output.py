import multiprocessing
from pathlib import Path

import pytest

from newsgen.errors import NewsgenError
from newsgen.output import MARKER, SiteWriter, check_output_dir

from .conftest import write


def test_commit_swaps_in_the_new_site(tmp_path):
    out = tmp_path / "site"
    for text in ("one", "two"):
        with SiteWriter(out) as writer:
            writer.write_text("index.html", text)
            writer.commit()
    assert (out / "index.html").read_text() == "two"
    assert (out / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


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
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    with pytest.raises(NewsgenError, match="would replace the seeds folder"):
        check_output_dir(tmp_path, {"seeds folder": seeds})
    with pytest.raises(NewsgenError, match="would replace the seeds folder"):
        check_output_dir(seeds, {"seeds folder": seeds})
    foreign = write(tmp_path / "docs" / "notes.txt", "mine").parent
    with pytest.raises(NewsgenError, match="was not made by newsgen"):
        check_output_dir(foreign, {})
