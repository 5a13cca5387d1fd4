"""The site model's records: what each page shows, already ordered and linked.

Kept apart from model/site.py so the modules that build parts of the model
(archives, feeds, metadata) can use them without importing the whole model.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from .. import urls
from ..records import Article, Entity
from .timeline import Timeline


@dataclass(frozen=True)
class Link:
    label: str
    path: str
    count: int = 0


@dataclass(frozen=True)
class ArticleView:
    article: Article
    path: str
    date_iso: str
    date_label: str
    people: tuple[Link, ...]
    places: tuple[Link, ...]

    @property
    def list_fields(self) -> tuple[str, ...]:
        """What a page that lists this article shows of it (index, tag and archive lists,
        related articles, newer and older). Page fingerprints take only this from a
        listed article, so editing its body renders its own page again, not every list it is
        on: a template that shows more of a listed article must add it here."""
        return self.path, self.article.headline, self.article.standfirst, self.date_iso, self.date_label


# The Article fields that only the article's own page shows, nowhere else: no list, tag or
# archive page, nor any other article's page. While only these change, every other page
# stays as it was (incremental.page_fingerprints relies on it): a template that shows one elsewhere must
# take it out of here.
OWN_PAGE_FIELDS = ("body", "word_count", "reading_minutes", "date_inferred", "also_filed_as")
# The Article fields no page shows: digests of its text, which only group duplicates
# (`model.duplicates`); what that grouping decides is in other fields.
UNSHOWN_FIELDS = ("text_print",)


@dataclass(frozen=True)
class TagView:
    entity: Entity
    path: str
    articles: tuple[ArticleView, ...]


@dataclass(frozen=True)
class EntityProfile:
    """What a person's or place's page shows beside its articles."""

    co_mentions: tuple[Link, ...]  # people and places most often named with it, with counts
    first: date | None
    last: date | None
    timeline: Timeline | None
    feed_path: str


@dataclass(frozen=True)
class Pagination:
    number: int
    total: int
    previous: str = ""
    next: str = ""

    def title(self, first: str) -> str:
        """A page's title from the list's own (`first`, which the first page keeps)."""
        return first if self.number == 1 else f"{first} — page {self.number}"


T = TypeVar("T")


def paginated(first_page: str, items: Sequence[T], size: int) -> Iterator[tuple[str, Sequence[T], Pagination]]:
    """(path, the items on that page, Pagination) for each page of a long list; an empty
    list still has its first page."""
    chunks = [items[i: i + size] for i in range(0, len(items), size)] or [()]
    paths = ["", *(urls.paged_path(first_page, n) for n in range(1, len(chunks) + 1)), ""]
    for number, chunk in enumerate(chunks, start=1):
        yield paths[number], chunk, Pagination(number, len(chunks), paths[number - 1], paths[number + 1])


@dataclass(frozen=True)
class PageView:
    """One output file: where it goes, which template renders it, and with what."""

    path: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    canonical: str = ""
    link_base: str = ""  # set: links on this page are absolute from here (404.html, served at any path)
