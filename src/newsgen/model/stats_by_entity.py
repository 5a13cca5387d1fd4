"""Every person's and place's stats (`entity_stats`) in one pass over the archive, as a
reduction keyed by entity: on this machine, or on a Dask cluster once the archive outgrows it.

`profiles` counts each entity from its own articles, one entity after another, in the build's
one process; at a million articles that reads tens of millions of mentions there, and the
co-mention counts of the entities named most are the largest tables the model makes
(docs/scale.md). Counted as a reduction instead, each article adds its date and its entities
to the counts of every entity it names, consecutive runs of articles are counted apart and
their counts merged entity by entity, and each entity's counts become its stats where they
were merged: only the stats (ten co-mentions of each kind, a row of months) travel back.
On a cluster that is `dask.bag.foldby`, keyed by entity, over partitions of the archive in
its order: merged in that order, counts keep the order of first mention they have when
counted in one process, which decides ties, so both paths give the same stats.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from functools import partial
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .entity_stats import DEFAULT_CO_MENTIONS, EntityCounts, EntityStats, SortName

if TYPE_CHECKING:
    from ..util.cluster import Cluster

Mention = tuple[date | None, Sequence[Hashable]]  # an article's date and its entities, each once
ARTICLES_PER_PARTITION = 20_000  # on a cluster: each partition's counts are a few MB to send


def counts_by_entity(mentions: Iterable[Mention]) -> dict[Hashable, EntityCounts]:
    """Each entity's counts: `EntityCounts.of` its articles' mentions, in their order."""
    return {key: EntityCounts.of(named) for key, named in _named_in(mentions).items()}


def _named_in(mentions: Iterable[Mention]) -> dict[Hashable, list[Mention]]:
    """Each entity's articles' mentions, gathered in one pass: each entity is then counted in
    one go, as Counter counts fastest."""
    named_in: dict[Hashable, list[Mention]] = {}
    for mention in mentions:
        for key in mention[1]:
            named_in.setdefault(key, []).append(mention)
    return named_in


def stats_by_entity(mentions: Sequence[Mention], sort_name: SortName, kind_of: Callable[[Hashable], Any] | None = None,
                    limit: int = DEFAULT_CO_MENTIONS, cluster: Cluster | None = None,
                    per_partition: int = ARTICLES_PER_PARTITION) -> dict[Hashable, EntityStats]:
    """Each entity's `EntityCounts.stats`, from `mentions` in the archive's order: counted here,
    or on `cluster` in partitions of `per_partition` articles."""
    stats = partial(_stats, sort_name=sort_name, kind_of=kind_of, limit=limit)
    if cluster is None:  # each entity's counts made into its stats at once: one entity's counts held at a time
        return {key: stats((key, EntityCounts.of(named)))[1] for key, named in _named_in(mentions).items()}
    if not mentions:
        return {}
    import dask.bag

    client = cluster.client()
    # Sent to the workers as they are, under keys of their own: `dask.bag.from_sequence` would
    # first digest every mention to name them, which cost the build's process more CPU than
    # counting them there (`dask.tokenize`: 2.5 of 3 CPU s at 10,000 articles).
    partitions = client.scatter([list(mentions[start:start + per_partition])
                                 for start in range(0, len(mentions), per_partition)], hash=False)
    folded = dask.bag.from_delayed(partitions).map_partitions(_partition_counts).foldby(
        itemgetter(0), _add_pair, _no_counts, _merged, _no_counts)
    return dict(folded.map(stats).compute(scheduler=client))


def _no_counts() -> EntityCounts:
    return EntityCounts(Counter(), Counter())


def _partition_counts(mentions: Iterable[Mention]) -> list[tuple[Hashable, EntityCounts]]:
    return list(counts_by_entity(mentions).items())


def _merged(total: EntityCounts, more: EntityCounts) -> EntityCounts:
    """`total` with `more` added. `total` is the fold's own (made by `_no_counts`), so it may
    change; `more` may be a task's result that Dask keeps, so it must not."""
    total.together.update(more.together)
    total.days.update(more.days)
    return total


def _add_pair(total: EntityCounts, pair: tuple[Hashable, EntityCounts]) -> EntityCounts:
    return _merged(total, pair[1])


def _stats(pair: tuple[Hashable, EntityCounts], sort_name: SortName, kind_of: Callable[[Hashable], Any] | None,
           limit: int) -> tuple[Hashable, EntityStats]:
    key, counts = pair
    return key, counts.stats(key, sort_name, limit, kind_of)
