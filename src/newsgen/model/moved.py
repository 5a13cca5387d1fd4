"""The pages of people and places that earlier builds published and whose names have no
page now: each stays at its URL and sends the reader on, because a published URL is
permanent (`incremental.url_register` keeps the paths).

A name loses its page when the archive folds it into a full name ("Blair" into Tony
Blair), when the editor's `entities.yaml` merges or renames it, when it changes kind
(people/x/ becomes places/x/), or when no article names it as a person or place any
more. Where another page holds its articles now, the old URL redirects there, as
Hugo's `aliases` and Jekyll's `redirect_from` pages do: the same name under its other
kind first, else the page whose articles wrote that name (the most articles, then by
name). Where none does, the page says so and links to the A–Z and a search for the name.
Neither is in any list, feed, sitemap or the search index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import quote

from .. import urls
from ..records import Entity
from .views import Link, PageView, TagView

EntityKey = tuple[str, str]  # (kind, name)
_OTHER_KIND = {"person": "place", "place": "person"}
_KIND_WORDS = {"person": "people", "place": "places"}


def gone_entities(slugs: Mapping[EntityKey, str], pages: Mapping[EntityKey, object],
                  entities: Iterable[Entity]) -> dict[EntityKey, tuple[str, tuple[EntityKey, ...]]]:
    """Each registered name with no page now: its old path, and the names whose pages may hold its
    articles (the same name under the other kind, or those the articles wrote it for), in name order.
    `entities` are the entity objects the articles name, each once."""
    gone = {key: slug for key, slug in slugs.items() if key not in pages}
    if not gone:
        return {}
    wanted = {name.casefold() for _, name in gone}
    written_for: dict[str, set[EntityKey]] = defaultdict(set)  # a spelling -> the names it was written for
    for entity in entities:
        for spelling in entity.mentions:
            if spelling.casefold() in wanted:
                written_for[spelling.casefold()].add((entity.kind, entity.name))
    moved = {}
    for (kind, name), slug in sorted(gone.items()):
        same_name = (_OTHER_KIND[kind], name)
        candidates = (same_name,) if same_name in pages else tuple(sorted(written_for.get(name.casefold(), ())))
        moved[kind, name] = (urls.tag_path(kind, slug), candidates)
    return moved


def moved_pages(gone: Mapping[EntityKey, tuple[str, tuple[EntityKey, ...]]], tags: Sequence[TagView],
                base_url: str = "") -> list[PageView]:
    """The page at each old path: a redirect to the candidate of the same kind with the most
    articles (then any kind), or, with no candidate, a page that says there is none."""
    by_key = {(tag.entity.kind, tag.entity.name): tag for tag in tags}
    pages = []
    for (kind, name), (path, candidates) in gone.items():
        held = [by_key[key] for key in candidates if key in by_key]
        target = min(held, key=lambda t: (t.entity.kind != kind, -len(t.articles), t.entity.name), default=None)
        if target is None:
            context = {"target": None, "lead": f"No page lists {name}'s articles any more.",
                       "index": Link(f"{_KIND_WORDS[kind].capitalize()}, A to Z", urls.tag_index_path(kind)),
                       "search": Link(f"Search the archive for “{name}”", f"{urls.SEARCH_PAGE}#q={quote(name)}")}
            pages.append(PageView(path, "moved.html", name, context))
            continue
        if target.entity.name == name:
            lead = f"{name} is listed among the {_KIND_WORDS[target.entity.kind]} now:"
        else:
            lead = f"{name}'s articles are on the page of"
        canonical = urls.absolute(base_url, target.path)
        pages.append(PageView(path, "moved.html", name, {"target": Link(target.entity.name, target.path),
                                                          "lead": lead}, canonical=canonical))
    return pages
