"""The geometry of a small bar chart of mentions per month, drawn at build time.

The chart is one SVG path (a rectangle per non-empty bar), so its size grows
with the months that have mentions, not with the span; beyond `MAX_BARS` months
the bars become years. Colours come from the stylesheet, so it follows light and
dark mode; the summary becomes the SVG's accessible name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .entity_stats import MonthCount

WIDTH, HEIGHT = 600, 80
MAX_BARS = 120
_GAP = 0.15  # share of each slot left empty between bars


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    bars_path: str  # SVG path data
    label: str  # accessible summary
    start_label: str
    end_label: str


def _month_label(year: int, month: int) -> str:
    return date(year, month, 1).strftime("%b %Y")


def _by_year(months: Sequence[MonthCount]) -> list[tuple[str, int]]:
    years: dict[int, int] = {}
    for m in months:
        years[m.year] = years.get(m.year, 0) + m.count
    return [(str(year), count) for year, count in years.items()]


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def draw_timeline(months: Sequence[MonthCount]) -> Timeline | None:
    """None when there is nothing to draw (no dated mentions)."""
    if not months:
        return None
    if len(months) > MAX_BARS:
        bars, period = _by_year(months), "year"
    else:
        bars, period = [(_month_label(m.year, m.month), m.count) for m in months], "month"
    peak_label, peak = max(bars, key=lambda bar: bar[1])  # the first of equal peaks
    slot = WIDTH / len(bars)
    width = slot * (1 - _GAP) if len(bars) > 1 else slot
    parts = []
    for i, (_, count) in enumerate(bars):
        if count:
            height = HEIGHT * count / peak
            parts.append(f"M{_number(i * slot)} {_number(HEIGHT - height)}h{_number(width)}v{_number(height)}"
                         f"h-{_number(width)}z")
    total = sum(count for _, count in bars)
    label = (f"Articles per {period}, {bars[0][0]} to {bars[-1][0]}: {total} in all, "
             f"most in {peak_label} ({peak})")
    return Timeline(WIDTH, HEIGHT, "".join(parts), label, bars[0][0], bars[-1][0])
