import re

from newsgen.model.entity_stats import MonthlyCounts
from newsgen.model.timeline import HEIGHT, MAX_BAR_WIDTH, MAX_BARS, WIDTH, draw_timeline


def bars(path):
    """(x, y, width, height) of every rectangle in the path data."""
    return [tuple(float(v) for v in m) for m in re.findall(r"M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z", path)]


def test_nothing_to_draw_without_dated_mentions():
    assert draw_timeline(None) is None


def test_one_bar_per_non_empty_month_scaled_to_the_peak():
    timeline = draw_timeline(MonthlyCounts(2024, 1, (2, 0, 4, 1) + (0,) * 20 + (1,)))
    rendered = bars(timeline.bars_path)
    slot = WIDTH / 25
    assert [x for x, *_ in rendered] == [0, slot * 2, slot * 3, slot * 24]
    assert [h for *_, h in rendered] == [HEIGHT / 2, HEIGHT, HEIGHT / 4, HEIGHT / 4]
    assert all(y + h == HEIGHT for _, y, _, h in rendered)  # bars stand on the baseline
    assert all(w < slot for _, _, w, _ in rendered)  # with a gap between slots
    assert (timeline.start_label, timeline.end_label) == ("Jan 2024", "Jan 2026")
    assert timeline.label == "Articles per month, Jan 2024 to Jan 2026: 8 in all, most in Mar 2024 (4)"


def test_a_short_span_draws_narrow_bars_centred_in_their_slots():
    (bar,) = bars(draw_timeline(MonthlyCounts(2024, 8, (3,))).bars_path)
    assert bar == (WIDTH / 2 - MAX_BAR_WIDTH / 2, 0, MAX_BAR_WIDTH, HEIGHT)
    first, second = bars(draw_timeline(MonthlyCounts(2024, 8, (1, 2))).bars_path)
    assert second[0] - first[0] == WIDTH / 2 and first[2] == MAX_BAR_WIDTH


def test_long_spans_are_drawn_by_year():
    # July 2000 to January 2011: two mentions each January up to 2010, one in January 2011.
    counts = tuple(2 if (6 + i) % 12 == 0 else 0 for i in range(MAX_BARS + 6)) + (1,)
    timeline = draw_timeline(MonthlyCounts(2000, 7, counts))
    rendered = bars(timeline.bars_path)
    assert len(rendered) == 11  # 2000 had no January in range; 2001..2011 each have one
    assert (timeline.start_label, timeline.end_label) == ("2000", "2011")
    assert timeline.label.startswith("Articles per year, 2000 to 2011: 21 in all, most in 2001 (2)")
    assert rendered[-1][3] == HEIGHT / 2  # 2011: one mention against a peak of two

