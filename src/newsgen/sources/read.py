"""The read stage's driver: plan one job per source file, then run the jobs not in the record
store, on every core, and collect their records for the rest of the build."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..config import SiteConfig
from ..errors import BuildWarning
from ..incremental.record_store import RecordStore
from ..records import Article, ContentPage, Entity, SeedOverride, by_identity, replaced
from ..search.terms import SearchTerms
from ..util.cluster import Cluster
from ..util.files import Stamps, file_stamp
from ..util.progress import Progress
from ..util.workers import Standby, parallel_map, worker_count
from .files import discover
from .ingest import EntityFields, Ingested, Ingester, SourceJob, entities_of, key_material, ready_to_extract
from .on_cluster import ingest_on_cluster
from .seed import folder_section


def _display(config: SiteConfig, path: Path) -> str:
    """`path` relative to the project, as `Path.relative_to` gives it, without its cost per seed."""
    root, text = str(config.root) + os.sep, str(path)
    return text[len(root):].replace(os.sep, "/") if text.startswith(root) else text


@dataclass
class Plan:
    jobs: list[SourceJob]
    refused: list[BuildWarning]  # files found that cannot be sources, each with its reason


def plan_sources(config: SiteConfig, store: RecordStore, stamps: Stamps) -> Plan:
    """One job per source file, each with its content key. `stamps` holds the stamps the build
    took of its inputs already: each file is looked at once per build."""

    def stamp_of(path: Path) -> tuple[int, int, int, int] | None:
        return stamps[str(path)] if str(path) in stamps else file_stamp(path)

    jobs = []
    seeds, refused = discover(config.seeds_dir, "*.txt")
    override_dir = config.content_dir / "seeds"
    overrides = {p.stem: p for p in override_dir.glob("*.yaml") if p.is_file()} if override_dir.is_dir() else {}
    seeds_root = str(config.seeds_dir) + os.sep
    for path in seeds:
        name, override = _display(config, path), overrides.get(path.stem)
        stamp = (stamp_of(path), stamp_of(override) if override else None)
        key = store.key_for(name, stamp, partial(_material, "seed", path, override))
        section = folder_section(str(path).removeprefix(seeds_root).split(os.sep)[:-1])
        jobs.append(SourceJob("seed", path, name, key, override_path=override, section=section))
    markdown, refused_markdown = discover(config.content_dir, "*.md")
    for path in markdown:
        name = _display(config, path)
        key = store.key_for(name, (stamp_of(path),), partial(_material, "markdown", path, None))
        jobs.append(SourceJob("markdown", path, name, key, relative=path.relative_to(config.content_dir)))
    return Plan(jobs, refused + refused_markdown)


def _material(kind: str, path: Path, override: Path | None) -> tuple[bytes, ...]:
    """A source's key material, read now; OSError if it cannot be read."""
    return key_material(kind, path.read_bytes(), override.read_bytes() if override else None)


def read_sources(jobs: list[SourceJob], store: RecordStore, ingester: Ingester, workers: int | None,
                 progress: Progress, code: str, ready: Standby | None = None,
                 cluster: Cluster | None = None) -> list[Ingested]:
    """Every job's result, from the record store or computed now: a few by `ready` (by default
    this process), which readied itself to extract while this one planned; more in parallel,
    by workers forked once this process has readied itself, which inherit what it loaded;
    or, given a `cluster`, all of them there.

    A result is kept under the key of the bytes parsed, and the job takes that key (`jobs`
    is updated in place) when the file changed since it was planned. A source that could
    not be read is kept nowhere: reported this build, read again by the next."""
    ready = ready or Standby(partial(ready_to_extract, store.folder, code), jobs=1)
    pending = [i for i, job in enumerate(jobs) if store.get(job.key) is None]
    few = worker_count(len(pending), workers) == 1
    interned: dict[EntityFields, Entity] = {}
    unread: dict[int, Ingested] = {}
    with progress.stage("parsed and tagged", len(pending)) as advance:
        todo = [jobs[i] for i in pending]
        done_here = advance
        parsed: Iterable[Ingested] = ready.map(ingester, todo if few and cluster is None else [])
        if cluster is not None and todo:
            parsed = ingest_on_cluster(cluster, ingester, todo, code, advance)
            done_here = _uncounted  # the cluster counts its own, as it finishes them
        elif not few:
            ready_to_extract(store.folder, code)
            parsed = parallel_map(ingester, todo, workers)
        for result, i in zip(parsed, pending):
            done_here(1)
            if not result.key:
                unread[i] = result
                store.forget_stamp(jobs[i].name)
                continue
            if result.key != jobs[i].key:  # saved again since it was planned
                store.forget_stamp(jobs[i].name)
                jobs[i] = dataclasses.replace(jobs[i], key=result.key)
            if result.article is not None:  # its body and entities come in the form they travel in
                store.put_body(result.key, result.packed_body)
                # Shared as they arrive: unshared, a cold 100k build's entities would fill gigabytes.
                result = replaced(result, packed_body=b"", found=entities_of(result.entity_fields, interned),
                                  entity_fields=())
            store.put(result.key, result)
    store.flush()
    return _interned(jobs, store, interned, unread)


def _interned(jobs: list[SourceJob], store: RecordStore, interned: dict[EntityFields, Entity],
              unread: dict[int, Ingested]) -> list[Ingested]:
    """The jobs' records (or, for those in `unread`, by index, why they could not be read),
    with one object per distinct entity across the archive (`interned` holds those of the
    records just parsed).

    Kept in the store like that, so the cache file stores each entity once and
    loads it as one object: most of a large archive's memory is otherwise
    thousands of equal copies of its most-named people and places. The records
    from the cache share theirs already, so theirs are kept, and only records that
    name an entity some other record has its own copy of are made again."""
    # alive until the end, so no object reuses an id below
    loaded = [unread[i] if i in unread else store.records[job.key] for i, job in enumerate(jobs)]
    objects = by_identity(result.found for result in loaded)
    parsed_now = {id(e) for e in interned.values()}
    canonical: dict[Entity, Entity] = {}
    for e in objects.values():
        if id(e) not in parsed_now:
            canonical.setdefault(e, e)
    canonical.update((e, e) for e in interned.values() if e not in canonical)
    copies = {key: canonical[e] for key, e in objects.items() if canonical[e] is not e}
    results = []
    for job, result in zip(jobs, loaded):
        if copies and not copies.keys().isdisjoint(map(id, result.found)):
            result = replaced(result, found=tuple([copies.get(id(e), e) for e in result.found]))
            store.records[job.key] = result
        results.append(result)
    return results


def _uncounted(n: int) -> None:
    pass


@dataclass
class Sources:
    """What the sources gave the rest of the build, in source order."""

    articles: list[Article] = field(default_factory=list)
    overrides: list[SeedOverride | None] = field(default_factory=list)
    found: list[list[Entity]] = field(default_factory=list)  # each article's entities, as extracted
    pages: list[ContentPage] = field(default_factory=list)
    search_terms: dict[str, SearchTerms] = field(default_factory=dict)  # by the article's source path
    warnings: list[BuildWarning] = field(default_factory=list)
    dropped: list[BuildWarning] = field(default_factory=list)  # sources that became no page, with the reason


def collect(results: list[Ingested]) -> Sources:
    sources = Sources()
    for result in results:
        sources.warnings.extend(result.warnings)
        if result.dropped:
            sources.dropped.append(result.dropped)
        elif result.page is not None:
            sources.pages.append(result.page)
        elif result.article is not None:
            sources.articles.append(result.article)
            sources.overrides.append(result.override)
            sources.found.append(list(result.found))
            if result.search_terms is not None:
                sources.search_terms[result.article.source_path] = result.search_terms
    return sources
