"""A digest of everything a page is rendered from, so unchanged pages are not rendered again.

A page's fingerprint covers its template set, the site settings, the menu and
its own context. An article is folded in full only on the page whose `item` it
is (its own page); everywhere else it is list_fields, and folds by what lists show of
it (`ArticleView.list_fields`), so an edit to one article's body renders again one page,
not every index, tag and archive page it appears on. Records are folded once
each and then reused by every page that shows them, so fingerprinting a whole
archive costs far less than rendering it.
Anything this does not recognise folds by `repr`, so an unknown value at worst
makes a page render again, never go stale.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any

from ..model.views import OWN_PAGE_FIELDS, UNSHOWN_FIELDS, ArticleView
from ..records import Article
from ..util.digests import digest, short_digest
from .record_store import StoredBody

_PLAIN = frozenset({str, int, float, bool, type(None), date, StoredBody})  # exact types: fold by repr
_NAMED = ("people", "places")  # the Article fields of entities, folded by token; `model_digests` takes the rest by repr
_SHORT = 64  # longer tokens are replaced by their digest


@dataclass(frozen=True)
class ModelDigests:
    """`Fingerprinter.model_digests`: its digest, and what it is made of, article by article, so that
    when it changes the next build can tell which articles did (`affected`)."""

    digest: str
    order: str  # the articles' paths, in order, and the rest of the model's input
    articles: dict[str, bytes]  # each article's fields but OWN_PAGE_FIELDS, by its path
    list_fields: dict[str, bytes]  # what lists show of each (`ArticleView.list_fields`), by its path


class Fingerprinter:
    def __init__(self, shared: str, list_fields: Mapping[str, bytes] | None = None):
        self.shared = shared  # theme, settings, menu: what every page depends on
        # `ModelDigests.list_fields`, if taken: what lists show of each article, digested already
        self._listed = list_fields or {}
        self._tokens: dict[int, str] = {}  # id of a folded record -> its token
        self._kept: list[Any] = []  # those records, alive, so no other object can take one's id
        self._fields: dict[type, tuple[str, ...] | None] = {}

    def page(self, page: Any) -> str:
        """A PageView's fingerprint: all its fields, its context by content, its own article in full."""
        item = page.context.get("item")
        whole = self._record(item, self._names(ArticleView)) if type(item) is ArticleView else ""
        return digest(self.shared, self._token(page), whole)

    def model_digests(self, views: Sequence[ArticleView], others: Sequence[Any],
                      whole_articles: bool = False) -> ModelDigests:
        """What the site model is made from (its articles, in order, and `others`, the rest of
        its input; not `shared`, the settings and the theme) but the articles' OWN_PAGE_FIELDS:
        while it and `shared` stay the same, so does every page but those whose article's
        `own` changed. With `whole_articles` (a site with templates of its own, which may
        show any field of any article anywhere) every field counts, and what lists show of an
        article is all of it.

        It reads every article of the archive, so each is taken in a few calls: its plain
        fields as one tuple's `repr`, its people and places by their entities' tokens."""
        left_out = UNSHOWN_FIELDS + (() if whole_articles else OWN_PAGE_FIELDS)
        plain = attrgetter(*(n for n in self._names(Article) if n not in left_out and n not in _NAMED))
        token = self._token
        articles = {view.path: short_digest(repr(plain(view.article)) + token(view.article.people)
                                      + token(view.article.places)) for view in views}
        order = digest(self.fold(tuple(others)), "\0".join(articles))
        list_fields = articles if whole_articles else {
            view.path: short_digest(repr(view.list_fields)) for view in views}
        return ModelDigests(digest(order, b"".join(articles.values())), order, articles, list_fields)

    def own(self, article: Article) -> str:
        """What only the article's own page shows of it (OWN_PAGE_FIELDS)."""
        return self._parts([getattr(article, n) for n in OWN_PAGE_FIELDS])

    def fold(self, value: Any) -> str:
        if type(value) in _PLAIN:
            return repr(value)
        token = self._tokens.get(id(value))
        if token is None:
            token = self._token(value)
            if self._names(type(value)) is None:  # a container: pages rarely share one, its parent takes it whole
                return token
            if len(token) > _SHORT:  # a record, which many pages may show: kept short
                token = short_digest(token).hex()
            self._tokens[id(value)] = token
            self._kept.append(value)
        return token

    def _parts(self, values: Any) -> str:
        plain, tokens, fold = _PLAIN, self._tokens, self.fold
        return ",".join([repr(v) if type(v) in plain else tokens.get(id(v)) or fold(v) for v in values])

    def _names(self, kind: type) -> tuple[str, ...] | None:
        if kind not in self._fields:
            is_record = dataclasses.is_dataclass(kind)
            self._fields[kind] = tuple(f.name for f in dataclasses.fields(kind)) if is_record else None
        return self._fields[kind]

    def _record(self, value: Any, names: tuple[str, ...]) -> str:
        return type(value).__name__ + "(" + self._parts([getattr(value, n) for n in names]) + ")"

    def _token(self, value: Any) -> str:
        kind = type(value)
        if kind is tuple or kind is list:
            try:  # records all folded already, the common case: no Python step per record
                return "[" + ",".join(map(self._tokens.__getitem__, map(id, value))) + "]"
            except KeyError:
                return "[" + self._parts(value) + "]"
        if kind is ArticleView:
            list_fields = self._listed.get(value.path)
            return "list_fields" + (list_fields.hex() if list_fields is not None else self._parts(value.list_fields))
        names = self._names(kind)
        if names is not None:
            return self._record(value, names)
        if kind is dict or isinstance(value, Mapping):
            return "{" + ",".join(sorted(f"{self.fold(k)}:{self.fold(v)}" for k, v in value.items())) + "}"
        if isinstance(value, (set, frozenset)):
            return "{" + ",".join(sorted(self.fold(v) for v in value)) + "}"
        if isinstance(value, Sequence):
            return "[" + self._parts(value) + "]"
        return repr(value)
