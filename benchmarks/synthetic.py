"""A deterministic synthetic archive in the seed format, for benchmarks and tests.

Articles are realistic in length (300-900 words) and in how they name people and
places: both are drawn from fixed pools with a Zipf-like spread, so a few names
appear in thousands of articles and most in a handful, as in a real archive.
Some articles carry subheadings and a quoted tweet. The same `n` and `seed`
always give the same files.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

_FIRST = ("Anna John Maria David Sarah Michael Laura James Elena Peter Fatima Ahmed Li Wei Olga Ivan Grace "
          "Samuel Aisha Daniel Sophie Thomas Nadia Carlos Ines Hiroshi Yuki Kwame Amara Lars Ingrid Pablo "
          "Lucia Omar Leila Rahul Priya Tomasz Agnieszka Dmitri Svetlana").split()
_LAST = ("Smith Johnson Okafor Novak Schmidt Rossi Garcia Martin Kowalski Ivanova Tanaka Chen Kumar Haddad "
         "Mensah Larsen Fischer Moreau Silva Costa Petrov Yilmaz Nakamura Dubois Muller Jensen Lopez Khan "
         "Osei Bianchi Wagner Svensson Horvath Popescu Nowak Sato Fernandes Murphy Walsh Byrne").split()
_PLACES = ("London Paris Berlin Madrid Rome Lisbon Dublin Warsaw Prague Vienna Athens Cairo Nairobi Lagos "
           "Accra Tokyo Beijing Seoul Delhi Mumbai Karachi Tehran Baghdad Istanbul Moscow Kyiv Oslo Stockholm "
           "Helsinki Copenhagen Brussels Amsterdam Geneva Zurich Toronto Chicago Boston Houston Denver Seattle "
           "Sydney Melbourne Auckland Lima Bogota Santiago Caracas Havana Manila Jakarta Bangkok Hanoi Dhaka "
           "Kabul Riyadh Doha Dubai Amman Beirut Jerusalem Khartoum Kampala Harare Lusaka Luanda Dakar Tunis "
           "Algiers Rabat Tripoli Ankara Baku Tbilisi Yerevan Minsk Riga Vilnius Tallinn Bucharest Sofia "
           "Belgrade Zagreb Budapest Bratislava Ljubljana Sarajevo Skopje Tirana Valletta Nicosia Reykjavik "
           "Edinburgh Cardiff Belfast Manchester Liverpool Glasgow Birmingham Leeds Bristol").split()
_TITLES = ("Minister", "President", "Senator", "Governor", "Mayor", "Dr", "Professor", "Judge", "General")
_VERBS = ("said", "told reporters", "warned", "announced", "confirmed", "argued", "insisted", "added")
_TOPICS = ("the budget", "the new trade agreement", "rising energy prices", "the election result",
           "the flood defences", "the hospital waiting lists", "the rail strike", "the housing shortage",
           "interest rates", "the peace talks", "the water supply", "the school reforms", "the harvest")
_FILLER = ("officials expect a decision before the end of the month",
           "the plan has divided opinion among local residents",
           "critics say the figures do not add up",
           "several groups have called for an independent review",
           "the cost is likely to rise over the next two years",
           "talks are due to resume later this week",
           "the measure passed by a narrow margin",
           "analysts said the outlook remained uncertain",
           "the announcement was welcomed by business leaders",
           "campaigners vowed to continue their protest")
_MONTHS = ("January February March April May June July August September October November December").split()


@dataclass(frozen=True)
class _Zipf:
    """Draw from `items`, the k-th with weight 1/k."""

    items: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "cumulative", list(accumulate(1 / (k + 1) for k in range(len(self.items)))))

    def draw(self, rng: random.Random) -> str:
        return rng.choices(self.items, cum_weights=self.cumulative)[0]  # type: ignore[attr-defined]


_SYLLABLES = "ba ko ren di sa mu ler ton vi na go ham ber ste lin ca ro ma".split()


def _people_pool(size: int) -> tuple[str, ...]:
    """Real-looking names first; invented surnames once the real ones run out."""
    rng = random.Random(7)
    surnames = list(_LAST)
    while len(surnames) * len(_FIRST) < size:
        surnames.append("".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize())
    names = sorted({f"{first} {last}" for first in _FIRST for last in surnames})
    rng.shuffle(names)
    return tuple(names[:size])


def _sentence(rng: random.Random, people: _Zipf, places: _Zipf) -> str:
    form = rng.randrange(4)
    if form == 0:
        return f"{rng.choice(_TITLES)} {people.draw(rng)} {rng.choice(_VERBS)} in {places.draw(rng)} that {rng.choice(_FILLER)}."
    if form == 1:
        return f"Speaking about {rng.choice(_TOPICS)}, {people.draw(rng)} {rng.choice(_VERBS)} that {rng.choice(_FILLER)}."
    if form == 2:
        return f"In {places.draw(rng)}, {rng.choice(_FILLER)}, and {rng.choice(_FILLER)}."
    return f"{rng.choice(_FILLER).capitalize()}, while {rng.choice(_FILLER)}."


def article_text(index: int, people: _Zipf, places: _Zipf, seed: int = 0) -> str:
    rng = random.Random(seed * 1_000_003 + index)
    year = 2000 + rng.randrange(25)
    when = f"{rng.randrange(1, 29)} {rng.choice(_MONTHS)} {year}"
    place = places.draw(rng)
    headline = f"{place} report {index}: {people.draw(rng)} on {rng.choice(_TOPICS)}"
    standfirst = f"{rng.choice(_FILLER).capitalize()} in {place}, reporters were told on {when}."
    lines = [headline, standfirst, f"Published {when}"]  # the date: one in the prose dates nothing
    for p in range(rng.randrange(6, 18)):
        if p and rng.random() < 0.12:
            lines.append(f"What comes next for {rng.choice(_TOPICS).removeprefix('the ')}")
        lines.append(" ".join(_sentence(rng, people, places) for _ in range(rng.randrange(2, 5))))
    if rng.random() < 0.1:
        handle = f"reporter{rng.randrange(500)}"
        lines.append(f"Crowds gathered in {places.draw(rng)} this morning to hear the result. pic.twitter.com/a{index}b")
        lines.append(f"— {people.draw(rng)} (@{handle}) {rng.choice(_MONTHS)} {rng.randrange(1, 29)}, {year}")
    return "\n".join(lines) + "\n"


def write_archive(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write `n` seeds into `folder` (created); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    people = _Zipf(_people_pool(max(300, n // 10)))
    places = _Zipf(tuple(_PLACES))
    paths = []
    for i in range(n):
        path = folder / f"{i:06d}.txt"
        path.write_text(article_text(i, people, places, seed), encoding="utf-8")
        paths.append(path)
    return paths


def copy_corpus(corpus: Path, folder: Path, n: int) -> list[Path]:
    """`n` seeds made from a corpus of .txt files, replicated with varied headlines."""
    sources = sorted(corpus.rglob("*.txt"))
    if not sources:
        raise SystemExit(f"no .txt files under {corpus}")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        source = sources[i % len(sources)]
        text = source.read_text(encoding="utf-8", errors="replace")
        headline, _, rest = text.partition("\n")
        copy = i // len(sources)
        if copy:
            headline = f"{headline.strip()} (part {copy + 1})"
        path = folder / f"{i:06d}.txt"
        path.write_text(f"{headline}\n{rest}", encoding="utf-8")
        paths.append(path)
    return paths
