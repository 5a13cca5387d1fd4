"""The A–Z of people and places: a front page of the most mentioned, a page per initial."""

from datetime import date
from pathlib import Path

from nameparser import HumanName

from newsgen.config import SiteConfig
from newsgen.model.site import build_site_model
from newsgen.model.tag_index import LETTER_PAGE_SIZE, TOP_COUNT, name_parts, tag_index_pages
from newsgen.model.views import TagView
from newsgen.records import Article, Entity


def article(n, people=(), places=()):
    return Article(
        slug=f"a{n}", headline=f"A{n}", standfirst="", date=date(2020, 1, 1 + n % 28), date_inferred=False, body=(),
        source_path=f"seeds/a{n}.txt", word_count=0, reading_minutes=1,
        people=tuple(Entity(p, p.lower().replace(" ", "-"), "person") for p in people),
        places=tuple(Entity(p, p.lower().replace(" ", "-"), "place") for p in places))


def model(articles):
    return build_site_model(SiteConfig(root=Path("/x")), articles, [])


def pages_of(built, folder):
    return {p.path: p for p in built.pages if p.template in ("tag_index.html", "tag_letter.html")
            and p.path.startswith(folder)}


def test_each_initial_has_a_page_of_people_by_surname_shown_as_named():
    built = model([article(1, people=["Zoe Adams", "Ann Lee", "Bob Lee", "Carl de Gaulle", "Émile Zola", "3M"])])
    pages = pages_of(built, "people/")
    assert sorted(pages) == ["people/0/index.html", "people/a/index.html", "people/d/index.html",
                             "people/index.html", "people/l/index.html", "people/z/index.html"]
    assert [l.label for l in pages["people/l/index.html"].context["items"]] == ["Ann Lee", "Bob Lee"]
    assert [l.label for l in pages["people/a/index.html"].context["items"]] == ["Zoe Adams"]
    assert [l.label for l in pages["people/z/index.html"].context["items"]] == ["Émile Zola"]
    assert [l.label for l in pages["people/0/index.html"].context["items"]] == ["3M"]


def test_people_sort_by_surname_then_first_name_and_places_by_name():
    names = ["Maria Smith", "Anna Smith", "John Adams", "Ángel Smith", "Bo Smithers"]
    built = model([article(1, people=names, places=["Stockholm", "Sofia", "Oslo"])])
    pages = pages_of(built, "")
    assert [l.label for l in pages["people/s/index.html"].context["items"]] == [
        "Ángel Smith", "Anna Smith", "Maria Smith", "Bo Smithers"]
    assert [l.label for l in pages["places/s/index.html"].context["items"]] == ["Sofia", "Stockholm"]


def test_the_front_page_is_the_most_mentioned_with_counts_and_a_jump_bar_to_every_initial():
    names = [f"Ann{chr(97 + i // 26)} {chr(65 + i % 26)}son" for i in range(80)]
    articles = [article(n, people=names[: 80 - n]) for n in range(80)]  # names[i] in 80 - i articles
    front = pages_of(model(articles), "people/")["people/index.html"]
    assert [(l.label, l.count) for l in front.context["top"]] == [(names[i], 80 - i) for i in range(TOP_COUNT)]
    assert front.context["total"] == 80
    assert [l.label for l in front.context["letters"]] == [chr(65 + i) for i in range(26)]


def test_the_jump_bar_links_every_initial_that_has_a_page_from_every_page():
    built = model([article(1, people=["Ann Lee", "Bo Ek"], places=["Oslo"])])
    pages = pages_of(built, "")
    assert all(l.path in pages for p in pages.values() for l in p.context["letters"])
    assert {p.path for p in pages.values()} == {l.path for p in pages.values() for l in p.context["letters"]} | {
        "people/index.html", "places/index.html"}


def test_a_long_initial_is_paginated():
    tags = [TagView(Entity(f"Ann Lee{n:04d}", f"ann-lee{n:04d}", "person"), f"people/ann-lee{n:04d}/index.html", ())
            for n in range(LETTER_PAGE_SIZE * 2 + 1)]
    pages = tag_index_pages("person", "People", tags)
    assert [p.path for p in pages] == ["people/index.html", "people/l/index.html", "people/l/page/2/index.html",
                                       "people/l/page/3/index.html"]
    assert [len(p.context["items"]) for p in pages[1:]] == [LETTER_PAGE_SIZE, LETTER_PAGE_SIZE, 1]
    assert pages[3].context["pagination"].previous == "people/l/page/2/index.html"


def test_a_name_of_one_letter_leaves_its_slug_to_the_initials_page():
    built = model([article(1, people=["A", "Ann Lee"])])
    assert {t.entity.name: t.path for t in built.people}["A"] == "people/a-2/index.html"
    assert len([p for p in built.pages if p.path == "people/a/index.html"]) == 1


def test_plain_names_split_as_nameparser_splits_them():
    names = ["Ann Lee", "Anna Maria Smith", "Jean-Luc Picard", "Xi Jinping", "President Joe Biden",
             "Charles de Gaulle", "Martin Luther King Jr.", "Ursula von der Leyen", "Madonna", "Lee, Ann",
             "Sami Abu Zuhri", "Mary Jo Van Dyke", "Dr. Who", "John Smith III", "Ann O'Neil"]
    for name in names:
        parsed = HumanName(name)
        assert name_parts(name) == (parsed.last, parsed.first, parsed.middle), name


def test_a_rebuild_reads_with_nameparser_only_the_names_the_last_build_did_not(tmp_path, monkeypatch):
    from newsgen.model import tag_index
    from newsgen.util.memo import ResultMemo

    names = ["Charles de Gaulle", "Ursula von der Leyen", "Ann Lee"]  # the first two need nameparser
    read = []
    monkeypatch.setattr(tag_index, "name_parts", lambda name: read.append(name) or name_parts(name))

    def built(people):
        memo = ResultMemo(tmp_path / "memo.pickle", "code")
        made = build_site_model(SiteConfig(root=Path("/x")), [article(1, people=people)], [], memo)
        memo.save()
        return pages_of(made, "people/")

    first = built(names)
    assert sorted(read) == sorted(names)
    read.clear()
    again = built([*names, "Martin Luther King Jr."])
    assert read == ["Martin Luther King Jr."]
    clean = pages_of(model([article(1, people=[*names, "Martin Luther King Jr."])]), "people/")
    assert again == clean and again != first
