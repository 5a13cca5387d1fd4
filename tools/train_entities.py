"""Train the entity tagger shipped in ``src/newsgen/entities/data/ner.crfsuite``.

Usage: python tools/train_entities.py PATH/TO/conll2003/train.txt [--out MODEL] [--iterations N]

Input is the CoNLL-2003 English training split (eng.train, IOB1 tags). The model learns
all four CoNLL types (PER, LOC, ORG, MISC) so that it can tell a place from an
organisation or a nationality; newsgen keeps only PER and LOC. Only learned weights
and the word lists (see newsgen.entities.lexicon) leave this script: no text of
the corpus is written anywhere.

Training is deterministic (about a minute on one core): the same corpus, code and
package data give a byte-identical model. Retrain whenever features.py, tokenize.py
or the gazetteer change, since the shipped weights are tied to those features.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsgen.entities.features import DocumentVocabulary, Featurizer
from newsgen.entities.gazetteer import load_gazetteer
from newsgen.entities.lexicon import (
    COMMON_WORDS,
    GIVEN_NAMES,
    NOT_NAMES,
    ORDINARY_WORDS,
    count_common_words,
    count_given_names,
    count_not_name_words,
    count_ordinary_words,
    write_common_words,
)
from newsgen.entities.model import DEFAULT_MODEL


def read_conll(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Documents, each a list of sentences (words, BIO labels)."""
    docs: list[list[tuple[list[str], list[str]]]] = []
    words: list[str] = []
    tags: list[str] = []

    def end_sentence() -> None:
        if words:
            docs[-1].append((list(words), iob1_to_bio(tags)))
            words.clear()
            tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            end_sentence()
            docs.append([])
        elif not line.strip():
            end_sentence()
        else:
            cols = line.split()
            words.append(cols[0])
            tags.append(cols[-1])
    end_sentence()
    return [d for d in docs if d]


def iob1_to_bio(tags: list[str]) -> list[str]:
    """CoNLL's IOB1 marks B- only between touching entities; BIO marks every start."""
    out = []
    prev = "O"
    for tag in tags:
        if tag != "O" and (tag.startswith("B-") or prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path, help="CoNLL-2003 eng.train file")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--words-out", type=Path, default=COMMON_WORDS, help="common lower-case words list")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=0.1, help="L1 penalty (prunes the model)")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    args = parser.parse_args(argv)

    docs = read_conll(args.train)
    common_words = count_common_words(sentence for doc in docs for sentence in doc)
    args.words_out.parent.mkdir(parents=True, exist_ok=True)
    write_common_words(common_words, args.words_out)
    write_common_words(count_not_name_words(sentence for doc in docs for sentence in doc), NOT_NAMES)
    write_common_words(count_given_names(sentence for doc in docs for sentence in doc), GIVEN_NAMES)
    write_common_words(count_ordinary_words(sentence for doc in docs for sentence in doc), ORDINARY_WORDS)
    featurizer = Featurizer(load_gazetteer(), frozenset(common_words))
    trainer = pycrfsuite.Trainer(verbose=False)
    sentences = 0
    for doc in docs:
        vocab = DocumentVocabulary.of([words for words, _ in doc])
        for words, labels in doc:
            trainer.append(featurizer.sequence(words, vocab), labels)
            sentences += 1
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    started = time.time()
    trainer.train(str(args.out))
    print(
        f"trained on {sentences} sentences in {time.time() - started:.0f}s; "
        f"{args.out} is {args.out.stat().st_size / 1e6:.2f} MB; "
        f"{len(common_words)} common words in {args.words_out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
