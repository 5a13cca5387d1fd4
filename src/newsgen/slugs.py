"""Slugs: the one place where names become URL path segments."""

from __future__ import annotations

from slugify import slugify

MAX_SLUG_LENGTH = 80


def make_slug(text: str, fallback: str = "") -> str:
    """A lowercase ASCII slug; never empty, never a dot path, never longer than 80."""
    slug = slugify(text, max_length=MAX_SLUG_LENGTH, word_boundary=True)
    if not slug:
        slug = slugify(fallback, max_length=MAX_SLUG_LENGTH, word_boundary=True)
    return slug or "untitled"


def unique_slugs(wanted: list[str], taken: set[str] | None = None) -> list[str]:
    """Give each wanted slug a distinct value: repeats get -2, -3… in list order."""
    used = set(taken or ())
    result = []
    for slug in wanted:
        candidate, n = slug, 1
        while candidate in used:
            n += 1
            candidate = f"{slug}-{n}"
        used.add(candidate)
        result.append(candidate)
    return result
