"""What `newsgen serve` watches, as batches of changed paths.

watchfiles watches folders recursively. A file watched directly (newsgen.yaml)
is lost when an editor saves by replacing it, and a folder made later (say a
first templates/) is not watched at all, so the watch starts afresh whenever
the config file changes or the set of existing watched paths does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import watchfiles

from .config import CONFIG_NAME, SiteConfig

STEP_MS = 50             # quiet time that ends a batch of changes
CHECK_PATHS_MS = 1000    # how often to look for watched folders that appeared or went


def watched_paths(config: SiteConfig) -> list[Path]:
    candidates = [config.seeds_dir, config.content_dir, config.root / "templates", config.root / "static",
                  config.root / CONFIG_NAME]
    return [path for path in dict.fromkeys(candidates) if path.exists()]


def changes(paths_now: Callable[[], list[Path]], stop: threading.Event) -> Iterator[set[Path]]:
    """Yield each batch of changed paths until `stop` is set; `paths_now` may change between batches."""
    paths = paths_now()
    while not stop.is_set():
        if not paths:
            stop.wait(CHECK_PATHS_MS / 1000)
        else:
            for batch in watchfiles.watch(*paths, step=STEP_MS, rust_timeout=CHECK_PATHS_MS, yield_on_timeout=True,
                                          stop_event=stop, raise_interrupt=False):
                changed = {Path(path) for _, path in batch}
                if changed:
                    yield changed
                if set(paths_now()) != set(paths) or any(path.name == CONFIG_NAME for path in changed):
                    break
        if stop.is_set():
            return
        now = paths_now()
        if set(now) != set(paths):
            yield set(now) ^ set(paths)
        paths = now
