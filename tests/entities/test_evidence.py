"""What `entities.evidence` counts around each name of an article, on sentences written for these tests."""

from newsgen.entities.evidence import PLACE_WORD, TEAM, article_evidence, is_placed, is_team, unpacked
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
