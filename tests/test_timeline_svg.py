import re

from newsgen.entity_stats import MonthCount
from newsgen.timeline_svg import HEIGHT, MAX_BARS, WIDTH, draw_timeline


def bars(path):
    """(x, y, width, height) of every rectangle in the path data."""
    return [tuple(float(v) for v in m) for m in re.findall(r"M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z", path)]


def test_nothing_to_draw_without_dated_mentions():
    assert draw_timeline(()) is None


def test_one_bar_per_non_empty_month_scaled_to_the_peak():
    timeline = draw_timeline([MonthCount(2024, 1, 2), MonthCount(2024, 2, 0), MonthCount(2024, 3, 4),
                              MonthCount(2024, 4, 1)])
    drawn = bars(timeline.bars_path)
    assert [x for x, *_ in drawn] == [0, WIDTH / 4 * 2, WIDTH / 4 * 3]
    assert [h for *_, h in drawn] == [HEIGHT / 2, HEIGHT, HEIGHT / 4]
    assert all(y + h == HEIGHT for _, y, _, h in drawn)  # bars stand on the baseline
    assert all(w < WIDTH / 4 for _, _, w, _ in drawn)  # with a gap between slots
    assert (timeline.start_label, timeline.end_label) == ("Jan 2024", "Apr 2024")
    assert timeline.label == "Articles per month, Jan 2024 to Apr 2024: 7 in all, most in Mar 2024 (4)"


def test_a_single_month_fills_the_chart():
    (bar,) = bars(draw_timeline([MonthCount(2024, 8, 3)]).bars_path)
    assert bar == (0, 0, WIDTH, HEIGHT)


def test_long_spans_are_drawn_by_year():
    months = [MonthCount(2000 + i // 12, i % 12 + 1, 1 if i % 12 == 0 else 0) for i in range(MAX_BARS + 12)]
    timeline = draw_timeline(months)
    assert len(bars(timeline.bars_path)) == len(months) // 12
    assert (timeline.start_label, timeline.end_label) == ("2000", str(2000 + len(months) // 12 - 1))
    assert "per year" in timeline.label

