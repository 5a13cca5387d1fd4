import socket

import pytest

from newsgen.commands import preview_server
from newsgen.commands.livereload import Versions
from newsgen.errors import NewsgenError
from newsgen.util.console import Console


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
