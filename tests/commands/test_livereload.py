import threading

from newsgen.commands.livereload import Versions, error_page, inject

TAG = b'<script src="/__newsgen__/livereload.js?version=v1" defer></script>'


def test_the_script_goes_before_the_last_body_end_or_at_the_end():
    page = b"<body><pre>&lt;/body&gt; </body></pre>\n</BODY >\n</html>"
    assert inject(page, "v1") == b"<body><pre>&lt;/body&gt; </body></pre>\n" + TAG + b"</BODY >\n</html>"
    assert inject(b"<p>fragment", "v1") == b"<p>fragment" + TAG


def test_the_error_page_escapes_the_message_and_reloads():
    page = error_page("templates/x.html:3: template error: unexpected '<'", "v1")
    assert b"templates/x.html:3: template error: unexpected &#x27;&lt;&#x27;" in page
    assert TAG + b"</body>" in page


def test_a_waiting_tab_hears_of_the_next_build():
    versions = Versions()
    seen = versions.current
    assert versions.wait_for_change(seen, timeout=0.01) is None
    heard = []
    waiter = threading.Thread(target=lambda: heard.append(versions.wait_for_change(seen, timeout=10)))
    waiter.start()
    versions.publish("templates/x.html:3: broken")
    waiter.join(timeout=10)
    assert heard == [versions.current] and heard[0] != seen
    assert versions.error == "templates/x.html:3: broken"
    versions.publish(None)
    assert versions.error is None


def test_a_tab_from_an_earlier_serve_session_reloads_at_once():
    assert Versions().wait_for_change(Versions().current, timeout=10) is not None


def test_closing_releases_waiting_tabs():
    versions = Versions()
    heard = []
    waiter = threading.Thread(target=lambda: heard.append(versions.wait_for_change(versions.current, timeout=30)))
    waiter.start()
    versions.close()
    waiter.join(timeout=10)
    assert heard == [None] and versions.closed
