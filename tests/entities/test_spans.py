from newsgen.entities.spans import Mention, decode, vote
from newsgen.entities.tokenize import tokenize


def cut(text, labels):
    return decode(*tokenize(text), labels)


def test_possessive_and_punctuation_stay_outside_the_surface():
    text = "Netanyahu's office"
    assert cut(text, ["B-PER", "I-PER", "O"]) == [Mention("Netanyahu", "PER")]


def test_forms_of_address_and_stray_brackets_are_not_part_of_the_name():
    assert cut("Mr Blair said", ["B-PER", "I-PER", "O"]) == [Mention("Blair", "PER")]
    assert cut("[Prince Charles]", ["O", "B-PER", "I-PER", "I-PER"]) == [Mention("Prince Charles", "PER")]
    assert cut("Mr.", ["B-PER"]) == []
    assert cut("Mr Howard", ["B-LOC", "I-LOC"]) == [Mention("Howard", "PER")]
    assert cut("Donje Ljupce in", ["B-LOC", "I-LOC", "I-LOC"]) == [Mention("Donje Ljupce", "LOC")]


def test_touching_entities_of_one_type_are_split_by_b_labels():
    text = "Essex Derbyshire"
    assert cut(text, ["B-LOC", "B-LOC"]) == [Mention("Essex", "LOC"), Mention("Derbyshire", "LOC")]


def test_spans_without_letters_or_capitals_are_dropped():
    assert cut("4-38 ( the", ["B-PER", "B-LOC", "B-LOC"]) == []


def test_majority_vote_picks_one_kind_and_drops_organisations():
    hamas = [Mention("Hamas", "ORG"), Mention("Hamas", "LOC"), Mention("Hamas", "ORG"), Mention("Hamas", "ORG")]
    assert vote([*hamas, Mention("Doha", "LOC")]) == {"Doha": "place"}
    table = [Mention("CHICAGO", "ORG"), Mention("CHICAGO", "LOC"), Mention("CHICAGO", "ORG")]
    assert vote(table) == {"CHICAGO": "place"}
    assert vote([Mention("Jordan", "PER"), Mention("Jordan", "LOC")]) == {"Jordan": "person"}


def test_an_inside_label_after_a_gap_does_not_start_a_span_of_the_same_type():
    text = "Anna Smith met Boris of Kent"
    labels = ["B-PER", "I-PER", "O", "I-PER", "O", "I-LOC"]
    assert decode(*tokenize(text), labels) == [Mention("Anna Smith", "PER"), Mention("Kent", "LOC")]
