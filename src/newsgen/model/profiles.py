"""Each person's and place's profile (`entity_stats`), and what a build keeps of the
archive's mentions so that the next one counts again only what an edit reached.

A profile counts what all of an entity's articles name, and the entities named
most are in thousands of articles. So each profile is kept in the memo under a
digest of its articles' mentions, looked up without digesting them again when
no article that names the entity (now or before) changed, and the counts of the
largest are kept too, to be updated by what the edited articles named before and
name now.

A build with nothing to compare with counts every profile. On a Dask cluster it
counts them as one reduction there (`stats_by_entity`), and keeps no counts: the
first edit that reaches one of the largest counts it from its articles and keeps
its counts from then on.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import TYPE_CHECKING

from .. import urls
from ..util.digests import digest, short_digest
from ..util.memo import ResultMemo
from .entity_stats import EntityCounts, EntityStats
from .listing import EntityKey
from .stats_by_entity import stats_by_entity
from .timeline import Timeline, draw_timeline
from .views import ArticleView, EntityProfile, Link, TagView

if TYPE_CHECKING:
    from ..util.cluster import Cluster

# The counts kept and updated: those of the entities named most, in this many articles at least.
# Each holds an entry per entity named with it and per day it is named on: megabytes
# apiece in an archive of 100,000 articles, where 284 entities are named in 1,000.
KEEP_COUNTS_FROM = 1000
KEEP_COUNTS_OF = 20
ALIASES_SHOWN = 5  # other spellings on an entity's page: a name in thousands of articles has dozens

Mention = tuple[date | None, tuple[EntityKey, ...]]  # an article's date and the entities it names


@functools.lru_cache(maxsize=1 << 16)
def _sort_name(key: EntityKey) -> tuple[str, str]:
    """Orders co-mentions of equal count by name, then kind. Cached: an article naming thousands
    of entities makes each of them weigh the names of all the others."""
    return key[1].casefold(), key[0]


def _kind(key: EntityKey) -> str:
    """Co-mentions are picked and shown apart for people and places."""
    return key[0]


@dataclass(frozen=True)
class _Snapshot:
    """The archive's mentions as a build left them, by article path, in the archive's order."""

    mentions: dict[str, Mention]
    digests: dict[str, bytes]
    memo_keys: dict[str, str]  # each profile's memo key


@dataclass(frozen=True)
class Mentions:
    """What related articles and profiles read of each article (by path): its entity keys
    (`keys`), with its date (`mentions`), and a digest of both, under which the memo keeps
    what they gave.

    `changed` holds the articles whose mentions differ from the last build's, as they
    were and are (None: not there); `reached` the entities they name, then or now, or
    None when there is no last build to compare with."""

    keys: dict[str, tuple[EntityKey, ...]]
    mentions: dict[str, Mention]
    digests: dict[str, bytes]
    memo: ResultMemo
    last: _Snapshot | None
    changed: dict[str, tuple[Mention | None, Mention | None]]
    reached: frozenset[EntityKey] | None
    memo_keys: dict[str, str]  # this build's, kept for the next

    @classmethod
    def of(cls, views: Sequence[ArticleView], named: dict[int, EntityKey], memo: ResultMemo) -> Mentions:
        keys = {v.path: tuple(dict.fromkeys(map(named.__getitem__, map(id, v.article.people + v.article.places))))
                for v in views}  # each key once: a profile counts the articles two entities share
        shown = {key: repr(key) for key in named.values()}  # each entity's key written once, not per article
        # Eight bytes an article: joined for every article of an entity, they are digested again.
        digests = {v.path: short_digest(",".join([v.date_iso, *map(shown.__getitem__, keys[v.path])]), 8)
                   for v in views}
        mentions = {v.path: (v.article.date, keys[v.path]) for v in views}
        last = memo.last("mentions")
        last = last if isinstance(last, _Snapshot) else None
        memo_keys: dict[str, str] = {}
        memo.keep("mentions", _Snapshot(mentions, digests, memo_keys))  # memo keys filled in as asked for
        if last is None:
            return cls(keys, mentions, digests, memo, last, {}, None, memo_keys)
        changed = {path: (last.mentions.get(path), mentions.get(path)) for path in digests.keys() | last.digests.keys()
                   if digests.get(path) != last.digests.get(path)}
        reached = frozenset(key for mentioned in changed.values() for mention in mentioned if mention
                            for key in mention[1])
        return cls(keys, mentions, digests, memo, last, changed, reached, memo_keys)

    def counted_on(self, cluster: Cluster) -> dict[EntityKey, EntityStats]:
        """Every entity's stats, counted on `cluster` as one reduction when there is no last
        build to start from (else none: an edit's entities are counted here, each alone).
        The connection is closed before the build forks again."""
        if self.last is not None:
            return {}
        with cluster:
            return stats_by_entity(list(self.mentions.values()), _sort_name, _kind, cluster=cluster)

    def stats(self, tag: TagView, entity: EntityKey, keep_counts: bool,
              counted: Mapping[EntityKey, EntityStats] | None = None) -> tuple[EntityStats, Timeline | None]:
        """The stats of `entity`, whose page is `tag`, and its timeline: the last build's if none
        of its articles changed (they do not depend on the articles' order), else `counted`'s,
        else counted (or, where its counts are kept, updated from the last build's)."""
        what = f"profile {entity!r}"
        if self.last is not None and entity not in self.reached and what in self.last.memo_keys:
            key = self.last.memo_keys[what]
        else:
            key = digest(what, b"".join([self.digests[v.path] for v in tag.articles]))
        self.memo_keys[what] = key
        counts = self._kept_counts(entity) if keep_counts else None

        def count() -> tuple[EntityStats, Timeline | None]:
            if counted and entity in counted:
                stats = counted[entity]
            else:
                of = counts or EntityCounts.of([self.mentions[v.path] for v in tag.articles])
                if keep_counts:
                    self.memo.keep(f"counts {entity!r}", of)
                stats = of.stats(entity, sort_name=_sort_name, kind_of=_kind)
            return stats, draw_timeline(stats.monthly)

        return self.memo.get(key, count)

    def _kept_counts(self, entity: EntityKey) -> EntityCounts | None:
        """`entity`'s counts as the last build kept them, updated by the articles that changed,
        and kept for the next build; None if it kept none (they are kept once counted)."""
        name = f"counts {entity!r}"
        counts = self.memo.last(name)
        if not isinstance(counts, EntityCounts) or self.last is None:
            return None
        if entity in self.reached:
            was = [before for before, _ in self.changed.values() if before and entity in before[1]]
            now = [after for _, after in self.changed.values() if after and entity in after[1]]
            counts = counts.updated(removed=was, added=now)
        self.memo.keep(name, counts)
        return counts


def cached_counts(tags: Sequence[TagView]) -> frozenset[str]:
    """The paths of the people and places whose counts are kept (`KEEP_COUNTS_OF`)."""
    named_most = sorted((t for t in tags if len(t.articles) >= KEEP_COUNTS_FROM), key=lambda t: -len(t.articles))
    return frozenset(t.path for t in named_most[:KEEP_COUNTS_OF])


def also_written(views: Sequence[ArticleView], named: dict[int, EntityKey]) -> dict[EntityKey, tuple[str, ...]]:
    """Each entity's other spellings: the strings that named it ("Mr Blair" for Tony Blair) but
    its name, ignoring case, in the most articles first (then by name), `ALIASES_SHOWN` at most."""
    # Counted by entity object first: the reader shares one among the articles naming an entity
    # alike (`sources.ingest.entities_of`), and an archive names millions (100,000 articles, 20 each).
    named_in = Counter(map(id, chain.from_iterable(view.article.people + view.article.places for view in views)))
    objects = {id(entity): entity for view in views for entity in view.article.people + view.article.places}
    spellings: dict[EntityKey, Counter[str]] = defaultdict(Counter)
    for entity, count in named_in.items():
        for spelling in set(objects[entity].mentions):
            spellings[named[entity]][spelling] += count
    aliases = {}
    for key, counts in spellings.items():
        alike: dict[str, Counter[str]] = defaultdict(Counter)  # the spellings of each alias, ignoring case
        for spelling, count in counts.items():
            if spelling.casefold() != key[1].casefold():
                alike[spelling.casefold()][spelling] = count
        # Each alias in its most used spelling, rather in mixed case than in capitals, and those most used first.
        best = [(-counts.total(), min(counts, key=lambda s: (-counts[s], s.isupper(), s))) for counts in alike.values()]
        if best:
            aliases[key] = tuple(spelling for _, spelling in sorted(best, key=lambda b: (b[0], b[1].casefold(), b[1])))[
                :ALIASES_SHOWN]
    return aliases


def entity_profile(tag: TagView, paths: dict[EntityKey, tuple], mentions: Mentions,
                   keep_counts: bool = False, aliases: tuple[str, ...] = (),
                   counted: Mapping[EntityKey, EntityStats] | None = None) -> EntityProfile:
    entity = (tag.entity.kind, tag.entity.name)
    stats, timeline = mentions.stats(tag, entity, keep_counts, counted)
    with_kind = {kind: tuple(Link(key[1], paths[key][1], count) for key, count in stats.co_mentions if key[0] == kind)
                 for kind in ("person", "place")}
    feed_path = urls.tag_feed_path(tag.path) if stats.first is not None else ""
    return EntityProfile(with_kind["person"], with_kind["place"], aliases, stats.first, stats.last, timeline, feed_path)
