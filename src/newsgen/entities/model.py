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

from .. import PACKAGE_DIR
from ..util.files import load_or_make

DEFAULT_MODEL = PACKAGE_DIR / "entities" / "data" / "ner.crfsuite"


@lru_cache(maxsize=4)
def _tagger(path: str):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def tag(features: Sequence[Sequence[str | bytes]], model: Path = DEFAULT_MODEL) -> list[str]:
    """BIO labels ("B-PER", "I-LOC", "O", ...) for one sequence of feature lists (text or UTF-8)."""
    if not features:
        return []
    return _tagger(str(model)).tag(features)


_listed: dict[str, frozenset[str]] = {}


def attributes(model: Path = DEFAULT_MODEL, saved: Path | None = None, key: str = "") -> frozenset[str]:
    """The feature strings the model has weights for; the tagger ignores any other.

    Listing them reads the model's whole dump (a fifth of a second, which an edit's
    rebuild would pay each time), so they are kept per process and, with `saved`, in
    that file under `key`, which must change with the model (newsgen's code does)."""
    path = str(model)
    if path not in _listed:
        def listed() -> frozenset[str]:
            return frozenset(_tagger(path).info().attributes)

        _listed[path] = listed() if saved is None else load_or_make(saved, key, listed, frozenset)
    return _listed[path]
