from dataclasses import dataclass
from datetime import date

from newsgen.cache import StoredBody
from newsgen.fingerprint import Fingerprinter


@dataclass(frozen=True)
class Item:
    name: str
    when: date | None
    tags: tuple[str, ...] = ()


def test_equal_content_folds_alike_and_any_change_shows():
    fold = Fingerprinter("shared").fold
    base = {"items": (Item("a", date(2024, 1, 2), ("x",)),), "n": 1}
    assert fold(base) == fold({"n": 1, "items": (Item("a", date(2024, 1, 2), ("x",)),)})
    for changed in ({"items": (Item("b", date(2024, 1, 2), ("x",)),), "n": 1},
                    {"items": (Item("a", None, ("x",)),), "n": 1},
                    {"items": (Item("a", date(2024, 1, 2), ("y",)),), "n": 1},
                    {"items": (Item("a", date(2024, 1, 2), ("x",)),), "n": 2}):
        assert fold(changed) != fold(base)


def test_a_stored_body_folds_by_its_content_key():
    fold = Fingerprinter("").fold
    assert fold(StoredBody("/a/db", "k1")) == fold(StoredBody("/a/db", "k1")) != fold(StoredBody("/a/db", "k2"))


def test_sets_fold_in_a_stable_order():
    fold = Fingerprinter("").fold
    assert fold(frozenset({"Lisbon", "Oslo", "Accra"})) == fold(frozenset({"Accra", "Oslo", "Lisbon"}))
