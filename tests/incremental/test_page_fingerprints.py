"""Page fingerprints: reused from the last build only where nothing a page shows can have changed."""

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsgen.incremental.page_fingerprints as fingerprinting
from newsgen.config import SiteConfig
from newsgen.incremental.fingerprint import Fingerprinter
from newsgen.incremental.manifest import Changes, OutputManifest, load_manifest, save_manifest
from newsgen.incremental.page_fingerprints import PageFingerprints, model_digests, page_fingerprints
from newsgen.model.site import build_site_model
from newsgen.output.current import CurrentOutput
from newsgen.output.writer import MARKER
from newsgen.records import Article, ContentPage, Entity, Paragraph

ANN, OSLO = Entity("Ann Lee", "ann-lee", "person", ("Ann Lee",)), Entity("Oslo", "oslo", "place", ("Oslo",))


def _articles() -> list[Article]:
    return [Article(f"a{n}", f"Headline {n}", f"Standfirst {n}", date(2024, 1, 1 + n), False,
                    (Paragraph(f"Body {n}."),), f"seeds/a{n}.txt", 2, 1, people=(ANN,), places=(OSLO,) * (n % 2))
            for n in range(6)]


def _model(articles, pages=()):
    return build_site_model(SiteConfig(root=Path("/x"), page_size=2), articles, list(pages))


def _fingerprinted(monkeypatch, model, previous, shared="shared", digests=None):
    """page_fingerprints(model, shared, previous, digests), and the pages it fingerprinted."""
    looked_at = []
    page = Fingerprinter.page
    monkeypatch.setattr(Fingerprinter, "page", lambda self, p: looked_at.append(p.path) or page(self, p))
    rendered = page_fingerprints(model, shared, previous, digests)
    monkeypatch.undo()
    return rendered, looked_at


def test_an_edit_to_an_articles_own_text_fingerprints_its_page_alone_and_as_afresh(monkeypatch):
    before = page_fingerprints(_model(_articles()), "shared")
    edited = _articles()
    edited[3] = replace(edited[3], body=(Paragraph("Body 3."), Paragraph("A late correction.")), word_count=5,
                        reading_minutes=2, date_inferred=True)
    model = _model(edited)
    rendered, looked_at = _fingerprinted(monkeypatch, model, before)
    assert looked_at == ["articles/a3/index.html"]
    assert rendered == page_fingerprints(model, "shared")
    assert rendered.files["articles/a3/index.html"] != before.files["articles/a3/index.html"]


PEOPLE = [Entity(name, name.lower().replace(" ", "-"), "person", (name,))
          for name in ("Ann Lee", "Bo Park", "Cy Moss", "Di Fox", "Ed Ray", "Flo Kim")]
# Two places whose names slugify alike: which one gets "oslo-2" depends on the rest of the archive.
PLACES = [OSLO, Entity("OSLO", "oslo", "place", ("OSLO",)), Entity("Lima", "lima", "place", ("Lima",))]


def _archive(size: int) -> list[Article]:
    """Articles naming few of many entities, so an edit reaches some pages and not others."""
    return [Article(f"a{n}", f"Headline {n}", f"Standfirst {n}", date(2024, 1 + n // 28, 1 + n % 28), False,
                    (Paragraph(f"Body {n}."),), f"seeds/a{n}.txt", 2, 1, people=(PEOPLE[n % 5],),
                    places=(PLACES[0],) if n % 7 == 0 else ())
            for n in range(size)]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_the_pages_fingerprinted_again_after_any_edit_are_those_that_changed(data):
    """Whatever an edit changes (an article's headline, date, people or places; any
    article), the fingerprints taken again only where it may have affected are those
    taken afresh."""
    articles = _archive(data.draw(st.integers(6, 40)))
    before = page_fingerprints(_model(articles), "shared")
    for _ in range(data.draw(st.integers(1, 3))):
        n = data.draw(st.integers(0, len(articles) - 1))
        edited = data.draw(st.sampled_from([
            lambda a: replace(a, headline=f"{a.headline}, updated"),
            lambda a: replace(a, date=(a.date or date(2024, 1, 1)).replace(day=1 + (a.date or date.min).day % 28)),
            lambda a: replace(a, date=None),
            lambda a: replace(a, people=(data.draw(st.sampled_from(PEOPLE)),)),
            lambda a: replace(a, people=a.people + (PEOPLE[5],)),
            lambda a: replace(a, places=tuple(data.draw(st.lists(st.sampled_from(PLACES), max_size=2, unique=True)))),
            lambda a: replace(a, people=(replace(a.people[0], description="A diplomat"),)),
        ]))
        articles[n] = edited(articles[n])
    model = _model(articles)
    assert page_fingerprints(model, "shared", before) == page_fingerprints(model, "shared")


def test_an_edit_naming_someone_new_fingerprints_only_the_pages_it_reached(monkeypatch):
    articles = _archive(40)
    before = page_fingerprints(_model(articles), "shared")
    articles[11] = replace(articles[11], people=articles[11].people + (PEOPLE[5],))
    model = _model(articles)
    rendered, looked_at = _fingerprinted(monkeypatch, model, before)
    assert rendered == page_fingerprints(model, "shared")
    assert {"articles/a11/index.html", "people/flo-kim/index.html", "people/bo-park/index.html",
            "people/index.html"} <= set(looked_at)
    untouched = {"articles/a2/index.html", "people/ann-lee/index.html", "places/oslo/index.html"}
    assert untouched.isdisjoint(looked_at) and untouched <= set(rendered.files)
    assert len(looked_at) < len(model.pages) / 2


@pytest.mark.parametrize("change", [
    lambda a: replace(a, date=date(2023, 5, 5)),  # the articles' order
    lambda a: replace(a, slug="another-path"),
])
def test_an_edit_that_moves_articles_fingerprints_every_page_again(monkeypatch, change):
    before = page_fingerprints(_model(_articles()), "shared")
    edited = _articles()
    edited[3] = change(edited[3])
    rendered, looked_at = _fingerprinted(monkeypatch, _model(edited), before)
    assert len(looked_at) == len(_model(edited).pages)
    assert rendered.model_digest != before.model_digest


@pytest.mark.parametrize("shared, pages", [("another theme", ()),
                                           ("shared", (ContentPage("about", "About", "<p>Hi</p>", "about.md"),))])
def test_new_settings_or_pages_fingerprint_every_page_again(monkeypatch, shared, pages):
    before = page_fingerprints(_model(_articles()), "shared")
    changed = _model(_articles(), pages)
    rendered, looked_at = _fingerprinted(monkeypatch, changed, before, shared)
    assert len(looked_at) == len(changed.pages)
    assert rendered == page_fingerprints(changed, shared)


def test_the_outline_a_build_takes_on_another_core_decides_what_is_fingerprinted_again(monkeypatch):
    model = _model(_articles())
    before = page_fingerprints(model, "shared")
    digests = model_digests(model.articles, model.content_pages)
    assert _fingerprinted(monkeypatch, model, before, digests=digests)[1] == []
    other = replace(digests, digest="of another archive", order="of another archive")
    rendered, looked_at = _fingerprinted(monkeypatch, model, before, digests=other)
    assert len(looked_at) == len(model.pages) and rendered.files == before.files


def test_with_nothing_drawn_before_every_page_is_to_draw_and_its_fingerprint_comes_from_another_process(monkeypatch):
    model = _model(_articles())
    taken_in = []
    fingerprint = Fingerprinter.page
    monkeypatch.setattr(Fingerprinter, "page", lambda self, p: taken_in.append(os.getpid()) or fingerprint(self, p))
    with PageFingerprints(model, "shared", OutputManifest(), model_digests(model.articles, model.content_pages), 2) as pages:
        assert pages.to_compare.files == dict.fromkeys([page.path for page in model.pages], "")
        assert Changes.between(CurrentOutput(Path("/x/site"), {}), pages.to_compare.files).changed == set(
            pages.to_compare.files)
        rendered = pages.rendered()
    assert taken_in == []  # all in the forked process
    monkeypatch.undo()
    assert rendered == page_fingerprints(model, "shared")
    assert pages.to_compare.model_digest == rendered.model_digest


def test_with_pages_drawn_before_the_fingerprints_are_taken_at_once_to_compare(monkeypatch):
    before = page_fingerprints(_model(_articles()), "shared")
    edited = _articles()
    edited[2] = replace(edited[2], headline="A new headline")
    model = _model(edited)
    with PageFingerprints(model, "shared", before, model_digests(model.articles, model.content_pages), 2) as pages:
        assert pages.to_compare == page_fingerprints(model, "shared") == pages.rendered()


def test_many_pages_to_fingerprint_again_are_split_with_a_second_process_and_come_out_the_same(monkeypatch):
    before = page_fingerprints(_model(_articles()), "shared")
    edited = _articles()
    edited[1] = replace(edited[1], headline="A new headline")
    model = _model(edited)
    alone = page_fingerprints(model, "shared", before, jobs=1)
    monkeypatch.setattr(fingerprinting, "SPLIT_FINGERPRINTS_FROM", 4)
    taken_in = []
    fingerprint = Fingerprinter.page
    monkeypatch.setattr(Fingerprinter, "page", lambda self, p: taken_in.append(p.path) or fingerprint(self, p))
    split = page_fingerprints(model, "shared", before, jobs=2)
    half = len(model.pages) // 2
    assert taken_in == [page.path for page in model.pages[:half]]  # the other half: in the forked process
    assert split == alone and list(split.files) == list(alone.files)


def test_a_manifest_is_trusted_only_for_the_output_it_was_written_for_and_whole(tmp_path):
    output, file = tmp_path / "site", tmp_path / "pages.pickle"
    output.mkdir()
    (output / MARKER).write_text("built")
    rendered = page_fingerprints(_model(_articles()), "shared")
    save_manifest(file, output, rendered)
    assert load_manifest(file, output) == rendered
    older = OutputManifest.__new__(OutputManifest)  # as a version of newsgen that kept fewer fields unpickles
    object.__setattr__(older, "files", rendered.files)
    save_manifest(file, output, older)
    assert load_manifest(file, output) == OutputManifest()
    save_manifest(file, output, rendered)
    (output / MARKER).write_text("built again")
    assert load_manifest(file, output) == OutputManifest()
