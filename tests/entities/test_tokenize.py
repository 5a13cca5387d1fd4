from newsgen.entities.tokenize import tokenize


def words(text):
    return tokenize(text)[0]


def test_possessive_is_split_off_the_name():
    assert words("Netanyahu's office") == ["Netanyahu", "'s", "office"]
    assert words("Netanyahu\u2019s office") == ["Netanyahu", "\u2019s", "office"]


def test_abbreviations_and_initials_keep_their_full_stops():
    assert words("U.S. and US and U.S officials") == ["U.S.", "and", "US", "and", "U.S", "officials"]
    assert words("(P. Simmons 4-38)") == ["(", "P.", "Simmons", "4-38", ")"]
    assert words("St. Louis") == ["St.", "Louis"]


def test_names_with_hyphens_and_apostrophes_stay_whole():
    assert words("Tim O'Gorman at Chester-le-Street.") == ["Tim", "O'Gorman", "at", "Chester-le-Street", "."]
    assert words("T.O'Gorman and Jacques Songo'o") == ["T.", "O'Gorman", "and", "Jacques", "Songo'o"]
    assert words("they're here, don't go") == ["they", "'re", "here", ",", "don", "'t", "go"]


def test_spaced_tokens_join_back_into_the_text():
    text = "LONDON 1996-08-30  Kent won."
    tokens, spaced = tokenize(text)
    assert "".join(spaced) == text
    assert tokens[:2] == ["LONDON", "1996-08-30"] and spaced[2] == "  Kent"


def test_links_and_handles_are_single_tokens():
    link = "pic.twitter.com/g0vF7lxN0C"
    assert words(f"{link} (@TRTWorldNow)") == [link, "(", "@TRTWorldNow", ")"]


def test_spaced_tokens_hold_any_white_space():
    text = "  Anna\u00a0Smith,\tin  São Paulo’s\n\nU.S. office  \u2003 "
    tokens, spaced = tokenize(text)
    assert tokens == ["Anna", "Smith", ",", "in", "São", "Paulo", "’s", "U.S.", "office"]
    assert "".join(spaced) == text.rstrip() and [s.lstrip() for s in spaced] == tokens
    assert tokenize("") == ([], []) and tokenize(" \n ") == ([], [])


def test_plain_words_next_to_links_and_abbreviations_are_still_split_right():
    assert words("see www.bbc.co.uk or https://x.com/a now") == ["see", "www.bbc.co.uk", "or", "https://x.com/a", "now"]
    assert words("Mr. Smith met Dr. No, Calif.") == ["Mr.", "Smith", "met", "Dr.", "No", ",", "Calif."]
    assert words("https: and http") == ["https", ":", "and", "http"]
