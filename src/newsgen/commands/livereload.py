"""Live reload for `newsgen serve`: which preview version is current, and telling tabs.

Every page is served with a script tag naming the version it was built as. The
script (no inline script, so a Content-Security-Policy of 'self' allows it)
reloads the tab as soon as the current version differs. All tabs share one
Server-Sent Events stream on the same server, held by one of them (a browser
allows only 6 connections to a host); where they cannot share, each asks for the
version now and then. Nothing here touches the built files.
"""

from __future__ import annotations

import html
import re
import secrets
import threading

from .. import PACKAGE_DIR

PREFIX = "/__newsgen__/"
SCRIPT_PATH = PREFIX + "livereload.js"
EVENTS_PATH = PREFIX + "events"
VERSION_PATH = PREFIX + "version"  # the current version, for tabs that poll
SCRIPT = (PACKAGE_DIR / "commands" / "livereload.js").read_bytes()
_BODY_END = re.compile(rb"</body\s*>", re.I)


class Versions:
    """The preview's current version and the last build error; tabs wait on changes."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._session = secrets.token_hex(4)
        self._builds = 0
        self._closed = False
        self.error: str | None = None

    @property
    def current(self) -> str:
        return f"{self._session}.{self._builds}"

    def publish(self, error: str | None) -> None:
        """A build finished (error None) or failed: every open tab should reload."""
        with self._changed:
            self._builds += 1
            self.error = error
            self._changed.notify_all()

    def wait_for_change(self, seen: str, timeout: float) -> str | None:
        """The new version once it differs from `seen`; None on timeout or when closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self.current != seen, timeout)
            return None if self._closed or self.current == seen else self.current

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed


def script_tag(version: str) -> bytes:
    return f'<script src="{SCRIPT_PATH}?version={version}" defer></script>'.encode()


def inject(page: bytes, version: str) -> bytes:
    """The page with the reload script before its last </body>, or at its end."""
    tag = script_tag(version)
    ends = list(_BODY_END.finditer(page))
    if not ends:
        return page + tag
    at = ends[-1].start()
    return page[:at] + tag + page[at:]


def error_page(message: str, version: str) -> bytes:
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>Build failed: newsgen serve</title>\n</head>\n<body>\n"
        "<h1>Build failed</h1>\n"
        f"<pre>{html.escape(message)}</pre>\n"
        "<p>Fix the file and save it: this page reloads when the build succeeds.</p>\n"
        "</body>\n</html>\n"
    )
    return inject(page.encode(), version)
