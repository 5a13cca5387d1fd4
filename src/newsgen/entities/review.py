"""What an editor should look at first among the archive's people and places, each with the
one-line ``content/entities.yaml`` rule that would fix it (``newsgen entities --review``).

The tagger's mistakes that cost most are few and repeated: a club or a party label that
becomes a person in every article naming it, a short name put on the wrong person's page
archive-wide. An editor of 10,000 articles cannot read every page, so the review sorts
what to read by the articles each finding touches. It reads what the archive decided
(`archive.decide`: each name's kind from its evidence, and the folds, with their reasons).
Four groups, in this order:

* **kind uncertain**: a name whose kind the archive's evidence decided by a close call
  (the rule says the opposite: ``ignore`` a name given a page, an entry with a ``kind``
  for one given none), and a name with both a person's and a place's page (the rule gives
  it the kind most articles gave it);
* **folds**: a short name ("Blinken") put on the page of the one full name in the archive
  it fits, in articles that never name that person, then those an article wrote beside
  the full name; the rule, ``ignore``, drops the short mention only (the articles that
  write the full name keep it);
* **single-word people**: a person page named by one word, which a surname alone, a first
  name, a club or a company can all be; the rule drops it;
* **one-article pages**: the rest of the pages that list one article, the most numerous
  and least costly; the rule drops it.

A name is listed once, in the first group that finds it; names the editor's rules already
decide (``entities`` entries) are left out. Every rule parses with `curation.load_curation`
as it is, so an editor pastes the lines wanted and merges their lists.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..records import Entity
from ..util.console import counted
from .archive import ARCHIVE_UNIQUE, ArchiveDecision
from .curation import Curation
from .resolve import is_full_name

KIND_UNCERTAIN, FOLDS, SINGLE_WORD, ONE_ARTICLE = "kind uncertain", "folds", "single-word people", "one-article pages"
KINDS = ("person", "place")


@dataclass(frozen=True)
class Finding:
    name: str
    kind: str  # the page's kind: person or place
    articles: int  # the articles the finding touches: its impact
    why: str
    rule: str  # one line of content/entities.yaml
    order: int = 0  # in its group, lower first, then by articles

@dataclass(frozen=True)
class Group:
    title: str
    findings: tuple[Finding, ...]  # most articles first

    @property
    def articles(self) -> int:
        return sum(f.articles for f in self.findings)


def yaml_string(text: str) -> str:
    """`text` as a YAML scalar inside a flow list or mapping: plain when that reads back as
    written, else double-quoted (a JSON string is a YAML one)."""
    plain = re.fullmatch(r"[A-Za-z0-9][\w.'\- ]*[\w.']|[A-Za-z0-9]", text) and text.casefold() != "null"
    return text if plain else json.dumps(text, ensure_ascii=False)


def ignore_rule(name: str) -> str:
    return f"ignore: [{yaml_string(name)}]"


def kind_rule(name: str, kind: str) -> str:
    return f"entities: [{{name: {yaml_string(name)}, kind: {kind}}}]"


def review(tagged: Sequence[Sequence[Entity]], found: Sequence[Sequence[Entity]], decision: ArchiveDecision,
           curation: Curation) -> list[Group]:
    """The findings of an archive whose article i carries `tagged[i]` (its people and places
    as its page shows them) and was extracted as `found[i]`, `decision` being what the
    archive decided its names are (`entities.review_archive`)."""
    pages: Counter[tuple[str, str]] = Counter((e.kind, e.name) for article in tagged for e in article)
    tags: Counter[tuple[str, str]] = Counter(key for article in found for key in {(e.kind, e.name) for e in article})
    decided = {n.casefold() for entry in curation.entities for n in entry.names}
    listed: set[tuple[str, str]] = set()
    groups = []
    for title, findings in ((KIND_UNCERTAIN, _kind_uncertain(pages, tags, decision)), (FOLDS, _folds(decision)),
                            (SINGLE_WORD, _single_words(pages)), (ONE_ARTICLE, _one_article(pages))):
        kept = [f for f in findings if f.name.casefold() not in decided and (f.kind, f.name) not in listed]
        listed.update((kind, f.name) for f in kept for kind in ((f.kind,) if title != KIND_UNCERTAIN else KINDS))
        groups.append(Group(title, tuple(sorted(kept, key=lambda f: (f.order, -f.articles, f.name.casefold())))))
    return groups


def _cues(counts: Mapping[str, int], most: int = 4) -> str:
    """The evidence that weighed most, at a glance: the `most` largest counts."""
    largest = sorted(counts.items(), key=lambda item: -item[1])[:most]
    return ", ".join(f"{cue} {n}" for cue, n in largest) + (", ..." if len(counts) > most else "") or "no evidence"


def _kind_uncertain(pages: Counter[tuple[str, str]], tags: Counter[tuple[str, str]],
                    decision: ArchiveDecision) -> list[Finding]:
    findings = []
    for k in decision.name_kinds():
        if k.uncertain:
            made = f"made it a {k.kind}" if k.kind else "gave it no page"
            rule, then = ((ignore_rule(k.name), f"if it is no {k.kind}") if k.kind else
                          (kind_rule(k.name, k.tagged_as), f"if it is a {k.tagged_as}"))
            findings.append(Finding(k.name, k.tagged_as, tags[(k.tagged_as, k.name)],
                                    f"tagged a {k.tagged_as}; the archive {made} on close evidence "
                                    f"({_cues(k.counts)}); use the rule {then}", rule))
    by_name: dict[str, dict[str, int]] = {}
    for (kind, name), count in pages.items():
        by_name.setdefault(name, {})[kind] = count
    for name, kinds in by_name.items():
        if len(kinds) == 2:
            kind = "place" if kinds["place"] >= kinds["person"] else "person"
            other = "person" if kind == "place" else "place"
            why = (f"a {kind} in {counted(kinds[kind], 'article')}, a {other} in {counted(kinds[other], 'article')}: two pages "
                   f"(if it is neither, {ignore_rule(name)})")
            findings.append(Finding(name, kind, kinds[kind] + kinds[other], why, kind_rule(name, kind)))
    return findings


def _folds(decision: ArchiveDecision) -> list[Finding]:
    """Folds across the archive first: the article itself says who a short name written beside
    a full name is, so those are listed after."""
    findings = []
    for fold in decision.folds:
        if fold.reason == ARCHIVE_UNIQUE:
            why = (f"put on the page of {fold.full} in articles that do not name {fold.full}: the one full name in "
                   "the archive it fits, with strong evidence; the rule leaves it unlinked")
        else:
            why = (f"written beside {fold.full} in the same article: on {fold.full}'s page; the rule stops it "
                   "counting as a mention anywhere")
        findings.append(Finding(fold.short, fold.kind, fold.articles, why, ignore_rule(fold.short),
                                order=fold.reason != ARCHIVE_UNIQUE))
    return findings


def _single_words(pages: Counter[tuple[str, str]]) -> list[Finding]:
    people = [name for kind, name in pages if kind == "person"]
    ends: dict[str, list[str]] = {}
    for name in people:
        if is_full_name(name):
            ends.setdefault(name.split()[-1].casefold(), []).append(name)
    findings = []
    for name in people:
        if len(name.split()) == 1:
            fits = sorted(ends.get(name.casefold(), []), key=lambda n: (-pages[("person", n)], n))
            why = ("one word, and no full name in the archive ends in it" if not fits else
                   f"one word, not folded: {len(fits)} full names end in it: "
                   + ", ".join(f"{n} ({pages[('person', n)]})" for n in fits[:3]) + (", ..." if len(fits) > 3 else ""))
            findings.append(Finding(name, "person", pages[("person", name)], why, ignore_rule(name)))
    return findings


def _one_article(pages: Counter[tuple[str, str]]) -> list[Finding]:
    return [Finding(name, kind, 1, f"a {kind} page that lists one article", ignore_rule(name))
            for (kind, name), count in pages.items() if count == 1]
