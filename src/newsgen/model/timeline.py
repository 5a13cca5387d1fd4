"""The geometry of a small bar chart of articles per month (a person's or place's
mentions, or the whole archive), rendered at build time.

The chart is one SVG path (a rectangle per non-empty bar), so its size grows
with the months that have mentions, not with the span; beyond `MAX_BARS` months
the bars become years. Colours come from the stylesheet, so it follows light and
dark mode; the summary becomes the SVG's accessible name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .entity_stats import MonthlyCounts

WIDTH, HEIGHT = 600, 80
MAX_BARS = 120
MAX_BAR_WIDTH = WIDTH / 12 * (1 - 0.15)  # a short span renders narrow bars, not one bar the width of the chart
_GAP = 0.15  # share of each slot left empty between bars


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    bars_path: str  # SVG path data
    label: str  # accessible summary
    start_label: str
    end_label: str


def _bars(monthly: MonthlyCounts) -> tuple[list[int], str, Callable[[int], str]]:
    """Counts per bar, the period name, and a function giving bar i's label."""
    if len(monthly.counts) <= MAX_BARS:
        return list(monthly.counts), "month", lambda i: date(*monthly.month_at(i), 1).strftime("%b %Y")
    first_year = monthly.year
    years = [0] * (monthly.month_at(len(monthly.counts) - 1)[0] - first_year + 1)
    for i, count in enumerate(monthly.counts):
        years[monthly.month_at(i)[0] - first_year] += count
    return years, "year", lambda i: str(first_year + i)


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def draw_timeline(monthly: MonthlyCounts | None) -> Timeline | None:
    """None when there is nothing to render (no dated mentions)."""
    if monthly is None or not monthly.counts:
        return None
    bars, period, label_of = _bars(monthly)
    peak = max(bars)
    slot = WIDTH / len(bars)
    width = min(slot * (1 - _GAP), MAX_BAR_WIDTH)
    inset = (slot - width) / 2 if width == MAX_BAR_WIDTH else 0  # a capped bar stands in the middle of its slot
    bar_width = _number(width)
    parts = []
    for i, count in enumerate(bars):
        if count:
            height = HEIGHT * count / peak
            parts.append(f"M{_number(i * slot + inset)} {_number(HEIGHT - height)}h{bar_width}v{_number(height)}h-{bar_width}z")
    start, end, peak_label = label_of(0), label_of(len(bars) - 1), label_of(bars.index(peak))  # first of equal peaks
    label = f"Articles per {period}, {start} to {end}: {sum(bars)} in all, most in {peak_label} ({peak})"
    return Timeline(WIDTH, HEIGHT, "".join(parts), label, start, end)
