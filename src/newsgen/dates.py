"""Finding and formatting full dates written in prose."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
_DAY_YEAR = re.compile(r"\d\d?(?:st|nd|rd|th)?,?" + _GAP + r"\d{4}\b", re.IGNORECASE)
_MONTH_FIRST = re.compile(_MONTH + _GAP + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?,?" + _GAP + _YEAR, re.IGNORECASE)
_PATTERNS = [
    re.compile(_DAY + r"(?:st|nd|rd|th)?" + _GAP + _MONTH + r",?" + _GAP + _YEAR, re.IGNORECASE),
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


# Where an article's date came from (`Article.date_source`), most trusted first. An editor's
# date (override, front matter) is the article's; the rest are found by `date_of_seed`.
DATE_SOURCES = ("override", "front matter", "file name", "folders", "dateline", "published line",
                "embedded post")
# What an article page says of each found date. An embedded post was written before the
# article, so its date is only near the article's: the page shows it as approximate.
DATE_SOURCE_WORDS = {
    "file name": "date from the file name",
    "folders": "date from the folders",
    "dateline": "date from the dateline",
    "published line": "date from the published line",
    "embedded post": "date from the embedded post",
}
APPROXIMATE_SOURCES = frozenset({"embedded post"})
EARLIEST_YEAR = 1800

# A date in a path: `2024-08-18-…` or `20240818_…` as a name or folder, `2024/08/18/` as folders.
_NAME_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)|(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)(?=[_.-]|$)")
_YEAR_PART = re.compile(r"(?:1[89]|20)\d\d")
_MONTH_OR_DAY_PART = re.compile(r"\d\d?")


def _from_match(m: re.Match[str]) -> date | None:
    try:
        if m["year"]:
            return date(int(m["year"]), int(m["month"]), int(m["day"]))
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def path_date(path: str) -> tuple[date, str] | None:
    """The date a source's path gives, with "file name" or "folders": archives file articles
    by day (`2024-08-18-x.txt`, `20240818_x.txt`, `2024/08/18/x.txt`), and that is the day
    the newsroom published it. `path` is as the build names the file, with `/` between parts."""
    *folders, name = path.split("/")
    m = _NAME_DATE.match(name)
    if m and (found := _from_match(m)):
        return found, "file name"
    for i in range(len(folders) - 1, -1, -1):
        m = _NAME_DATE.fullmatch(folders[i])
        if m and (found := _from_match(m)):
            return found, "folders"
        if (i >= 2 and _YEAR_PART.fullmatch(folders[i - 2]) and _MONTH_OR_DAY_PART.fullmatch(folders[i - 1])
                and _MONTH_OR_DAY_PART.fullmatch(folders[i])):
            try:
                return date(int(folders[i - 2]), int(folders[i - 1]), int(folders[i])), "folders"
            except ValueError:
                continue
    return None


def path_year(path: str) -> int | None:
    """The year a path names (`2024/…`, `1987-03/…`, `2024-08-18-x.txt`), for a dateline that
    gives only a day and a month; None when it names none or more than one."""
    years = {int(y) for y in re.findall(r"(?<!\d)((?:1[89]|20)\d\d)(?!\d)", path.rpartition("/")[0])}
    m = re.match(r"((?:1[89]|20)\d\d)(?!\d)", path.rpartition("/")[2])
    if m:
        years.add(int(m[1]))
    return years.pop() if len(years) == 1 else None


_MONTH_WORD = r"(?i:(?a:" + _longest_first(list(_MONTHS)) + r"))\.?"
# A wire dateline: the place in capitals, then a day, an agency or both, then a dash:
# "NEW YORK, March 16 -", "LONDON (Reuters) -", "PARIS, 16 March 2004 (AFP) --".
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]*){0,3})"
    r"(?:,[^\S\n]*(?:(?P<month>" + _MONTH_WORD + r")[^\S\n]+(?P<day>\d\d?)|(?P<day2>\d\d?)[^\S\n]+(?P<month2>"
    + _MONTH_WORD + r"))(?:,?[^\S\n]+(?P<year>\d{4}))?)?"
    r"(?:[^\S\n]*\((?P<agency>[^()\n]{1,30})\))?"
    r"[^\S\n]*[-–—]{1,2}[^\S\n]"
)
_PUBLISHED = re.compile(r"(?i:(?:first[^\S\n]+)?published|(?:last[^\S\n]+)?updated|posted)\b[:\s]*(?P<when>[^\n]{0,80})$")
_DAY_MONTH = re.compile(r"(?:(?P<month>" + _MONTH_WORD + r")[^\S\n]+(?P<day>\d\d?)|(?P<day2>\d\d?)[^\S\n]+(?P<month2>"
                        + _MONTH_WORD + r"))(?:st|nd|rd|th)?\b")


def dateline_of(text: str) -> str:
    """The dateline a paragraph opens with ("NEW YORK, March 16"), or "": kept as the
    article's, and the one place in the text besides a published line that dates it."""
    m = _DATELINE.match(text)
    if not m or not (m["month"] or m["month2"] or m["agency"]):
        return ""
    return text[:m.end()].rstrip().rstrip("-–—").rstrip()


def _day_month(m: re.Match[str], year: int | None) -> date | None:
    if year is None:
        return None
    try:
        return date(year, _month(m["month"] or m["month2"]), int(m["day"] or m["day2"]))
    except ValueError:
        return None


def dateline_date(dateline: str, year: int | None) -> date | None:
    """The day a dateline names, in its own year or else `year` (from the path)."""
    m = _DATELINE.match(dateline + " - ")
    if not m or not (m["month"] or m["month2"]):
        return None
    return _day_month(m, int(m["year"]) if m["year"] else year)


def published_date(line: str, year: int | None) -> date | None:
    """The day a "Published …"/"Updated …" line at the top of a text names: a full date, or
    a day and month in `year`."""
    m = _PUBLISHED.match(line)
    if not m:
        return None
    full = find_dates(m["when"])
    if full:
        return full[0]
    day = _DAY_MONTH.search(m["when"])
    return _day_month(day, year) if day else None


def date_problem(value: date, today: date) -> str:
    """Why a date found for an article cannot be its date, or "": no article is published in
    the future of the build, and none this archive holds before 1800."""
    if value > today:
        return "is in the future of the build"
    if value.year < EARLIEST_YEAR:
        return f"is before {EARLIEST_YEAR}"
    return ""


@dataclass
class BuildDay:
    """The day a build takes for today (one for the whole build, which a test may set), and
    the earliest later date it put aside while parsing a file (`changes_on`): on that day
    the same file gives its article that date, so what was parsed today holds until then
    only, however long the file stays as it is."""

    today: date = field(default_factory=date.today)
    changes_on: date | None = None

    def problem(self, value: date) -> str:
        """`date_problem` of `value` today, noting a date put aside as in the future."""
        if value > self.today and (self.changes_on is None or value < self.changes_on):
            self.changes_on = value
        return date_problem(value, self.today)
