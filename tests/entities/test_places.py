from newsgen.entities.gazetteer import load_gazetteer
from newsgen.entities.lexicon import load_ordinary_words
from newsgen.entities.places import named_after_a_place, places_before_based
from newsgen.entities.spans import Mention


def test_the_place_before_based_is_a_place():
    gazetteer = load_gazetteer()
    texts = ["The Paris-based bourse and a San Francisco-based court met a Leeds-based band.", "Not-based here."]
    assert places_before_based(texts, gazetteer) == [
        Mention("Paris", "LOC"), Mention("San Francisco", "LOC"), Mention("Leeds", "LOC"),
    ]
    assert places_before_based(["A Web-based game"], gazetteer) == []  # no place the gazetteer knows


def test_a_place_and_an_ordinary_word_names_something_else():
    gazetteer, ordinary = load_gazetteer(), load_ordinary_words()
    assert named_after_a_place(["London", "Marathon"], gazetteer, ordinary)
    for place in (["Thames", "Valley"], ["West", "Bank"], ["New", "York", "State"], ["Mexico", "City"]):
        assert not named_after_a_place(place, gazetteer, ordinary), place
