from collections import Counter
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgen.model.entity_stats import DEFAULT_CO_MENTIONS, EntityCounts, MonthlyCounts, _most_common


def entity_stats(key, mentions, sort_name, limit=DEFAULT_CO_MENTIONS):
    """An entity's stats counted afresh from its mentions, as a profile's are."""
    return EntityCounts.of(mentions).stats(key, sort_name, limit)


def test_co_mentions_count_articles_most_first_ties_by_name_and_skip_itself():
    stats = entity_stats("ann", [
        (date(2024, 1, 3), ["ann", "oslo", "bo"]),
        (date(2024, 2, 1), ["ann", "oslo"]),
        (None, ["ann", "cy", "bo", "oslo"]),
    ], sort_name=str)
    assert stats.co_mentions == (("oslo", 3), ("bo", 2), ("cy", 1))


def test_co_mentions_are_capped():
    stats = entity_stats("x", [(None, ["x", "d", "c", "b", "a"])], sort_name=str, limit=2)
    assert stats.co_mentions == (("a", 1), ("b", 1))


def test_first_last_and_every_month_between_including_empty_ones():
    stats = entity_stats("x", [
        (date(2024, 1, 9), ["x"]), (date(2023, 11, 30), ["x"]), (date(2024, 1, 2), ["x"]), (None, ["x"]),
    ], sort_name=str)
    assert (stats.first, stats.last) == (date(2023, 11, 30), date(2024, 1, 9))
    assert stats.monthly == MonthlyCounts(2023, 11, (1, 0, 2))
    assert [stats.monthly.month_at(i) for i in range(3)] == [(2023, 11), (2023, 12), (2024, 1)]


def test_undated_mentions_only():
    stats = entity_stats("x", [(None, ["x", "y"])], sort_name=str)
    assert (stats.first, stats.last, stats.monthly) == (None, None, None)
    assert stats.co_mentions == (("y", 1),)


def test_a_tie_at_the_cut_is_broken_by_name():
    stats = entity_stats("x", [(None, ["x", "b", "c"]), (None, ["x", "b", "a"]), (None, ["x", "d"])],
                         sort_name=str, limit=2)
    assert stats.co_mentions == (("b", 2), ("a", 1))


def test_counts_updated_by_an_edit_give_what_counting_afresh_gives():
    before = [(date(2024, 1, 3), ["x", "a", "b"]), (date(2024, 2, 1), ["x", "a"]), (None, ["x", "c"])]
    after = [(date(2024, 1, 3), ["x", "a", "d"]), (date(2024, 2, 1), ["x", "a"]), (date(2024, 5, 2), ["x", "b"])]
    updated = EntityCounts.of(before).updated(removed=[before[0], before[2]], added=[after[0], after[2]])
    assert updated == EntityCounts.of(after)
    assert updated.stats("x", sort_name=str) == entity_stats("x", after, sort_name=str)
    assert "c" not in updated.together  # counted down to nothing: gone, not kept as a zero


def _sorted_first(counts, key, sort_name, limit):
    """What `_most_common` stands for: every co-mention but `key` sorted, stably, by
    (-count, name), cut to `limit`."""
    others = [(k, n) for k, n in counts.items() if k != key]
    return tuple(sorted(others, key=lambda item: (-item[1], sort_name(item[0])))[:limit])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text("abAB", max_size=3), st.integers(1, 4), max_size=40),
       st.sampled_from(["", "a", "b", "A"]), st.integers(0, 12))
def test_most_common_is_the_full_sorts_first_entries_ties_included(entries, key, limit):
    # Few names and counts make many ties; casefold makes distinct names of equal sort name,
    # which keep the counts' own order.
    counts = Counter(entries)
    sort_name = str.casefold
    assert _most_common(counts, key, sort_name, limit) == _sorted_first(counts, key, sort_name, limit)



def test_with_kinds_each_kind_gets_its_own_co_mentions_kinds_in_order():
    mentions = [(None, ["person ann", "place oslo", "place rome", "person bo"]), (None, ["person ann", "place oslo"]),
                (None, ["person ann", "place rome", "place paris"])]
    stats = EntityCounts.of(mentions).stats("person ann", str, limit=1, kind_of=lambda key: key.split()[0])
    assert stats.co_mentions == (("person bo", 1), ("place oslo", 2))  # bo is in the top one of people, not of all
    assert EntityCounts.of(mentions).stats("person ann", str, limit=1).co_mentions == (("place oslo", 2),)
