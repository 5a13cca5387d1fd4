"""Finding and formatting full dates written in prose."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


def _longest_first(words: list[str]) -> str:
    """An alternation of `words` that, like "|".join of them longest first, prefers the
    longest word matching at a position, written as a trie ("sep(?:t(?:ember)?)?").

    The plain alternation of 24 month names was tried name by name at every character
    of an article, which made finding dates cost more than parsing all the rest."""
    branches = []
    for first in sorted({w[0] for w in words}):
        rests = [w[1:] for w in words if w[0] == first]
        tails = [r for r in rests if r]
        branch = first
        if tails:
            inner = _longest_first(tails)
            if "" in rests:
                branch += f"(?:{inner})?"
            elif len({t[0] for t in tails}) > 1:
                branch += f"(?:{inner})"
            else:
                branch += inner
        branches.append(branch)
    return "|".join(branches)


# Month names match ASCII letters only: under IGNORECASE "ſep" would match "sep",
# and then no month of that name could be looked up.
_MONTH = r"(?P<month>(?a:" + _longest_first(list(_MONTHS)) + r"))\.?"
# `\d(?<!\w\d)` is `\b\d` written so that the matcher can skip to the next digit at
# once instead of trying the pattern at every character. Month-first dates are
# looked for only where a text has a day and a year side by side (`_DAY_YEAR`).
_DAY = r"(?P<day>\d(?<!\w\d)\d?)"
# A date is written on one line: in "Saturday, 26 February" over "1400 GMT" (a match
# report's kick-off) the number on the next line is a time, not the year 1400.
_GAP = r"[^\S\n]+"
# Nor is a year a clock time: "26 February 1400 GMT".
_YEAR = r"(?P<year>\d{4})\b(?!" + _GAP + r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|hrs?)\b)"
_DAY_YEAR = re.compile(r"\d\d?(?:st|nd|rd|th)?,?" + _GAP + r"\d{4}\b", re.I)
_MONTH_FIRST = re.compile(_MONTH + _GAP + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?,?" + _GAP + _YEAR, re.I)
_PATTERNS = [
    re.compile(_DAY + r"(?:st|nd|rd|th)?" + _GAP + _MONTH + r",?" + _GAP + _YEAR, re.I),
    re.compile(r"(?P<year>\d(?<!\w\d)\d{3})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
]


def _month(value: str) -> int:
    return int(value) if value.isdigit() else _MONTHS[value.lower().rstrip(".")]


def find_dates(text: str) -> list[date]:
    """Every valid full date (day, month and year) written in `text`."""
    found = []
    patterns = [_MONTH_FIRST, *_PATTERNS] if _DAY_YEAR.search(text) else _PATTERNS
    for pattern in patterns:
        for m in pattern.finditer(text):
            try:
                found.append(date(int(m["year"]), _month(m["month"]), int(m["day"])))
            except ValueError:
                continue
    return found


def parse_date(value: object) -> date | None:
    """A date from front matter: a YAML date, or a string holding one.

    YAML reads `2030-02-03 10:20:30` as a datetime, a date subclass that would
    carry its time into every feed and sitemap and cannot be sorted among dates:
    an article's date is the day as written, in the zone it was written in."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        dates = find_dates(value)
        if len(dates) == 1:
            return dates[0]
    return None


@lru_cache(maxsize=1 << 16)  # many articles share a day, and strftime costs more than the lookup
def display_date(value: date) -> str:
    return f"{value.day} {value.strftime('%B')} {value.year}"
