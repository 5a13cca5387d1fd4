"""Page fingerprints: reused from the last build only where nothing a page shows can have changed."""

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from newsgen.config import SiteConfig
from newsgen.data_files import CurrentOutput
from newsgen.fingerprint import Fingerprinter
from newsgen import page_output
from newsgen.page_output import Changes, Drawn, PageFingerprints, page_fingerprints, site_outline
from newsgen.records import Article, ContentPage, Entity, Paragraph
from newsgen.site_model import build_site_model

ANN, OSLO = Entity("Ann Lee", "ann-lee", "person", ("Ann Lee",)), Entity("Oslo", "oslo", "place", ("Oslo",))


def _articles() -> list[Article]:
    return [Article(f"a{n}", f"Headline {n}", f"Standfirst {n}", date(2024, 1, 1 + n), False,
                    (Paragraph(f"Body {n}."),), f"seeds/a{n}.txt", 2, 1, people=(ANN,), places=(OSLO,) * (n % 2))
            for n in range(6)]


def _model(articles, pages=()):
    return build_site_model(SiteConfig(root=Path("/x"), page_size=2), articles, list(pages))


def _fingerprinted(monkeypatch, model, previous, shared="shared", outline=None):
    """page_fingerprints(model, shared, previous, outline), and the pages it fingerprinted."""
    looked_at = []
    page = Fingerprinter.page
    monkeypatch.setattr(Fingerprinter, "page", lambda self, p: looked_at.append(p.path) or page(self, p))
    drawn = page_fingerprints(model, shared, previous, outline)
    monkeypatch.undo()
    return drawn, looked_at


def test_an_edit_to_an_articles_own_text_fingerprints_its_page_alone_and_as_afresh(monkeypatch):
    before = page_fingerprints(_model(_articles()), "shared")
    edited = _articles()
    edited[3] = replace(edited[3], body=(Paragraph("Body 3."), Paragraph("A late correction.")), word_count=5,
                        reading_minutes=2, date_inferred=True)
    model = _model(edited)
    drawn, looked_at = _fingerprinted(monkeypatch, model, before)
    assert looked_at == ["articles/a3/index.html"]
    assert drawn == page_fingerprints(model, "shared")
    assert drawn.files["articles/a3/index.html"] != before.files["articles/a3/index.html"]


@pytest.mark.parametrize("change", [
    lambda a: replace(a, headline="A new headline"),
    lambda a: replace(a, date=date(2023, 5, 5)),
    lambda a: replace(a, places=()),
    lambda a: replace(a, people=(replace(ANN, description="A diplomat"),)),
])
def test_an_edit_other_pages_show_fingerprints_every_page_again(monkeypatch, change):
    before = page_fingerprints(_model(_articles()), "shared")
    edited = _articles()
    edited[3] = change(edited[3])
    drawn, looked_at = _fingerprinted(monkeypatch, _model(edited), before)
    assert len(looked_at) == len(_model(edited).pages)
    assert drawn.outline != before.outline


@pytest.mark.parametrize("shared, pages", [("another theme", ()),
                                           ("shared", (ContentPage("about", "About", "<p>Hi</p>", "about.md"),))])
def test_new_settings_or_pages_fingerprint_every_page_again(monkeypatch, shared, pages):
    before = page_fingerprints(_model(_articles()), "shared")
    changed = _model(_articles(), pages)
    drawn, looked_at = _fingerprinted(monkeypatch, changed, before, shared)
    assert len(looked_at) == len(changed.pages)
    assert drawn == page_fingerprints(changed, shared)


def test_the_outline_a_build_takes_on_another_core_decides_what_is_fingerprinted_again(monkeypatch):
    model = _model(_articles())
    before = page_fingerprints(model, "shared")
    outline = site_outline(model.articles, model.content_pages)
    assert _fingerprinted(monkeypatch, model, before, outline=outline)[1] == []
    drawn, looked_at = _fingerprinted(monkeypatch, model, before, outline="of another archive")
    assert len(looked_at) == len(model.pages) and drawn.files == before.files


def test_with_nothing_drawn_before_every_page_is_to_draw_and_its_fingerprint_comes_from_another_process(monkeypatch):
    model = _model(_articles())
    taken_in = []
    fingerprint = Fingerprinter.page
    monkeypatch.setattr(Fingerprinter, "page", lambda self, p: taken_in.append(os.getpid()) or fingerprint(self, p))
    with PageFingerprints(model, "shared", Drawn(), site_outline(model.articles, model.content_pages), 2) as pages:
        assert pages.to_compare.files == dict.fromkeys([page.path for page in model.pages], "")
        assert Changes.between(CurrentOutput(Path("/x/site"), {}), pages.to_compare.files).changed == set(
            pages.to_compare.files)
        drawn = pages.drawn()
    assert taken_in == []  # all in the forked process
    monkeypatch.undo()
    assert drawn == page_fingerprints(model, "shared")
    assert pages.to_compare.outline == drawn.outline


def test_with_pages_drawn_before_the_fingerprints_are_taken_at_once_to_compare(monkeypatch):
    before = page_fingerprints(_model(_articles()), "shared")
    edited = _articles()
    edited[2] = replace(edited[2], headline="A new headline")
    model = _model(edited)
    with PageFingerprints(model, "shared", before, site_outline(model.articles, model.content_pages), 2) as pages:
        assert pages.to_compare == page_fingerprints(model, "shared") == pages.drawn()


def test_many_pages_to_fingerprint_again_are_split_with_a_second_process_and_come_out_the_same(monkeypatch):
    before = page_fingerprints(_model(_articles()), "shared")
    edited = _articles()
    edited[1] = replace(edited[1], headline="A new headline")
    model = _model(edited)
    alone = page_fingerprints(model, "shared", before, jobs=1)
    monkeypatch.setattr(page_output, "SPLIT_FINGERPRINTS_FROM", 4)
    taken_in = []
    fingerprint = Fingerprinter.page
    monkeypatch.setattr(Fingerprinter, "page", lambda self, p: taken_in.append(p.path) or fingerprint(self, p))
    split = page_fingerprints(model, "shared", before, jobs=2)
    half = len(model.pages) // 2
    assert taken_in == [page.path for page in model.pages[:half]]  # the other half: in the forked process
    assert split == alone and list(split.files) == list(alone.files)
