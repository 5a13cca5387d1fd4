"""Editorial overrides for seeds: `content/seeds/<seed's path under seeds/>.yaml`.

An editor corrects a seed without touching the seed itself, so the original
text stays the record. `content/seeds/business/001.yaml` overrides
`seeds/business/001.txt`; an override named by the stem alone (`001.yaml`) still
finds a seed in a section folder, but only when one seed has that stem: two
desks both file a `001.txt`, and an override must never correct the wrong one.
Example:

    date: 2024-08-18
    headline: A better headline
    section: Business             # instead of the seed's folder
    people: [Antony Blinken]      # add
    places: [Middle East]         # add
    remove: [Andrews Air Force Base]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from ..dates import parse_date
from ..errors import BuildWarning, NewsgenError
from ..records import Article, SeedOverride
from ..util.files import walk
from ..yamlutil import load_yaml_mapping

_NAME_LISTS = ("people", "places", "remove")


def _names(value: object, key: str, path: str, line: int | None) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise NewsgenError(f"'{key}' must be a list of names", path, line)
    return tuple(v.strip() for v in value)


def match_overrides(seeds: Iterable[str], folder: Path, shown: Callable[[Path], str]
                    ) -> tuple[dict[str, Path], list[BuildWarning]]:
    """Each seed's override in `folder` (content/seeds), by the seed's path under seeds/
    (`business/001.txt`, `/` between parts), with a warning (named by `shown`) for each
    override that is not used because its stem names several seeds, or a seed that has
    an override of its own by path."""
    seeds = list(seeds)
    by_path = {seed.removesuffix(".txt"): seed for seed in seeds}
    by_stem: dict[str, list[str]] = defaultdict(list)
    for seed in seeds:
        by_stem[seed.rpartition("/")[2].removesuffix(".txt")].append(seed)
    found = sorted((parts, Path(entry.path)) for parts, entry in walk(str(folder), skip_hidden=True)
                   if entry.name.endswith(".yaml") and entry.is_file()) if folder.is_dir() else []
    matched: dict[str, Path] = {}
    by_stem_only: list[tuple[str, Path]] = []
    warnings: list[BuildWarning] = []
    for parts, path in found:
        name = "/".join(parts).removesuffix(".yaml")
        if name in by_path:
            matched[by_path[name]] = path
        elif len(parts) == 1 and len(by_stem.get(name, ())) == 1:
            by_stem_only.append((by_stem[name][0], path))
        elif len(parts) == 1 and name in by_stem:
            named = ", ".join(f"seeds/{seed}" for seed in by_stem[name])
            warnings.append(BuildWarning(
                f"not used: its name matches several seeds ({named}); name it after the one it corrects, "
                f"by its path under seeds/ (content/seeds/{by_stem[name][0].removesuffix('.txt')}.yaml)",
                shown(path), 1))
    for seed, path in by_stem_only:
        if seed in matched:
            warnings.append(BuildWarning(f"not used: seeds/{seed} has its own override, {shown(matched[seed])}",
                                         shown(path), 1))
        else:
            matched[seed] = path
    return matched, warnings


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
