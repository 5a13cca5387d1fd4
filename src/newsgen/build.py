"""The build pipeline, top to bottom, in `build`:

read sources -> parse records -> extract entities -> site model -> render -> write.

Per-file work (parse, extract) runs across cores and is kept in the record store,
keyed by content; pages whose inputs did not change are kept from the current
output (`incremental`). Either way the result is byte for byte the site a clean
build makes. Each stage runs inside `progress.stage`, which is how the command
shows progress and `benchmarks/stages.py` times the stages.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

from .config import SiteConfig
from .entities import EntityExtractor, load_curation
from .entities.tagging import tag_articles
from .errors import BuildWarning
from .incremental.last_build import LastBuild
from .incremental.manifest import Changes, altered_files, site_manifest
from .incremental.page_fingerprints import PageFingerprints, model_digests
from .incremental.record_store import CACHE_DIR, CACHE_LOCK, cache_write_failed
from .incremental.url_register import UrlRegister
from .model.listing import list_articles
from .model.site import SiteModel, model_of
from .model.views import ArticleView
from .output.current import CurrentOutput, written_stamps
from .output.update import SiteUpdate
from .output.writer import check_output_dir
from .records import ContentPage
from .render.data_files import DataFile, feed_files, made_files, search_data_files
from .render.staging import render_files
from .render.theme import static_files, templates_overridden
from .report import BuildReport, count_date_sources
from .search.postings import CachedPostings
from .search.terms import SearchTerms
from .sources.ingest import Ingester, ready_gazetteer, ready_to_extract
from .sources.read import collect, plan_sources, read_sources, true_until
from .util.cluster import Cluster
from .util.files import locked
from .util.memo import ResultMemo
from .util.process_exit import done_with
from .util.progress import QUIET, Progress
from .util.workers import InBackground, Standby, collector_paused, thaw_heap


def build(config: SiteConfig, *, jobs: int | None = None, fresh: bool = False,
          progress: Progress = QUIET, today: date | None = None) -> BuildReport:
    """Build the site; raise NewsgenError (leaving the old site intact) if it cannot.

    `jobs` caps worker processes (default: all cores); `fresh` ignores the cache; `today`
    is the day no article's found date may be after (default: the day the build starts).
    """
    started = time.perf_counter()
    output = config.output_dir.resolve()
    inputs = _read_folders(config)
    check_output_dir(output, inputs | {"project folder": config.root}, read_from=inputs)
    # One build at a time per cache, whatever its output: two builds of a site into two
    # folders would each prune the record store's bodies the other is still reading.
    cluster = Cluster(config.dask_scheduler) if config.dask_scheduler else None  # checks Dask is installed
    cache_lock = config.root / CACHE_DIR / CACHE_LOCK
    with locked(cache_lock, lambda: progress.note(f"waiting for another build of this site to finish "
                                                  f"(it holds {cache_lock})")):
        last = LastBuild(config, output, fresh, today or date.today())
        try:
            # Once the inputs' stamps have changed, the second core has nothing to do until the
            # sources are planned: it looks for files removed from the output or changed there,
            # readies itself to extract entities, then parses an edit's files.
            with Standby(partial(ready_to_extract, last.cache_dir, last.code), jobs, started=False,
                         meanwhile=lambda: altered_files(last.manifest, output)) as extractor:
                with progress.stage("last build checked", 0):
                    # With a cluster, an edit's files are parsed there: no process here readies itself.
                    up_to_date = last.up_to_date(partial(plan_sources, config), _nothing if cluster else extractor.start)
                report = last.report() if up_to_date else _build(config, output, last, extractor, jobs, progress,
                                                                 cluster)
        except OSError as exc:  # before the site is written: it is untouched
            error = cache_write_failed(exc, last.cache_dir)
            if error is None:
                raise
            raise error from exc
        finally:
            thaw_heap()  # what `collector_paused` froze: a long-lived process (serve) builds again
        done_with(last)
    report.elapsed = time.perf_counter() - started
    return report


def _read_folders(config: SiteConfig) -> dict[str, Path]:
    """Every folder a build reads, by name for error messages. The output may be none of
    them nor lie inside one: the next build would read its own pages as templates (and run
    what a headline smuggled in as Jinja), copy the last site into static/ one level deeper
    each time, or publish the cache's pickles."""
    return {"seeds folder": config.seeds_dir, "content folder": config.content_dir,
            "templates folder": config.root / "templates", "static folder": config.root / "static",
            "build cache folder": config.root / CACHE_DIR}


def _nothing() -> None:
    pass


def _build(config: SiteConfig, output: Path, last: LastBuild, extractor: Standby, jobs: int | None,
           progress: Progress, cluster: Cluster | None) -> BuildReport:
    """The stages, once the last build is known not to stand. Background tasks overlap them on
    a second core; each is named for what it makes, and its result is taken where it is needed."""
    report = BuildReport(dropped=list(last.plan.refused), warnings=list(last.plan.warnings))
    register = UrlRegister.read(config.root)
    report.warnings.extend(register.warnings)
    curation = load_curation(config.content_dir / "entities.yaml")
    store, source_jobs = last.store, last.plan.jobs
    # Closed once the sources are read: no connection, nor its thread, lives on in the processes forked later.
    with cluster or nullcontext():
        results = read_sources(source_jobs, store, Ingester(EntityExtractor(curation), store.bodies_file, last.today),
                               jobs, progress, last.code, extractor, cluster)
    read_all = all(result.key for result in results)  # else the next build reads the unread ones again
    until = true_until(results)
    # The records are final: a second core saves them while this one tags, and once it has
    # forked, the store lets go of what the rest of the build does not need (at 100,000
    # articles, hundreds of MB). Saved before the site is written: a cache that cannot be
    # written fails the build, with the site untouched.
    with InBackground(partial(store.save, [job.name for job in source_jobs]), jobs) as store_saved:
        sources = collect(results)
        report.warnings.extend(sources.warnings)
        report.dropped.extend(sources.dropped)
        del results, store
        last.store = None
        with progress.stage("entities unified", 0), collector_paused():
            memo = ResultMemo(last.cache_dir / "results.pickle", last.code)
            ready_gazetteer(last.cache_dir, last.code)  # the archive's decision on names reads it
            articles = tag_articles(sources.articles, sources.found, sources.overrides, curation, memo,
                                    sources.evidence)
            listing = list_articles(articles, register.slugs, config.duplicates,
                                    registered_entities=register.entities)
        store_saved.result()
    in_output = CurrentOutput(output, last.manifest.files, extractor.meanwhile_result)
    search = InBackground(partial(_search_index_and_digests, listing.views, sources.search_terms,
                                  CachedPostings(last.cache_dir / "search-postings", last.code, reuse=not last.fresh),
                                  sources.pages, in_output, templates_overridden(config.root)), jobs)
    report.duplicates, report.near_duplicates = listing.repeated, listing.near
    with search:
        content_pages, slugs, entity_slugs = sources.pages, listing.slugs, listing.entity_slugs
        del sources, articles  # search terms and untagged articles: not needed from here on, nor by forked workers
        with progress.stage("site model", 0), collector_paused():
            model = model_of(config, listing, content_pages, memo, jobs, cluster)
        del listing
        report.warnings.extend(model.warnings)
        report.dates = count_date_sources(view.article.date_source for view in model.articles)
        if config.require_dates:
            report.warnings.extend(undated_warnings(model.articles))
        static = static_files(config.root)
        search_files, digests = search.result()
    # The memo holds all it will: a second core saves it while this one writes the site.
    with InBackground(memo.save, jobs) as memo_saved:
        with progress.stage("pages fingerprinted", 0):
            pages = PageFingerprints(model, last.shared_inputs((model.menu, model.section_links)), last.manifest, digests, jobs)
        with pages:
            with progress.stage("files compared", 0):
                known = last.manifest.still_true(pages.to_compare.model_digest)
                data_files = (feed_files(config, model, last.code, known, digests.articles)
                              | made_files(config, model, in_output) | search_files)
                changes = Changes.between(in_output, site_manifest(pages.to_compare, static, data_files).files)
            report.pages_written, report.pages_reused = _write_site(output, config, model, static, data_files,
                                                                    changes, jobs, progress, report.warnings)
            current = replace(site_manifest(pages.rendered(), static, data_files),
                              written=written_stamps(output, changes.changed, changes.unchanged, last.manifest.written))
        _saved_once_written(memo_saved.result, report, last.cache_dir)
    report.articles = len(model.articles)
    report.people, report.places = len(model.people), len(model.places)
    register.write(slugs, entity_slugs)  # once the site is written; `remember` stamps it as this build left it
    _saved_once_written(partial(last.remember, report, current, read_all, until), report, last.cache_dir)
    done_with(locals())  # the model, the caches, the manifests
    return report


def undated_warnings(views: Sequence[ArticleView]) -> list[BuildWarning]:
    """A warning for each undated article, for a site that sets `require_dates`: its
    `--strict` build fails on them, and a site that does not is not troubled by them."""
    return [BuildWarning("no date: none in the override or front matter, the file name or folders, a dateline "
                         "or published line, or an embedded post (require_dates is set)", view.article.source_path)
            for view in views if view.article.date is None]


def _saved_once_written(save: Callable[[], object], report: BuildReport, cache_dir: Path) -> None:
    """`save()`, a cache written after the site was: a full disk then fails no build whose
    site is in place, and costs the next one only time (the cache left is not trusted)."""
    try:
        save()
    except OSError as exc:
        error = cache_write_failed(exc, cache_dir)
        if error is None:
            raise
        report.warnings.append(BuildWarning("the disk is full: the build cache could not be written (the site "
                                            "was); the next build may take longer", error.path))


def _search_index_and_digests(views: Sequence[ArticleView], search_terms: dict[str, SearchTerms],
                              cached: CachedPostings, content_pages: Sequence[ContentPage],
                              in_output: CurrentOutput, own_templates: bool) -> tuple[dict[str, DataFile], object]:
    """What the second core makes while this one makes the site model: the search index, and
    the digests of what the model is made from (`page_fingerprints.model_digests`; a site with
    templates of its own may show any field of an article on any page)."""
    return (search_data_files(views, search_terms, cached, in_output),
            model_digests(views, content_pages, whole_articles=own_templates))


def _write_site(output: Path, config: SiteConfig, model: SiteModel, static: Mapping[str, Path],
                data_files: Mapping[str, DataFile], changes: Changes, jobs: int | None,
                progress: Progress, warnings: list[BuildWarning]) -> tuple[int, int]:
    """Stage what changed and swap it in; return (files written, files reused)."""
    in_place = bool(changes.unchanged) and changes.small(len(changes.changed) + len(changes.unchanged))
    with SiteUpdate(output, in_place, touching=sorted([*changes.changed, *changes.deleted])) as writer:
        if writer.not_in_place:
            warnings.append(BuildWarning(f"{writer.not_in_place} is in a folder newsgen may not change in place "
                                         "(a read-only folder, or a link): the whole site was written anew instead",
                                         str(output / writer.not_in_place)))
        if writer.in_place:
            for path in changes.deleted:
                writer.delete(path)
        else:
            for path in changes.unchanged:
                writer.link_from_output(path)
        with progress.stage("pages rendered", len(changes.changed)) as advance:
            render_files(writer, config, model, data_files, changes.changed, jobs, advance)
        for rel, source in static.items():
            if f"static/{rel}" in changes.changed:
                writer.copy_file(f"static/{rel}", source)
        if ".nojekyll" in changes.changed:
            writer.write_text(".nojekyll", "")
        writer.commit()
        return writer.files_written, len(changes.unchanged)
