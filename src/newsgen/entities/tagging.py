"""Attach people and places to articles: extraction, archive-wide unification,
then the editor's per-seed additions and removals, which always win.

An article keeps at most `MAX_PER_KIND` people and as many places of those the
tagger finds: the ones it mentions most (of equal counts, the one it mentions
first), with a warning naming the file that says how many were left out. No news
article comes near it (in the BBC corpus of 2,225, the most are 77 people and 31
places), but a list of thousands of names would otherwise give each of them a
page listing all the others, and make the work of profiles grow with the square
of the names. The editor's own additions (a seed override's `people`/`places`, a
Markdown file's front matter) always count, and do not take up the places.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..errors import BuildWarning
from ..records import Article, Entity, SeedOverride, by_identity, replaced
from ..slugs import make_slug
from ..util.memo import ResultMemo
from . import Curation, EntityExtractor, archive_names, with_archive_names
from .archive import evidence_totals
from .evidence import Evidence
from .resolve import sort_entities

MAX_PER_KIND = 200  # people, and places, one article keeps of those the tagger finds


def extract_one(extractor: EntityExtractor, article: Article) -> tuple[list[Entity], BuildWarning | None]:
    """Extracted entities, at most `MAX_PER_KIND` of each kind but the declared, plus any the
    article declares itself (Markdown front matter); and the warning, if some were left out."""
    return most_mentioned(extractor.ranked(article.texts()), article)


def most_mentioned(ranked: Sequence[Entity], article: Article) -> tuple[list[Entity], BuildWarning | None]:
    """`extract_one`, given what `EntityExtractor.ranked` found in the article."""
    declared = article.people + article.places
    mine = {(e.kind, e.slug) for e in declared}
    kept: list[Entity] = []
    taken: Counter[str] = Counter()
    left_out: Counter[str] = Counter()
    for e in ranked:
        if (e.kind, e.slug) in mine:
            kept.append(e)
        elif taken[e.kind] < MAX_PER_KIND:
            kept.append(e)
            taken[e.kind] += 1
        else:
            left_out[e.kind] += 1
    seen = {(e.kind, e.slug) for e in kept}
    entities = sort_entities(kept) + [e for e in declared if (e.kind, e.slug) not in seen]
    return entities, _left_out_warning(left_out, article.source_path) if left_out else None


def _left_out_warning(left_out: Counter[str], path: str) -> BuildWarning:
    counts = " and ".join(f"{left_out[kind]:,} {plural}" for kind, plural in (("person", "people"), ("place", "places"))
                          if left_out[kind])
    return BuildWarning(f"names more people or places than the {MAX_PER_KIND} of each an article keeps: "
                        f"left out {counts}, those mentioned least", path)


def _edited(entities: Sequence[Entity], override: SeedOverride | None) -> list[Entity]:
    if override is None:
        return list(entities)
    removed = {name.casefold() for name in override.remove}
    kept = [
        e for e in entities
        if e.name.casefold() not in removed and not any(m.casefold() in removed for m in e.mentions)
    ]
    present = {(e.kind, e.slug) for e in kept}
    for kind, names in (("person", override.add_people), ("place", override.add_places)):
        for name in names:
            entity = Entity(name=name, slug=make_slug(name), kind=kind)  # type: ignore[arg-type]
            if (kind, entity.slug) not in present:
                kept.append(entity)
                present.add((kind, entity.slug))
    return kept


Tags = tuple[tuple[Entity, ...], tuple[Entity, ...]]  # an article's people and places


def _final(entities: Sequence[Entity], override: SeedOverride | None) -> Tags:
    final = sorted(_edited(entities, override), key=lambda e: (e.name.casefold(), e.slug))
    return tuple([e for e in final if e.kind == "person"]), tuple([e for e in final if e.kind == "place"])


@dataclass(frozen=True)
class _Tagged:
    """What `tag_articles` read and gave, kept for the next build: each article by its source
    path, the distinct entity objects the articles name (`objects`) and each article's as
    positions in them, the archive-wide name of each (`names`), and the tags."""

    curation: str
    paths: tuple[str, ...]
    overrides: tuple[SeedOverride | None, ...]
    objects: tuple[Entity, ...]
    positions: tuple[tuple[int, ...], ...]
    names: tuple[Entity | None, ...]
    tags: tuple[Tags, ...]
    evidence: dict[str, int]  # the archive's evidence of what its names are (`archive.evidence_totals`)

    def same_input(self, other: _Tagged) -> bool:
        return (self.curation, self.paths, self.overrides, self.objects, self.positions, self.evidence) == (
            other.curation, other.paths, other.overrides, other.objects, other.positions, other.evidence)


def _tagged(paths: Sequence[str], found: Sequence[Sequence[Entity]], overrides: Sequence[SeedOverride | None],
            curation: Curation, last: _Tagged | None, evidence: Sequence[Evidence]) -> _Tagged:
    """The articles' tags: those whose entities, names and editor's rules are as in the `last`
    build's are kept from it, the others made again. Every entity object is named (that
    weighs the whole archive), but only changed articles are unified and sorted."""
    distinct = by_identity(found)
    position = {key: n for n, key in enumerate(distinct)}
    positions = tuple(tuple(map(position.__getitem__, map(id, entities))) for entities in found)
    tagged = _Tagged(repr(curation), tuple(paths), tuple(overrides), tuple(distinct.values()), positions, (), (),
                     evidence_totals(evidence))
    if last is not None and last.same_input(tagged):
        return last
    by_id = archive_names(found, curation, tagged.evidence)
    tagged = replace(tagged, names=tuple(map(by_id.__getitem__, distinct)))
    kept = _kept(tagged, last) if last is not None and last.curation == tagged.curation else {}
    again = [n for n in range(len(found)) if n not in kept]
    redone = dict(zip(again, with_archive_names([found[n] for n in again], by_id, curation)))
    tags = tuple(kept[n] if n in kept else _final(redone[n], overrides[n]) for n in range(len(found)))
    return replace(tagged, tags=tags)


def _kept(now: _Tagged, last: _Tagged) -> dict[int, Tags]:
    """The tags of `last` that still hold, by article index in `now`: an article's, if it names
    equal entities, in the same order, each of the same archive-wide name, with the same rules."""
    at = {e: n for n, e in enumerate(now.objects)}
    still = [n if (n := at.get(e, -1)) >= 0 and now.names[n] == name else -1 for e, name in zip(last.objects, last.names)]
    index = {path: n for n, path in enumerate(last.paths)}
    kept = {}
    for n, path in enumerate(now.paths):
        m = index.get(path)
        if m is not None and now.overrides[n] == last.overrides[m] and tuple(
                map(still.__getitem__, last.positions[m])) == now.positions[n]:
            kept[n] = last.tags[m]
    return kept


def tag_articles(
    articles: Sequence[Article],
    found: Sequence[Sequence[Entity]],
    overrides: Sequence[SeedOverride | None],
    curation: Curation | None = None,
    memo: ResultMemo | None = None,
    evidence: Sequence[Evidence] = (),
) -> list[Article]:
    """`found[i]` holds article i's extracted entities; `overrides[i]` its editor rules;
    `evidence[i]` what it says its names are (`EntityExtractor.read`), which the archive
    weighs. The curation keeps the editor's names from being folded into others.

    Unification weighs the whole archive, so `memo` keeps the last build's tags: an
    edit reuses those of every article it did not reach."""
    memo = memo if memo is not None else ResultMemo()
    last = memo.last("tags")
    tagged = _tagged([a.source_path for a in articles], found, overrides, curation or Curation(),
                     last if isinstance(last, _Tagged) else None, evidence)
    memo.keep("tags", tagged)  # when reused, the very object the memo gave: it sees no change without comparing
    return [replaced(article, people=people, places=places) for article, (people, places) in zip(articles, tagged.tags)]

