"""The per-file jobs run on a Dask cluster instead of this machine's cores.

Each job travels with its file's bytes, not its path. A worker on another machine
may not see this project's folder, or may see it through a network file system
that lags behind an editor's save; and the content key must be that of the bytes
the build planned, which only this process can be sure it read. A seed is a few
kilobytes, so 10,000 of them are tens of megabytes on the network once, against
an hour of parsing spared: cheaper than being wrong about a shared file system.

A worker readies itself once (the gazetteer and the model's feature list, kept in
its own temporary folder, and the model), as a forked local worker inherits. A
file whose parse raises something other than a `NewsgenError` (a bug) is dropped
with its path and the error, and a batch the cluster could not run (a worker that
kept dying on it) is dropped file by file: the other files' records are kept
either way, and the dropped ones, kept nowhere, are sent again by the next build.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildWarning
from ..util.cluster import Cluster
from .files import Unreadable
from .ingest import Ingested, Ingester, SourceJob, read_job, ready_to_extract, unreadable

_readied: set[str] = set()  # the code fingerprints this worker process has readied itself for


@dataclass(frozen=True)
class SentJob:
    job: SourceJob
    data: bytes
    override: bytes | None


@dataclass(frozen=True)
class OnWorker:
    """What a worker runs for each job it is sent; picklable, as the `Ingester` is."""

    ingester: Ingester
    code: str  # newsgen's code fingerprint in the build that sent it

    def __call__(self, sent: SentJob) -> Ingested:
        if self.code not in _readied:
            ready_to_extract(Path(tempfile.gettempdir()) / f"newsgen-worker-{self.code[:16]}", self.code)
            _readied.add(self.code)
        try:
            return self.ingester.from_bytes(sent.job, sent.data, sent.override)
        except Exception as exc:  # noqa: BLE001 - a bug: this file is dropped, and reported; the others go on
            return _dropped(sent.job, f"newsgen failed on this file on the Dask cluster ({type(exc).__name__}: "
                                      f"{exc}); this is a bug in newsgen, please report it")


def ingest_on_cluster(cluster: Cluster, ingester: Ingester, jobs: Sequence[SourceJob], code: str,
                      on_done: Callable[[int], None]) -> Iterator[Ingested]:
    """Each job's result, in order: read here, parsed and extracted on the cluster."""
    read: dict[int, Ingested] = {}
    sent: list[SentJob] = []
    for i, job in enumerate(jobs):
        try:
            sent.append(SentJob(job, *read_job(job)))
        except Unreadable as exc:
            read[i] = unreadable(exc)
            on_done(1)
    results = cluster.map(OnWorker(ingester, code), sent, on_done, _size, _lost)
    for i in range(len(jobs)):
        yield read[i] if i in read else next(results)


def _size(sent: SentJob) -> int:
    return len(sent.data) + len(sent.override or b"")


def _lost(batch: Sequence[SentJob], error: BaseException) -> list[Ingested]:
    return [_dropped(sent.job, f"the Dask cluster could not parse this file ({type(error).__name__}: {error}); "
                               "the next build sends it again") for sent in batch]


def _dropped(job: SourceJob, reason: str) -> Ingested:
    return Ingested(dropped=BuildWarning(reason, job.name))
