"""Related articles: the ones that share the most people and places.

An inverted index (entity -> articles, in archive order) finds candidates, so
the cost grows with the number of mentions, not with the square of the archive.
Only the `window` nearest mentions on each side of an article count for each
entity: for a rare entity that is every article naming it; for one named in
thousands of articles it is those closest in time, which is what a reader of
news wants. Ties go to the article nearer in archive order, then the newer one,
so the result is the same on every build. `apart` names, for an article, those
never listed as its related ones (its near-duplicates, `model.duplicates`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence

DEFAULT_LIMIT = 5
DEFAULT_WINDOW = 20


def related_articles(
    entity_keys: Sequence[Sequence[Hashable]],
    limit: int = DEFAULT_LIMIT,
    window: int = DEFAULT_WINDOW,
    apart: Mapping[int, Sequence[int]] | None = None,
) -> list[tuple[int, ...]]:
    """`entity_keys[i]` names article i's people and places (articles in archive order);
    returns, for each article, the indices of its related articles, best first."""
    postings = _postings(entity_keys)
    apart = apart or {}
    return [_related(index, keys, postings, limit, window, apart.get(index, ()))
            for index, keys in enumerate(entity_keys)]


def update_related(
    previous_keys: Sequence[Sequence[Hashable]],
    previous: Sequence[tuple[int, ...]],
    entity_keys: Sequence[Sequence[Hashable]],
    limit: int = DEFAULT_LIMIT,
    window: int = DEFAULT_WINDOW,
    apart: Mapping[int, Sequence[int]] | None = None,
) -> list[tuple[int, ...]]:
    """`related_articles(entity_keys, ...)`, from what it gave (`previous`) for the same
    articles in the same order, kept as far `apart`, when they named `previous_keys`.

    Only articles whose windows an edit reached are counted again: those that changed,
    and those within `window` of one in the postings of a person or place it gained
    (as they are now) or lost (as they were). Farther along, the nearest `window`
    articles on each side are the same unchanged ones as before."""
    if len(previous_keys) != len(entity_keys):
        raise ValueError("update_related needs the same articles as before")
    changed = [i for i, (old, new) in enumerate(zip(previous_keys, entity_keys))
               if old != new and set(old) != set(new)]
    if not changed:
        return list(previous)
    postings = _postings(entity_keys)
    gained: dict[Hashable, set[int]] = {}
    lost: dict[Hashable, set[int]] = {}
    for i in changed:
        old, new = set(previous_keys[i]), set(entity_keys[i])
        for key in new - old:
            gained.setdefault(key, set()).add(i)
        for key in old - new:
            lost.setdefault(key, set()).add(i)
    affected = set(changed)
    for key in gained.keys() | lost.keys():
        now = postings.get(key, [])
        before = sorted(set(now) - gained.get(key, set()) | lost.get(key, set()))
        for posting, moved in ((now, gained.get(key, ())), (before, lost.get(key, ()))):
            for i in moved:
                at = bisect_left(posting, i)
                affected.update(posting[max(0, at - window): at + 1 + window])
    related = list(previous)
    apart = apart or {}
    for i in affected:
        related[i] = _related(i, entity_keys[i], postings, limit, window, apart.get(i, ()))
    return related


def _postings(entity_keys: Sequence[Sequence[Hashable]]) -> dict[Hashable, list[int]]:
    """entity -> the indices of the articles naming it, ascending."""
    postings: dict[Hashable, list[int]] = {}
    for index, keys in enumerate(entity_keys):
        for key in set(keys):
            postings.setdefault(key, []).append(index)
    return postings


def _related(index: int, keys: Sequence[Hashable], postings: dict[Hashable, list[int]], limit: int,
             window: int, apart: Sequence[int] = ()) -> tuple[int, ...]:
    shared: Counter[int] = Counter()
    for key in set(keys):
        posting = postings[key]
        at = bisect_left(posting, index)
        shared.update(posting[max(0, at - window): at])
        shared.update(posting[at + 1: at + 1 + window])
    for other in apart:
        shared.pop(other, None)
    return _best(shared, index, limit)


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
