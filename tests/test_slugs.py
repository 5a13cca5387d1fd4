import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgen.slugs import make_slug, unique_slugs

from . import properties


@pytest.mark.parametrize("text", ["🙂🙂🙂", "!!! ???", "..", "../..", "/", "", "   "])
def test_names_without_letters_fall_back(text):
    assert make_slug(text, fallback="seed-042") == "seed-042"
    assert make_slug(text, fallback="..") == "untitled"


def test_path_characters_never_survive():
    for text in ("../../etc/passwd", "a/b\\c", "x/../y", "C:\\Windows"):
        properties.assert_safe_slug(make_slug(text))


def test_repeats_get_numbered_in_order():
    assert unique_slugs(["a", "a", "a-2", "b"]) == ["a", "a-2", "a-2-2", "b"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(), max_size=8))
def test_any_names_give_distinct_safe_slugs_and_links(names):
    properties.check_slugs(names)
