from newsgen.entities.spans import Mention, decode, full_name_surnames, label_surnames, people_inside_offices, vote
from newsgen.entities.tokenize import tokenize


def cut(text, labels):
    words, starts = tokenize(text)
    return decode(text, words, starts, labels)


def test_possessive_and_punctuation_stay_outside_the_surface():
    text = "Netanyahu's office"
    assert cut(text, ["B-PER", "I-PER", "O"]) == [Mention("Netanyahu", "PER")]


def test_forms_of_address_and_stray_brackets_are_not_part_of_the_name():
    assert cut("Mr Blair said", ["B-PER", "I-PER", "O"]) == [Mention("Blair", "PER")]
    assert cut("[Prince Charles]", ["O", "B-PER", "I-PER", "I-PER"]) == [Mention("Prince Charles", "PER")]
    assert cut("Mr.", ["B-PER"]) == []


def test_touching_entities_of_one_type_are_split_by_b_labels():
    text = "Essex Derbyshire"
    assert cut(text, ["B-LOC", "B-LOC"]) == [Mention("Essex", "LOC"), Mention("Derbyshire", "LOC")]


def test_spans_without_letters_or_capitals_are_dropped():
    assert cut("4-38 ( the", ["B-PER", "B-LOC", "B-LOC"]) == []


def test_majority_vote_picks_one_kind_and_drops_organisations():
    mentions = [Mention("Hamas", "ORG"), Mention("Hamas", "LOC"), Mention("Doha", "LOC")] + [Mention("Hamas", "ORG")] * 2
    assert vote(mentions) == {"Doha": "place"}
    assert vote([Mention("CHICAGO", "ORG"), Mention("CHICAGO", "LOC"), Mention("CHICAGO", "ORG")]) == {"CHICAGO": "place"}
    assert vote([Mention("Jordan", "PER"), Mention("Jordan", "LOC")]) == {"Jordan": "person"}


def test_person_is_recovered_from_an_office_tagged_as_organisation():
    mentions = [Mention("State Antony Blinken", "ORG"), Mention("Blinken", "PER")]
    first_names = frozenset({"antony", "york"})
    assert people_inside_offices(mentions, first_names, frozenset()) == [Mention("Antony Blinken", "PER")]
    # Without the surname used for a person elsewhere, or with ordinary words, nothing.
    assert people_inside_offices(mentions[:1], first_names, frozenset()) == []
    exchange = [Mention("New York Stock Exchange", "ORG"), Mention("Exchange", "PER")]
    assert people_inside_offices(exchange, first_names, frozenset({"stock", "exchange"})) == []


def test_surnames_of_full_names_are_labelled_where_the_model_missed_them():
    surnames = full_name_surnames([Mention("Antony Blinken", "PER"), Mention("Gaza", "LOC"), Mention("Such", "PER")])
    assert surnames == frozenset({"Blinken"})
    words = ["Blinken", "met", "Such", "in", "Gaza"]
    labels = ["O", "O", "O", "O", "B-LOC"]
    assert label_surnames(words, labels, surnames | {"Such"}, frozenset({"such"}))
    assert labels == ["B-PER", "O", "B-PER", "O", "B-LOC"]
    sentence_start = ["Such", "talks"]
    labels = ["O", "O"]
    assert not label_surnames(sentence_start, labels, frozenset({"Such"}), frozenset({"such"}))
    assert labels == ["O", "O"]
