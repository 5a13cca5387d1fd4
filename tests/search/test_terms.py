from datetime import date

from newsgen.records import Article, Entity, LinkCard, Paragraph, Subheading
from newsgen.search import terms as search_terms
from newsgen.search.terms import index_terms, name_terms, normalise, text_terms


def article(headline="Harbour plan", standfirst="", blocks=(), people=()):
    return Article(slug="a", headline=headline, standfirst=standfirst, date=date(2024, 1, 1), date_inferred=False,
                   body=tuple(blocks), source_path="seeds/a.txt", word_count=1, reading_minutes=1,
                   people=tuple(Entity(n, n.lower().replace(" ", "-"), "person") for n in people))


def test_normalise_lowercases_and_strips_diacritics_like_the_script():
    assert normalise("José ÁLVAREZ, Kraków") == "jose alvarez, krakow"
    assert index_terms("The İstanbul-bound talks: a 2024 deal") == ["istanbul", "bound", "talks", "2024", "deal"]


def test_text_terms_weigh_each_field_and_add_up_repeats():
    item = article("Harbour plan", "The harbour vote",
                   [Paragraph("Harbour boats."), Subheading("Boats"), LinkCard("https://x.org/", "x.org")])
    weights = dict(text_terms(item).items())
    w = search_terms
    assert weights == {"harbour": w.HEADLINE_WEIGHT + w.STANDFIRST_WEIGHT + w.BODY_WEIGHT,
                       "plan": w.HEADLINE_WEIGHT, "vote": w.STANDFIRST_WEIGHT, "boats": 2 * w.BODY_WEIGHT}


def test_weights_are_capped_at_two_digits():
    own = text_terms(article("Budget", blocks=[Paragraph("Lee " * 200)]))
    assert dict(own.items()) == {"budget": search_terms.HEADLINE_WEIGHT, "lee": search_terms.MAX_WEIGHT}


def test_names_are_tokenised_as_text():
    assert name_terms("José Ál-Varez of the Isles") == ("jose", "al", "varez", "isles")


def test_an_article_with_no_words_has_no_terms():
    own = text_terms(article("", blocks=[LinkCard("https://x.org/", "x.org")]))
    assert own.terms == [] and list(own.items()) == []
