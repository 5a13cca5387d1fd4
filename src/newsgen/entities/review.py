"""What an editor should look at first among the archive's people and places, each with the
one-line ``content/entities.yaml`` rule that would fix it (``newsgen entities --review``).

The tagger's mistakes that cost most are few and repeated: a club or a party label that
becomes a person in every article naming it, a short name put on the wrong person's page
archive-wide. An editor of 10,000 articles cannot read every page, so the review sorts
what to read by the articles each finding touches. Four groups, in this order:

* **kind uncertain**: a name tagged as a person in some articles and as a place in others
  (two pages for one name); the rule gives it the kind most articles gave it (both pages'
  articles are touched);
* **folds**: a short name ("Ray", "Blair") put, across the archive, on the page of the one
  full name that ends in it ("Hugh Ray"), in articles that never write that full name.
  The fold is right as often as not, so each is listed with its reason; the rule undoes it
  (``ignore`` drops the short mention only: the articles that write the full name keep it);
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
from .curation import Curation
from .resolve import is_full_name, short_form_of

KIND_UNCERTAIN, FOLDS, SINGLE_WORD, ONE_ARTICLE = "kind uncertain", "folds", "single-word people", "one-article pages"
KINDS = ("person", "place")


@dataclass(frozen=True)
class Finding:
    name: str
    kind: str  # the page's kind: person or place
    articles: int  # the articles the finding touches: its impact
    why: str
    rule: str  # one line of content/entities.yaml


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


def _articles_of(count: int) -> str:
    return f"{count:,} article{'s' if count != 1 else ''}"


def review(tagged: Sequence[Sequence[Entity]], found: Sequence[Sequence[Entity]], names: Mapping[int, Entity],
           curation: Curation) -> list[Group]:
    """The findings of an archive whose article i carries `tagged[i]` (its people and places
    as its page shows them) and was extracted as `found[i]`, `names` being what each found
    entity object became across the archive (`entities.archive_names`)."""
    pages: Counter[tuple[str, str]] = Counter((e.kind, e.name) for article in tagged for e in article)
    decided = {n.casefold() for entry in curation.entities for n in entry.names}
    listed: set[tuple[str, str]] = set()

    def fresh(kind: str, name: str) -> bool:
        return name.casefold() not in decided and (kind, name) not in listed

    groups = []
    for title, findings in ((KIND_UNCERTAIN, _kind_uncertain(pages)), (FOLDS, _folds(found, names)),
                            (SINGLE_WORD, _single_words(pages)), (ONE_ARTICLE, _one_article(pages))):
        kept = [f for f in findings if fresh(f.kind, f.name)]
        listed.update((kind, f.name) for f in kept for kind in ((f.kind,) if title != KIND_UNCERTAIN else KINDS))
        groups.append(Group(title, tuple(sorted(kept, key=lambda f: (-f.articles, f.name.casefold(), f.name)))))
    return groups


def _kind_uncertain(pages: Counter[tuple[str, str]]) -> list[Finding]:
    by_name: dict[str, dict[str, int]] = {}
    for (kind, name), count in pages.items():
        by_name.setdefault(name, {})[kind] = count
    findings = []
    for name, kinds in by_name.items():
        if len(kinds) == 2:
            kind = "place" if kinds["place"] >= kinds["person"] else "person"
            other = "person" if kind == "place" else "place"
            why = (f"a {kind} in {_articles_of(kinds[kind])}, a {other} in {_articles_of(kinds[other])}: two pages "
                   f"(if it is neither, {ignore_rule(name)})")
            findings.append(Finding(name, kind, kinds[kind] + kinds[other], why, kind_rule(name, kind)))
    return findings


def _folds(found: Sequence[Sequence[Entity]], names: Mapping[int, Entity]) -> list[Finding]:
    """A person's short name the archive named as a full name's, counted in the articles that
    never write that full name (in those that do, the article itself says who it is)."""
    folded: Counter[tuple[str, str]] = Counter()
    for article in found:
        written = {e.name for e in article if e.kind == "person"}
        for e in article:
            full = names.get(id(e), e).name
            if e.kind == "person" and full not in written and short_form_of(e.name, full):
                folded[(e.name, full)] += 1
    fulls = Counter(e.name for article in found for e in article if e.kind == "person" and is_full_name(e.name))
    return [Finding(short, "person", count, f"put on the page of {full} (named in {_articles_of(fulls[full])}), the "
                    "one full name in the archive it fits, in articles that never name it", ignore_rule(short))
            for (short, full), count in folded.items()]


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
