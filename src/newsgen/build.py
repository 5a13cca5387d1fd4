"""The build pipeline, top to bottom:

read sources -> parse records -> extract entities -> site model -> render -> write.

Per-file work (parse, extract) runs across cores and is kept in the cache, keyed
by content; pages whose inputs did not change are reused from the current
output. Either way the result is byte for byte the site a clean build makes.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path

from . import cache
from .cache import RecordStore, digest, file_stamp, load_pickle, pickle_atomically, read_bytes, tree_stamps
from .config import SiteConfig
from .data_files import CurrentOutput, DataFile, feed_files, made_files, search_data_files
from .entities import EntityExtractor, load_curation
from .entities.gazetteer import load_gazetteer, source_versions
from .entities.model import attributes
from .errors import BuildWarning
from .fingerprint import Fingerprinter
from .ingest import EntityFields, Ingested, Ingester, SourceJob, entities_of
from .listing import list_articles
from .output import MARKER, check_output_dir, leftovers
from .site_update import SiteUpdate, journal_path
from .page_output import (Changes, Drawn, PageFingerprints, draw_files, load_manifest, manifest_file, missing_files,
                          save_manifest, site_manifest, site_outline)
from .process_exit import leave
from .progress import QUIET, Progress
from .records import Article, ContentPage, Entity, SeedOverride, by_identity, replaced
from .search_postings import KeptPostings
from .search_terms import SearchTerms
from .site_model import SiteModel, model_of
from .sources import discover
from .tagging import tag_articles
from .theme import layered, static_files
from .views import ArticleView
from .workers import InBackground, Standby, freeze_heap, parallel_map, thaw_heap, worker_count


@dataclass
class BuildReport:
    articles: int = 0
    pages_written: int = 0
    pages_reused: int = 0
    people: int = 0
    places: int = 0
    warnings: list[BuildWarning] = field(default_factory=list)
    dropped: list[BuildWarning] = field(default_factory=list)
    elapsed: float = 0.0
    up_to_date: bool = False


def _display(config: SiteConfig, path: Path) -> str:
    """`path` relative to the project, as `Path.relative_to` gives it, without its cost per seed."""
    root, text = str(config.root) + os.sep, str(path)
    return text[len(root):].replace(os.sep, "/") if text.startswith(root) else text


Stamps = dict[str, tuple[int, int, int] | None]  # the inputs' `file_stamp`s, by path


def _plan(config: SiteConfig, store: RecordStore, report: BuildReport, stamps: Stamps) -> list[SourceJob]:
    """One job per source file, each with its content key; refused files go in the report.
    `stamps` holds those `_input_stamp` took: each file is looked at once per build."""

    def stamp_of(path: Path) -> tuple[int, int, int] | None:
        return stamps[str(path)] if str(path) in stamps else file_stamp(path)

    jobs = []
    seeds, refused = discover(config.seeds_dir, "*.txt")
    report.dropped.extend(refused)
    override_dir = config.content_dir / "seeds"
    overrides = {p.stem: p for p in override_dir.glob("*.yaml") if p.is_file()} if override_dir.is_dir() else {}
    for path in seeds:
        name, override = _display(config, path), overrides.get(path.stem)
        stamp = (stamp_of(path), stamp_of(override) if override else None)
        key = store.key_for(name, stamp, lambda: (b"seed", read_bytes(path))
                            + ((b"override", read_bytes(override)) if override else ()))
        jobs.append(SourceJob("seed", path, name, key, override_path=override))
    markdown, refused = discover(config.content_dir, "*.md")
    report.dropped.extend(refused)
    for path in markdown:
        name = _display(config, path)
        key = store.key_for(name, (stamp_of(path),), lambda: (b"markdown", read_bytes(path)))
        jobs.append(SourceJob("markdown", path, name, key, relative=path.relative_to(config.content_dir)))
    return jobs


def _ready_to_extract(cache_dir: Path, code: str) -> None:
    """Ready this process to extract entities: the gazetteer and the model's feature list from
    the cache (or made and kept there; `code` is newsgen's), the model and its word cache."""
    load_gazetteer(cache_dir / "gazetteer.pickle", code)
    attributes(saved=cache_dir / "model-attributes.pickle", key=code)
    EntityExtractor().extract(["Warm the model up in London."])


def _ingest(jobs: list[SourceJob], store: RecordStore, ingester: Ingester, workers: int | None,
            progress: Progress, code: str, ready: Standby | None = None) -> list[Ingested]:
    """Every job's result, from the cache or computed now: a few by `ready` (by default this
    process), which readied itself to extract while this one planned; more in parallel, by
    workers forked once this process has readied itself, which inherit what it loaded."""
    ready = ready or Standby(partial(_ready_to_extract, store.folder, code), jobs=1)
    pending = [job for job in jobs if store.get(job.key) is None]
    few = worker_count(len(pending), workers) == 1
    interned: dict[EntityFields, Entity] = {}
    with progress.stage("parsed and tagged", len(pending)) as advance:
        parsed: Iterable[Ingested] = ready.map(ingester, pending if few else [])
        if not few:
            _ready_to_extract(store.folder, code)
            parsed = parallel_map(ingester, pending, workers)
        for result, job in zip(parsed, pending):
            if result.article is not None:  # its body and entities come in the form they travel in
                store.put_body(job.key, result.packed_body)
                # Shared as they arrive: unshared, a cold 100k build's entities would fill gigabytes.
                result = replaced(result, packed_body=b"", found=entities_of(result.entity_fields, interned),
                                  entity_fields=())
            store.put(job.key, result)
            advance(1)
    store.flush()
    return _interned(jobs, store, interned)


def _interned(jobs: list[SourceJob], store: RecordStore, interned: dict[EntityFields, Entity]) -> list[Ingested]:
    """The jobs' records, with one object per distinct entity across the archive (`interned`
    holds those of the records just parsed).

    Kept in the store like that, so the cache file stores each entity once and
    loads it as one object: most of a large archive's memory is otherwise
    thousands of equal copies of its most-named people and places. The records
    from the cache share theirs already, so theirs are kept, and only records that
    name an entity some other record has its own copy of are made again."""
    loaded = [store.records[job.key] for job in jobs]  # alive until the end, so no object reuses an id below
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


@dataclass
class _Sources:
    articles: list[Article] = field(default_factory=list)
    overrides: list[SeedOverride | None] = field(default_factory=list)
    found: list[list[Entity]] = field(default_factory=list)
    pages: list[ContentPage] = field(default_factory=list)
    search_terms: dict[str, SearchTerms] = field(default_factory=dict)  # by the article's source path


def _collect(results: list[Ingested], report: BuildReport) -> _Sources:
    sources = _Sources()
    for result in results:
        report.warnings.extend(result.warnings)
        if result.dropped:
            report.dropped.append(result.dropped)
        elif result.page is not None:
            sources.pages.append(result.page)
        elif result.article is not None:
            sources.articles.append(result.article)
            sources.overrides.append(result.override)
            sources.found.append(list(result.found))
            if result.search_terms is not None:
                sources.search_terms[result.article.source_path] = result.search_terms
    return sources


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cache and the model are hundreds of thousands of small records made at once, none
    in a cycle: the cycle collector would walk them over and over as they pile up (a third
    of the time it takes to make them). Once made they are frozen, left out of the
    collections the rest of the build triggers, until `build` ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        freeze_heap()
        if enabled:
            gc.enable()


def record_store_inputs(code: str, curation_path: Path) -> str:
    """What every cached record depends on besides its own files."""
    return digest(code, source_versions(), read_bytes(curation_path))


def _input_stamp(config: SiteConfig, code: str) -> tuple[str, Stamps]:
    """Every input's size and modification time, as one digest (equal digests mean nothing
    to do) and by path."""
    folders = [config.seeds_dir, config.content_dir, *layered(config.root, "templates"),
               *layered(config.root, "static")]
    trees = [tree_stamps(f) for f in folders]
    return digest(code, repr(config), *map(repr, trees)), dict(chain.from_iterable(trees))


def _theme_digest(config: SiteConfig) -> str:
    return digest(*(read_bytes(Path(p)) + p.encode() for folder in layered(config.root, "templates")
                    for p, _ in tree_stamps(folder)))


def _searched_and_outlined(views: Sequence[ArticleView], search_terms: dict[str, SearchTerms], kept: KeptPostings,
                           content_pages: Sequence[ContentPage],
                           in_output: CurrentOutput) -> tuple[dict[str, DataFile], str]:
    """What the second core makes while this one makes the site model: the search index, and
    the outline of what the model is made from (`page_output.site_outline`)."""
    return search_data_files(views, search_terms, kept, in_output), site_outline(views, content_pages)


def shared_inputs(config: SiteConfig, code: str, model: SiteModel) -> str:
    """What every page is drawn from besides its own context: newsgen, the theme, the settings, the menu."""
    return digest(code, _theme_digest(config), Fingerprinter("").fold((config, model.menu)))


def _contents_stamp(code: str, config: SiteConfig, stamps: Stamps, jobs: list[SourceJob]) -> str:
    """As `_input_stamp`, but with each source file (and seed override) by its content key
    rather than its size and time: a checkout or copy that touched every file and changed
    none leaves it the same."""
    keyed = {str(job.path): job.key for job in jobs}
    keyed.update((str(job.override_path), "in its seed's key") for job in jobs if job.override_path)
    # In the stamps' own order (by folder, then path); no path holds a NUL, nor any key or stamp.
    return digest(code, repr(config),
                  "\0".join(f"{path}\0{keyed.get(path) or stamp}" for path, stamp in stamps.items()))


_LAST_BUILD = "last-build.pickle"


def _last_build(cache_dir: Path, name: str, value: str, output: Path) -> BuildReport | None:
    """The last build's report, if its `name` ("stamp" or "contents") was `value` and the
    output is as it left it: nothing it was built from has changed since."""
    if journal_path(output).exists() or leftovers(output):
        return None
    saved = load_pickle(cache_dir / _LAST_BUILD)
    if not isinstance(saved, dict) or saved.get(name) != (value, file_stamp(output / MARKER)):
        return None
    report = saved["report"]
    report.pages_written, report.pages_reused, report.up_to_date = 0, 0, True
    return report


def _remember(cache_dir: Path, output: Path, stamp: str, contents: str, report: BuildReport) -> None:
    marker = file_stamp(output / MARKER)
    pickle_atomically(cache_dir / _LAST_BUILD, {"stamp": (stamp, marker), "contents": (contents, marker),
                                                "report": report})


def _write(output: Path, config: SiteConfig, model: SiteModel, static: dict[str, Path], data_files: dict[str, DataFile],
           changes: Changes, jobs: int | None, progress: Progress) -> tuple[int, int]:
    """Stage what changed and swap it in; return (files written, files reused)."""
    in_place = bool(changes.unchanged) and changes.small(len(changes.changed) + len(changes.unchanged))
    with SiteUpdate(output, in_place) as writer:
        if in_place:
            for path in changes.deleted:
                writer.delete(path)
        else:
            for path in changes.unchanged:
                writer.link_from_output(path)
        with progress.stage("pages drawn", len(changes.changed)) as advance:
            draw_files(writer, config, model, data_files, changes.changed, jobs, advance)
        for rel, source in static.items():
            if f"static/{rel}" in changes.changed:
                writer.copy_file(f"static/{rel}", source)
        if ".nojekyll" in changes.changed:
            writer.write_text(".nojekyll", "")
        writer.commit()
        return writer.files_written, len(changes.unchanged)


def build(config: SiteConfig, *, jobs: int | None = None, fresh: bool = False,
          progress: Progress = QUIET) -> BuildReport:
    """Build the site; raise NewsgenError (leaving the old site intact) if it cannot.

    `jobs` caps worker processes (default: all cores); `fresh` ignores the cache.
    """
    started = time.perf_counter()
    output = config.output_dir.resolve()
    inputs = {"seeds folder": config.seeds_dir, "content folder": config.content_dir}
    check_output_dir(output, inputs | {"project folder": config.root}, read_from=inputs)
    cache_dir = config.root / cache.CACHE_DIR
    code = cache.code_fingerprint()
    stamp, stamps = _input_stamp(config, code)
    report = None if fresh else _last_build(cache_dir, "stamp", stamp, output)
    if report is None:
        previous = Drawn() if fresh else load_manifest(manifest_file(cache_dir, output), output)
        try:
            # The second core has nothing to do until the build has planned: it looks for files
            # removed from the output, readies itself to extract entities, and parses an edit's files.
            with Standby(partial(_ready_to_extract, cache_dir, code), jobs,
                         aside=partial(missing_files, previous.files, output)) as ready:
                report = _build(config, output, cache_dir, code, stamp, stamps, jobs, fresh, progress,
                                previous, ready)
        finally:
            thaw_heap()  # what `_collector_paused` froze: a long-lived process (serve) builds again
        leave(previous)
    report.elapsed = time.perf_counter() - started
    return report


def _build(config: SiteConfig, output: Path, cache_dir: Path, code: str, stamp: str, stamps: Stamps,
           jobs: int | None, fresh: bool, progress: Progress, previous: Drawn,
           ready: Standby[frozenset[str], SourceJob, Ingested]) -> BuildReport:
    """The build proper, once `build` has found something to do; `previous` is what the current
    output was drawn from, `ready` the process readied to extract, which looks aside for the
    files of `previous` someone removed from the output."""
    report = BuildReport()
    if cache_dir.is_dir():
        cache.remove_dead_temporaries(cache_dir)
    curation_path = config.content_dir / "entities.yaml"
    curation = load_curation(curation_path)
    record_inputs = record_store_inputs(code, curation_path)
    with _collector_paused():
        store = RecordStore(cache_dir, record_inputs) if fresh else RecordStore.open(cache_dir, record_inputs)
    source_jobs = _plan(config, store, report, stamps)
    contents = _contents_stamp(code, config, stamps, source_jobs)
    if not fresh and all(store.get(job.key) is not None for job in source_jobs) and (
            saved := _last_build(cache_dir, "contents", contents, output)):
        store.save([job.name for job in source_jobs])  # the new stamps: the next build stops before this
        _remember(cache_dir, output, stamp, contents, saved)
        leave(locals())
        return saved
    results = _ingest(source_jobs, store, Ingester(EntityExtractor(curation), store.bodies_file), jobs, progress,
                      code, ready)
    # The records are final: a second core saves them while this one tags, and once it has
    # forked, the store lets go of what the rest of the build does not need (at 100,000
    # articles, hundreds of MB). Saved before the site is written: a cache that cannot be
    # written fails the build, with the site untouched.
    with InBackground(partial(store.save, [job.name for job in source_jobs]), jobs) as saved:
        sources = _collect(results, report)
        del results, store
        with _collector_paused():
            memo = cache.ResultMemo(cache_dir / "results.pickle", code)
            articles = tag_articles(sources.articles, sources.found, sources.overrides, curation, memo)
            listing = list_articles(articles)
        saved.result()
    content_pages = sources.pages
    # The search index and the site's outline are made on a second core while this one makes the model.
    kept_postings = KeptPostings(cache_dir / "search-postings", code, reuse=not fresh)
    in_output = CurrentOutput(output, previous.files, ready.aside)  # ready.aside: the files someone removed
    with InBackground(partial(_searched_and_outlined, listing.views, sources.search_terms, kept_postings,
                              content_pages, in_output), jobs) as aside:
        del sources, articles  # search terms and untagged articles: not needed from here on, nor by forked workers
        with _collector_paused():
            model = model_of(config, listing, content_pages, memo, jobs)
        del listing
        report.warnings.extend(model.warnings)
        static = static_files(config.root)
        search_files, outline = aside.result()
    # The memo holds all it will: a second core saves it while this one writes the site.
    with InBackground(memo.save, jobs) as memo_saved, \
            PageFingerprints(model, shared_inputs(config, code, model), previous, outline, jobs) as pages:
        known = previous.still_true(pages.to_compare.outline)
        data_files = (feed_files(config, model, code, known, outline.articles) | made_files(config, model, in_output)
                      | search_files)
        changes = Changes.between(in_output, site_manifest(pages.to_compare, static, data_files).files)
        report.pages_written, report.pages_reused = _write(output, config, model, static, data_files, changes,
                                                                jobs, progress)
        current = site_manifest(pages.drawn(), static, data_files)
        memo_saved.result()

    report.articles = len(model.articles)
    report.people, report.places = len(model.people), len(model.places)
    save_manifest(manifest_file(cache_dir, output), output, current)
    _remember(cache_dir, output, stamp, contents, report)
    leave(locals())  # the model, the caches, the manifests
    return report
