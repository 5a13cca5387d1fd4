from newsgen.entities.features import DocumentVocabulary, Featurizer, is_caps_line, word_shape
from newsgen.entities.gazetteer import load_gazetteer
from newsgen.entities.lexicon import count_common_words


def test_word_shapes():
    assert word_shape("Blinken") == "Xx"
    assert word_shape("U.S.") == "X.X."
    assert word_shape("1996-08-30") == "d-d-d"


def test_caps_lines():
    assert is_caps_line("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP".split())
    assert not is_caps_line("US officials met in Cairo".split())


def test_document_vocabulary_reads_case_from_the_body():
    vocab = DocumentVocabulary.of(
        [["LEICESTERSHIRE", "TAKE", "OVER"], ["Then", "Leicestershire", "will", "take", "over", "."]]
    )
    assert "take" in vocab.lower and "leicestershire" in vocab.titled
    assert "then" not in vocab.titled  # capitalised only because it starts the sentence


def test_features_mark_gazetteer_places_names_and_sentence_starts():
    featurizer = Featurizer(load_gazetteer(), frozenset({"while"}))
    words = ["While", "Antony", "Blinken", "flew", "to", "Tel", "Aviv"]
    feats = featurizer.sequence(words, DocumentVocabulary.of([words]))
    assert "BOS" in feats[0] and "cw" in feats[0]
    assert "fn" in feats[1]
    assert "GB-city" in feats[5] and "GI-city" in feats[6]
    assert "+1GB-city" in feats[4]
    assert featurizer.sequence(words, DocumentVocabulary.of([words])) == feats


def test_common_words_come_from_lower_case_use_outside_names():
    words = ["the", "Such", "said", "such", "Bosnia", "and", "Herzegovina"]
    labels = ["O", "B-PER", "O", "O", "B-LOC", "I-LOC", "I-LOC"]
    sentences = [(words, labels)] * 3
    assert count_common_words(sentences) == ["and", "said", "the"]
