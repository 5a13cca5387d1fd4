from newsgen.entities import unify_across_archive
from newsgen.entities.gazetteer import load_gazetteer
from newsgen.entities.resolve import canonicalise, entity, short_form_of


def names(entities):
    return [(e.name, e.kind) for e in entities]


def test_surname_folds_into_the_full_name_in_the_article():
    got = canonicalise({"Antony Blinken": "person", "Blinken": "person"}, load_gazetteer())
    assert len(got) == 1
    assert got[0].name == "Antony Blinken" and got[0].slug == "antony-blinken"
    assert got[0].mentions == ("Antony Blinken", "Blinken")


def test_country_abbreviations_and_capitals_take_the_gazetteer_name():
    got = canonicalise({"US": "place", "U.S.": "place", "LONDON": "place"}, load_gazetteer())
    assert names(got) == [("London", "place"), ("United States", "place")]
    assert got[1].mentions == ("U.S.", "US")


def test_gazetteer_transliterations_never_replace_the_articles_spelling():
    got = canonicalise({"Rafah": "place", "RAFAH": "place"}, load_gazetteer())
    assert names(got) == [("Rafah", "place")]


def test_all_caps_person_is_written_in_mixed_case():
    got = canonicalise({"TIM O'GORMAN": "person"}, load_gazetteer())
    assert names(got) == [("Tim O'Gorman", "person")]


def test_short_forms():
    assert short_form_of("Blinken", "Antony Blinken")
    assert short_form_of("A. Blinken", "Antony Blinken")
    assert not short_form_of("J. Blinken", "Antony Blinken")
    assert not short_form_of("Biden", "Biden")
    assert short_form_of("Abu Zuhri", "Sami Abu Zuhri")
    assert not short_form_of("Sami Zuhri", "Sami Abu Zuhri")


def test_a_short_name_folds_into_the_longest_of_nested_full_names():
    got = canonicalise({"Sami Abu Zuhri": "person", "Abu Zuhri": "person", "Zuhri": "person"}, load_gazetteer())
    assert [(e.name, e.mentions) for e in got] == [("Sami Abu Zuhri", ("Abu Zuhri", "Sami Abu Zuhri", "Zuhri"))]


def person(name, *mentions):
    return entity(name, "person", mentions or (name,))


def test_places_are_never_folded_by_surname():
    out = unify_across_archive([[entity("Jersey", "place", ["Jersey"])], [person("Antony Jersey", "Antony Jersey",
                                                                                  "Jersey")]])
    assert names(out[0]) == [("Jersey", "place")]


def test_unify_is_deterministic_and_sorted():
    articles = [[person("Blinken"), entity("Gaza", "place", ["Gaza"]), person("Antony Blinken", "Antony Blinken",
                                                                              "Blinken")]]
    first = unify_across_archive(articles)
    assert first == unify_across_archive([list(reversed(articles[0]))])
    assert names(first[0]) == [("Antony Blinken", "person"), ("Gaza", "place")]
    assert first[0][0].mentions == ("Antony Blinken", "Blinken")


def test_change_each_changes_every_distinct_entity_once_and_merges_as_merge_same():
    from newsgen.entities.resolve import change_each, entity, merge_same

    ann, annie, bo, oslo = (entity("Ann Lee", "person", ["Ann"]), entity("Annie Lee", "person", ["Annie"]),
                            entity("Bo Ek", "person"), entity("Oslo", "place"))
    per_article = [[oslo, ann, bo], [annie, ann], [bo], []]
    calls = []

    def change(e):
        calls.append(e.name)
        return None if e is bo else entity("Ann Lee", "person", e.mentions) if e is annie else e

    changed = change_each(per_article, change)
    assert sorted(calls) == ["Ann Lee", "Annie Lee", "Bo Ek", "Oslo"]
    assert changed == [merge_same(e for e in map(change, a) if e) for a in per_article]
    assert changed[1] == [entity("Ann Lee", "person", ["Ann", "Annie"])]
