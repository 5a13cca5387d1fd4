import pytest

from newsgen.entities.corrections import attach_peer_titles, drop_leading_titles
from newsgen.entities.gazetteer import load_gazetteer
from newsgen.entities.lexicon import load_given_names, load_not_names, load_ordinary_words
from newsgen.entities.names import (
    cleaned,
    lone_given_names,
    split_person,
    state_abbreviations,
    supported_by_body,
    without_titles,
)
from newsgen.entities.spans import Mention


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def clean(gazetteer, *mentions, texts=()):
    spans = [Mention(s, label) for s, label in mentions]
    return cleaned(spans, list(texts), gazetteer, load_not_names(), load_ordinary_words())


def test_titles_party_labels_and_post_nominals_are_not_part_of_a_name(gazetteer):
    for written, name in [
        ("Tory Liam Fox", "Liam Fox"),
        ("Labour Ruth Kelly", "Ruth Kelly"),
        ("Philippe Sands QC", "Philippe Sands"),
        ("Ruth Kelly MP", "Ruth Kelly"),
        ("Exchequer Nigel Lawson", "Nigel Lawson"),
        ("Rt Rev Michael Scott-Joynt", "Michael Scott-Joynt"),
    ]:
        assert without_titles(Mention(written, "PER"), gazetteer) == Mention(name, "PER"), written
    # A given name that is also a title stays ("Prince Harry"), and so does a peer's title.
    assert without_titles(Mention("Prince Harry", "PER"), gazetteer).surface == "Prince Harry"
    assert without_titles(Mention("Lord Goldsmith", "PER"), gazetteer).surface == "Lord Goldsmith"
    assert without_titles(Mention("Lord Chancellor", "PER"), gazetteer) is None  # an office
    assert clean(gazetteer, ("Tory", "PER")) == []  # a party's member, unnamed


def test_a_party_label_alone_is_no_place(gazetteer):
    # "Lib Dem spokesman Mark Oaten": the tagger may take "Lib" for a place (an island is so called).
    assert clean(gazetteer, ("Lib", "LOC"), ("Libya", "LOC")) == [Mention("Libya", "LOC")]


def test_a_royal_or_a_peer_of_a_place_is_a_person(gazetteer):
    assert clean(gazetteer, ("Prince of Wales", "LOC"), ("Duke of Edinburgh", "ORG"), ("Lord of the Rings", "LOC")) == [
        Mention("Prince of Wales", "PER"), Mention("Duke of Edinburgh", "PER"), Mention("Lord of the Rings", "LOC"),
    ]


def test_a_peer_is_a_person_named_with_the_title(gazetteer):
    assert clean(gazetteer, ("Lord Goldsmith", "LOC"), ("Baroness Scotland", "ORG")) == [
        Mention("Lord Goldsmith", "PER"), Mention("Baroness Scotland", "PER"),
    ]
    words = ["met", "Lord", "Faulkner", "of", "Worcester", "and", "Baroness", "Morgan"]
    labels = ["O", "O", "B-PER", "O", "B-LOC", "O", "O", "B-PER"]
    assert attach_peer_titles(words, labels, [2, 4, 7])
    assert labels == ["O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER"]
    # Other titles still come off the front; a peer's does not.
    words, labels = ["Colonel", "Max", "Lord", "Falconer"], ["B-PER", "I-PER", "B-PER", "I-PER"]
    drop_leading_titles(words, labels, gazetteer.titles, gazetteer.first_names)
    assert labels == ["O", "B-PER", "B-PER", "I-PER"]


def test_a_person_span_is_cut_at_lower_case_words_but_not_at_particles(gazetteer):
    def cut(surface):
        return [m.surface for m in split_person(Mention(surface, "PER"), gazetteer.particles)]

    assert cut("Reid for Murphy") == ["Reid", "Murphy"]
    assert cut("Henry and Hansen") == ["Henry", "Hansen"]
    assert cut("Casey; Gustard") == ["Casey", "Gustard"]
    assert cut("program BitTorrent") == ["BitTorrent"]
    assert cut("Ursula von der Leyen") == ["Ursula von der Leyen"]
    assert cut("van der Walt") == ["van der Walt"]
    assert cut("Lord Faulkner of Worcester") == ["Lord Faulkner of Worcester"]
    assert cut("Tory Lord Campbell of Alloway") == ["Tory Lord Campbell of Alloway"]
    assert cut("Nick Moran of Leeds") == ["Nick Moran", "Leeds"]


def test_buildings_venues_streets_and_schools_are_places(gazetteer):
    got = clean(gazetteer, ("Wembley Stadium", "ORG"), ("Wilmslow Road", "PER"), ("Elton Theater", "PER"),
                ("Kansai Airport", "MISC"), ("Mount Kenya", "PER"), ("Hill High School", "ORG"),
                ("Cardiff Arms Park", "MISC"))
    assert got == [Mention(s, "LOC") for s in ("Wembley Stadium", "Wilmslow Road", "Elton Theater", "Kansai Airport",
                                                "Mount Kenya", "Hill High School", "Cardiff Arms Park")]
    # A club named after its ground stays an organisation; people called Hall or Park stay people.
    assert clean(gazetteer, ("River Tyne", "PER"), ("River Phoenix", "PER")) == [
        Mention("River Tyne", "LOC"), Mention("River Phoenix", "PER"),
    ]
    assert clean(gazetteer, ("Crystal Palace", "ORG"), ("Jerry Hall", "PER"), ("Nick Park", "PER")) == [
        Mention("Crystal Palace", "ORG"), Mention("Jerry Hall", "PER"), Mention("Nick Park", "PER"),
    ]


def test_no_person_is_called_the_something_or_by_a_clubs_name_or_a_plural_acronym(gazetteer):
    assert clean(gazetteer, ("The Aviator", "PER"), ("Exeter City", "PER"), ("Nelson College", "PER"),
                 ("PCs", "PER"), ("Town", "PER")) == []
    assert clean(gazetteer, ("Thomas", "PER"), ("Sally Jones", "PER")) == [
        Mention("Thomas", "PER"), Mention("Sally Jones", "PER"),
    ]


def test_a_brand_is_no_person_and_an_acronym_no_place(gazetteer):
    assert clean(gazetteer, ("BitTorrent", "PER"), ("YouTube", "PER"), ("eBay", "PER"), ("KGB", "LOC")) == []
    kept = [("McCartney", "PER"), ("DiCaprio", "PER"), ("MacLeod", "PER"), ("USA", "LOC"), ("BOMBAY", "LOC")]
    assert clean(gazetteer, *kept) == [Mention(name, label) for name, label in kept]


def test_a_name_that_begins_with_an_ordinary_word_is_no_persons(gazetteer):
    assert clean(gazetteer, ("Girls Aloud", "PER"), ("Screen Digest", "PER"), ("Wooden Heart", "PER")) == []
    # a given name, an initial or a peer's title begins a person's name, whatever follows
    people = [("Gary Speed", "PER"), ("Will Young", "PER"), ("A Jones", "PER"), ("Lord Dubs", "PER")]
    assert clean(gazetteer, *people) == [Mention(name, "PER") for name, _ in people]


def test_company_suffixes_demonyms_religions_and_holidays_are_not_entities(gazetteer):
    for word in ("Corp", "Ltd", "Inc", "Co.", "British", "Britons", "Muslim", "Islam", "Christmas", "God"):
        assert clean(gazetteer, (word, "PER"), (word, "LOC")) == [], word
    # A country whose name ends in s is not the plural of a nationality ("Philippine").
    assert clean(gazetteer, ("Philippines", "LOC")) == [Mention("Philippines", "LOC")]


def test_a_us_state_abbreviation_after_a_town_is_the_state(gazetteer):
    texts = ["The company, based in Hartford, Conn., said sales rose in Austin, Texas and Fresno, Calif."]
    assert state_abbreviations(texts, gazetteer) == [Mention("Conn.", "LOC"), Mention("Calif.", "LOC")]
    got = clean(gazetteer, ("Hartford", "LOC"), ("Conn", "PER"), texts=texts)
    assert Mention("Conn", "PER") not in got and Mention("Conn.", "LOC") in got
    assert gazetteer.place_name("Conn.") == "Connecticut"
    assert state_abbreviations(["Smith, Mass. and Jones"], gazetteer) == [Mention("Mass.", "LOC")]
    assert state_abbreviations(["It is Conn. now"], gazetteer) == []  # not after a town


def test_clubs_companies_and_ordinary_words_are_no_places(gazetteer):
    no_places = [("Norwich City", "LOC"), ("Bristol Rovers", "LOC"), ("Driefontein Consolidated Ltd", "LOC"),
                 ("Stadium", "LOC"), ("Church", "LOC")]
    assert clean(gazetteer, *no_places) == []
    # a city the gazetteer knows by a name ending in "City"; a word that is also a town
    places = [("Mexico City", "LOC"), ("Reading", "LOC")]
    assert clean(gazetteer, *places) == [Mention(name, "LOC") for name, _ in places]


def test_an_event_or_a_book_named_after_a_place_is_no_place(gazetteer):
    assert clean(gazetteer, ("London Marathon", "LOC"), ("Zurich Premiership", "LOC")) == []
    places = [("Thames Valley", "LOC"), ("West Bank", "LOC"), ("New York State", "LOC"), ("Sydney Harbour", "LOC")]
    assert clean(gazetteer, *places) == [Mention(name, "LOC") for name, _ in places]


def test_known_country_equivalents_share_one_name(gazetteer):
    assert gazetteer.place_name("Britain") == gazetteer.place_name("UK") == "United Kingdom"
    assert gazetteer.place_name("Great Britain") == "United Kingdom"
    assert gazetteer.place_name("America") == gazetteer.place_name("United States of America") == "United States"
    assert gazetteer.place_name("Holland") == "Netherlands"


def test_a_given_name_alone_is_no_persons_page():
    given = frozenset({"steven", "michael", "tony"})
    mentions = [Mention(s, "PER") for s in ("Steven Gerrard", "Steven", "Michael", "Tony", "Tony Blair",
                                            "Tony Adams", "Gordon")]
    texts = ["Steven Gerrard and Michael met Tony Blair and Tony Adams; Gordon said so."]
    assert lone_given_names(mentions, texts, given) == {"Michael", "Tony"}  # "Steven" folds into Gerrard
    # After "Mr", or as someone's surname, it is a surname.
    assert lone_given_names([Mention("Michael", "PER")], ["Mr Michael said"], given) == set()
    assert lone_given_names([Mention("Michael", "PER"), Mention("George Michael", "PER")], [""], given) == set()


def test_the_shipped_given_names_are_not_surnames():
    given = load_given_names()
    assert {"michael", "tony", "steven"} <= given
    assert not {"kennedy", "murphy", "jones", "blair"} & given


def test_title_case_headline_words_need_the_body():
    found = [Mention("Tourism", "PER"), Mention("Phuket", "LOC")]
    body = ["Hotels on Phuket are empty, and tourism has fallen."]
    assert supported_by_body("Tourism Slump Hits Phuket Resorts", found, body) == [Mention("Phuket", "LOC")]
    # A headline in sentence case, or in capitals, is left to the tagger.
    assert supported_by_body("Tourism slump hits resorts on Phuket", found, body) == found
    assert supported_by_body("TOURISM SLUMP HITS PHUKET", found, body) == found
