import random

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgen.model.related import related_articles, update_related


def brute_force(keys, limit):
    """The definition, O(n^2): most shared entities, then nearest in archive order, then newer."""
    out = []
    for i, mine in enumerate(keys):
        scored = [(-len(set(mine) & set(other)), abs(i - j), j) for j, other in enumerate(keys)
                  if j != i and set(mine) & set(other)]
        out.append(tuple(j for _, _, j in sorted(scored)[:limit]))
    return out


def test_most_shared_people_and_places_rank_first():
    keys = [
        ["ann", "oslo"],          # 0
        ["bo"],                   # 1
        ["ann"],                  # 2
        ["ann", "oslo", "bo"],    # 3
        [],                       # 4
    ]
    related = related_articles(keys, limit=5)
    assert related[0] == (3, 2)
    assert related[3] == (0, 2, 1)
    assert related[4] == ()


def test_ties_go_to_the_nearest_then_the_newer_article():
    keys = [["x"], ["x"], ["x"], ["x"], ["x"]]
    assert related_articles(keys, limit=2)[2] == (1, 3)
    assert related_articles(keys, limit=3)[0] == (1, 2, 3)


def test_list_is_capped_and_never_includes_the_article_itself():
    keys = [["x"]] * 12
    for index, related in enumerate(related_articles(keys, limit=5)):
        assert len(related) == 5 and index not in related


def test_matches_the_quadratic_definition_when_the_window_covers_every_mention():
    rng = random.Random(7)
    keys = [rng.sample(["a", "b", "c", "d", "e", "f", "g", "h"], rng.randint(0, 3)) for _ in range(60)]
    assert related_articles(keys, limit=4, window=60) == brute_force(keys, 4)


def test_a_very_common_entity_only_offers_its_nearest_mentions():
    keys = [["common"]] * 20 + [["common", "rare"]] + [["common"]] * 20 + [["rare"]]
    related = related_articles(keys, limit=6, window=2)
    # Every mention of the rare entity counts, however far; of the common one, two on each side.
    assert related[20] == (19, 21, 18, 22, 41)
    assert related[10] == (9, 11, 8, 12)


def test_an_entity_named_twice_in_one_article_counts_once():
    assert related_articles([["a", "a"], ["a", "b"], ["b"]], limit=1)[1] == (0,)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_an_update_after_edits_equals_counting_again(data):
    names = st.lists(st.sampled_from("abcdefg"), max_size=4)
    before = data.draw(st.lists(names, min_size=1, max_size=40))
    after = [data.draw(names) if data.draw(st.booleans()) and data.draw(st.booleans()) else keys for keys in before]
    window, limit = data.draw(st.integers(1, 4)), data.draw(st.integers(1, 4))
    previous = related_articles(before, limit, window)
    assert update_related(before, previous, after, limit, window) == related_articles(after, limit, window)


def test_an_update_counts_again_only_near_the_edit():
    keys = [["ann"] for _ in range(200)]
    previous = related_articles(keys, window=3)
    stale = [("stale",)] * 200  # what the update keeps where it does not count again
    edited = [*keys[:100], ["bo"], *keys[101:]]  # one article no longer names Ann
    updated = update_related(keys, stale, edited, window=3)
    assert [i for i, r in enumerate(updated) if r != ("stale",)] == list(range(97, 104))
    assert updated[97:104] == related_articles(edited, window=3)[97:104] and previous[97:104] != stale[97:104]


def test_articles_kept_apart_are_never_related_and_the_next_best_take_their_place():
    keys = [["ann", "oslo"], ["ann", "oslo"], ["ann"], ["bo"]]
    assert related_articles(keys, limit=2)[0] == (1, 2)
    related = related_articles(keys, limit=2, apart={0: (1,), 1: (0,)})
    assert related[0] == (2,) and related[1] == (2,) and related[2] == (1, 0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcde"), max_size=3), min_size=2, max_size=25), st.data())
def test_an_update_keeps_articles_apart_as_a_count_from_scratch_does(keys, data):
    apart = {i: (j,) for i, j in data.draw(st.dictionaries(st.integers(0, len(keys) - 1),
                                                           st.integers(0, len(keys) - 1), max_size=5)).items()}
    edited = [list(k) for k in keys]
    edited[data.draw(st.integers(0, len(keys) - 1))] = data.draw(st.lists(st.sampled_from("abcde"), max_size=3))
    previous = related_articles(keys, limit=3, window=4, apart=apart)
    assert update_related(keys, previous, edited, limit=3, window=4, apart=apart) == related_articles(
        edited, limit=3, window=4, apart=apart)
