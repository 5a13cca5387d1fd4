"""The normalised-text rule that tells a file repeating another (docs/input.md, "Duplicates")."""

from newsgen.model.sameness import EDGE_WORDS, text_print
from newsgen.records import Article, Paragraph


def article(headline, *paragraphs, standfirst=""):
    return Article(slug="x", headline=headline, standfirst=standfirst, date=None, date_inferred=False,
                   body=tuple(Paragraph(p) for p in paragraphs), source_path="seeds/x.txt", word_count=0,
                   reading_minutes=1)


def test_case_quote_styles_and_whitespace_aside_texts_are_the_same():
    one = article("Minister 'quits' over row", "He said: \"I am done.\"", "It's over.")
    other = article("MINISTER ‘QUITS’  over row", "He said:   “I am done.”\n\nIt’s over.")
    assert text_print(one) == text_print(other)


def test_a_changed_word_or_stop_is_another_text():
    one = article("Minister quits", "He said he was done.")
    assert text_print(article("Minister quits", "He said he was gone.")).whole != text_print(one).whole
    assert text_print(article("Minister quits", "He said he was done")).whole != text_print(one).whole


def test_the_body_is_told_apart_from_the_headline_and_the_standfirst_is_part_of_it():
    one, other = article("Minister quits", "He said.", standfirst="A row."), article("Minister goes", "A row. He said.")
    assert text_print(one).body == text_print(other).body
    assert text_print(one).whole != text_print(other).whole
    # a headline word moved into the body is another text, not the same words
    assert text_print(article("A b", "c")).whole != text_print(article("A", "b c")).whole


def test_opening_and_ending_are_the_first_and_last_words_of_the_body():
    words = [f"w{i}" for i in range(EDGE_WORDS + 5)]
    longer = text_print(article("H", " ".join(words + ["more"])))
    plain = text_print(article("H", " ".join(words)))
    assert longer.opening == plain.opening and longer.ending != plain.ending
    assert (plain.words, longer.words) == (EDGE_WORDS + 5, EDGE_WORDS + 6)
