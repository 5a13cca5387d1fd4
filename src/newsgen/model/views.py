"""The site model's records: what each page shows, already ordered and linked.

Kept apart from model/site.py so the modules that build parts of the model
(archives, feeds, metadata) can use them without importing the whole model.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any, TypeVar

from .. import urls
from ..dates import DATE_SOURCE_WORDS
from ..records import Article, Entity
from .timeline import Timeline

LISTED_NAMES = 3  # the people, and the places, a list item shows of its article: its first few, kept small


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
    section: Link | None = None  # its section's page, if it has one

    @property
    def date_source_words(self) -> str:
        """Where the date came from, as the article page says it ("date from the file name");
        "" for an editor's date, which needs no excuse."""
        return DATE_SOURCE_WORDS.get(self.article.date_source, "")

    @property
    def listed_people(self) -> tuple[Link, ...]:
        """The people a list item shows beside the headline: the first few the article names,
        so an item stays a few lines however many it names."""
        return self.people[:LISTED_NAMES]

    @property
    def listed_places(self) -> tuple[Link, ...]:
        return self.places[:LISTED_NAMES]

    @property
    def list_fields(self) -> tuple[object, ...]:
        """What a page that lists this article shows of it (index, tag and archive lists,
        related articles, newer and older). Page fingerprints take only this from a
        listed article, so editing its body renders its own page again, not every list it is
        on: a template that shows more of a listed article must add it here."""
        return (self.path, self.article.headline, self.article.standfirst, self.date_iso, self.date_label,
                self.section, self.listed_people, self.listed_places)


# The Article fields that only the article's own page shows, nowhere else: no list, tag or
# archive page, nor any other article's page. While only these change, every other page
# stays as it was (incremental.page_fingerprints relies on it): a template that shows one elsewhere must
# take it out of here.
OWN_PAGE_FIELDS = ("body", "word_count", "reading_minutes", "date_inferred", "date_source", "dateline",
                   "also_filed_as")
# The Article fields no page shows: digests of its text, which only group duplicates
# (`model.duplicates`); what that grouping decides is in other fields.
UNSHOWN_FIELDS = ("text_print",)


@dataclass(frozen=True)
class TagView:
    entity: Entity
    path: str
    articles: tuple[ArticleView, ...]


@dataclass(frozen=True)
class SectionView:
    """A section of the archive, as the newsroom filed its articles: its page and what it lists."""

    link: Link  # its name and its page
    feed_path: str
    articles: tuple[ArticleView, ...]  # newest first


@dataclass(frozen=True)
class EntityProfile:
    """What a person's or place's page shows beside its articles."""

    people_with: tuple[Link, ...]  # the people most often named with it, with counts
    places_with: tuple[Link, ...]  # and the places
    aliases: tuple[str, ...]  # other spellings that named it in articles, "Mr Blair" for Tony Blair
    first: date | None
    last: date | None
    timeline: Timeline | None
    feed_path: str  # "" without dated articles: a feed lists dated ones only, so it would stay empty

    @property
    def co_mentions(self) -> tuple[Link, ...]:
        """Both, people first: for a theme written before they were apart."""
        return self.people_with + self.places_with


@dataclass(frozen=True)
class PageNumber:
    number: int
    path: str  # "" on the page it is shown on


@dataclass(frozen=True)
class Pagination:
    number: int
    total: int
    previous: str = ""
    next: str = ""
    # The page numbers a page links to, ascending: the first and the last, this page and two
    # either side, and the middle of each gap between them, so any page of a long list is a
    # few clicks away (page 57 of 112 is one from the first page) while each page lists nine
    # numbers at most, not one per page.
    numbers: tuple[PageNumber, ...] = ()

    def title(self, first: str, later: str = "") -> str:
        """A page's title from the list's own (`first`, which the first page keeps; later
        pages are `later` with their number, or `first` with it)."""
        return first if self.number == 1 else f"{later or first} — page {self.number}"


T = TypeVar("T")

WINDOW = 2  # pages linked either side of the page shown


def page_numbers(number: int, total: int) -> list[int]:
    """The page numbers page `number` of `total` links to (see `Pagination.numbers`)."""
    near = {1, total, *range(max(1, number - WINDOW), min(total, number + WINDOW) + 1)}
    shown = sorted(near)
    gaps = [(low + high) // 2 for low, high in pairwise(shown) if high - low > 1]
    return sorted(near.union(gaps))


def paginated(first_page: str, items: Sequence[T], size: int) -> Iterator[tuple[str, Sequence[T], Pagination]]:
    """(path, the items on that page, Pagination) for each page of a long list; an empty
    list still has its first page."""
    chunks = [items[i: i + size] for i in range(0, len(items), size)] or [()]
    total = len(chunks)
    paths = ["", *(urls.paged_path(first_page, n) for n in range(1, total + 1)), ""]
    for number, chunk in enumerate(chunks, start=1):
        numbers = tuple(PageNumber(n, "" if n == number else paths[n]) for n in page_numbers(number, total))
        yield paths[number], chunk, Pagination(number, total, paths[number - 1], paths[number + 1], numbers)


@dataclass(frozen=True)
class PageView:
    """One output file: where it goes, which template renders it, and with what."""

    path: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    canonical: str = ""
    link_base: str = ""  # set: links on this page are absolute from here (404.html, served at any path)
