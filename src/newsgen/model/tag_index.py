"""The A–Z of people and of places: a front page of the most mentioned, and a page per initial.

One page of every name weighed 620 KB at 7,054 people, and scored 60–68 in Lighthouse's
mobile performance where every other page scores 100. So each kind has a small front
page (the 50 most mentioned, with counts) and a page per initial, paginated past
`LETTER_PAGE_SIZE` names, with a jump bar linking every initial that has a page: no A–Z
page grows with the archive past a page of names.

People are listed by surname, then given names, as a printed index lists them, and shown
as they are named ("Ann Lee" under L); places by name.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import cache

from .. import urls
from ..slugs import make_slug
from .views import Link, PageView, TagView, paginated

TOP_COUNT = 50  # the most mentioned, on each kind's front page
# Names per A–Z page: ~100 bytes of HTML each (a name, its link and its count), so a page of the
# longest names (80-character slugs) stays far below 100 KB with the menu and the jump bar.
LETTER_PAGE_SIZE = 300
OTHER = "0"  # the initial of names that start with no letter A–Z (a digit, a sign, a script with no Latin form)
OTHER_LABEL = "#"


@cache
def _not_plain() -> frozenset[str]:
    """The words that make nameparser read a name other than "given names, surname": titles,
    suffixes, surname prefixes ("de", "van") and conjunctions."""
    from nameparser.config import CONSTANTS

    return frozenset().union(CONSTANTS.titles, CONSTANTS.suffix_acronyms, CONSTANTS.suffix_not_acronyms,
                             CONSTANTS.prefixes, CONSTANTS.conjunctions)


def name_parts(name: str) -> tuple[str, str, str]:
    """(surname, first name, middle names) as nameparser reads them. A plain name ("Ann Lee",
    "Anna Maria Smith": capitalised words of letters, none a title, suffix or prefix) is split
    here, as nameparser would: it takes 0.2 ms a name, a second for 7,000 people at every build."""
    words = name.split()
    if 2 <= len(words) <= 4 and all(_plain_word(w) for w in words):
        return words[-1], words[0], " ".join(words[1:-1])
    from nameparser import HumanName

    parsed = HumanName(name)
    return parsed.last, parsed.first, parsed.middle


def _plain_word(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").isalpha() and word.casefold() not in _not_plain()


def _folded(text: str) -> str:
    """`text` for sorting: accents dropped and case folded, so "Ángel" sorts with "Angel"."""
    if text.isascii():
        return text.casefold()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def people_name_parts(tags: Sequence[TagView], known: Mapping[str, tuple[str, str, str]]) -> dict[str, tuple[str, str, str]]:
    """`name_parts` of each person's name, those in `known` (the last build's) taken from it:
    the few thousand names nameparser reads cost a second, and an edit adds one at most."""
    return {name: known[name] if name in known else name_parts(name)
            for name in (tag.entity.name for tag in tags if tag.entity.kind == "person")}


def sort_key(tag: TagView, parts: Mapping[str, tuple[str, str, str]] | None = None) -> tuple[str, ...]:
    """A person by surname, then first and middle names; a place by name; ties by name, then path.
    `parts`: the `people_name_parts` of the names, if known."""
    name = tag.entity.name
    if tag.entity.kind == "person":
        last, first, middle = parts[name] if parts is not None and name in parts else name_parts(name)
        if last:
            return _folded(last), _folded(first), _folded(middle), name, tag.path
    return _folded(name), "", "", name, tag.path


def initial(key: str) -> str:
    """The A–Z page a sort key's first word is listed on: its first letter a–z, as transliterated
    ("Łódź" under L), else `OTHER`."""
    first = key[:1] if key[:1].isascii() else make_slug(key[:1], fallback=OTHER)[:1]
    return first if "a" <= first <= "z" else OTHER


def _link(tag: TagView) -> Link:
    return Link(tag.entity.name, tag.path, len(tag.articles))


def tag_index_pages(kind: str, label: str, tags: Sequence[TagView], page_size: int = LETTER_PAGE_SIZE,
                    parts: Mapping[str, tuple[str, str, str]] | None = None) -> list[PageView]:
    """The front page of a kind's A–Z (`urls.tag_index_path`), then its pages of each initial,
    in order (`urls.tag_letter_path`). `parts`: the `people_name_parts` of the people, if known."""
    keys = [sort_key(tag, parts) for tag in tags]
    key_of = dict(zip(map(id, tags), keys))
    groups: dict[str, list[Link]] = defaultdict(list)
    for key, tag in sorted(zip(keys, tags)):
        groups[initial(key[0])].append(_link(tag))
    ordered = [i for i in urls.INDEX_INITIALS if i in groups]
    letters = tuple(Link(OTHER_LABEL if i == OTHER else i.upper(), urls.tag_letter_path(kind, i), len(groups[i]))
                    for i in ordered)
    index_path = urls.tag_index_path(kind)
    top = sorted(tags, key=lambda tag: (-len(tag.articles), key_of[id(tag)]))[:TOP_COUNT]
    pages = [PageView(index_path, "tag_index.html", label, {
        "section": label, "letters": letters, "top": tuple(map(_link, top)), "total": len(tags)})]
    for each, letter in zip(ordered, letters):
        heading = f"{label}: {letter.label}"
        for path, chunk, pagination in paginated(letter.path, groups[each], page_size):
            pages.append(PageView(path, "tag_letter.html", pagination.title(heading), {
                "section": label, "section_path": index_path, "letters": letters, "letter": letter,
                "items": tuple(chunk), "pagination": pagination}))
    return pages
