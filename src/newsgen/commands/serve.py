"""`newsgen serve`: build, serve on 127.0.0.1, rebuild on every save, reload open tabs.

The preview is built into a temporary folder, never the site's output folder,
and the reload script is added to pages only as they are served: what `newsgen
build` writes never carries it. A failed build leaves the previous preview
served, shows the error on every page and in the terminal, and the next good
save recovers. Ctrl-C or SIGTERM stops the server, the watcher and the preview.
"""

from __future__ import annotations

import signal
import tempfile
import threading
import traceback
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..build import build
from ..config import SiteConfig, load_config
from ..errors import NewsgenError
from ..incremental.manifest import manifest_file
from ..incremental.record_store import CACHE_DIR
from ..report import show_report
from ..util.console import QUIET, Console
from ..util.progress import Progress
from .livereload import Versions
from .preview_server import open_server
from .watch import changes, watched_paths


def _located(exc: NewsgenError, root: Path) -> str:
    """The error with its file shown relative to the site folder when it is inside it."""
    path = Path(exc.path) if exc.path else None
    if path is not None and path.is_absolute() and path.is_relative_to(root):
        return str(NewsgenError(exc.message, path.relative_to(root).as_posix(), exc.line))
    return str(exc)


class Preview:
    """One serve session: the current config, where its preview is built, and its version."""

    def __init__(self, config: SiteConfig, overrides: dict[str, Any], output: Path, versions: Versions,
                 console: Console):
        self.config, self.overrides, self.output, self.console = config, overrides, output, console
        self.versions = versions
        self.progress = Progress(enabled=console.level != QUIET)  # a large archive's builds show how far along
        self.building = threading.Event()

    def rebuild(self) -> None:
        """Build once; any failure is shown, never raised, so the preview keeps running."""
        self.building.set()
        try:
            self.config = load_config(self.config.root, self.overrides)
            report = build(replace(self.config, output=self.output), progress=self.progress)
        except NewsgenError as exc:
            self._failed(f"error: {_located(exc, self.config.root)}")
        except Exception:  # a bug in a build must not end the preview; show it where the author looks
            self._failed(traceback.format_exc())
        else:
            show_report(self.console, report, "preview")
            self.versions.publish(None)
        finally:
            self.building.clear()

    def _failed(self, message: str) -> None:
        self.console.problem(f"newsgen: {message}")
        self.versions.publish(message)


@contextmanager
def _stopped_by_signals(stop: threading.Event, building: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM end the session; one arriving mid-build also interrupts the build."""
    def handle(signum: int, frame: object) -> None:
        stop.set()
        if building.is_set():
            raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(root: Path, overrides: dict[str, Any], host: str, port: int | None, console: Console,
          open_browser: bool = False) -> None:
    """Serve until SIGINT or SIGTERM. Like `hugo server`, the preview's base_url is its own address."""
    config = load_config(root, overrides)
    if not config.root.is_dir():
        raise NewsgenError(f"no such folder: {config.root}")
    stop, versions = threading.Event(), Versions()
    with tempfile.TemporaryDirectory(prefix="newsgen-serve-") as scratch:
        server = open_server(host, port, Path(scratch) / "site", versions, console)
        url = _url(host, server.server_address[1])
        preview = Preview(config, {**overrides, "base_url": url}, server.site_dir, versions, console)
        serving = threading.Thread(target=server.serve_forever, name="newsgen-serve", daemon=True)
        with _stopped_by_signals(stop, preview.building):
            try:
                preview.rebuild()
                serving.start()
                watching = ", ".join(p.name for p in watched_paths(preview.config)) or "nothing yet"
                console.say(f"Serving {config.root} at {url} (watching {watching}). Press Ctrl-C to stop.")
                if open_browser:
                    webbrowser.open(url)
                for changed in changes(lambda: preview.config, stop):
                    console.detail("changed: " + ", ".join(sorted(str(p) for p in changed)))
                    preview.rebuild()
            except KeyboardInterrupt:
                console.problem("newsgen: build interrupted")  # by a signal; stop is set
            finally:
                versions.close()
                if serving.is_alive():
                    server.shutdown()
                server.server_close()
                # The preview folder goes with the session, so its page manifest in the cache must too.
                manifest_file(preview.config.root / CACHE_DIR, server.site_dir.resolve()).unlink(missing_ok=True)
    console.say("Stopped.")
