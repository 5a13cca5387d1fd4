"""Digests: the one hash every fingerprint and cache key is made with."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def digest(*parts: bytes | str) -> str:
    return digest_of(parts)


def short_digest(text: str, size: int = 16) -> bytes:
    """`size` raw bytes of one text, for the many digests a build keeps (one per article, say)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=size).digest()


def digest_of(parts: Iterable[bytes | str]) -> str:
    """`digest(*parts)`, taking them one at a time: a large archive's may not fit in memory at once."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()
