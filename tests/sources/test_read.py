"""The read stage: one job per source file, run where no record is kept, one object per entity."""

import operator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsgen.build import build
from newsgen.config import load_config
from newsgen.sources.read import plan_sources, read_sources
from newsgen.util.progress import QUIET

from ..conftest import tree_bytes, write


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


def _site(tmp_path):
    """A two-seed site; seed a.txt says which version of it the site shows."""
    root = tmp_path / "race"
    write(root / "seeds" / "a.txt", "Ferry returns to Accra\n\nThe ferry reached Accra on 9 June 2025. Version one.\n")
    write(root / "seeds" / "b.txt", "Rail link opens in Oslo\n\nThe rail link in Oslo opened on 2 May 2024.\n")
    return root


def _shown(root, words):
    return any(words.encode() in data for data in tree_bytes(root / "site").values())


def _reads_of(monkeypatch, name, on_read):
    """Path.read_bytes, which planning and parsing both read sources with, calling
    `on_read(n, path)` before the `n`th read (from 1) of the file called `name`."""
    original, reads = Path.read_bytes, []

    def read_bytes(path):
        if path.name == name:
            reads.append(path)
            on_read(len(reads), path)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return reads


def test_a_seed_saved_again_while_it_is_parsed_is_kept_under_the_key_of_what_was_parsed(tmp_path, monkeypatch):
    root = _site(tmp_path)
    build(load_config(root), jobs=1)
    seed = root / "seeds" / "a.txt"
    version_two = seed.read_text(encoding="utf-8").replace("Version one.", "Version two.")
    seed.write_text(version_two, encoding="utf-8")
    # Planned (read once for its key) as version two, then saved as version three before it is parsed.
    reads = _reads_of(monkeypatch, "a.txt", lambda n, path: n == 2 and path.write_text(
        version_two.replace("Version two.", "Version three."), encoding="utf-8"))
    build(load_config(root), jobs=1)  # parsed in this process, where the patch holds
    assert len(reads) == 2 and _shown(root, "Version three.")
    monkeypatch.undo()
    seed.write_text(version_two, encoding="utf-8")  # back to the text the key was made of
    build(load_config(root))
    assert _shown(root, "Version two.") and not _shown(root, "Version three.")


@pytest.mark.parametrize("failed_read", [1, 2], ids=["when planned", "when parsed"])
def test_a_seed_that_could_not_be_read_is_read_again_by_the_next_build(tmp_path, monkeypatch, failed_read):
    root = _site(tmp_path)
    build(load_config(root), jobs=1)
    seed = root / "seeds" / "a.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Version one.", "Version two."), encoding="utf-8")

    def gone(n, path):  # deleted from then until the build ends
        if n >= failed_read:
            raise FileNotFoundError(2, "No such file or directory", str(path))

    _reads_of(monkeypatch, "a.txt", gone)
    report = build(load_config(root), jobs=1)
    assert [(d.path, d.message) for d in report.dropped] == [("seeds/a.txt", "cannot read: No such file or directory")]
    assert not _shown(root, "Version two.")
    monkeypatch.undo()  # back as it was: the same bytes, the same size and time
    report = build(load_config(root))
    assert report.dropped == [] and not report.up_to_date
    assert _shown(root, "Version two.")


def test_a_seeds_first_folder_under_seeds_is_its_section(tmp_path):
    from newsgen.entities import EntityExtractor
    from newsgen.incremental.record_store import RecordStore
    from newsgen.sources.ingest import Ingester

    root = tmp_path / "site"
    write(root / "seeds" / "flat.txt", "Flat headline\nBody.\n")
    write(root / "seeds" / "business" / "a.txt", "Bank raises rates\nBody.\n")
    write(root / "seeds" / "world-news" / "2005" / "b.txt", "Deep headline\nBody.\n")
    store = RecordStore(tmp_path / "cache", "inputs")
    jobs = plan_sources(load_config(root), store, {}).jobs
    results = read_sources(jobs, store, Ingester(EntityExtractor(), store.bodies_file), 1, QUIET, "code")
    sections = {r.article.source_path: r.article.section for r in results}
    assert sections == {"seeds/flat.txt": "", "seeds/business/a.txt": "Business",
                        "seeds/world-news/2005/b.txt": "World news"}
