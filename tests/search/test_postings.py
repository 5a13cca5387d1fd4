"""Postings counted in blocks of documents, kept between builds and counted again only where an edit reached."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from newsgen.config import SiteConfig
from newsgen.model.site import build_site_model
from newsgen.records import Article, Entity, Paragraph
from newsgen.search import postings as search_postings
from newsgen.search.postings import CachedPostings, postings_of
from newsgen.search.terms import ENTITY_WEIGHT, text_terms

OSLO = Entity("Oslo", "oslo", "place")


def _views(bodies: list[str]):
    articles = [Article(f"a{n}", f"Report {n}", "", date(2024, 1, 28 - n), False, (Paragraph(body),),
                        f"seeds/a{n}.txt", 3, 1, places=(OSLO,) * (n % 3 == 0)) for n, body in enumerate(bodies)]
    return build_site_model(SiteConfig(root=Path("/x")), articles, []).articles  # newest first: a0 is id 0


BODIES = ["harbour ferry", "ferry ferry strike", "budget", "harbour budget", "strike", "ferry", "harbour"]


@pytest.fixture
def counted(monkeypatch):
    """Blocks of two documents; the list of the blocks counted (by first id), not read back."""
    monkeypatch.setattr(search_postings, "BLOCK_DOCS", 2)
    starts = []
    count = search_postings._count
    monkeypatch.setattr(search_postings, "_count", lambda start, *rest: starts.append(start) or count(start, *rest))
    return starts


def _own(views):
    return {view.article.source_path: text_terms(view.article) for view in views}


def test_blocks_merge_into_the_postings_of_the_whole_archive(counted, monkeypatch):
    views = _views(BODIES)
    found = postings_of(views, _own(views))
    assert counted == [0, 2, 4, 6]
    assert list(found["ferry"][0::2]) == [0, 1, 5] and found["ferry"][3] > found["ferry"][1]  # named twice in a1
    assert list(found["oslo"]) == [0, ENTITY_WEIGHT, 3, ENTITY_WEIGHT, 6, ENTITY_WEIGHT]
    monkeypatch.setattr(search_postings, "BLOCK_DOCS", 1000)
    assert found == postings_of(views, _own(views))


def test_a_build_after_an_edit_counts_only_the_block_it_reached(tmp_path, counted):
    kept = CachedPostings(tmp_path / "postings", "code")
    views = _views(BODIES)
    postings_of(views, _own(views), kept)
    edited = _views(BODIES[:3] + ["harbour budget strike"] + BODIES[4:])
    counted.clear()
    found = postings_of(edited, _own(edited), kept)
    assert counted == [2]
    assert list(found["strike"][0::2]) == [1, 3, 4]
    assert found == postings_of(edited, _own(edited))
    assert len(list((tmp_path / "postings").iterdir())) == 4  # the block before the edit is gone


def test_new_code_or_no_cache_counts_every_block_again(tmp_path, counted):
    views = _views(BODIES)
    postings_of(views, _own(views), CachedPostings(tmp_path, "code"))
    for kept in (CachedPostings(tmp_path, "new code"), CachedPostings(tmp_path, "new code", reuse=False)):
        counted.clear()
        postings_of(views, _own(views), kept)
        assert counted == [0, 2, 4, 6]
    assert len(list(tmp_path.iterdir())) == 4


def test_a_changed_name_counts_its_block_again(tmp_path, counted):
    kept = CachedPostings(tmp_path, "code")
    views = _views(BODIES)
    postings_of(views, _own(views), kept)
    renamed = [replace(v, article=replace(v.article, places=(replace(OSLO, name="Bergen"),))) if n == 3 else v
               for n, v in enumerate(views)]
    counted.clear()
    found = postings_of(renamed, _own(views), kept)
    assert counted == [2] and list(found["bergen"]) == [3, ENTITY_WEIGHT]


def test_a_cache_that_cannot_be_written_costs_only_the_time(tmp_path, counted):
    (tmp_path / "file").write_text("")
    views = _views(BODIES)
    kept = CachedPostings(tmp_path / "file" / "postings", "code")  # beneath a file: no folder can be made
    assert postings_of(views, _own(views), kept) == postings_of(views, _own(views))
