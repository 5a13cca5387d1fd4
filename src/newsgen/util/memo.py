"""Results by key, kept in one file from one build to the next."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .files import load_pickle, pickle_atomically


class ResultMemo:
    """Archive-wide results (related articles, each person's and place's profile) by a
    digest of their inputs, kept from the last build: an edit that leaves an entity's
    articles alone reuses its profile instead of counting its co-mentions again.

    The file is trusted only for the code that wrote it; a memo without a file
    (the default of the stages that take one) computes everything."""

    def __init__(self, file: Path | None = None, code: str = ""):
        self.file, self.code = file, code
        self.saved: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        saved = load_pickle(file) if file is not None else None
        if isinstance(saved, dict) and saved.get("code") == code:
            self.saved = saved["results"]
        self._in_file = dict(self.saved)  # what the file holds, so `save` can leave it alone

    def last(self, name: str) -> Any | None:
        """What the last build kept under `name` with `keep`, for this build to start from."""
        return self.saved.pop(name, None)

    def keep(self, name: str, value: Any) -> None:
        self.used[name] = value

    def get(self, key: str, make: Callable[[], Any]) -> Any:
        """The result stored under `key` (a digest of everything `make` reads), else `make()`."""
        if key not in self.used:
            self.used[key] = self.saved[key] if key in self.saved else make()
        return self.used[key]

    def save(self) -> None:
        """Keep what this build used, nothing else. After an edit that changed no result, that
        is what the file holds: the results it gave are the same objects, and only what
        `keep` was given is compared, so the file is not written again (megabytes at 10,000 articles)."""
        if self.file is not None and self.used != self._in_file:
            pickle_atomically(self.file, {"code": self.code, "results": self.used})
