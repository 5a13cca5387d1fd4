"""How much a command says: -q prints only problems, -v adds detail.

Problems always go to stderr, so `newsgen check -q && deploy` stays silent when
all is well and still explains a failure.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

QUIET, NORMAL, VERBOSE = 0, 1, 2


@dataclass(frozen=True)
class Console:
    level: int = NORMAL

    def say(self, text: str) -> None:
        if self.level >= NORMAL:
            print(text, flush=True)

    def detail(self, text: str) -> None:
        if self.level >= VERBOSE:
            print(text, flush=True)

    def problem(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)
