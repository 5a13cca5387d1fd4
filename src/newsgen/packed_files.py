"""Generated text files (feeds, sitemap, search index) held compressed until written.

At 100,000 articles they are hundreds of megabytes of text. Held as strings they
would stay in the build process, and in every drawing worker forked from it,
until the site is written; compressed they are a sixth of that, and unpacking
the few that changed costs far less than making them did.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from .cache import digest


class PackedFiles:
    def __init__(self, files: Iterable[tuple[str, str]]):
        self.digests: dict[str, str] = {}  # site path -> digest of its UTF-8 bytes
        self._packed: dict[str, bytes] = {}
        for path, text in files:
            data = text.encode("utf-8")
            self.digests[path] = digest(data)
            self._packed[path] = zlib.compress(data, 1)

    def __len__(self) -> int:
        return len(self._packed)

    @property
    def held_bytes(self) -> int:
        return sum(len(data) for data in self._packed.values())

    def text(self, path: str) -> str:
        return zlib.decompress(self._packed[path]).decode("utf-8")
