"""`newsgen serve` end to end: a real server process on 127.0.0.1, real edits, real HTTP.

The process is started on a free port (--port 0, read back from its first line)
and stopped by PID with SIGINT or SIGTERM; it is killed only if it hangs.
Every wait polls against a deadline.
"""

import http.client
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from ..conftest import SEED, wait_for, write
from ..e2e.test_browser import browser, page, sync_api  # noqa: F401  (fixtures: Debian's chromium through Playwright)

DEADLINE = 60.0  # seconds; only a bound for a loaded machine: the polls return as soon as they can
ARTICLE = "articles/illusion-or-optimism-blinken-heads-to-tel-aviv-for-gaza-ceasefire-push/index.html"


class Server:
    def __init__(self, root: Path, *args: str):
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONWARNINGS": "ignore"}
        self.process = subprocess.Popen([sys.executable, "-m", "newsgen.cli", "serve", "--port", "0", *args],
                                        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        for stream, into in ((self.process.stdout, self.stdout), (self.process.stderr, self.stderr)):
            threading.Thread(target=self._read, args=(stream, into), daemon=True).start()
        self.url = wait_for(self._serving_url, "the 'Serving ... at URL' line", DEADLINE)

    def _read(self, stream, into):
        for line in stream:
            into.append(line)

    def _serving_url(self):
        if self.process.poll() is not None:
            raise AssertionError(f"serve exited with {self.process.returncode}: {''.join(self.stderr)}")
        found = re.search(r"at (http://127\.0\.0\.1:\d+/)", "".join(self.stdout))
        return found and found[1]

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def stop(self, sig=signal.SIGINT) -> int:
        self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError("serve did not stop within the deadline; killed")


@pytest.fixture
def serving(site_root):
    servers = []

    def start(*args):
        servers.append(Server(site_root, *args))
        return servers[-1]

    yield start
    for server in servers:
        if server.process.poll() is None:
            server.stop()


def until_served(server: Server, path: str, text: str) -> None:
    wait_for(lambda: text in server.get(path)[1], f"{text!r} to be served at {path}", DEADLINE)


def edit_seed(site_root: Path, old: str, new: str) -> None:
    seed = site_root / "seeds" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_an_edited_seed_is_served_and_open_tabs_are_told(site_root, serving):
    server = serving()
    status, html = server.get(ARTICLE)
    assert status == 200 and "US officials have said" in html
    assert f"<loc>{server.url}{ARTICLE.removesuffix('index.html')}</loc>" in server.get("sitemap.xml")[1]
    version = re.search(r'<script src="/__newsgen__/livereload\.js\?version=([\w.]+)" defer></script></body>', html)[1]

    host, port = server.url[len("http://"):-1].split(":")
    events = http.client.HTTPConnection(host, int(port), timeout=DEADLINE)
    events.request("GET", f"/__newsgen__/events?version={version}")
    stream = events.getresponse()
    assert stream.getheader("Content-Type") == "text/event-stream"

    edit_seed(site_root, "US officials have said", "Officials in Washington said")
    until_served(server, ARTICLE, "Officials in Washington said")
    assert stream.readline() == b"event: reload\n"
    events.close()
    assert server.stop() == 0
    assert "Stopped." in "".join(server.stdout)


def test_an_open_tab_reloads_itself_under_the_sites_csp(site_root, serving, page):  # noqa: F811
    server = serving()
    page.goto(server.url + ARTICLE)
    assert "US officials have said" in page.content()
    edit_seed(site_root, "US officials have said", "Officials in Washington said")
    page.wait_for_selector("text=Officials in Washington said", timeout=DEADLINE * 1000)
    # the `page` fixture fails the test on any script error or CSP violation in the console


def test_a_template_error_shows_on_the_page_and_a_good_save_recovers(site_root, serving):
    template = write(site_root / "templates" / "index.html",
                     '{% extends "base.html" %}\n{% block content %}<h1>Front page</h1>{% endblock %}\n')
    server = serving()
    assert "<h1>Front page</h1>" in server.get("index.html")[1]

    template.write_text('{% extends "base.html" %}\n{% block content %}{{ page.title( }}{% endblock %}\n')
    status, html = wait_for(lambda: (lambda r: r[0] == 500 and r)(server.get("index.html")), "the error page",
                            DEADLINE)
    assert "templates/index.html:2: template error:" in html
    assert "/__newsgen__/livereload.js" in html
    wait_for(lambda: "templates/index.html:2: template error:" in "".join(server.stderr), "the terminal's error",
             DEADLINE)
    assert server.get("static/style.css")[0] == 200  # assets of the last good build are still served

    template.write_text('{% extends "base.html" %}\n{% block content %}<h1>Fixed</h1>{% endblock %}\n')
    until_served(server, "index.html", "<h1>Fixed</h1>")
    assert server.get("index.html")[0] == 200
    assert server.process.poll() is None


def test_a_settings_change_rebuilds_and_later_edits_still_do(site_root, serving):
    settings = write(site_root / "newsgen.yaml", "title: First title\n")
    server = serving()
    assert "First title" in server.get("index.html")[1]
    settings.write_text("title: Second title\n")
    until_served(server, "index.html", "Second title")
    settings.write_text("title: Third title\n")  # the watch on newsgen.yaml survives the save before
    until_served(server, "index.html", "Third title")
    edit_seed(site_root, "US officials have said", "Officials in Washington said")
    until_served(server, ARTICLE, "Officials in Washington said")


def test_serve_never_writes_the_output_folder(site_root, serving):
    assert subprocess.run([sys.executable, "-m", "newsgen.cli", "build", "-q"], cwd=site_root).returncode == 0
    before = {p: p.read_bytes() for p in (site_root / "site").rglob("*") if p.is_file()}
    cache = site_root / ".newsgen-cache"
    manifests = sorted(cache.glob("pages-*"))
    server = serving()
    edit_seed(site_root, "US officials have said", "Officials in Washington said")
    until_served(server, ARTICLE, "Officials in Washington said")
    code = server.stop(signal.SIGTERM)
    assert code == 0, "".join(server.stderr)
    after = {p: p.read_bytes() for p in (site_root / "site").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(cache.glob("pages-*")) == manifests  # the preview's own page manifest went with it
    assert not any(b"__newsgen__" in data for data in after.values())


def test_a_missing_site_folder_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "newsgen.cli", "serve", "--root", "nowhere"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=DEADLINE)
    assert (result.returncode, result.stderr) == (2, f"newsgen: error: no such folder: {tmp_path}/nowhere\n")


def test_a_busy_port_is_a_clear_error(site_root):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "newsgen.cli", "serve", "--port", str(port)],
                                cwd=site_root, capture_output=True, text=True, timeout=DEADLINE)
    assert result.returncode == 2
    assert result.stderr.strip() == (f"newsgen: error: cannot listen on 127.0.0.1 port {port}: Address already in use; "
                                     "choose another --port (0 picks any free port)")


NO_SHARING = "Object.defineProperty(Navigator.prototype, 'locks', {get: () => undefined});"  # as off loopback


@pytest.mark.parametrize("sharing", ["shared", "polling"])
def test_eight_tabs_all_load_and_all_reload_on_a_save(site_root, serving, browser, sharing):  # noqa: F811
    server = serving()
    context = browser.new_context()  # one browser profile: its 6 connections to a host are shared by all tabs
    if sharing == "polling":
        context.add_init_script(NO_SHARING)
    problems, asked = [], []
    context.on("weberror", lambda error: problems.append(str(error.error)))
    context.on("request", lambda request: "/__newsgen__/" in request.url and asked.append(request.url))
    try:
        tabs = [context.new_page() for _ in range(8)]
        for number, tab in enumerate(tabs, 1):
            try:
                tab.goto(server.url + ARTICLE, timeout=DEADLINE * 1000)
            except sync_api.TimeoutError:
                pytest.fail(f"tab {number} of 8 did not load within {DEADLINE} s")
            assert "US officials have said" in tab.content()
        wait_for(lambda: any("/version" in url or "/events" in url for url in asked), "a tab to listen", DEADLINE)
        listening = [url.split("/__newsgen__/")[1].split("?")[0] for url in asked if "livereload.js" not in url]
        assert set(listening) == ({"events"} if sharing == "shared" else {"version"})
        if sharing == "shared":
            assert len(listening) == 1, "one connection for all 8 tabs"
        edit_seed(site_root, "US officials have said", "Officials in Washington said")
        for number, tab in enumerate(tabs, 1):
            try:
                tab.wait_for_selector("text=Officials in Washington said", timeout=DEADLINE * 1000)
            except sync_api.TimeoutError:
                pytest.fail(f"tab {number} of 8 did not reload within {DEADLINE} s")
    finally:
        context.close()
    assert problems == []


GOOD_ENTITIES = "entities:\n  - name: Curated Person {n}\n    kind: person\n    aliases: [Antony Blinken, Blinken]\n"
BROKEN_ENTITIES = "entities:\n  - name: Curated Person\n    kind: [unclosed\n"
SAVES = 50
STEP_DEADLINE = 20.0  # seconds for one save to be served; a bound for a loaded machine, not a speed target


def served_whole(server: Server, path: str, text: str) -> bool:
    status, html = server.get(path)
    return status == 200 and text in html


def test_fifty_broken_and_mended_entity_files_each_reach_the_page(site_root, serving):
    """Issue #25: after a failed rebuild, a forked worker could swallow the SIGTERM that ends it,
    and every later save went unserved without a word. Every good save must reach the page."""
    entities = write(site_root / "content" / "entities.yaml", GOOD_ENTITIES.format(n=0))
    server = serving()
    until_served(server, ARTICLE, "Curated Person 0<")
    for n in range(1, SAVES + 1):
        entities.write_text(BROKEN_ENTITIES)
        wait_for(lambda: server.get(ARTICLE)[0] == 500, f"save {n}: the broken entities.yaml's error page",
                 STEP_DEADLINE)
        entities.write_text(GOOD_ENTITIES.format(n=n))
        wait_for(lambda n=n: served_whole(server, ARTICLE, f"Curated Person {n}<"),
                 f"save {n}: the mended entities.yaml's 'Curated Person {n}' on the article", STEP_DEADLINE)
    assert server.process.poll() is None
    assert server.stop(signal.SIGTERM) == 0, "".join(server.stderr)
