"""What the browser tests share beyond their fixtures: a server that puts a site under a
sub-path, and the two checks every kind of page gets (axe, and reflow at 320 px)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import struct
import threading
from collections.abc import Iterator
from pathlib import Path

from ..conftest import REPO, require

AXE = REPO / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
# What a strict host would send: no inline script or style, nothing from another host.
CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'"


@contextlib.contextmanager
def serving_under_subpath(site: Path, folder: Path) -> Iterator[str]:
    """`site` at http://127.0.0.1:<free port>/archive/ (a link in `folder`), with the CSP header,
    until the block ends; yields that URL."""
    (folder / "archive").symlink_to(site, target_is_directory=True)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            self.send_header("Content-Security-Policy", CSP)
            super().end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/archive/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def axe_violations(page, url: str) -> list[str]:
    """axe-core's violations on the page open at `url` (its context must bypass the CSP)."""
    require(AXE.is_file(), f"{AXE} is missing (npm install --prefix .ci/node axe-core)")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    return [f"{url}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes'][:3]]}" for v in violations]


def beyond_the_right_edge(page) -> list[str]:
    """The elements of the open page whose right edge is past the viewport's (WCAG 1.4.10, reflow)."""
    return page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
        .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""")


def overflowing_at_320_pixels(browser, urls: dict[str, str], screenshots: Path | None = None) -> list[str]:
    """WCAG 1.4.10 (reflow), 320 CSS pixels wide: for each of `urls` (by name), the elements past
    the viewport's right edge; and with `screenshots`, a full-page screenshot kept there as
    `narrow-<name>.png`, named too if it came out wider than the viewport."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    found = []
    for name, url in urls.items():
        page.goto(url)
        found += [f"{name}: {element}" for element in beyond_the_right_edge(page)]
        if screenshots:
            shot = screenshots / f"narrow-{name}.png"
            page.screenshot(path=str(shot), full_page=True)
            width = struct.unpack(">I", shot.read_bytes()[16:20])[0]  # the PNG's IHDR chunk
            found += [f"{name}: screenshot {width} px wide"] if width != 320 else []
    context.close()
    return found
