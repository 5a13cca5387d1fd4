"""A digest of everything a page is drawn from, so unchanged pages are not drawn again.

A page's fingerprint covers its template set, the site settings, the menu and
its own context. Records are folded once each and then reused by every page
that shows them (an article appears on its page, its tag pages and an index
page), so fingerprinting a whole archive costs far less than rendering it.
Anything this does not recognise folds by `repr`, so an unknown value at worst
makes a page render again, never go stale.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from .cache import StoredBody, digest

_PLAIN = (str, int, float, bool, type(None), date)
_SHORT = 64  # longer tokens are replaced by their digest


class Fingerprinter:
    def __init__(self, shared: str):
        self.shared = shared  # theme, settings, menu: what every page depends on
        self._memo: dict[int, tuple[Any, str]] = {}
        self._fields: dict[type, tuple[str, ...]] = {}

    def page(self, page: Any) -> str:
        """A PageView's fingerprint: all its fields, its context by content."""
        return digest(self.shared, self.fold(page))

    def fold(self, value: Any) -> str:
        if isinstance(value, _PLAIN) or isinstance(value, StoredBody):
            return repr(value)
        memo = self._memo.get(id(value))
        if memo is not None and memo[0] is value:
            return memo[1]
        token = self._token(value)
        if len(token) > _SHORT:
            token = digest(token)
        if not isinstance(value, (list, dict)):  # mutable values may change under the same id
            self._memo[id(value)] = (value, token)
        return token

    def _token(self, value: Any) -> str:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = self._fields.get(type(value))
            if names is None:
                names = tuple(f.name for f in dataclasses.fields(value))
                self._fields[type(value)] = names
            return type(value).__name__ + "(" + ",".join(self.fold(getattr(value, n)) for n in names) + ")"
        if isinstance(value, Mapping):
            return "{" + ",".join(sorted(f"{self.fold(k)}:{self.fold(v)}" for k, v in value.items())) + "}"
        if isinstance(value, (set, frozenset)):
            return "{" + ",".join(sorted(self.fold(v) for v in value)) + "}"
        if isinstance(value, Sequence):
            return "[" + ",".join(self.fold(v) for v in value) + "]"
        return repr(value)
