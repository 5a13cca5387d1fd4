from newsgen.entities.corrections import (
    attach_particle_names,
    drop_common_words,
    drop_leading_titles,
    full_name_surnames,
    join_places_of,
    label_surnames,
    people_inside_offices,
)
from newsgen.entities.spans import Mention


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


def test_hyphenated_particle_names_continue_a_person_or_a_place():
    words = ["Abdel", "Fattah", "al-Burhan", "met", "al-Sisi", "in", "re-Election", "near", "Jebel", "al-Akhdar"]
    labels = ["B-PER", "I-PER", "O", "O", "O", "O", "O", "O", "B-LOC", "O"]
    attach_particle_names(words, labels)
    assert labels == ["B-PER", "I-PER", "I-PER", "O", "O", "O", "O", "O", "B-LOC", "I-LOC"]


def test_a_place_named_by_its_kind_of_another_place_is_one_place():
    words = ["the", "Republic", "of", "Ireland", "and", "Gulf", "of", "Mexico", "but", "Paris", "of", "France"]
    labels = ["O", "B-LOC", "O", "B-LOC", "O", "B-LOC", "O", "B-LOC", "O", "B-LOC", "O", "B-LOC"]
    assert join_places_of(words, labels, [1, 3, 5, 7, 9, 11])
    assert labels == ["O", "B-LOC", "I-LOC", "I-LOC", "O", "B-LOC", "I-LOC", "I-LOC", "O", "B-LOC", "O", "B-LOC"]


def test_offices_come_off_the_front_of_a_name_but_royal_names_stay():
    titles = frozenset({"colonel", "general", "prince"})
    first_names = frozenset({"prince", "max"})
    words = ["Colonel", "Max", "Marriner", "and", "Prince", "Charles", "and", "Major-General", "Utomo"]
    labels = ["B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER"]
    drop_leading_titles(words, labels, titles, first_names)
    assert labels == ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "O", "B-PER"]


def test_a_surname_tagged_as_something_else_or_in_capitals_becomes_the_person():
    surnames = frozenset({"Edwards"})
    words = ["EDWARDS", "TO", "MEET", ";", "winner", "Edwards", "spoke", "at", "Edwards", "Hall"]
    labels = ["O", "O", "O", "O", "O", "B-MISC", "O", "O", "B-LOC", "I-LOC"]
    assert label_surnames(words, labels, surnames, frozenset())
    assert labels == ["B-PER", "O", "O", "O", "O", "B-PER", "O", "O", "B-LOC", "I-LOC"]


def test_lone_ordinary_words_are_not_names_unless_a_surname_in_the_article():
    mentions = [Mention("And", "PER"), Mention("TAKE", "LOC"), Mention("Such", "PER"), Mention("And Co", "ORG")]
    kept = drop_common_words(mentions, frozenset({"and", "take", "such"}), frozenset({"Such"}))
    assert kept == [Mention("Such", "PER"), Mention("And Co", "ORG")]


def test_a_royal_named_by_title_and_place_is_a_person_and_the_place_no_surname():
    from newsgen.entities.corrections import attach_peer_titles

    words = ["the", "Prince", "of", "Wales", "met", "Mr", "Lee", "of", "Leeds", "in", "the", "Lord", "of", "the", "Rings"]
    labels = ["O", "O", "O", "B-LOC", "O", "O", "B-PER", "O", "B-LOC", "O", "O", "O", "O", "O", "B-MISC"]
    assert attach_peer_titles(words, labels, [3, 6, 8, 14])
    assert labels[1:4] == ["B-PER", "I-PER", "I-PER"] and labels[8] == "B-LOC"
    mentions = [Mention("Prince of Wales", "PER"), Mention("Lord Faulkner of Worcester", "PER")]
    assert full_name_surnames(mentions) == frozenset()


def test_a_peers_seat_joins_a_name_the_model_ran_into_a_party_label():
    from newsgen.entities.corrections import attach_peer_titles

    words = ["including", "Tory", "Lord", "Campbell", "of", "Alloway", ","]
    labels = ["O", "B-PER", "I-PER", "I-PER", "O", "B-LOC", "O"]
    assert attach_peer_titles(words, labels, [1, 2, 3, 5])
    assert labels == ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O"]


def test_a_town_taken_for_a_club_beside_a_place_is_a_place():
    from newsgen.entities.corrections import label_places_beside_places

    places = {("leeds",), ("hertfordshire",), ("newcastle",), ("chelsea",)}
    words = ["in", "Hatfield", ",", "Hertfordshire", "and", "Leeds", "Chelsea", "beat", "Newcastle"]
    labels = ["O", "B-LOC", "O", "B-ORG", "O", "B-ORG", "B-ORG", "O", "B-ORG"]
    assert label_places_beside_places(words, labels, places)
    # Hertfordshire stands beside Hatfield, and Leeds beside Hertfordshire; the clubs stand beside no place
    assert labels == ["O", "B-LOC", "O", "B-LOC", "O", "B-LOC", "B-ORG", "O", "B-ORG"]


def test_a_name_cut_in_two_at_its_particles_is_one_name():
    from newsgen.entities.corrections import join_particle_names
    from newsgen.entities.gazetteer import load_gazetteer

    particles = load_gazetteer().particles
    words = ["Mohammed", "bin", "Salman", "met", "Ursula", "von", "der", "Leyen", ";", "Lehmann", "st", "Healy"]
    labels = ["B-PER", "O", "B-PER", "O", "B-PER", "O", "O", "B-PER", "O", "B-PER", "O", "B-PER"]
    assert join_particle_names(words, labels, [0, 2, 4, 7, 9, 11], particles)
    assert labels == ["B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "B-PER", "O", "B-PER"]
