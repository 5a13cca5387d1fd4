"""The archive-wide rules of `entities.archive`, each on a small archive built to tempt it."""

from newsgen.entities import Curation, evidence, review_archive, unify_across_archive
from newsgen.entities.archive import ARCHIVE_UNIQUE, SAME_ARTICLE
from newsgen.entities.evidence import CUES, packed
from newsgen.entities.resolve import entity


def person(name, *mentions):
    return entity(name, "person", mentions or (name,))


def said(surface, **cues):
    """One article's evidence about `surface`: cue (an `evidence` constant, lower case) -> count."""
    row = [0] * len(CUES)
    for name, n in cues.items():
        row[getattr(evidence, name.upper())] = n
    return ((surface, packed(row)),)


def people(out):
    return [[e.name for e in article if e.kind == "person"] for out_article in [out] for article in out_article]


def test_a_surname_the_archive_has_seen_written_for_its_one_full_name_folds_into_it():
    out = unify_across_archive([[person("Antony Blinken", "Antony Blinken", "Blinken")], [person("Blinken")]])
    assert people(out) == [["Antony Blinken"], ["Antony Blinken"]]
    assert out[1][0].mentions == ("Blinken",) and out[1][0].slug == "antony-blinken"


def test_a_surname_never_written_for_the_one_full_name_that_fits_stays_unlinked():
    # The film "Ray" and the lawyer Hugh Ray, named once: nothing says the film is him.
    out = unify_across_archive([[person("Hugh Ray")], [person("Ray")], [person("Ray")]])
    assert people(out) == [["Hugh Ray"], [], []]


def test_two_coles_keep_their_pages_and_a_lone_cole_goes_on_neither():
    ashley, joe = person("Ashley Cole", "Ashley Cole", "Cole"), person("Joe Cole", "Joe Cole", "Cole")
    out = unify_across_archive([[ashley], [joe], [person("Cole")]])
    assert people(out) == [["Ashley Cole"], ["Joe Cole"], []]


def test_a_given_name_of_someone_in_the_archive_never_folds_into_another_person():
    # "David" was once written for Craig David, but the archive has other Davids.
    craig = person("Craig David", "Craig David", "David")
    out = unify_across_archive([[craig], [person("David Beckham")], [person("David")]])
    assert people(out) == [["Craig David"], ["David Beckham"], []]


def test_a_headline_fragment_is_no_name_and_takes_no_one_word_name_with_it():
    fragment = person("Cole earn Chelsea", "Cole earn Chelsea", "Chelsea")
    out = unify_across_archive([[fragment], [person("Chelsea")]], evidence=[(), said("Chelsea", person=9)])
    assert people(out) == [[], []]


def test_a_surname_fits_its_one_full_name_without_being_written_so_when_no_given_name():
    out = unify_across_archive([[person("Chaminda Vaas")], [person("Vaas")]], evidence=[(), said("Vaas", person=1)])
    assert people(out) == [["Chaminda Vaas"], ["Chaminda Vaas"]]


def test_a_surname_the_archive_tags_an_organisation_more_than_a_person_does_not_fold():
    out = unify_across_archive([[person("Chaminda Vaas")], [person("Vaas")]],
                               evidence=[(), said("Vaas", person=1, organisation=2)])
    assert people(out) == [["Chaminda Vaas"], []]


def test_the_archive_speaks_of_the_case_of_a_person_without_making_him_a_thing():
    dutroux = person("Marc Dutroux", "Dutroux", "Marc Dutroux")
    out = unify_across_archive([[dutroux]], evidence=[said("Dutroux", person=3, the=4) + said("Marc Dutroux", person=1)])
    assert people(out) == [["Marc Dutroux"]]


def test_a_bank_sharing_a_persons_surname_stays_off_his_page():
    found_evidence = [()] + [said("Lloyds", person=1, business=2)] * 5
    out = unify_across_archive([[person("Tom Lloyds")]] + [[person("Lloyds")]] * 5, evidence=found_evidence)
    assert people(out) == [["Tom Lloyds"], [], [], [], [], []]


def test_a_one_word_name_is_a_page_only_when_addressed_or_heard_and_not_a_given_name():
    said_so = [said("Blobby", person=2, male=2), said("Usherz", person=3, speech=1), said("Mike", person=3, male=1),
               said("Sony", person=5), said("Nintendo", person=9, speech=2, the=1)]
    found = [[person("Blobby")], [person("Usherz")], [person("Mike")], [person("Sony")], [person("Nintendo")]]
    assert people(unify_across_archive(found, evidence=said_so)) == [["Blobby"], ["Usherz"], [], [], []]


def test_names_the_archive_calls_works_or_groups_are_no_people():
    said_so = [said("Vera Drake", person=5, work=3), said("Zbigniew Qx", person=2, speech=1),
                said("Girls Aloud", person=2, organisation=1), said("The Aviator", person=4)]
    found = [[person("Vera Drake")], [person("Zbigniew Qx")], [person("Girls Aloud")], [person("The Aviator")]]
    assert people(unify_across_archive(found, evidence=said_so)) == [[], ["Zbigniew Qx"], [], []]


def test_an_unknown_place_the_archive_tags_a_business_is_dropped_and_a_known_one_kept():
    vodafone, jordan = entity("Vodafone", "place", ["Vodafone"]), entity("Jordan", "place", ["Jordan"])
    said_so = [said("Vodafone", place=1, organisation=4) + said("Jordan", place=1, person=5)]
    out = unify_across_archive([[vodafone, jordan]], evidence=said_so)
    assert [e.name for e in out[0]] == ["Jordan"]


def test_the_editors_names_are_never_dropped_or_folded():
    from newsgen.entities.curation import CuratedEntity

    curation = Curation(entities=(CuratedEntity("Sony", "person", (), ""),))
    out = unify_across_archive([[person("Sony")]], curation, evidence=[said("Sony", business=5)])
    assert people(out) == [["Sony"]]


def test_review_gives_each_names_kind_with_its_counts_and_the_folds_with_their_reasons():
    blinken = person("Antony Blinken", "Antony Blinken", "Blinken")
    said_so = [said("Blinken", person=2, male=1), said("Blinken", person=1), said("Sony", person=3)]
    review = review_archive([[blinken], [person("Blinken")], [person("Sony")]], said_so)
    kinds = {k.name: k for k in review.name_kinds()}
    assert kinds["Sony"].kind == "" and kinds["Sony"].counts == {"tagged person": 3}
    assert kinds["Antony Blinken"].kind == "person"
    assert kinds["Antony Blinken"].counts == {"tagged person": 3, "Mr, Sir, Lord before it": 1}
    assert [(f.short, f.full, f.reason, f.articles) for f in review.folds] == [
        ("Blinken", "Antony Blinken", ARCHIVE_UNIQUE, 1), ("Blinken", "Antony Blinken", SAME_ARTICLE, 1)]


def test_a_name_never_heard_to_speak_and_often_the_something_is_no_person():
    silent = [said("Harry Potter", person=14, the=2), said("Ben Stiller", person=14, the=2, speech=1)]
    found = [[person("Harry Potter")], [person("Ben Stiller")]]
    assert people(unify_across_archive(found, evidence=silent)) == [[], ["Ben Stiller"]]


def places(out):
    return [[e.name for e in article if e.kind == "place"] for article in out]


def test_a_town_tagged_often_but_never_written_as_a_place_and_sometimes_a_business_gets_no_page():
    # "Mobile" is a town the gazetteer knows, like Nokia; no article is ever "in" it.
    mobile = entity("Mobile", "place", ["Mobile"])
    brand = [said("Mobile", place=1, the=1)] + [said("Mobile", place=1)] * 4
    assert places(unify_across_archive([[mobile]] * 5, evidence=brand)) == [[]] * 5
    # One article that is "in Mobile", or one mention fewer, and it stays.
    visited = brand[:4] + [said("Mobile", place=1, place_word=1)]
    assert places(unify_across_archive([[mobile]] * 5, evidence=visited)) == [["Mobile"]] * 5
    assert places(unify_across_archive([[mobile]] * 4, evidence=brand[:4])) == [["Mobile"]] * 4


def test_a_country_a_venue_or_a_place_nothing_speaks_against_keeps_its_page_never_written_as_a_place():
    found = [[entity("Ghana", "place", ["Ghana"]), entity("Zorbia Stadium", "place", ["Zorbia Stadium"]),
              entity("Zorbia", "place", ["Zorbia"])]] * 5
    evidence = [said("Ghana", place=1, organisation=1) + said("Zorbia Stadium", place=1, the=1)
                + said("Zorbia", place=1)] * 5
    assert [set(p) for p in places(unify_across_archive(found, evidence=evidence))] == [{"Ghana", "Zorbia Stadium", "Zorbia"}] * 5


def test_a_place_written_the_x_that_the_archive_also_writes_in_lower_case_is_no_place():
    # "the Bank" (of England), "the Lords": ordinary words made an institution's name.
    bank, zorbia = entity("Bank", "place", ["Bank"]), entity("Zorbia", "place", ["Zorbia"])
    said_so = [said("Bank", place=2, the=2, body=4, lower=2) + said("Zorbia", place=2, the=2, body=4)]
    assert places(unify_across_archive([[bank, zorbia]], evidence=said_so)) == [["Zorbia"]]
    rarely_the = [said("Bank", place=2, the=1, body=5, lower=2)]
    assert places(unify_across_archive([[bank]], evidence=[said("Bank", place=2, the=2, body=4, lower=1)])) == [["Bank"]]
    assert places(unify_across_archive([[bank]], evidence=rarely_the)) == [["Bank"]]


def test_a_place_the_gazetteer_lacks_that_the_archive_calls_a_work_more_than_a_place_is_no_place():
    rings, mount = entity("Ring of Zorro", "place", ["Ring of Zorro"]), entity("Mount Zorro", "place", ["Mount Zorro"])
    said_so = [said("Ring of Zorro", place=5, work=2, place_word=1) + said("Mount Zorro", place=5, work=2, place_word=4)]
    assert places(unify_across_archive([[rings, mount]], evidence=said_so)) == [["Mount Zorro"]]


def test_a_given_name_alone_addressed_says_nothing_of_the_person_it_was_folded_into():
    # "Prince Harry" elsewhere in an article naming "Harry Potter" is not Mr Potter.
    potter = person("Harry Potter", "Harry Potter", "Harry")
    said_so = [said("Harry Potter", person=10, work=4, the=1) + said("Harry", person=2, male=2)]
    assert people(unify_across_archive([[potter]], evidence=said_so)) == [[]]
    addressed = [said("Harry Potter", person=10, work=4, the=1) + said("Potter", person=2, male=2)]
    assert people(unify_across_archive([[person("Harry Potter", "Harry Potter", "Potter")]],
                                       evidence=addressed)) == [["Harry Potter"]]


def test_a_short_name_written_alone_more_than_its_one_full_name_and_among_other_people_stays_unlinked():
    # "Ronaldo" of Real Madrid beside Figo, more often than Cristiano Ronaldo beside Ferguson.
    cristiano = person("Cristiano Ronaldo", "Cristiano Ronaldo", "Ronaldo")
    brazilian = [[person("Ronaldo"), person("Luis Figo")]] * 2
    out = unify_across_archive([[cristiano, person("Alex Ferguson")], *brazilian])
    assert people(out) == [["Alex Ferguson", "Cristiano Ronaldo"], ["Luis Figo"], ["Luis Figo"]]
    # Beside his own company, the same short name is his.
    his = [[person("Ronaldo"), person("Alex Ferguson")]] * 2
    out = unify_across_archive([[cristiano, person("Alex Ferguson")], *his])
    assert people(out)[1:] == [["Alex Ferguson", "Cristiano Ronaldo"]] * 2


def test_a_title_of_a_place_is_a_person_and_a_title_of_the_something_is_nobody():
    found = [[entity("Prince of Zorbia", "place", ["Prince of Zorbia"]),
              entity("Lord of the Zorbs", "place", ["Lord of the Zorbs"])]]
    out = unify_across_archive(found, evidence=[said("Prince of Zorbia", place=1) + said("Lord of the Zorbs", place=1)])
    assert [(e.kind, e.name) for e in out[0]] == [("person", "Prince of Zorbia")]


def test_a_place_written_the_x_mostly_that_ends_in_an_institutions_word_is_no_place():
    court, park = entity("Zorbia Court", "place", ["Zorbia Court"]), entity("Zorbia Park", "place", ["Zorbia Park"])
    said_so = [said("Zorbia Court", place=4, the=2, body=4) + said("Zorbia Park", place=4, the=2, body=4)]
    assert places(unify_across_archive([[court, park]], evidence=said_so)) == [["Zorbia Park"]]
    seldom_the = [said("Zorbia Court", place=4, the=1, body=4)]
    assert places(unify_across_archive([[court]], evidence=seldom_the)) == [["Zorbia Court"]]
