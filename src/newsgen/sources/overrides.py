"""Editorial overrides for seeds: `content/seeds/<seed-stem>.yaml`.

An editor corrects a seed without touching the seed itself, so the original
text stays the record. Example:

    date: 2024-08-18
    headline: A better headline
    section: Business             # instead of the seed's folder
    people: [Antony Blinken]      # add
    places: [Middle East]         # add
    remove: [Andrews Air Force Base]
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..dates import parse_date
from ..errors import NewsgenError
from ..records import Article, SeedOverride
from ..yamlutil import load_yaml_mapping

_NAME_LISTS = ("people", "places", "remove")


def _names(value: object, key: str, path: str, line: int | None) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise NewsgenError(f"'{key}' must be a list of names", path, line)
    return tuple(v.strip() for v in value)


def load_override(path: Path, raw: bytes | None = None) -> SeedOverride:
    """Read one override (from `raw`, its bytes, if given); a bad one holds its seed back,
    and the message says which."""
    try:
        return _read_override(path, raw)
    except NewsgenError as exc:
        raise NewsgenError(f"{exc.message}; seed '{path.stem}' is left out until this is fixed",
                           exc.path, exc.line) from None


def _read_override(path: Path, raw: bytes | None) -> SeedOverride:
    data, lines = load_yaml_mapping(path, raw)
    name = str(path)
    values: dict[str, object] = {}
    for key, value in data.items():
        line = lines.get(key)
        if key == "date":
            parsed = parse_date(value)
            if parsed is None:
                raise NewsgenError(f"'date' is not a date: {value!r}", name, line)
            values["date"] = parsed
        elif key in ("headline", "standfirst", "section"):
            if not isinstance(value, str) or not value.strip():
                raise NewsgenError(f"'{key}' must be non-empty text", name, line)
            values[key] = value.strip()
        elif key in _NAME_LISTS:
            values["add_" + key if key != "remove" else "remove"] = _names(value, key, name, line)
        else:
            known = ", ".join(("date", "headline", "standfirst", "section") + _NAME_LISTS)
            raise NewsgenError(f"unknown key '{key}' (known keys: {known})", name, line)
    return SeedOverride(path=name, **values)  # type: ignore[arg-type]


def apply_override(article: Article, override: SeedOverride | None) -> Article:
    """Metadata corrections; entity additions and removals happen at tagging."""
    if override is None:
        return article
    changes: dict[str, object] = {}
    if override.date is not None:
        changes.update(date=override.date, date_inferred=False, date_source="override")
    if override.headline:
        changes["headline"] = override.headline
    if override.standfirst:
        changes["standfirst"] = override.standfirst
    if override.section:
        changes["section"] = override.section
    return replace(article, **changes)
