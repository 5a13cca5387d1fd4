"""Sources that repeat another's text: one article with one page, the other files
listed on it as "also filed as"; and near-duplicates, reported and never related.

Two sources are twins when their normalised headline and body are the same
(`model.sameness` states the rule). Merged (`duplicates: merge`, the default),
the twins are one article: the one with the oldest URL keeps its page (the shortest
slug: the one that took the headline's slug before the others took it with -2, -3…;
then path order), and each other file keeps its own registered path as a small page
that sends the reader there (`redirect.html`), because a published URL is permanent.
Chosen by slug, not by what the register held before this build, the one page is the
same whether the twin joined this build or an earlier one, as a clean build needs. Kept apart (`duplicates: keep`), each has its page, and none is
another's related article.

Near-duplicates are two articles with the same body under another headline, or one
with a few words more or changed: under the same headline, or with bodies that open
or close with the same `EDGE_WORDS` words, and sharing `NEAR_SHARE` of the longer
body's words. The digests find the candidates; only theirs (a few in an archive)
are read back to count words. The build reports them and never merges them (an editor decides),
and they are never each other's related articles. A passage that many articles
share (`BOILERPLATE_FROM`) is boilerplate, not a story filed twice, and pairs none;
nor do bodies shorter than `NEAR_FROM_WORDS`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from ..errors import BuildWarning
from ..records import Article, replaced
from .sameness import body_words

MERGE, KEEP = "merge", "keep"
BOILERPLATE_FROM = 10  # articles opening (or closing) with the same words
NEAR_SHARE = 0.8  # the least share of the longer body's words a near-duplicate has too
NEAR_FROM_WORDS = 20  # shorter bodies (a caption, a line of results) are alike without being one story


@dataclass(frozen=True)
class Sameness:
    articles: list[Article]  # one per text when merged, each twin's files in `also_filed_as`
    twins: dict[str, str] = field(default_factory=dict)  # each merged twin's source -> its article's source
    repeated: list[BuildWarning] = field(default_factory=list)  # each twin, for the report
    near: list[BuildWarning] = field(default_factory=list)  # each near-duplicate pair, for the report


def find_duplicates(articles: Sequence[Article], mode: str = MERGE, look_for_near: bool = True) -> Sameness:
    """`articles` in source path order, each with its slug for good (`listing`). Without
    `look_for_near`, near-duplicates are not looked for (the costly part, which reads bodies
    back): for a command that only counts the site's articles."""
    groups: dict[str, list[Article]] = defaultdict(list)
    alone: list[Article] = []
    for article in articles:
        if article.text_print is None:
            alone.append(article)
        else:
            groups[article.text_print.whole].append(article)
    kept, twins, repeated, apart = list(alone), {}, [], defaultdict(set)
    for group in groups.values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        first = min(group, key=_oldest_url)
        others = [a.source_path for a in group if a is not first]
        if mode == KEEP:
            kept += group
            for a in group:
                apart[a.source_path].update(b.source_path for b in group if b is not a)
            repeated += [BuildWarning(f"the same text as {first.source_path}; kept apart (duplicates: keep)", o)
                         for o in others]
        else:
            kept.append(replaced(first, also_filed_as=tuple(others)))
            twins.update(dict.fromkeys(others, first.source_path))
            repeated += [BuildWarning(f"the same text as {first.source_path}: one page, which lists this "
                                      "file as 'also filed as'", o) for o in others]
    near = []
    for one, other, how in _near_pairs(kept) if look_for_near else ():
        apart[one.source_path].add(other.source_path)
        apart[other.source_path].add(one.source_path)
        near.append(BuildWarning(f"nearly the same text as {other.source_path} ({how}): kept as two articles, "
                                 "never each other's related ones", one.source_path))
    kept = [replaced(a, not_related=tuple(sorted(apart[a.source_path]))) if a.source_path in apart else a
            for a in kept]
    kept.sort(key=lambda a: a.source_path)
    return Sameness(kept, twins, sorted(repeated, key=str), sorted(near, key=str))


def _oldest_url(article: Article) -> tuple[int, str, str]:
    return len(article.slug), article.slug, article.source_path


def _near_pairs(articles: Iterable[Article]) -> list[tuple[Article, Article, str]]:
    """Each pair of near-duplicates once, the pair in source path order."""
    printed = sorted((a for a in articles if a.text_print is not None and a.text_print.words >= NEAR_FROM_WORDS),
                     key=lambda a: a.source_path)
    found: dict[tuple[str, str], tuple[Article, Article, str]] = {}
    words: dict[str, Counter[str]] = {}  # the candidates' bodies, read back once each

    def close(one: Article, other: Article) -> bool:
        """The other body has `NEAR_SHARE` of the longer one's words, or more."""
        shorter, longer = sorted((one.text_print.words, other.text_print.words))
        return shorter >= NEAR_SHARE * longer and (words_of(one) & words_of(other)).total() >= NEAR_SHARE * longer

    def words_of(article: Article) -> Counter[str]:
        if article.source_path not in words:
            words[article.source_path] = Counter(body_words(article))
        return words[article.source_path]

    def pair(key: Callable[[Article], str], how: str, close: Callable[[Article, Article], bool]) -> None:
        groups: dict[str, list[Article]] = defaultdict(list)
        for article in printed:
            groups[key(article)].append(article)
        for group in groups.values():
            if not 2 <= len(group) < BOILERPLATE_FROM:
                continue
            for one, other in combinations(group, 2):
                # A pair found already keeps its first reason: reading its bodies back again would change nothing.
                if (one.source_path, other.source_path) not in found and one.text_print.whole != \
                        other.text_print.whole and close(one, other):
                    found[(one.source_path, other.source_path)] = (one, other, how)

    pair(lambda a: a.text_print.body, "the same body under another headline", lambda one, other: True)
    pair(lambda a: a.text_print.headline, "the same headline, a few words more or changed", close)
    pair(lambda a: a.text_print.opening, "the same opening, a few words more or changed", close)
    pair(lambda a: a.text_print.ending, "the same ending, a few words more or changed", close)
    return [found[key] for key in sorted(found)]

