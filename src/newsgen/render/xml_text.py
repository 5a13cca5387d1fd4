"""XML documents written straight as text, byte for byte as ElementTree writes them.

The site's feeds and sitemaps are thousands of small, flat documents: building
each as an element tree and serialising it (ET.indent + ET.tostring) was most of
their cost. Here an element is its text, escaped and indented for the depth it
is written at, so an element shared by many documents is written only once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"})
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\r\n\t]')


def _text(value: str) -> str:
    return value.translate(_TEXT) if "&" in value or "<" in value or ">" in value else value


def _start(tag: str, attrs: dict[str, str]) -> str:
    if not attrs:
        return tag
    return tag + "".join(f' {name}="{value.translate(_ATTRIBUTE) if _ATTRIBUTE_SPECIAL.search(value) else value}"'
                         for name, value in attrs.items())


def leaf(tag: str, text: str = "", **attrs: str) -> str:
    """An element with only text (escaped) or nothing inside."""
    return f"<{_start(tag, attrs)}>{_text(text)}</{tag}>" if text else f"<{_start(tag, attrs)} />"


def comment(text: str) -> str:
    """Written as is, as ElementTree does: `text` must not hold "--"."""
    return f"<!--{text}-->"


def nest(tag: str, children: Iterable[str], depth: int = 0, **attrs: str) -> str:
    """An element holding other elements, each on its own line, indented as ET.indent does:
    two spaces for each element around it. `depth` counts those; children must be
    written for `depth + 1`."""
    inner = ("\n" + "  " * (depth + 1)).join(children)
    if not inner:
        return f"<{_start(tag, attrs)} />"
    return f"<{_start(tag, attrs)}>\n{'  ' * (depth + 1)}{inner}\n{'  ' * depth}</{tag}>"


def document(root: str) -> str:
    return DECLARATION + root + "\n"
