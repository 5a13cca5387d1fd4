"""The read stage: one job per source file, run where no record is kept, one object per entity."""

import operator
from contextlib import contextmanager

from newsgen.config import load_config
from newsgen.sources.read import plan_sources, read_sources
from newsgen.util.progress import QUIET

from ..conftest import write


def test_parsed_records_share_one_object_per_person_or_place(site_root, tmp_path):
    from newsgen.entities import EntityExtractor
    from newsgen.incremental.record_store import RecordStore
    from newsgen.sources.ingest import Ingester
    from newsgen.util.progress import Progress

    (original,) = (site_root / "seeds").glob("*.txt")
    lines = original.read_text(encoding="utf-8").splitlines()
    for copy in ("copy", "later-copy"):
        write(site_root / "seeds" / f"{copy}.txt", "\n".join([f"Another headline: {copy}"] + lines[1:]) + "\n")
    store = RecordStore(tmp_path / "cache", "inputs")
    jobs = plan_sources(load_config(site_root), store, {}).jobs
    shared_while_parsing, advanced = [], []

    class Watching(Progress):  # looks at the store each time a record has come in
        @contextmanager
        def stage(self, label, total):
            def advance(n):
                advanced.append(n)
                records = list(store.records.values())
                if len(records) == 2:
                    shared_while_parsing.append(all(map(operator.is_, records[0].found, records[1].found)))
            yield advance

    ingester = Ingester(EntityExtractor(), store.bodies_file)
    first, second, third = read_sources(jobs, store, ingester, 1, Watching(enabled=False), "code")
    assert first.found and [e.name for e in first.found] == [e.name for e in second.found]
    assert all(map(operator.is_, first.found, second.found)) and all(map(operator.is_, first.found, third.found))
    assert shared_while_parsing == [True]  # not only once all are in: a cold build's peak is while parsing
    assert sum(advanced) == 3  # the last one too


def test_a_record_parsed_again_shares_the_cached_records_people_and_places(site_root, tmp_path):
    from newsgen.entities import EntityExtractor
    from newsgen.incremental.record_store import RecordStore
    from newsgen.sources.ingest import Ingester

    (original,) = (site_root / "seeds").glob("*.txt")
    lines = original.read_text(encoding="utf-8").splitlines()
    for copy in ("copy", "later-copy"):
        write(site_root / "seeds" / f"{copy}.txt", "\n".join([f"Another headline: {copy}"] + lines[1:]) + "\n")

    def ingest(store):
        jobs = plan_sources(load_config(site_root), store, {}).jobs
        results = read_sources(jobs, store, Ingester(EntityExtractor(), store.bodies_file), 1, QUIET, "code")
        store.save([job.name for job in jobs])
        return results

    ingest(RecordStore(tmp_path / "cache", "inputs"))
    with open(site_root / "seeds" / "copy.txt", "a", encoding="utf-8") as handle:
        handle.write("A late correction was added to this report.\n")
    store = RecordStore.open(tmp_path / "cache", "inputs")
    cached = list(store.records.values())
    first, edited, third = ingest(store)
    assert edited.article.word_count > first.article.word_count
    assert all(map(operator.is_, first.found, edited.found)) and all(map(operator.is_, first.found, third.found))
    assert {id(first), id(third)} <= set(map(id, cached))  # the cached records themselves, not copies made again
