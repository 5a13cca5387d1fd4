import socket
import struct
import threading

import pytest

from newsgen.commands import preview_server
from newsgen.commands.livereload import Versions
from newsgen.errors import NewsgenError
from newsgen.util.console import Console

from ..conftest import wait_for


def listening_socket(port=0):
    taken = socket.socket()
    taken.bind(("127.0.0.1", port))
    taken.listen()
    return taken


def test_without_a_port_the_next_free_one_is_taken(tmp_path, monkeypatch):
    with listening_socket() as taken:
        busy = taken.getsockname()[1]
        monkeypatch.setattr(preview_server, "DEFAULT_PORT", busy)
        try:
            server = preview_server.open_server("127.0.0.1", None, tmp_path, Versions(), Console())
        except NewsgenError:
            pytest.skip("the ports after a free one happen to be taken on this machine")
        with server:
            assert busy < server.server_address[1] < busy + preview_server.PORTS_TO_TRY


def test_when_every_port_is_taken_the_error_says_which(tmp_path, monkeypatch):
    with listening_socket() as taken:
        busy = taken.getsockname()[1]
        monkeypatch.setattr(preview_server, "DEFAULT_PORT", busy)
        monkeypatch.setattr(preview_server, "PORTS_TO_TRY", 1)
        with pytest.raises(NewsgenError) as error:
            preview_server.open_server("127.0.0.1", None, tmp_path, Versions(), Console())
    assert str(error.value) == f"ports {busy}-{busy} on 127.0.0.1 are all in use; choose one with --port"


HANG_GUARD = 30.0  # seconds; only a bound for a loaded machine: every wait below returns at once when it can


@pytest.fixture
def running(tmp_path, capsys):
    """A real preview server on 127.0.0.1 in a thread, over a tiny site; stopped by the test's end."""
    (tmp_path / "index.html").write_text("<html><body><p>Draft</p></body></html>")
    (tmp_path / "big.bin").write_bytes(b"x" * (32 << 20))  # more than any socket buffer holds
    server = preview_server.open_server("127.0.0.1", 0, tmp_path, Versions(), Console())
    finished = []
    shutdown_request = server.shutdown_request
    server.shutdown_request = lambda request: (shutdown_request(request), finished.append(request))
    server.finished = finished
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(HANG_GUARD)


def get(server, path="/index.html", host=None):
    import http.client

    port = server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=HANG_GUARD)
    connection.request("GET", path, headers={"Host": host} if host else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def connect(server) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=HANG_GUARD)


def test_only_requests_addressed_to_a_loopback_name_are_answered(running):
    port = running.server_address[1]
    assert get(running)[0] == 200  # http.client sends Host: 127.0.0.1:PORT
    for host in (f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"):
        assert get(running, host=host)[0] == 200, host
    for host in (f"attacker.example:{port}", "attacker.example", f"127.0.0.1:{port + 1}", "127.0.0.1"):
        status, body = get(running, host=host)
        assert status == 421 and b"Draft" not in body, host


def test_a_silent_connection_is_dropped_after_the_timeout(running, monkeypatch):
    monkeypatch.setattr(preview_server, "REQUEST_TIMEOUT_SECONDS", 0.2, raising=False)
    with connect(running) as client:
        client.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line
        try:
            assert client.recv(1024) == b""  # the server closed it
        except TimeoutError:
            pytest.fail(f"the server still held the half-sent request after {HANG_GUARD} s")


@pytest.fixture
def two_slots(monkeypatch):
    monkeypatch.setattr(preview_server, "MAX_CONNECTIONS", 2, raising=False)  # raising=False: the test also runs on older code


def test_connections_beyond_the_limit_get_503_and_the_slots_come_back(two_slots, running):
    threads = threading.active_count()
    held = [connect(running) for _ in range(2)]
    for client in held:
        client.sendall(b"GET /index.html HTTP/1.1\r\n")  # half-sent: each holds a handler thread
    wait_for(lambda: threading.active_count() >= threads + 2, "both handler threads to start", HANG_GUARD)
    assert get(running)[0] == 503
    for client in held:
        client.close()
    wait_for(lambda: get(running)[0] == 200, "a free slot once the connections closed", HANG_GUARD)


def test_a_tab_closed_mid_answer_prints_no_traceback(running, capsys):
    with connect(running) as client:
        client.sendall(f"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:{running.server_address[1]}\r\n\r\n".encode())
        assert client.recv(16).startswith(b"HTTP/1.0 200")
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with a reset
    wait_for(lambda: running.finished, "the server to finish the connection", HANG_GUARD)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "Error" not in captured.err, captured.err
