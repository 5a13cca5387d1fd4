"""Twins are one article, near-duplicates are reported and kept apart (`model.duplicates`)."""

from datetime import date
from pathlib import Path

from newsgen.config import SiteConfig
from newsgen.model import duplicates
from newsgen.model.duplicates import BOILERPLATE_FROM, KEEP, find_duplicates
from newsgen.model.listing import list_articles
from newsgen.model.sameness import text_print
from newsgen.model.site import build_site_model
from newsgen.records import Article, Entity, Paragraph, replaced

WORDS = " ".join(f"word{i}" for i in range(120))  # a body long enough to be one story


def article(source, headline="Minister quits", body=WORDS, when=date(2024, 5, 1), people=("Ann Lee",)):
    made = Article(slug=headline.lower().replace(" ", "-"), headline=headline, standfirst="", date=when,
                   date_inferred=False, body=(Paragraph(body),), source_path=f"seeds/{source}.txt", word_count=0,
                   reading_minutes=1, people=tuple(Entity(n, n.lower().replace(" ", "-"), "person") for n in people))
    return replaced(made, text_print=text_print(made))


def sources(articles):
    return [a.source_path for a in articles]


def test_twins_are_one_article_naming_the_other_files_the_first_with_the_slug_keeps_its_page():
    same = find_duplicates([article("a"), article("b", headline="MINISTER  QUITS"), article("c"), article("d", "Other")])
    assert sources(same.articles) == ["seeds/a.txt", "seeds/d.txt"]
    assert same.articles[0].also_filed_as == ("seeds/b.txt", "seeds/c.txt")
    assert same.twins == {"seeds/b.txt": "seeds/a.txt", "seeds/c.txt": "seeds/a.txt"}
    assert [w.path for w in same.repeated] == ["seeds/b.txt", "seeds/c.txt"]


def test_a_twin_joining_later_does_not_take_the_page_of_the_one_with_the_older_url():
    listing = list_articles([article("a"), article("b")], {"seeds/b.txt": "minister-quits"})
    assert [v.article.source_path for v in listing.views] == ["seeds/b.txt"]
    assert listing.slugs["seeds/a.txt"] == "minister-quits-2"
    # two digits sort after one: -10 is younger than -9
    same = find_duplicates([replaced(article("a"), slug="x-10"), replaced(article("b"), slug="x-9")])
    assert sources(same.articles) == ["seeds/b.txt"]


def test_kept_apart_twins_each_keep_a_page_and_are_never_related():
    same = find_duplicates([article("a"), article("b")], mode=KEEP)
    assert sources(same.articles) == ["seeds/a.txt", "seeds/b.txt"] and same.twins == {}
    assert [a.not_related for a in same.articles] == [("seeds/b.txt",), ("seeds/a.txt",)]
    assert len(same.repeated) == 1 and same.near == []


def test_the_same_body_under_another_headline_is_a_near_duplicate_not_merged():
    same = find_duplicates([article("a"), article("b", headline="Minister resigns")])
    assert sources(same.articles) == ["seeds/a.txt", "seeds/b.txt"] and same.twins == {}
    assert [a.not_related for a in same.articles] == [("seeds/b.txt",), ("seeds/a.txt",)]
    assert [str(w) for w in same.near] == [("seeds/a.txt: nearly the same text as seeds/b.txt (the same body under "
                                           "another headline): kept as two articles, never each other's related ones")]


def test_without_looking_for_near_duplicates_only_twins_are_found():
    same = find_duplicates([article("a"), article("b", headline="Minister resigns"), article("c")], look_for_near=False)
    assert sources(same.articles) == ["seeds/a.txt", "seeds/b.txt"] and same.twins == {"seeds/c.txt": "seeds/a.txt"}
    assert same.near == [] and [a.not_related for a in same.articles] == [(), ()]


def test_a_pair_with_the_same_body_is_not_read_back_to_compare_it_again(monkeypatch):
    """Same body, same opening and ending: found once by its body, its bodies never read
    back for the other groupings (at 10,000 replicated articles that was most of an edit's time)."""
    read = []
    monkeypatch.setattr(duplicates, "body_words", lambda a: read.append(a.source_path) or WORDS.split())
    same = find_duplicates([article("a"), article("b", headline="Minister resigns")])
    assert len(same.near) == 1 and "the same body" in str(same.near[0])
    assert read == []

def test_a_few_words_more_at_either_end_is_a_near_duplicate_but_much_more_is_another_story():
    more_at_end, more_at_start = article("b", body=WORDS + " and more"), article("c", body="Update: " + WORDS)
    much_more = article("d", body=WORDS + " " + " ".join(f"extra{i}" for i in range(40)))
    same = find_duplicates([article("a"), more_at_end, more_at_start, much_more])
    assert {(w.path, str(w).split(" (")[0].rsplit(" ", 1)[1]) for w in same.near} == {
        ("seeds/a.txt", "seeds/b.txt"), ("seeds/a.txt", "seeds/c.txt"), ("seeds/b.txt", "seeds/c.txt")}
    assert same.articles[3].not_related == ()


def test_the_same_opening_with_the_rest_another_story_is_no_near_duplicate():
    rest = " ".join(f"other{i}" for i in range(100))
    same = find_duplicates([article("a", body=WORDS + " " + rest), article("b", body=WORDS + " " + rest[::-1])])
    assert same.near == []
    near = find_duplicates([article("a", body=WORDS + " " + rest), article("b", body=WORDS + " x " + rest)])
    assert [w.path for w in near.near] == ["seeds/a.txt"]


def test_the_same_headline_over_a_few_changed_words_is_a_near_duplicate_wherever_they_are():
    words = WORDS.split()
    edited = " ".join(["Updated:", *words[:60], "and", "a", "new", "line", *words[60:], "More", "later."])
    other = article("c", body=" ".join(f"other{i}" for i in range(120)))
    same = find_duplicates([article("a"), article("b", body=edited), other])
    assert [(str(w).split(" (")[0].rsplit(" ", 1)[1], "the same headline" in str(w)) for w in same.near] == [
        ("seeds/b.txt", True)]


def test_a_passage_many_articles_share_is_boilerplate_and_short_bodies_pair_none():
    shared = [article(f"s{i}", headline=f"Story {i}", body=f"Lead {i}. " + WORDS) for i in range(BOILERPLATE_FROM)]
    short = [article("x", body="Results to follow."), article("y", headline="Later", body="Results to follow.")]
    assert find_duplicates(shared + short).near == []


def test_articles_without_a_text_print_are_never_grouped():
    plain = [replaced(article("a"), text_print=None), replaced(article("b"), text_print=None)]
    assert sources(find_duplicates(plain).articles) == ["seeds/a.txt", "seeds/b.txt"]


def test_a_twin_keeps_its_registered_path_as_a_page_leading_to_its_article():
    listing = list_articles([article("a"), article("b")], {"seeds/a.txt": "minister-quits", "seeds/b.txt": "minister-quits-5"})
    assert [v.article.source_path for v in listing.views] == ["seeds/a.txt"]
    assert listing.slugs == {"seeds/a.txt": "minister-quits", "seeds/b.txt": "minister-quits-5"}  # kept in the register
    assert {path: view.path for path, view in listing.twins.items()} == {
        "articles/minister-quits-5/index.html": "articles/minister-quits/index.html"}


def test_the_model_lists_twins_once_and_keeps_their_old_pages_out_of_the_sitemap():
    config = SiteConfig(root=Path("/x"), base_url="https://e.org/news/")
    model = build_site_model(config, [article("a"), article("b"), article("c", "Other")], [])
    index = next(p for p in model.pages if p.path == "index.html")
    assert [v.article.source_path for v in index.context["items"]] == ["seeds/a.txt", "seeds/c.txt"]
    redirect = next(p for p in model.pages if p.template == "redirect.html")
    assert (redirect.path, redirect.context["target"].path) == ("articles/minister-quits-2/index.html",
                                                                "articles/minister-quits/index.html")
    assert redirect.canonical == "https://e.org/news/articles/minister-quits/"  # its article's URL
    assert redirect.path not in {entry.path for entry in model.sitemap}


def related(items, **settings):
    model = build_site_model(SiteConfig(root=Path("/x"), **settings), items, [])
    return {p.context["item"].article.source_path: [v.article.source_path for v in p.context["related"]]
            for p in model.pages if p.template == "article.html"}


def test_near_duplicates_are_never_each_others_related_articles():
    other = article("c", "Other", body="Other words.")
    assert related([article("a"), article("b", headline="Minister resigns"), other]) == {
        "seeds/a.txt": ["seeds/c.txt"], "seeds/b.txt": ["seeds/c.txt"], "seeds/c.txt": ["seeds/b.txt", "seeds/a.txt"]}


def test_twins_kept_apart_each_have_a_page_and_are_never_each_others_related_articles():
    assert related([article("a"), article("b"), article("c", "Other", body="Other words.")], duplicates="keep") == {
        "seeds/a.txt": ["seeds/c.txt"], "seeds/b.txt": ["seeds/c.txt"], "seeds/c.txt": ["seeds/b.txt", "seeds/a.txt"]}
