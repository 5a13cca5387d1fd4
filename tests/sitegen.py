"""A deterministic archive of made-up articles in seed format, for browser tests and benchmarks.

Recurring people and places (so person and place pages gather many articles),
each dated by a "Published" line at the top (dates in the prose date nothing),
with invented filler words for a realistic vocabulary. No
corpus text: every sentence is assembled here.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

PEOPLE = ["Maria Lopez", "Ahmed Hassan", "Olena Petrenko", "José Álvarez", "Grace Mensah", "Henrik Larsen",
          "Priya Natarajan", "Tomasz Nowak", "Amina Yusuf", "Daniel Okafor", "Sofia Rossi", "Kenji Watanabe"]
PLACES = ["Lisbon", "Nairobi", "Oslo", "Warsaw", "Lagos", "Madrid", "Kyiv", "Jakarta", "Santiago", "Vienna",
          "Accra", "Manila"]
TOPICS = ["water rights", "rail links", "fishing quotas", "grain exports", "port fees", "energy prices",
          "school funding", "flood defences", "border checks", "vaccine supply"]
VERBS = ["visits", "meets officials in", "criticises plans for", "returns to", "signs deal in", "warns voters in"]
SYLLABLES = ["ka", "lo", "mi", "ter", "san", "vo", "rel", "dun", "pha", "gri", "os", "el", "bra", "tin", "qu", "zen"]


def _filler_words(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(count)]


def _article(rng: random.Random, number: int, day: date, filler: list[str]) -> str:
    person, other = rng.sample(PEOPLE, 2)
    place = rng.choice(PLACES)
    topic = rng.choice(TOPICS)
    headline = f"{person} {rng.choice(VERBS)} {place} as talks on {topic} resume ({number})"
    standfirst = f"The meeting in {place} is the latest in a series of talks on {topic}."
    when = f"{day.day} {day:%B %Y}"
    paragraphs = [
        f"Published {when}",
        f"{person} arrived in {place} on {when} for a second round of talks on {topic}.",
        f"{other} said on {when} that the talks in {place} would continue next week.",
    ]
    for _ in range(rng.randint(2, 5)):
        words = rng.choices(filler, k=rng.randint(12, 30))
        paragraphs.append(" ".join(words).capitalize() + ".")
    paragraphs.append(f"Officials in {place} said {person} would report back to parliament.")
    return "\n".join([headline, standfirst, *paragraphs]) + "\n"


def write_archive(folder: Path, count: int, seed: int = 4) -> list[Path]:
    """Write `count` seed files into `folder`; the same arguments always give the same files."""
    rng = random.Random(seed)
    filler = _filler_words(rng, max(200, count // 2))
    folder.mkdir(parents=True, exist_ok=True)
    start = date(2020, 1, 1)
    paths = []
    for number in range(count):
        day = start + timedelta(days=rng.randint(0, 1800))
        path = folder / f"gen_{number:06d}.txt"
        path.write_text(_article(rng, number, day, filler), encoding="utf-8")
        paths.append(path)
    return paths
