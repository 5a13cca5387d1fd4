"""Finding and formatting full dates written in prose."""

from __future__ import annotations

import re
from datetime import date

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
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
]


def _month(value: str) -> int:
    return int(value) if value.isdigit() else _MONTHS[value.lower().rstrip(".")]


def find_dates(text: str) -> list[date]:
    """Every valid full date (day, month and year) written in `text`."""
    found = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            try:
                found.append(date(int(m["year"]), _month(m["month"]), int(m["day"])))
            except ValueError:
                continue
    return found


def parse_date(value: object) -> date | None:
    """A date from front matter: a YAML date, or a string holding one."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        dates = find_dates(value)
        if len(dates) == 1:
            return dates[0]
    return None


def display_date(value: date) -> str:
    return f"{value.day} {value.strftime('%B')} {value.year}"
