"""People's and places' URLs are permanent: the register keeps each name's path, and a
path whose name has no page now leads on (`model.listing`, `model.moved`)."""

from datetime import date
from pathlib import Path

from newsgen.config import SiteConfig
from newsgen.model.listing import list_articles
from newsgen.model.site import model_of
from newsgen.records import Article, Entity
from newsgen.slugs import make_slug


def _entity(name, kind="person", mentions=()):
    return Entity(name, make_slug(name), kind, tuple(mentions) or (name,))


def article(slug, people=(), places=(), day=1):
    return Article(
        slug=slug, headline=slug.title(), standfirst="", date=date(2024, 5, day), date_inferred=False, body=(),
        source_path=f"seeds/{slug}.txt", word_count=0, reading_minutes=1, people=tuple(people), places=tuple(places))


def _model(articles, registered, base_url=""):
    listing = list_articles(articles, registered_entities=registered)
    return listing, model_of(SiteConfig(root=Path("/x"), base_url=base_url), listing, [])


def _page(model, path):
    return next(p for p in model.pages if p.path == path)


def test_a_new_name_that_slugifies_alike_and_sorts_first_leaves_the_registered_name_its_path():
    zoe, new = _entity("Zoë Smith"), _entity("Zoe Smith")  # "Zoe" sorts before "Zoë"
    assert make_slug(zoe.name) == make_slug(new.name)
    first, _ = _model([article("a", [zoe])], {})
    assert first.entity_slugs == {("person", "Zoë Smith"): "zoe-smith"}
    listing, _ = _model([article("a", [zoe]), article("b", [new])], first.entity_slugs)
    assert listing.tag_paths[("person", "Zoë Smith")][1] == "people/zoe-smith/index.html"
    assert listing.tag_paths[("person", "Zoe Smith")][1] == "people/zoe-smith-2/index.html"
    unregistered, _ = _model([article("a", [zoe]), article("b", [new])], {})
    assert unregistered.tag_paths[("person", "Zoe Smith")][1] == "people/zoe-smith/index.html"  # the order rule


def test_a_new_name_never_takes_the_path_of_a_registered_name_that_has_no_page():
    listing, model = _model([article("a", [_entity("Zoe Smith")])], {("person", "Zoë Smith"): "zoe-smith"})
    assert listing.tag_paths[("person", "Zoe Smith")][1] == "people/zoe-smith-2/index.html"
    assert listing.entity_slugs[("person", "Zoë Smith")] == "zoe-smith"  # kept in the register
    assert _page(model, "people/zoe-smith/index.html").template == "moved.html"


def test_a_folded_short_name_redirects_to_the_page_its_articles_wrote_it_for():
    blair = _entity("Tony Blair", mentions=("Tony Blair", "Blair"))
    _, model = _model([article("a", [blair])], {("person", "Blair"): "blair"}, base_url="https://news.example/")
    page = _page(model, "people/blair/index.html")
    assert page.template == "moved.html" and page.title == "Blair"
    assert page.context["target"].path == "people/tony-blair/index.html"
    assert page.canonical == "https://news.example/people/tony-blair/"
    assert "people/blair/index.html" not in {entry.path for entry in model.sitemap}


def test_of_several_pages_that_were_written_the_name_the_one_with_most_articles_takes_the_redirect():
    tony = _entity("Tony Blair", mentions=("Tony Blair", "Blair"))
    cherie = _entity("Cherie Blair", mentions=("Cherie Blair", "Blair"))
    articles = [article("a", [tony]), article("b", [cherie], day=2), article("c", [cherie], day=3)]
    _, model = _model(articles, {("person", "Blair"): "blair"})
    assert _page(model, "people/blair/index.html").context["target"].label == "Cherie Blair"


def test_a_name_that_changed_kind_redirects_to_its_page_under_the_new_kind_before_any_other():
    jordan = _entity("Jordan", kind="person", mentions=("Jordan",))
    river = _entity("River Jordan", kind="place", mentions=("River Jordan", "Jordan"))
    articles = [article("a", [jordan]), article("b", places=[river], day=2), article("c", places=[river], day=3)]
    _, model = _model(articles, {("place", "Jordan"): "jordan"})
    page = _page(model, "places/jordan/index.html")
    assert page.context["target"].path == "people/jordan/index.html"
    assert "people" in page.context["lead"]


def test_a_name_no_page_holds_says_so_and_links_the_a_to_z_and_a_search_for_it():
    _, model = _model([article("a", [_entity("Ada King")])], {("place", "Brill Vale"): "brill-vale"})
    page = _page(model, "places/brill-vale/index.html")
    assert page.context["target"] is None and "Brill Vale" in page.context["lead"]
    assert page.context["index"].path == "places/index.html"
    assert page.context["search"].path == "search/index.html#q=Brill%20Vale"
    assert not [p for p in model.pages if p.template == "tag.html" and p.title == "Brill Vale"]


def test_a_name_with_its_page_has_no_leading_page():
    ada = _entity("Ada King")
    listing, model = _model([article("a", [ada])], {("person", "Ada King"): "ada-king-7"})
    assert listing.gone == {}
    assert _page(model, "people/ada-king-7/index.html").template == "tag.html"
    assert not [p for p in model.pages if p.template == "moved.html"]
