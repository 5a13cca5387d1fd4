"""What a person's or place's page says about it beyond its list of articles:
who and what it is mentioned with, when it was first and last mentioned, and
how often per month.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date

DEFAULT_CO_MENTIONS = 10


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    count: int


@dataclass(frozen=True)
class EntityStats:
    co_mentions: tuple[tuple[Hashable, int], ...]  # (entity key, articles shared), most first
    first: date | None
    last: date | None
    monthly: tuple[MonthCount, ...]  # every month from the first mention to the last, zeros included


def entity_stats(
    key: Hashable,
    mentions: Sequence[tuple[date | None, Sequence[Hashable]]],
    sort_name,
    limit: int = DEFAULT_CO_MENTIONS,
) -> EntityStats:
    """`mentions` holds (date, entity keys) for every article naming `key`;
    `sort_name(key)` orders co-mentions of equal count, so the result is stable."""
    together: Counter[Hashable] = Counter()
    per_month: Counter[tuple[int, int]] = Counter()
    dates = []
    for when, keys in mentions:
        together.update(set(keys))
        if when is not None:
            dates.append(when)
            per_month[(when.year, when.month)] += 1
    together.pop(key, None)
    ranked = sorted(together.items(), key=lambda item: (-item[1], sort_name(item[0])))
    return EntityStats(
        co_mentions=tuple(ranked[:limit]),
        first=min(dates, default=None),
        last=max(dates, default=None),
        monthly=_every_month(per_month),
    )


def _every_month(per_month: Counter[tuple[int, int]]) -> tuple[MonthCount, ...]:
    if not per_month:
        return ()
    (year, month), end = min(per_month), max(per_month)
    out = []
    while (year, month) <= end:
        out.append(MonthCount(year, month, per_month[(year, month)]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)
