from newsgen.entities.lexicon import (
    count_given_names,
    count_not_name_words,
    count_ordinary_words,
    load_not_names,
    load_ordinary_words,
)


def test_words_tagged_alone_as_miscellaneous_are_not_names():
    sentences = [
        (["The", "Elbonian", "team", "won"], ["O", "B-MISC", "O", "O"]),
        (["Elbonian", "troops", "left"], ["B-MISC", "O", "O"]),
        (["Elbonian", "Cup", "final"], ["B-MISC", "I-MISC", "O"]),  # part of a longer name: not counted
        (["Mr", "Jordan", "said"], ["O", "B-PER", "O"]),
        (["Jordan", "fans"], ["B-MISC", "O"]),
        (["in", "Jordan"], ["O", "B-LOC"]),
    ]
    assert count_not_name_words(sentences) == ["elbonian"]
    assert {"british", "moslem"} <= load_not_names()


def test_given_names_are_words_that_start_names_and_seldom_are_one():
    sentences = [
        (["Tony", "Blair", "and", "Tony", "Adams"], ["B-PER", "I-PER", "O", "B-PER", "I-PER"]),
        (["Tony", "Kennedy"], ["B-PER", "I-PER"]),
        (["Kennedy", "Smith", "met", "Ted", "Kennedy"], ["B-PER", "I-PER", "O", "B-PER", "I-PER"]),
        (["Kennedy", "Jones"], ["B-PER", "I-PER"]),
    ]
    # "Kennedy" starts two names but ends as many; "Ted" starts only one.
    assert count_given_names(sentences) == ["tony"]


def test_ordinary_words_are_every_word_written_in_lower_case():
    sentences = [(["Girls", "Aloud", "sang", "to", "girls", "aged", "12"], ["B-ORG", "I-ORG", "O", "O", "O", "O", "O"])]
    assert count_ordinary_words(sentences) == ["aged", "girls", "sang", "to"]
    assert {"girls", "screen"} <= load_ordinary_words()
