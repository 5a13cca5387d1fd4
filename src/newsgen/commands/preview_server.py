"""The HTTP side of `newsgen serve`: the preview folder, with live reload added on the way out.

Standard library only (ThreadingHTTPServer). HTML responses get the reload
script tag as they are sent; while the last build failed, every page is the
error instead. Nothing is cached, so a reload always shows the latest build.
"""

from __future__ import annotations

import errno
import socket
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from ..errors import NewsgenError
from ..util.console import Console
from .livereload import EVENTS_PATH, SCRIPT, SCRIPT_PATH, Versions, error_page, inject

DEFAULT_PORT = 8000
PORTS_TO_TRY = 20
KEEPALIVE_SECONDS = 15


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], site_dir: Path, versions: Versions, console: Console):
        self.site_dir, self.versions, self.console = site_dir, versions, console
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, partial(PreviewHandler, directory=str(site_dir)))


class PreviewHandler(SimpleHTTPRequestHandler):
    server: PreviewServer

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        self.server.console.detail(f"{self.address_string()} {format % args}")

    def _respond(self, send_body: bool) -> None:
        url_path = urlsplit(self.path).path
        if url_path == SCRIPT_PATH:
            return self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", SCRIPT, send_body)
        if url_path == EVENTS_PATH:
            return self._events()
        versions = self.server.versions
        file = Path(self.translate_path(self.path))
        if file.is_dir() and url_path.endswith("/"):
            file = file / "index.html"
        wants_page = file.suffix == ".html" or not file.suffix
        if versions.error is not None and wants_page:
            page = error_page(versions.error, versions.current)
            return self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/html; charset=utf-8", page, send_body)
        if file.suffix == ".html" and file.is_file():
            page = inject(file.read_bytes(), versions.current)
            return self._send(HTTPStatus.OK, "text/html; charset=utf-8", page, send_body)
        not_found = self.server.site_dir / "404.html"
        if not file.exists() and not_found.is_file():
            page = inject(not_found.read_bytes(), versions.current)
            return self._send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", page, send_body)
        super().do_GET() if send_body else super().do_HEAD()

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _events(self) -> None:
        """Server-Sent Events: one `reload` event once the version differs from the page's."""
        seen = parse_qs(urlsplit(self.path).query).get("version", [""])[0]
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        versions = self.server.versions
        try:
            while not versions.closed:
                new = versions.wait_for_change(seen, KEEPALIVE_SECONDS)
                if new is not None:
                    self.wfile.write(f"event: reload\ndata: {new}\n\n".encode())
                    seen = new
                else:
                    self.wfile.write(b": keep-alive\n\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the tab went away


def open_server(host: str, port: int | None, site_dir: Path, versions: Versions, console: Console) -> PreviewServer:
    """Listen on `port`, or on the first free port from 8000 when none is given."""
    ports = [port] if port is not None else list(range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TO_TRY))
    for candidate in ports:
        try:
            return PreviewServer((host, candidate), site_dir, versions, console)
        except OSError as exc:
            if port is not None:
                raise NewsgenError(f"cannot listen on {host} port {port}: {exc.strerror}; "
                                   "choose another --port (0 picks any free port)") from None
            if exc.errno != errno.EADDRINUSE:
                raise NewsgenError(f"cannot listen on {host}: {exc.strerror}") from None
    raise NewsgenError(f"ports {ports[0]}-{ports[-1]} on {host} are all in use; choose one with --port")
