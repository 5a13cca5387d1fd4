"""What `entities.evidence` counts around each name of an article, on sentences written for these tests."""

from newsgen.entities.evidence import (
    BUSINESS,
    LOWER,
    PLACE_WORD,
    TEAM,
    THE,
    WORK,
    article_evidence,
    is_placed,
    is_team,
    unpacked,
)
from newsgen.entities.spans import Mention
from newsgen.entities.tokenize import tokenize


def counts(text, *places):
    words = tokenize(text)[0]
    found = dict(article_evidence([words], [Mention(p, "LOC") for p in places]))
    return {p: unpacked(found[p]) for p in places}


def test_a_country_that_plays_is_counted_a_team():
    found = counts("Ruritania beat Freedonia 13-12 and then Ruritania coach Bob Smith smiled .", "Ruritania", "Freedonia")
    assert found["Ruritania"][TEAM] == 2 and found["Freedonia"][TEAM] == 1


def test_fixtures_and_a_score_count_as_a_team():
    found = counts("Ruritania v Freedonia . Grand Fenwick 2-0 .", "Ruritania", "Freedonia", "Grand Fenwick")
    assert [found[p][TEAM] for p in ("Ruritania", "Freedonia", "Grand Fenwick")] == [1, 1, 1]


def test_a_player_of_a_country_beaten_is_no_team():
    # "beating Ruritania's Bob Smith": the country he comes from, not a team beaten.
    assert counts("He won by beating Ruritania 's Bob Smith .", "Ruritania")["Ruritania"][TEAM] == 0


def test_going_to_a_place_is_a_place_word():
    assert counts("The side went to Ruritania last year .", "Ruritania")["Ruritania"][PLACE_WORD] == 1


def test_a_team_here_is_one_that_plays_and_is_never_a_place_in_the_article():
    plays, = article_evidence([tokenize("Ruritania beat Freedonia .")[0]], [Mention("Ruritania", "LOC")])
    visited, = article_evidence([tokenize("Ruritania beat Freedonia in Ruritania .")[0]], [Mention("Ruritania", "LOC")])
    assert is_team(plays[1]) and not is_placed(plays[1]) and is_placed(visited[1])


def test_in_the_and_a_dateline_are_place_words():
    assert counts("Prices rose in the Ruritania Highlands .", "Ruritania Highlands")["Ruritania Highlands"][PLACE_WORD] == 1
    assert counts("RURITANIA 1996-08-22 Prices rose .", "RURITANIA")["RURITANIA"][PLACE_WORD] == 1


def people_counts(text, *names):
    words = tokenize(text)[0]
    found = dict(article_evidence([words], [Mention(n, "PER") for n in names]))
    return {n: unpacked(found[n]) for n in names}


def test_what_follows_a_works_title_or_names_its_genre_is_a_work_word_but_not_after_a_possessive():
    found = people_counts("The Zorro Quest films and the comedy Bob Sway delighted Ann Lee 's film fans .",
                          "Zorro Quest", "Bob Sway", "Ann Lee")
    assert [found[n][WORK] for n in ("Zorro Quest", "Bob Sway", "Ann Lee")] == [1, 1, 0]


def test_the_band_before_a_name_and_its_frontman_after_it_are_group_words():
    assert people_counts("It starred the band Zed Rowan . Zed Rowan frontman Al spoke .", "Zed Rowan")["Zed Rowan"][BUSINESS] == 2


def test_a_places_words_written_in_lower_case_are_counted_and_a_persons_are_not():
    words = tokenize("The Bank raised rates and the bank said so . Bank spoke .")[0]
    found = dict(article_evidence([words], [Mention("Bank", "LOC"), Mention("Spoke", "PER")]))
    assert unpacked(found["Bank"])[LOWER] == 1 and unpacked(found["Spoke"])[LOWER] == 0
    assert unpacked(found["Bank"])[THE] == 1  # the lower-case bank says nothing else


def test_a_clubs_players_and_a_loss_to_it_are_team_words():
    found = counts("Bath prop Matt Stevens scored in the loss to Bath .", "Bath")
    assert found["Bath"][TEAM] == 2 and found["Bath"][PLACE_WORD] == 0
