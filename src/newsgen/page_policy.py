"""What a page may load and how it links out: the one place that decides it.

The Content-Security-Policy goes into every page as a `<meta http-equiv>` tag
(GitHub Pages cannot send headers). It allows only the site's own files, so a
page makes no request to any other host, and no inline script runs; JSON-LD
`<script type="application/ld+json">` is a data block, never executed, so the
policy does not apply to it. Scripts loaded by `<script src>` from the site
itself are allowed, from file:// too ('self' matches file: pages in Chromium).
"""

from __future__ import annotations

from urllib.parse import urlsplit

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
])

# Links to other sites neither hand them our page (noopener) nor tell them we sent the reader (noreferrer).
EXTERNAL_LINK_REL = "noopener noreferrer"


def is_external(href: str) -> bool:
    """A link that leaves the site: any URL with a scheme or host (http:, mailto:, //host)."""
    parts = urlsplit(href.strip())
    return bool(parts.scheme or parts.netloc)
