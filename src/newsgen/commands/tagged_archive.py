"""The whole archive's people and places as a build would tag them, for commands that look at
the archive without building it (`newsgen entities --review`, `benchmarks/busiest.py`).

Extraction is what costs (minutes at 10,000 articles), so the sources are read through the
build's record store, as a build reads them: a file the last build parsed is not parsed
again, and files it did not are parsed now, on every core, and kept in the store for the
next build. The store is the build's, so this holds the build's lock while it uses it, and
drops nothing from it: only a build knows which records its sources no longer need.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import SiteConfig
from ..entities import ArchiveDecision, Curation, EntityExtractor, load_curation, review_archive
from ..entities.tagging import tag_articles
from ..incremental.last_build import record_store_inputs
from ..incremental.record_store import CACHE_DIR, CACHE_LOCK, RecordStore, code_fingerprint
from ..incremental.url_register import UrlRegister
from ..model.listing import Listing, list_articles
from ..records import Entity
from ..sources.ingest import Ingester, ready_gazetteer
from ..sources.read import collect, plan_sources, read_sources
from ..util.files import locked
from ..util.memo import ResultMemo
from ..util.progress import QUIET, Progress


@dataclass(frozen=True)
class TaggedArchive:
    """`listing` holds the articles as the site lists them (a merged twin once), tagged as
    their pages show them, and each person's and place's page; `found[path]` an article's
    entities as extracted, before they were unified across the archive, and `decision`
    what the archive decided each of them is, and why (`entities.review_archive`)."""

    listing: Listing
    found: dict[str, list[Entity]]
    decision: ArchiveDecision
    curation: Curation
    files: int  # source files read
    parsed: int  # of those, the ones not in the record store, parsed now


def read_tagged_archive(config: SiteConfig, jobs: int | None = None, progress: Progress = QUIET) -> TaggedArchive:
    curation_path = config.content_dir / "entities.yaml"
    curation = load_curation(curation_path)
    cache_dir = config.root / CACHE_DIR
    code = code_fingerprint()
    with locked(cache_dir / CACHE_LOCK, lambda: progress.note("waiting for a build of this site to finish")):
        store = RecordStore.open(cache_dir, record_store_inputs(code, curation_path))
        plan = plan_sources(config, store, {})
        parsed = sum(store.records.get(job.key) is None for job in plan.jobs)
        results = read_sources(plan.jobs, store, Ingester(EntityExtractor(curation), store.bodies_file), jobs,
                               progress, code)
        if parsed:  # kept for the next build; nothing is dropped that a build of other sources may need
            store.used.update(store.records)
            store.save(sorted(set(store.stamps) | {job.name for job in plan.jobs}))
    sources = collect(results)
    ready_gazetteer(cache_dir, code)
    # The last build's tags, when its entities, evidence and rules are these: no need to unify them again.
    memo = ResultMemo(cache_dir / "results.pickle", code)
    articles = tag_articles(sources.articles, sources.found, sources.overrides, curation, memo, sources.evidence)
    decision = review_archive(sources.found, sources.evidence, curation)
    # Twins are one article, as on the site; near-duplicates, which the site only reports, are not looked for.
    register = UrlRegister.read(config.root)
    listing = list_articles(articles, register.slugs, config.duplicates, look_for_near=False,
                            registered_entities=register.entities)
    found = {a.source_path: entities for a, entities in zip(sources.articles, sources.found)}
    return TaggedArchive(listing, found, decision, curation, len(plan.jobs), parsed)
