from dataclasses import dataclass
from datetime import date

from newsgen.incremental.fingerprint import Fingerprinter
from newsgen.incremental.record_store import StoredBody


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


def _site(body: tuple, headline: str = "Talks resume"):
    from dataclasses import replace
    from pathlib import Path

    from newsgen.config import SiteConfig
    from newsgen.model.site import build_site_model
    from newsgen.records import Article, Paragraph

    edited = Article("talks", headline, "", date(2024, 3, 1), False, tuple(Paragraph(t) for t in body),
                     "seeds/talks.txt", len(body), 1)
    other = replace(edited, slug="other", headline="Other", body=(), source_path="seeds/other.txt", word_count=0,
                    date=date(2024, 2, 1))
    model = build_site_model(SiteConfig(root=Path("/x")), [edited, other], [])
    folder = Fingerprinter("shared")
    return {p.path: folder.page(p) for p in model.pages}


def test_an_edited_body_changes_its_own_page_only():
    before, after = _site(("Talks resumed.",)), _site(("Talks resumed.", "Officials declined to comment."))
    assert {p for p in before if before[p] != after[p]} == {"articles/talks/index.html"}


def test_an_edited_headline_changes_the_pages_that_list_it():
    before, after = _site(("Talks resumed.",)), _site(("Talks resumed.",), headline="Talks stall")
    changed = {p for p in before if before[p] != after[p]}
    assert {"articles/talks/index.html", "articles/other/index.html", "index.html",
            "archive/2024/03/index.html"} <= changed
