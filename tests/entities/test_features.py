from newsgen.entities.features import DocumentVocabulary, Featurizer, is_caps_line, word_shape
from newsgen.entities.gazetteer import load_gazetteer
from newsgen.entities.lexicon import count_common_words


def test_word_shapes():
    assert word_shape("Blinken") == "Xx"
    assert word_shape("U.S.") == "X.X."
    assert word_shape("1996-08-30") == "d-d-d"


def test_caps_lines():
    assert is_caps_line(["CRICKET", "-", "LEICESTERSHIRE", "TAKE", "OVER", "AT", "TOP"])
    assert not is_caps_line(["US", "officials", "met", "in", "Cairo"])


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


def test_features_for_the_tagger_are_those_the_model_knows_in_the_same_order():
    from newsgen.entities.lexicon import load_common_words
    from newsgen.entities.model import attributes

    words = ["While", "Antony", "Blinken", "flew", "to", "Tel", "Aviv", "with", "Xqzvwy", "Brrkt", "."]
    vocab = DocumentVocabulary.of([words])
    known = attributes()
    every = Featurizer(load_gazetteer(), load_common_words()).sequence(words, vocab)
    kept = Featurizer(load_gazetteer(), load_common_words(), known).sequence(words, vocab)
    assert kept == [[f.encode() for f in feats if f in known] for feats in every]
    assert any(f not in known for feats in every for f in feats)  # made-up words are unknown
    # The per-word cache gives the same features the second time, and for other neighbours.
    featurizer = Featurizer(load_gazetteer(), load_common_words(), known)
    assert featurizer.sequence(words, vocab) == kept == featurizer.sequence(words, vocab)
    assert featurizer.sequence(words, vocab, [1, 2, 8]) == [kept[1], kept[2], kept[8]]


def _windows(words):
    """candidate_positions as its docstring states it, one capitalised word at a time."""
    chosen = set()
    for i, word in enumerate(words):
        if word.lower() != word:
            chosen.add(i)
            for step in (-1, 1):
                for j in range(i + step, i + 4 * step, step):
                    if not 0 <= j < len(words):
                        break
                    chosen.add(j)
                    if words[j][:1].islower():
                        break
    return sorted(chosen)


def test_candidates_are_the_windows_around_every_capitalised_word():
    from newsgen.entities.features import candidate_positions

    texts = [
        "the talks , said Anna Smith , 3 - 2 , of the al-Assad family in New York 's centre and",
        "a b c d e f G h i j k , , , L M N , , , , o p q R",
        "UN US EU and 1 2 3 4 5 x Y",
        "nothing here at all",
    ]
    for text in texts:
        words = text.split()
        assert candidate_positions(words) == _windows(words), text
