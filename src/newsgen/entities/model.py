"""The trained CRF tagger, opened lazily once per process.

The weights in ``data/ner.crfsuite`` were learned by ``tools/train_entities.py`` from
the CoNLL-2003 English training split (Reuters newswire, 1996); see data/README.md.
An extractor object holds no tagger, only this module does, so extractors pickle
cheaply into build workers and each worker opens the model on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

DEFAULT_MODEL = Path(__file__).with_name("data") / "ner.crfsuite"


@lru_cache(maxsize=4)
def _tagger(path: str):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def tag(features: Sequence[Sequence[str]], model: Path = DEFAULT_MODEL) -> list[str]:
    """BIO labels ("B-PER", "I-LOC", "O", ...) for one sequence of feature lists."""
    if not features:
        return []
    return _tagger(str(model)).tag(features)


def attributes(model: Path = DEFAULT_MODEL) -> frozenset[str]:
    """The feature strings the model has weights for; the tagger ignores any other."""
    return frozenset(_tagger(str(model)).info().attributes)
