"""Read, parse and extract one source file: the per-file work a build spreads over cores.

Each job is independent of every other, so it can run in any process, and its
result depends only on the job's files: that is what lets the cache keep it. It
is kept under the key of the bytes parsed, which the job reads once: a file
saved again after the build planned it (an editor saving while `serve` builds)
has another key than the job's, and its record must not take the old one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from ..entities import EntityExtractor
from ..entities.gazetteer import load_gazetteer
from ..entities.model import attributes
from ..entities.tagging import extract_one
from ..errors import BuildWarning, NewsgenError
from ..incremental.record_store import StoredBody, content_key, pack_body
from ..model.sameness import text_print
from ..records import Article, ContentPage, Entity, SeedOverride
from ..search.terms import SearchTerms, text_terms
from .files import Unreadable, read_file, source_of
from .markdown import parse_markdown
from .overrides import apply_override, load_override
from .placeholders import placeholder_warnings
from .seed import parse_seed


@dataclass(frozen=True)
class SourceJob:
    kind: Literal["seed", "markdown"]
    path: Path
    name: str  # as shown in messages: relative to the site folder
    key: str  # content key in the record store
    override_path: Path | None = None  # seeds: content/seeds/<stem>.yaml, if present
    relative: Path | None = None  # Markdown: path under content/
    # Seeds: the section its first folder under seeds/ names, "" for none. `name` holds that folder,
    # and the content key `name`, so a seed moved to another section is parsed again.
    section: str = ""


EntityFields = tuple[str, str, str, tuple[str, ...], str]  # an Entity's, in order


def key_material(kind: str, data: bytes, override: bytes | None) -> tuple[bytes, ...]:
    """What a source's content key is made of (`record_store.content_key`): its kind, its
    bytes and its override's."""
    return (kind.encode(), data) + ((b"override", override) if override is not None else ())


@dataclass(frozen=True)
class Ingested:
    """What one source gave; an article's body is a `StoredBody`.

    Two fields carry what the source gave to the process that keeps the cache, until
    it is stored there: `packed_body` the body, and `entity_fields` the entities,
    as plain tuples, which `entities_of` makes into `found`. As tuples they are
    half the bytes and a third of the time to load that entity objects are, and an
    archive names the same few over and over, so most need no object made at all."""

    article: Article | None = None
    page: ContentPage | None = None
    override: SeedOverride | None = None
    found: tuple[Entity, ...] = ()
    warnings: tuple[BuildWarning, ...] = ()
    dropped: BuildWarning | None = None
    packed_body: bytes = b""
    search_terms: SearchTerms | None = None  # an article's own terms, weighed here rather than at every build
    entity_fields: tuple[EntityFields, ...] = ()
    key: str = ""  # the content key of the bytes parsed; "" if they could not be read (kept nowhere)


def entities_of(fields: Iterable[EntityFields], interned: dict[EntityFields, Entity]) -> tuple[Entity, ...]:
    """The entities `Ingested.entity_fields` describes: one object for each distinct one
    across every call given the same `interned`, which keeps them."""
    return tuple([interned.get(f) or interned.setdefault(f, Entity(*f)) for f in fields])


def read_job(job: SourceJob) -> tuple[bytes, bytes | None]:
    """The bytes of the job's file and of its override; Unreadable if either cannot be read now."""
    data = read_file(job.path, job.name)
    return data, read_file(job.override_path, str(job.override_path)) if job.override_path else None


def unreadable(exc: Unreadable) -> Ingested:
    """A source that could not be read: reported this build, read again by the next (kept nowhere)."""
    return Ingested(dropped=BuildWarning(exc.message, exc.path, exc.line))


def ready_to_extract(cache_dir: Path, code: str) -> None:
    """Ready this process to extract entities: the gazetteer and the model's feature list from
    the cache (or made and kept there; `code` is newsgen's), the model and its word cache."""
    load_gazetteer(cache_dir / "gazetteer.pickle", code)
    attributes(saved=cache_dir / "model-attributes.pickle", key=code)
    EntityExtractor().extract(["Warm the model up in London."])


@dataclass(frozen=True)
class Ingester:
    """Picklable into workers: the extractor holds only the curation."""

    extractor: EntityExtractor
    bodies_file: str

    def __call__(self, job: SourceJob) -> Ingested:
        try:
            data, override = read_job(job)
        except Unreadable as exc:
            return unreadable(exc)
        return self.from_bytes(job, data, override)

    def from_bytes(self, job: SourceJob, data: bytes, override: bytes | None) -> Ingested:
        """The job's result from its file's bytes and its override's, read by this process or another."""
        key = content_key(job.name, key_material(job.kind, data, override))
        try:
            item, parsed_override, warnings = self._parse(job, data, override)
        except NewsgenError as exc:
            return Ingested(dropped=BuildWarning(exc.message, exc.path, exc.line), key=key)
        if isinstance(item, ContentPage):
            return Ingested(page=item, warnings=tuple(warnings), key=key)
        entities, left_out = extract_one(self.extractor, item)
        found = tuple((e.name, e.slug, e.kind, e.mentions, e.description) for e in entities)
        stored = replace(item, body=StoredBody(self.bodies_file, key), text_print=text_print(item))
        warnings += [left_out] if left_out else []
        return Ingested(article=stored, override=parsed_override, entity_fields=found, warnings=tuple(warnings),
                        packed_body=pack_body(item.body), search_terms=text_terms(item), key=key)

    @staticmethod
    def _parse(job: SourceJob, data: bytes, override: bytes | None
               ) -> tuple[Article | ContentPage, SeedOverride | None, list[BuildWarning]]:
        source = source_of(job.path, data, job.name)
        if job.kind == "markdown":
            item, warnings = parse_markdown(source, job.relative, job.name)
            return item, None, warnings + placeholder_warnings(source.text, job.name)
        article, warnings = parse_seed(source, job.name, job.section)
        warnings += placeholder_warnings(source.text, job.name)
        loaded = load_override(job.override_path, override) if job.override_path else None
        return apply_override(article, loaded), loaded, warnings
