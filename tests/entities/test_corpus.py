"""Quality floor on the CoNLL-2003 dev articles in ../shared, when they are there."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "corpus" / "conll2003" / "dev_articles"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("entities_benchmark", ROOT / "benchmarks" / "entities.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not GOLD.is_dir(), reason=f"gold corpus {GOLD} is absent (it lives in ../shared)")
def test_people_and_places_f1_on_conll_dev_articles_stay_above_the_target():
    scores = load_benchmark().scores(GOLD)
    assert scores["person"].f1 >= 0.88
    assert scores["place"].f1 >= 0.88
