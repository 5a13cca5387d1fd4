"""The HTTP side of `newsgen serve`: the preview folder, with live reload added on the way out.

Standard library only (ThreadingHTTPServer). HTML responses get the reload
script tag as they are sent; while the last build failed, every page is the
error instead. Nothing is cached, so a reload always shows the latest build.

The preview holds drafts, so it answers only requests addressed to it by a
loopback name (a page on another site that rebinds its own name to 127.0.0.1
would otherwise read them), and a connection can hold a thread only so long
(a silent connection is dropped after a timeout) and only so many at once
(beyond that, 503 at once). A tab closed mid-answer is no error worth a traceback.
"""

from __future__ import annotations

import errno
import socket
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from ..errors import NewsgenError
from ..util.console import Console
from .livereload import EVENTS_PATH, SCRIPT, SCRIPT_PATH, VERSION_PATH, Versions, error_page, inject

DEFAULT_PORT = 8000
PORTS_TO_TRY = 20
KEEPALIVE_SECONDS = 15
REQUEST_TIMEOUT_SECONDS = 10.0  # a connection silent (or not reading) this long is dropped
MAX_CONNECTIONS = 64  # handler threads at once; each open tab holds at most one
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
_GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)  # the client left
_BUSY = (b"HTTP/1.0 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n"
         b"Connection: close\r\n\r\n")


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], site_dir: Path, versions: Versions, console: Console):
        self.site_dir, self.versions, self.console = site_dir, versions, console
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, partial(PreviewHandler, directory=str(site_dir)))

    def allowed_hosts(self) -> set[str]:
        """The Host headers the preview answers: its port under a loopback name, or its own address."""
        host, port = self.server_address[:2]
        bound = f"[{host}]" if ":" in host else host
        names = {*LOOPBACK_NAMES, bound} - {"0.0.0.0", "[::]"}
        return {f"{name}:{port}" for name in names}

    def process_request(self, request, client_address) -> None:
        """A thread for the connection if one of MAX_CONNECTIONS is free, else 503 at once."""
        if not self.slots.acquire(blocking=False):
            try:
                request.settimeout(1.0)
                request.sendall(_BUSY)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()  # no thread started to release it
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], _GONE):
            return  # a tab closed, or a client stopped reading: nothing went wrong here
        super().handle_error(request, client_address)


class PreviewHandler(SimpleHTTPRequestHandler):
    server: PreviewServer

    def setup(self) -> None:
        self.timeout = REQUEST_TIMEOUT_SECONDS  # StreamRequestHandler sets it on the connection
        super().setup()

    def do_GET(self) -> None:
        if self._addressed_to_us():
            self._respond(send_body=True)

    def do_HEAD(self) -> None:
        if self._addressed_to_us():
            self._respond(send_body=False)

    def _addressed_to_us(self) -> bool:
        """Whether the Host header names this server by a loopback name; else 421 and False.

        A page from anywhere can make a browser ask 127.0.0.1 for drafts by pointing its
        own name at 127.0.0.1 (DNS rebinding); the browser then sends that name as Host."""
        if (self.headers.get("Host") or "").lower() in self.server.allowed_hosts():
            return True
        body = b"This preview answers only to http://127.0.0.1, localhost or [::1] with its port.\n"
        self._send(HTTPStatus.MISDIRECTED_REQUEST, "text/plain; charset=utf-8", body, self.command != "HEAD")
        return False

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
        if url_path == VERSION_PATH:
            version = self.server.versions.current.encode()
            return self._send(HTTPStatus.OK, "text/plain; charset=utf-8", version, send_body)
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
