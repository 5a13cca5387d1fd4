"""What `newsgen serve` watches, as batches of changed paths.

Two watchers run side by side, each in its own thread, so neither ever has to
stop while the other reports:

- the source folders (seeds, content, templates, static), recursively; when one
  of them appears or goes away, this watcher starts afresh over the new set and
  reports that folder as changed;
- the site folder itself, not recursively, for newsgen.yaml: a watch on the
  file alone would be lost the first time an editor saves by replacing it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import watchfiles

from ..config import CONFIG_NAME, SiteConfig

STEP_MS = 50             # quiet time that ends a batch of changes
CHECK_PATHS_MS = 1000    # how often to look for source folders that appeared or went


def source_folders(config: SiteConfig) -> list[Path]:
    candidates = [config.seeds_dir, config.content_dir, config.root / "templates", config.root / "static"]
    return [path for path in dict.fromkeys(candidates) if path.is_dir()]


def watched_paths(config: SiteConfig) -> list[Path]:
    """What a person is told is watched: the source folders and the settings file."""
    settings = config.root / CONFIG_NAME
    return source_folders(config) + ([settings] if settings.is_file() else [])


def _is_settings(change: watchfiles.Change, path: str) -> bool:
    return Path(path).name == CONFIG_NAME


def _watch(paths_now: Callable[[], list[Path]], recursive: bool, only: Callable | None,
           stop: threading.Event, batches: queue.Queue) -> None:
    paths = paths_now()
    while not stop.is_set():
        if not paths:
            stop.wait(CHECK_PATHS_MS / 1000)
        else:
            for batch in watchfiles.watch(*paths, watch_filter=only or watchfiles.DefaultFilter(), recursive=recursive,
                                          step=STEP_MS, rust_timeout=CHECK_PATHS_MS, yield_on_timeout=True,
                                          stop_event=stop, raise_interrupt=False):
                if batch:
                    batches.put({Path(path) for _, path in batch})
                if set(paths_now()) != set(paths):
                    break
        now = paths_now()
        if set(now) != set(paths) and not stop.is_set():
            batches.put(set(now) ^ set(paths))
        paths = now


def changes(config_now: Callable[[], SiteConfig], stop: threading.Event) -> Iterator[set[Path]]:
    """Yield each batch of changed paths until `stop` is set; `config_now` may change between batches."""
    batches: queue.Queue[set[Path]] = queue.Queue()
    watchers = [
        threading.Thread(target=_watch, args=(lambda: source_folders(config_now()), True, None, stop, batches),
                         name="newsgen-watch-sources", daemon=True),
        threading.Thread(target=_watch, args=(lambda: [config_now().root], False, _is_settings, stop, batches),
                         name="newsgen-watch-settings", daemon=True),
    ]
    for watcher in watchers:
        watcher.start()
    while not stop.is_set():
        try:
            changed = batches.get(timeout=0.1)
        except queue.Empty:
            continue
        while not batches.empty():
            changed |= batches.get_nowait()
        yield changed
    for watcher in watchers:
        watcher.join(timeout=5)
