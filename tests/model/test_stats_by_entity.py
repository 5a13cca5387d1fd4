"""Every entity's stats as one reduction: the same as each entity counted from its own articles,
in one process or folded by entity on a Dask cluster."""

import random
from datetime import date, timedelta

from newsgen.model.entity_stats import EntityCounts
from newsgen.model.profiles import _kind, _sort_name
from newsgen.model.stats_by_entity import counts_by_entity, stats_by_entity
from newsgen.util.cluster import Cluster


def archive_mentions(count: int) -> list:
    """(date or None, distinct entity keys) per article: a few entities in many articles, most in
    few, so counts tie; some undated; people and places, one name in two cases."""
    rng = random.Random(3)
    people = [("person", f"Person {n}") for n in range(40)] + [("person", "person 7")]
    places = [("place", f"Place {n}") for n in range(15)]
    mentions = []
    for _ in range(count):
        keys = rng.sample(people, rng.randrange(1, 6)) + rng.sample(places, rng.randrange(0, 3))
        when = None if rng.random() < 0.1 else date(2019, 1, 1) + timedelta(days=rng.randrange(1500))
        mentions.append((when, tuple(keys)))
    return mentions


def one_by_one(mentions, limit=3):
    """Each entity's stats as `profiles` counts them: from its own articles, in archive order."""
    keys = dict.fromkeys(key for _, named in mentions for key in named)
    return {key: EntityCounts.of([m for m in mentions if key in m[1]]).stats(key, _sort_name, limit, _kind)
            for key in keys}


def test_counted_in_one_pass_as_each_entity_alone():
    mentions = archive_mentions(400)
    counts = counts_by_entity(mentions)
    for key, counted in counts.items():
        alone = EntityCounts.of([m for m in mentions if key in m[1]])
        assert (counted.together, counted.days) == (alone.together, alone.days)
        assert list(counted.together) == list(alone.together)  # first mention first: it orders ties
    assert stats_by_entity(mentions, _sort_name, _kind, limit=3) == one_by_one(mentions)


def test_folded_by_entity_on_a_cluster_as_in_one_process(dask_scheduler):
    mentions = archive_mentions(400)
    with Cluster(dask_scheduler) as cluster:
        # Partitions of 37 articles: eleven counted apart and merged, as a large archive is.
        on_cluster = stats_by_entity(mentions, _sort_name, _kind, limit=3, cluster=cluster, per_partition=37)
        assert stats_by_entity([], _sort_name, _kind, cluster=cluster) == {}  # no partition to fold
    assert on_cluster == stats_by_entity(mentions, _sort_name, _kind, limit=3)
    assert on_cluster == one_by_one(mentions)
    assert len(on_cluster) == 56  # every person and place named
