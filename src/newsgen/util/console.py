"""How much a command says: -q prints only problems, -v adds detail.

Problems always go to stderr, so `newsgen check -q && deploy` stays silent when
all is well and still explains a failure. Everything printed goes through
`printable`: file names come from the user's folders, and a name holding an escape
sequence must not be able to retitle, clear or recolour the terminal.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

QUIET, NORMAL, VERBOSE = 0, 1, 2

# C0 controls, DEL, C1 controls (U+009B is a one-character CSI on many terminals) and
# the bidi embeddings, overrides and isolates that reorder how a line displays.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(char: str) -> str:
    code = ord(char)
    return _SHORT.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable(text: str, keep: str = "\n\t") -> str:
    """`text` with control characters other than those in `keep` written as repr does
    (`\\x1b`, `\\u202e`): what a file name says is shown, never done by the terminal."""
    return _CONTROLS.sub(lambda m: m.group() if m.group() in keep else _escaped(m.group()), text)


def counted(count: int, one: str, many: str = "") -> str:
    """"1 article", "12,345 articles": a count with its noun as a person writes it."""
    return f"{count:,} {one if count == 1 else many or one + 's'}"


@dataclass(frozen=True)
class Console:
    level: int = NORMAL

    def say(self, text: str) -> None:
        if self.level >= NORMAL:
            print(printable(text), flush=True)

    def detail(self, text: str) -> None:
        if self.level >= VERBOSE:
            print(printable(text), flush=True)

    def problem(self, text: str) -> None:
        print(printable(text), file=sys.stderr, flush=True)
