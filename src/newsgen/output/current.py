"""The site now in the output folder, as the last build's manifest describes it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

Manifest = dict[str, str]



def missing_files(files: Manifest, output: Path) -> frozenset[str]:
    """Those of `files` that someone removed from `output`, so they are written again."""
    root = str(output)  # plain strings: this checks every file of the site
    return frozenset(p for p in files if not os.path.isfile(os.path.join(root, p)))


@dataclass(frozen=True)
class CurrentOutput:
    """The site now in the output folder: the fingerprint of each of its files (`files`,
    the manifest of the build that wrote them) but those someone `removed` since."""

    folder: Path
    files: Mapping[str, str]
    removed: frozenset[str] = frozenset()

    def holds(self, path: str, fingerprint: str) -> bool:
        return self.files.get(path) == fingerprint and path not in self.removed
