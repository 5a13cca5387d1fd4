"""Decide which mentions name the same person or place within one article.

Within an article, "Blinken" and "BLINKEN" are the "Antony Blinken" named earlier, and
"US", "U.S." and "LONDON" take the gazetteer's names "United States" and "London".
Across the archive, `archive` decides, with these helpers, which short names stand
for which full names, and which names are no person or place at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from ..records import Entity, by_identity
from ..slugs import make_slug
from .gazetteer import Gazetteer


def entity(name: str, kind: str, mentions: Iterable[str] = (), description: str = "") -> Entity:
    """An Entity with its slug derived from its name and its mentions sorted.

    The slug comes from `make_slug`, like every other URL segment: bounded in length
    and never empty, whatever the tagger or an editor calls the entity."""
    return Entity(name, _slug(name), kind, tuple(sorted(set(mentions))), description)  # type: ignore[arg-type]


# Names recur from article to article, and slugifying one costs more than finding it.
_slug = lru_cache(maxsize=100_000)(make_slug)


def sort_entities(entities: Iterable[Entity]) -> list[Entity]:
    """The one order used everywhere: kind, then name ignoring case."""
    return sorted(entities, key=lambda e: (e.kind, e.name.casefold(), e.name, e.slug))


def merge_same(entities: Iterable[Entity]) -> list[Entity]:
    """Merge entities of one kind and name, pooling their mentions."""
    merged: dict[tuple[str, str], Entity] = {}
    for e in entities:
        key = (e.kind, e.name)
        if key in merged:
            old = merged[key]
            e = entity(e.name, e.kind, old.mentions + e.mentions, old.description or e.description)
        merged[key] = e
    return sort_entities(merged.values())


def change_each(
    per_article: Sequence[Sequence[Entity]], change: Callable[[Entity], Entity | None]
) -> list[list[Entity]]:
    """`[merge_same(e2 for e in article if (e2 := change(e))) for article in per_article]`,
    with `change` run once per distinct entity object and sorting done by rank.

    An archive names the same few thousand entities hundreds of thousands of times
    (the build gives each one object), so per-mention Python work is what costs. An
    article whose changed entities share a kind and name is merged the slow way."""
    changed = {key: change(e) for key, e in by_identity(per_article).items()}
    results = {id(e): e for e in changed.values() if e is not None}
    first: dict[tuple[str, str], int] = {}  # equal kind and name, equal rank: duplicates show
    rank = {}
    for position, e in enumerate(sort_entities(results.values())):
        rank[id(e)] = first.setdefault((e.kind, e.name), position)
    out = []
    for article in per_article:
        kept = [e for e in [changed[id(e)] for e in article] if e is not None]
        ranks = [rank[id(e)] for e in kept]
        if len(set(ranks)) == len(ranks):
            out.append([e for _, e in sorted(zip(ranks, kept))])
        else:
            out.append(merge_same(kept))
    return out


def _decap(word: str) -> str:
    """Write an all-capitals word in mixed case (O'GORMAN -> O'Gorman); others are kept."""
    if not word.isupper() or len(word) < 2 or "." in word:
        return word
    out = []
    upper_next = True
    for ch in word.lower():
        out.append(ch.upper() if upper_next else ch)
        upper_next = not ch.isalpha()
    return "".join(out)


def display_form(surface: str, seen: Mapping[str, str]) -> str:
    """How to write a name: as the article writes it in mixed case if it ever does."""
    spaced = " ".join(surface.split())
    return seen.get(spaced.casefold()) or " ".join(_decap(w) for w in spaced.split())


def _words(name: str) -> list[str]:
    return name.replace(".", ". ").split()


def _is_initial(word: str) -> bool:
    return len(word) <= 2 and word.endswith(".") or (len(word) == 1 and word.isupper())


def short_form_of(short: str, full: str) -> bool:
    """True if `short` can name the person called `full`.

    Two ways: the last words of the name ("Blinken", "Abu Zuhri" for "Sami Abu
    Zuhri"), or initials for the first words ("A. Blinken", "T.O'Gorman").
    """
    s, f = [w.casefold() for w in _words(short)], [w.casefold() for w in _words(full)]
    if len(f) < 2 or len(s) > len(f) or s == f or s[-1] != f[-1]:
        return False
    if len(s) < len(f) and s == f[-len(s) :]:
        return True
    return all(_is_initial(word) and word[:1] == full_word[:1] for word, full_word in zip(s[:-1], f))


def is_full_name(name: str) -> bool:
    words = _words(name)
    return len(words) >= 2 and not _is_initial(words[0])


def fold_short_names(names: Iterable[str], fulls: Iterable[str]) -> dict[str, str]:
    """Map each short name to the one full name it can stand for, when there is one.

    Candidates that are themselves short forms of another candidate do not count
    ("Zuhri" with "Abu Zuhri" and "Sami Abu Zuhri" goes to "Sami Abu Zuhri"); two
    different full names ("Joe Biden", "Hunter Biden") leave the short name alone.
    """
    by_last: dict[str, list[str]] = {}
    for full in sorted(set(fulls)):
        by_last.setdefault(_words(full)[-1].casefold(), []).append(full)
    folded = {}
    for name in set(names):
        words = _words(name)
        if not words:
            continue
        candidates = [f for f in by_last.get(words[-1].casefold(), ()) if short_form_of(name, f)]
        longest = [c for c in candidates if not any(short_form_of(c, other) for other in candidates)]
        if len(longest) == 1:
            folded[name] = longest[0]
    return folded


def canonicalise(kinds: Mapping[str, str], gazetteer: Gazetteer) -> list[Entity]:
    """Group one article's surface strings (surface -> kind) into entities."""
    seen = {" ".join(s.split()).casefold(): " ".join(s.split()) for s in kinds if not s.isupper()}
    names: dict[str, str] = {}
    for surface, kind in kinds.items():
        if kind == "place":
            names[surface] = gazetteer.place_name(surface) or display_form(surface, seen)
        else:
            names[surface] = display_form(surface, seen)
    people = [names[s] for s, k in kinds.items() if k == "person"]
    folded = fold_short_names(people, [n for n in people if is_full_name(n)])
    groups: dict[tuple[str, str], set[str]] = {}
    for surface, kind in kinds.items():
        name = names[surface]
        if kind == "person":
            name = folded.get(name, name)
        groups.setdefault((kind, name), set()).add(surface)
    return sort_entities(entity(name, kind, mentions) for (kind, name), mentions in groups.items())
