"""The typed records that flow forward through the pipeline.

read sources -> parse records -> extract entities -> site model -> render -> write.
Each stage takes these records and returns new ones; none reaches back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from itertools import chain
from typing import ClassVar, Literal, TypeVar, Union

EntityKind = Literal["person", "place"]


@dataclass(frozen=True)
class Entity:
    """A canonical person or place, with the exact strings that named it in one text."""

    name: str
    slug: str
    kind: EntityKind
    mentions: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Paragraph:
    block: ClassVar[str] = "paragraph"
    text: str


@dataclass(frozen=True)
class Subheading:
    block: ClassVar[str] = "subheading"
    text: str


@dataclass(frozen=True)
class Tweet:
    """A tweet quoted in an article, rendered as a static quote with a link."""

    block: ClassVar[str] = "tweet"
    text: str
    author: str
    handle: str
    url: str = ""
    date: date | None = None
    media_url: str = ""


@dataclass(frozen=True)
class LinkCard:
    """A bare URL on its own line: shown as a card, never embedded live."""

    block: ClassVar[str] = "link_card"
    url: str
    site: str
    kind: Literal["youtube", "x", "link"] = "link"


@dataclass(frozen=True)
class HtmlBlock:
    """Markup already rendered (and sanitised) by the Markdown renderer,
    with its plain text kept for entity extraction and search."""

    block: ClassVar[str] = "html"
    html: str
    text: str = ""


Block = Union[Paragraph, Subheading, Tweet, LinkCard, HtmlBlock]


@dataclass(frozen=True)
class TextPrint:
    """Digests of an article's normalised text (`model.sameness`): how the model tells a
    file that repeats another without reading either's body back."""

    whole: str  # the headline and the body
    headline: str
    body: str
    opening: str  # the body's first words
    ending: str  # and its last
    words: int  # in the body


@dataclass(frozen=True)
class Article:
    slug: str
    headline: str
    standfirst: str
    date: date | None
    date_inferred: bool
    body: tuple[Block, ...]
    source_path: str
    word_count: int
    reading_minutes: int
    people: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    origin: Literal["seed", "markdown"] = "seed"
    section: str = ""  # the newsroom's section it was filed in ("" for none): its seed's folder, or as set
    # Where `date` came from, one of `dates.DATE_SOURCES`; "" when undated. Kept so the page
    # can tell a reader how far to trust the date, and the report can count them.
    date_source: str = ""
    dateline: str = ""  # "NEW YORK, March 16": the wire dateline the text opened with, if any
    text_print: TextPrint | None = None  # set at parse time (`model.sameness`)
    also_filed_as: tuple[str, ...] = ()  # the other source files of the same text (`model.duplicates`)
    # Source files never listed as this article's related ones: its near-duplicates, and its
    # twins where duplicates are kept apart (`model.duplicates`).
    not_related: tuple[str, ...] = ()

    @property
    def embeds(self) -> tuple[Block, ...]:
        return tuple(b for b in self.body if isinstance(b, (Tweet, LinkCard)))

    def texts(self) -> list[str]:
        """Every piece of prose in the article, for entity extraction and search."""
        out = [self.headline, self.standfirst]
        for block in self.body:
            if isinstance(block, (Paragraph, Subheading, Tweet, HtmlBlock)):
                out.append(block.text)
        return [t for t in out if t]


@dataclass(frozen=True)
class ContentPage:
    """A standalone Markdown page such as About."""

    slug: str
    title: str
    html: str
    source_path: str
    menu: bool = True
    weight: int = 0


@dataclass(frozen=True)
class SeedOverride:
    """An editor's corrections to one seed, from content/seeds/<stem>.yaml."""

    path: str
    date: date | None = None
    headline: str | None = None
    standfirst: str | None = None
    section: str | None = None
    add_people: tuple[str, ...] = ()
    add_places: tuple[str, ...] = ()
    remove: tuple[str, ...] = field(default_factory=tuple)


Record = TypeVar("Record")
Item = TypeVar("Item")


@cache
def _field_names(kind: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(kind))


def replaced(record: Record, **changes) -> Record:
    """`dataclasses.replace` for these records, which check nothing in `__init__`: a copy
    of the fields, changed, without calling it. A build copies every article a few times,
    and `replace` costs several times more per copy than the rest of the work on it."""
    if not changes.keys() <= _field_names(type(record)):
        raise TypeError(f"{type(record).__name__} has no field {sorted(changes.keys() - _field_names(type(record)))}")
    copy = object.__new__(type(record))
    copy.__dict__.update(record.__dict__, **changes)
    return copy


def by_identity(groups: Iterable[Iterable[Item]]) -> dict[int, Item]:
    """Each object of the groups once, by id, in the order first met. The build gives each
    entity one object, so this is a few thousand for hundreds of thousands of mentions."""
    objects = list(chain.from_iterable(groups))
    return dict(zip(map(id, objects), objects))
