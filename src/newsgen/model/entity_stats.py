"""What a person's or place's page says about it beyond its list of articles:
who and what it is mentioned with, when it was first and last mentioned, and
how often per month.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any

DEFAULT_CO_MENTIONS = 10

SortName = Callable[[Hashable], object]  # orders entities of equal count, e.g. by their name


@dataclass(frozen=True)
class MonthlyCounts:
    """Articles per month, from the month of the first mention to that of the last, zeros included."""

    year: int  # of the first month
    month: int
    counts: tuple[int, ...]

    def month_at(self, index: int) -> tuple[int, int]:
        months = self.month - 1 + index
        return self.year + months // 12, months % 12 + 1


@dataclass(frozen=True)
class EntityStats:
    co_mentions: tuple[tuple[Hashable, int], ...]  # (entity key, articles shared), most first (of each kind)
    first: date | None
    last: date | None
    monthly: MonthlyCounts | None  # None without dated mentions


@dataclass(frozen=True)
class EntityCounts:
    """What an entity's stats are counted from: the entities its articles name (each article's
    keys distinct), and their dates. Kept from build to build for the entities named most,
    so that after an edit to a few of their articles it is updated by what those named
    before and name now rather than counted again from thousands."""

    together: Counter[Hashable]
    days: Counter[int]  # by `date.toordinal()`: a tenth of the bytes of dates in the memo's file

    @classmethod
    def of(cls, mentions: Sequence[tuple[date | None, Sequence[Hashable]]]) -> EntityCounts:
        """`mentions` holds (date, entity keys) for every article naming the entity, each article's
        keys distinct. They are counted in one pass over all the articles: an entity named in
        thousands of articles alongside dozens of others is millions of keys, too many to
        count article by article."""
        return cls(Counter(chain.from_iterable(keys for _, keys in mentions)),
                   Counter(when.toordinal() for when, _ in mentions if when is not None))

    def updated(self, removed: Sequence[tuple[date | None, Sequence[Hashable]]],
                added: Sequence[tuple[date | None, Sequence[Hashable]]]) -> EntityCounts:
        """These counts without the `removed` mentions and with the `added` ones. Only the
        entries those touch are looked at: the counts may hold thousands."""
        gone, new = EntityCounts.of(removed), EntityCounts.of(added)
        return EntityCounts(_moved(self.together, gone.together, new.together), _moved(self.days, gone.days, new.days))

    def stats(self, key: Hashable, sort_name: SortName, limit: int = DEFAULT_CO_MENTIONS,
              kind_of: Callable[[Hashable], Any] | None = None) -> EntityStats:
        """`key`'s stats: `sort_name(key)` orders co-mentions of equal count, so the result is stable.
        With `kind_of`, the `limit` co-mentions are picked for each kind apart (kinds in order), so
        a person named with many places still shows the people named with it."""
        per_month: Counter[tuple[int, int]] = Counter()
        for day, count in self.days.items():
            when = date.fromordinal(day)
            per_month[when.year, when.month] += count
        return EntityStats(
            co_mentions=tuple(chain.from_iterable(_most_common(counts, key, sort_name, limit)
                                                  for counts in _by_kind(self.together, kind_of))),
            first=date.fromordinal(min(self.days)) if self.days else None,
            last=date.fromordinal(max(self.days)) if self.days else None,
            monthly=monthly_counts(per_month),
        )


def _by_kind(counts: Counter[Hashable], kind_of: Callable[[Hashable], Any] | None) -> list[Counter[Hashable]]:
    """`counts` split by `kind_of` of their keys, in the kinds' order; whole without `kind_of`."""
    if kind_of is None:
        return [counts]
    kinds: dict[Any, Counter[Hashable]] = {}
    for other, count in counts.items():
        kinds.setdefault(kind_of(other), Counter())[other] = count
    return [kinds[kind] for kind in sorted(kinds)]


def _moved(counts: Counter, gone: Counter, new: Counter) -> Counter:
    """`counts - gone + new`, keeping only positive counts, as Counter's operators do."""
    moved = counts.copy()
    moved.subtract(gone)
    moved.update(new)
    for key in gone:
        if moved[key] <= 0:
            del moved[key]
    return moved


def _most_common(counts: Counter[Hashable], key: Hashable, sort_name: SortName,
                 limit: int) -> tuple[tuple[Hashable, int], ...]:
    """The `limit` entities counted most but `key` itself, most first, those of equal count by
    `sort_name` and then in `counts`' order: what a stable sort of them all by (-count, name)
    would list first. They are picked rather than all sorted, for an article naming thousands
    of entities gives each of them thousands of co-mentions, nearly all of one count."""
    if limit < 1:
        return ()
    best = heapq.nlargest(limit + (key in counts), counts.values())
    if key in counts and counts[key] in best:  # else `key`'s is below them all, and best[:limit] drops it
        best.remove(counts[key])
    if not best:
        return ()
    floor = best[:limit][-1]  # the count the last of them has: fewer than `limit` have more
    above = [(other, count) for other, count in counts.items() if count > floor and other != key]
    above.sort(key=lambda item: (-item[1], sort_name(item[0])))
    return tuple(above) + tuple((other, floor) for other in _first_by_name(
        [other for other, count in counts.items() if count == floor and other != key], sort_name, limit - len(above)))


def _first_by_name(keys: list[Hashable], sort_name: SortName, limit: int) -> list[Hashable]:
    """`sorted(keys, key=sort_name)[:limit]`, ties in `keys`' order, without sorting them all:
    a heap of (name, position, key) is made in linear time and only `limit` are popped."""
    heap = list(zip(map(sort_name, keys), range(len(keys)), keys))
    heapq.heapify(heap)
    return [heapq.heappop(heap)[2] for _ in range(min(limit, len(heap)))]


def monthly_counts(per_month: Mapping[tuple[int, int], int]) -> MonthlyCounts | None:
    """Counts keyed by (year, month) laid out month by month, gaps as zeros; None if empty."""
    if not per_month:
        return None
    (year, month), (last_year, last_month) = min(per_month), max(per_month)
    span = (last_year - year) * 12 + last_month - month + 1
    counts = [0] * span
    for (y, m), count in per_month.items():
        counts[(y - year) * 12 + m - month] = count
    return MonthlyCounts(year, month, tuple(counts))
