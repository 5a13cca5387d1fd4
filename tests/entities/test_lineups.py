from newsgen.entities.gazetteer import load_gazetteer
from newsgen.entities.lineups import label_lineups
from newsgen.entities.tokenize import tokenize

PARTICLES = load_gazetteer().particles


def labelled(text, marks=None):
    """Tokens of `text` and their labels, "O" but for the {word: label} in `marks`."""
    words, _ = tokenize(text)
    return words, [(marks or {}).get(w, "O") for w in words]


def people(words, labels):
    spans, current = [], None
    for word, label in zip(words, labels):
        if label == "B-PER":
            current = [word]
            spans.append(current)
        elif label == "I-PER" and current is not None:
            current.append(word)
        else:
            current = None
    return [" ".join(s) for s in spans]


def test_a_line_up_of_initials_and_surnames_is_all_people():
    words, labels = labelled("J Ollier; A Brun, Y Fabre (capt), D Tessel, C Marin; S Vidal, N Roux (Pau).")
    assert label_lineups(words, labels, PARTICLES)
    assert people(words, labels) == [
        "J Ollier", "A Brun", "Y Fabre", "D Tessel", "C Marin", "S Vidal", "N Roux",
    ]  # the club in brackets is not a player


def test_a_line_up_of_surnames_is_all_people_when_the_model_saw_people_in_it():
    text = "Hollis, Stanner, Pike; Marlow, Edgeley; Hatton, van der Berg, Harlow; Kemble, Casey."
    words, labels = labelled(text, {"Stanner": "B-PER", "Marlow": "B-PER", "Kemble": "B-PER",
                                          "Harlow": "B-PER", "Pike": "B-LOC"})
    assert label_lineups(words, labels, PARTICLES)
    assert people(words, labels) == [
        "Hollis", "Stanner", "Pike", "Marlow", "Edgeley", "Hatton", "van der Berg", "Harlow", "Kemble", "Casey",
    ]


def test_a_player_keeps_every_particle_the_one_list_holds():
    text = "Hollis, Stanner, Pike; Marlow, dos Santos; Hatton, ten Berge, Harlow; Kemble, Casey."
    words, labels = labelled(text, {"Stanner": "B-PER", "Marlow": "B-PER", "Kemble": "B-PER", "Harlow": "B-PER"})
    assert label_lineups(words, labels, PARTICLES)
    assert "dos Santos" in people(words, labels) and "ten Berge" in people(words, labels)


def test_replacements_joined_by_for_are_people():
    words, labels = labelled("Replacements: Everly for Marlow (53), Hodd for Edgeley (77), Whitby for Hatton (71)",
                             {"Everly": "B-PER", "Hodd": "B-PER", "Whitby": "B-PER"})
    assert label_lineups(words, labels, PARTICLES)
    assert people(words, labels) == ["Everly", "Marlow", "Hodd", "Edgeley", "Whitby", "Hatton"]


def test_a_list_of_surnames_the_model_mostly_took_for_something_else_is_left_alone():
    text = "Hollis, Stanner, Pike; Marlow, Edgeley; Hatton, van der Berg, Harlow; Kemble, Casey."
    words, labels = labelled(text, {"Stanner": "B-PER", "Pike": "B-LOC", "Hollis": "B-ORG"})
    assert not label_lineups(words, labels, PARTICLES)


def test_a_list_of_places_or_a_sentence_is_left_alone():
    places = {w: "B-LOC" for w in ("Leeds", "Derby", "York", "Hull", "Bath")}
    words, labels = labelled("Stops: Leeds, Derby, York, Hull, Bath.", places)
    assert not label_lineups(words, labels, PARTICLES)
    words, labels = labelled("Blair, Brown, Prescott and Straw met in London on Tuesday.",
                             {"Blair": "B-PER", "Brown": "B-PER"})
    before = list(labels)
    assert not label_lineups(words, labels, PARTICLES)
    assert labels == before
