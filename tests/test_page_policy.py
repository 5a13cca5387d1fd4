import pytest

from newsgen.page_policy import CONTENT_SECURITY_POLICY, is_external


@pytest.mark.parametrize("href", ["https://x.org/a", "http://x.org", "//cdn.x.org/a.js", "mailto:a@b.c", " HTTPS://X.ORG"])
def test_external_links(href):
    assert is_external(href)


@pytest.mark.parametrize("href", ["../index.html", "index.html", "#top", "static/style.css", ""])
def test_internal_links(href):
    assert not is_external(href)


def test_policy_allows_only_the_site_itself_and_no_inline_script():
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["default-src"] == "'self'" and directives["script-src"] == "'self'"
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "http" not in CONTENT_SECURITY_POLICY
    assert directives["object-src"] == "'none'"
