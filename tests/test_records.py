from dataclasses import replace
from datetime import date

import pytest

from newsgen.records import Article, Entity, replaced


def test_replaced_copies_a_record_as_dataclasses_replace_does_and_leaves_the_original():
    original = Article(slug="a", headline="A", standfirst="", date=date(2024, 1, 1), date_inferred=False, body=(),
                       source_path="seeds/a.txt", word_count=3, reading_minutes=1)
    people = (Entity("Ann Lee", "ann-lee", "person"),)
    copy = replaced(original, slug="b", people=people)
    assert copy == replace(original, slug="b", people=people)
    assert (original.slug, original.people) == ("a", ())
    with pytest.raises(TypeError, match="no field"):
        replaced(original, colour="red")
