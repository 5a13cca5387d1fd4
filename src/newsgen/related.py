"""Related articles: the ones that share the most people and places.

An inverted index (entity -> articles, in archive order) finds candidates, so
the cost grows with the number of mentions, not with the square of the archive.
Only the `window` nearest mentions on each side of an article count for each
entity: for a rare entity that is every article naming it; for one named in
thousands of articles it is those closest in time, which is what a reader of
news wants. Ties go to the article nearer in archive order, then the newer one,
so the result is the same on every build.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Sequence

DEFAULT_LIMIT = 5
DEFAULT_WINDOW = 20


def related_articles(
    entity_keys: Sequence[Sequence[Hashable]],
    limit: int = DEFAULT_LIMIT,
    window: int = DEFAULT_WINDOW,
) -> list[tuple[int, ...]]:
    """`entity_keys[i]` names article i's people and places (articles in archive order);
    returns, for each article, the indices of its related articles, best first."""
    postings: dict[Hashable, list[int]] = {}
    for index, keys in enumerate(entity_keys):
        for key in set(keys):
            postings.setdefault(key, []).append(index)
    related = []
    for index, keys in enumerate(entity_keys):
        shared: Counter[int] = Counter()
        for key in set(keys):
            posting = postings[key]
            at = bisect_left(posting, index)
            shared.update(posting[max(0, at - window): at])
            shared.update(posting[at + 1: at + 1 + window])
        related.append(_best(shared, index, limit))
    return related


def _best(shared: Counter[int], index: int, limit: int) -> tuple[int, ...]:
    """The `limit` best candidates; only the tied last place needs the distance order,
    and that comes from the sorted tied indices, so no Python-level sort key runs
    over every candidate."""
    if not shared:
        return ()
    counts = sorted(shared.values(), reverse=True)
    cutoff = counts[min(limit, len(counts)) - 1]
    above = sorted((j for j, n in shared.items() if n > cutoff), key=lambda j: (-shared[j], abs(j - index), j))
    ties = sorted(j for j, n in shared.items() if n == cutoff)
    return tuple(above) + tuple(_nearest(ties, index, limit - len(above)))


def _nearest(sorted_indices: list[int], index: int, count: int) -> list[int]:
    """The `count` indices nearest `index`; on equal distance the smaller (newer) first."""
    right = bisect_left(sorted_indices, index)
    left = right - 1
    out = []
    while len(out) < count and (left >= 0 or right < len(sorted_indices)):
        if right >= len(sorted_indices) or (left >= 0 and index - sorted_indices[left] <= sorted_indices[right] - index):
            out.append(sorted_indices[left])
            left -= 1
        else:
            out.append(sorted_indices[right])
            right += 1
    return out
