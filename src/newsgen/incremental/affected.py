"""Which pages an edit to some articles can have changed, so that only those are
fingerprinted again (`page_fingerprints`).

A page is rendered from its own article, if it has one, and from what it shows of
others: their `list_fields` fields, on an article page its neighbours and related
articles, on a person's or place's pages the entity, its articles and its profile.
So with the articles in the same order and every person and place at the same
path, a page an edit did not reach through one of those shows what it showed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model.views import ArticleView, PageView, TagView
from ..util.digests import short_digest
from .fingerprint import ModelDigests

if TYPE_CHECKING:
    from .manifest import OutputManifest


def _linked(context: dict) -> tuple[ArticleView | None, ...]:
    """The articles an article page links to: its newer and older neighbours (None where it has
    none), then its related articles."""
    return context["newer"], context["older"], *context["related"]


def own_changed(page: PageView, own: dict[str, str], previous: OutputManifest) -> bool:
    """Whether `page` is new, or the page of an article whose own fields changed."""
    return page.path not in previous.files or previous.own.get(page.path) != own.get(page.path)


def page_lists(pages: Sequence[PageView]) -> dict[str, bytes]:
    """What each article page lists of other articles (its neighbours and related articles),
    by its path; and what every page of a person or place shows but its articles' fields
    (the entity, its articles, in order, and its profile), by the tag's path. Links to
    people and places are left out: `same_tag_paths` checks them."""
    lists: dict[str, bytes] = {}
    for page in pages:
        context = page.context
        item, tag = context.get("item"), context.get("tag")
        if type(item) is ArticleView:
            lists[item.path] = short_digest("\0".join([view.path if view else "" for view in _linked(context)]))
        elif type(tag) is TagView and tag.path not in lists:
            lists[tag.path] = short_digest("\0".join([view.path for view in tag.articles])
                                           + repr((tag.entity, context["profile"])))
    return lists


def tag_paths(tags: Sequence[TagView]) -> dict[str, str]:
    """Each person's and place's page, by its path: its kind and name."""
    return {tag.path: f"{tag.entity.kind}\0{tag.entity.name}" for tag in tags}


def same_tag_paths(before: dict[str, str], now: dict[str, str]) -> bool:
    """Whether every person and place that was there before and still is has the same path,
    which every link to it shows; those that came or went aside."""
    was = {key: path for path, key in before.items()}
    return all(was.get(key, path) == path and before.get(path, key) == key for path, key in now.items())


def affected_pages(pages: Sequence[PageView], digests: ModelDigests, own: dict[str, str], lists: dict[str, bytes],
                  previous: OutputManifest) -> list[PageView]:
    """The pages an edit to some articles can have changed, the articles standing in the same
    order as in `previous`: an article page, if its article changed, or what it shows of
    the articles it links to, or it lists others (`page_lists`); a person's or place's
    pages, if what they show of one of its articles changed or they list others; every
    other page (index, archive, people and places indexes), which are few."""
    changed = {path for path, part in digests.articles.items() if previous.articles.get(path) != part}
    relisted_paths = {path for path in changed if previous.list_fields.get(path) != digests.list_fields[path]}
    tags: dict[str, bool] = {}

    def affected(page: PageView) -> bool:
        if own_changed(page, own, previous):
            return True
        context = page.context
        item, tag = context.get("item"), context.get("tag")
        if type(item) is ArticleView:
            return item.path in changed or lists[item.path] != previous.lists.get(item.path) or any(
                view.path in relisted_paths for view in _linked(context) if view)
        if type(tag) is TagView:
            if tag.path not in tags:
                tags[tag.path] = lists[tag.path] != previous.lists.get(tag.path) or bool(relisted_paths) and any(
                    view.path in relisted_paths for view in tag.articles)
            return tags[tag.path]
        return True

    return [page for page in pages if affected(page)]
