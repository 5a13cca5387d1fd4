"""The sources parsed, and a large archive's profiles counted, on a Dask cluster: the same site
as a local build, cold and after an edit."""

import shutil
from contextlib import contextmanager
from pathlib import Path

from newsgen.build import build
from newsgen.config import load_config
from newsgen.entities import EntityExtractor
from newsgen.model import profiles, site
from newsgen.sources import on_cluster
from newsgen.sources.ingest import Ingester, SourceJob
from newsgen.sources.on_cluster import OnWorker, SentJob
from newsgen.util.cluster import Cluster
from newsgen.util.progress import Progress

from ..conftest import SEED, tree_bytes, write
from ..sitegen import write_archive


class Counting(Progress):
    """Records how far each stage advanced."""

    def __init__(self):
        super().__init__(enabled=False)
        self.advanced: dict[str, int] = {}

    @contextmanager
    def stage(self, label, total):
        self.advanced[label] = 0

        def advance(n):
            self.advanced[label] += n

        yield advance


def _project(root: Path) -> Path:
    shutil.copy(SEED, write(root / "seeds" / SEED.name, ""))
    write_archive(root / "seeds", 15)
    write(root / "seeds" / "empty.txt", "")  # dropped, with its path and line
    write(root / "content" / "seeds" / "broken.yaml", "date: [\n")
    write(root / "seeds" / "broken.txt", "A headline\n\nA body.\n")  # its override is no YAML
    write(root / "content" / "pages" / "about.md", "---\ntitle: About\n---\nWho we are.\n")
    return root


def _edit(root: Path) -> None:
    seed = sorted((root / "seeds").glob("*.txt"))[5]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nGrace Mensah later visited Vienna.\n", encoding="utf-8")


def test_a_build_on_the_cluster_is_the_local_build_cold_and_after_an_edit(dask_scheduler, tmp_path, monkeypatch):
    local, remote = _project(tmp_path / "local"), _project(tmp_path / "remote")
    sent = []
    real_map = Cluster.map

    def counted_map(self, function, items, *args):
        sent.append(len(items))
        return real_map(self, function, items, *args)

    monkeypatch.setattr(Cluster, "map", counted_map)
    reduced = []  # the number of profiles each build counted as one reduction, and where
    real_reduction = profiles.stats_by_entity

    def counted_reduction(*args, cluster=None, **kwargs):
        stats = real_reduction(*args, cluster=cluster, **kwargs)
        reduced.append((len(stats), cluster is not None))
        return stats

    monkeypatch.setattr(profiles, "stats_by_entity", counted_reduction)
    monkeypatch.setattr(site, "STATS_ON_CLUSTER_FROM", 10)  # so this small archive's profiles are counted there
    on_cluster = load_config(remote, {"executor": {"dask": dask_scheduler}})
    for change in (None, _edit):
        if change:
            change(local), change(remote)
        here, progress = build(load_config(local)), Counting()
        there = build(on_cluster, progress=progress)
        assert tree_bytes(local / "site") == tree_bytes(remote / "site")
        assert [str(d).replace(str(remote), "") for d in there.dropped] == \
            [str(d).replace(str(local), "") for d in here.dropped]
        assert progress.advanced["parsed and tagged"] == sent[-1]  # as the cluster finished them
    assert sent == [19, 1]  # every source, then only the edited one
    # Every profile of the cold build, on the cluster; after the edit, only those it reached, each here.
    assert len(reduced) == 1 and reduced[0][1] and reduced[0][0] == there.people + there.places > 10
    assert {str(d) for d in here.dropped} >= {"seeds/empty.txt:1: empty file: no headline"}
    assert any(d.path.endswith("broken.yaml") and d.line for d in here.dropped)


def test_a_file_whose_parse_fails_unexpectedly_is_dropped_with_its_path(monkeypatch, tmp_path):
    def broken(self, job, data, override):
        raise KeyError("a bug")

    monkeypatch.setattr(Ingester, "from_bytes", broken)
    monkeypatch.setattr(on_cluster, "_readied", {"code"})  # no model to load for this
    job = SourceJob("seed", tmp_path / "a.txt", "seeds/a.txt", "key")
    result = OnWorker(Ingester(EntityExtractor(), str(tmp_path / "bodies")), "code")(SentJob(job, b"A\n\nB.\n", None))
    assert result.key == "" and result.dropped.path == "seeds/a.txt"  # kept nowhere: the next build sends it again
    assert "KeyError" in result.dropped.message and "a bug" in result.dropped.message
