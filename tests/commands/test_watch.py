import queue
import threading
import time

from newsgen.commands.watch import changes, watched_paths
from newsgen.config import load_config

from ..conftest import write


def collect(config, stop):
    batches = queue.Queue()
    thread = threading.Thread(target=lambda: [batches.put(b) for b in changes(lambda: config, stop)])
    thread.start()
    return batches, thread


def reported(batches, wanted, touch, timeout=20):
    """Touch a file until a batch naming `wanted` arrives: the watcher may still be starting."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        touch()
        try:
            if wanted in batches.get(timeout=0.5):
                return
        except queue.Empty:
            continue
    raise AssertionError(f"no change reported for {wanted} within {timeout} s")


def test_only_existing_sources_are_watched(site_root):
    write(site_root / "newsgen.yaml", "title: T\n")
    config = load_config(site_root)
    assert watched_paths(config) == [site_root / "seeds", site_root / "newsgen.yaml"]


def test_edits_and_a_folder_made_later_are_reported_until_stopped(site_root):
    config = load_config(site_root)
    stop = threading.Event()
    batches, thread = collect(config, stop)
    try:
        seed = site_root / "seeds" / "new.txt"
        reported(batches, seed, lambda: write(seed, "Headline\nStandfirst.\n"))
        templates = site_root / "templates"
        reported(batches, templates, lambda: write(templates / "index.html", "x"))
        settings = site_root / "newsgen.yaml"
        for title in ("One", "Two", "Three"):  # saved by replacing the file, as many editors do
            reported(batches, settings, lambda: (write(site_root / "new.yaml", f"title: {title}\n"),
                                                 (site_root / "new.yaml").replace(settings)))
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
