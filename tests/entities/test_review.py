"""The editor's review of an archive's people and places, and the rules it suggests: each
rule, written to entities.yaml as it is printed, must load and do what it says."""

import pytest

from newsgen.entities import Curation, load_curation, review_archive, unify_across_archive
from newsgen.entities.resolve import entity
from newsgen.entities.review import FOLDS, KIND_UNCERTAIN, ONE_ARTICLE, SINGLE_WORD, review, yaml_string

from .test_archive import person, said


def place(name):
    return entity(name, "place", (name,))


def archive():
    """Antony Blinken, named once, also as "Blinken", and "Blinken" alone twice, each time beside
    his spokesman Ned Price; "Mr Zorro"
    twice and "Mr Blobby" once; "Victoria Park" a place twice and a person once; "Sony" a
    person that once spoke and was once "the Sony"; a town named once; two Blairs. Each article with its evidence."""
    return [
        ([person("Antony Blinken", "Antony Blinken", "Blinken"), person("Ned Price")], said("Blinken", person=1, male=1)),
        ([person("Blinken"), person("Ned Price")], said("Blinken", person=1)),
        ([person("Blinken"), person("Ned Price"), place("Lonely Town")], said("Blinken", person=1)),
        ([person("Zorro"), place("Victoria Park")], said("Zorro", person=1, male=1) + said("Victoria Park", place=1)),
        ([person("Zorro"), person("Victoria Park")], said("Zorro", person=1, male=1) + said("Victoria Park", person=1)),
        ([place("Victoria Park"), person("Blobby")], said("Victoria Park", place=1) + said("Blobby", male=1)),
        ([person("Sony")], said("Sony", person=3, speech=1, the=1)),
        ([person("Tony Blair"), person("Cherie Blair")], ()),
    ]


def reviewed(articles, curation=None):
    curation = curation or Curation()
    found, said_so = [a for a, _ in articles], [e for _, e in articles]
    groups = review(unify_across_archive(found, curation, said_so), found, review_archive(found, said_so, curation),
                    curation)
    return {g.title: [(f.name, f.kind, f.articles) for f in g.findings] for g in groups}, groups


def pages(articles, curation):
    """Each page's articles after the editor's rules: {(kind, name): count}."""
    counts = {}
    for article in unify_across_archive([a for a, _ in articles], curation, [e for _, e in articles]):
        for e in article:
            counts[(e.kind, e.name)] = counts.get((e.kind, e.name), 0) + 1
    return counts


def test_each_group_finds_its_names_in_order():
    found, groups = reviewed(archive())
    assert found[KIND_UNCERTAIN] == [("Victoria Park", "place", 3), ("Sony", "person", 1)]
    # The fold across the archive first, then the one its own article made.
    assert found[FOLDS] == [("Blinken", "person", 2), ("Blinken", "person", 1)]
    assert found[SINGLE_WORD] == [("Zorro", "person", 2), ("Blobby", "person", 1)]
    # Listed once: Blobby is in an earlier group; Antony Blinken's page lists 3 articles.
    assert found[ONE_ARTICLE] == [("Cherie Blair", "person", 1), ("Lonely Town", "place", 1),
                                  ("Tony Blair", "person", 1)]
    sony = groups[0].findings[1]
    assert sony.why == ("tagged a person; the archive gave it no page on close evidence (tagged person 3, speaks or "
                        "is described 1, the before it 1); use the rule if it is a person")


def test_names_the_editor_already_decided_are_left_out(tmp_path):
    rules = tmp_path / "entities.yaml"
    rules.write_text("entities:\n  - name: Zorro\n    description: A masked man.\n", encoding="utf-8")
    found, _ = reviewed(archive(), load_curation(rules))
    assert "Zorro" not in {name for findings in found.values() for name, _, _ in findings}


def _applied(tmp_path, rule):
    path = tmp_path / "entities.yaml"
    path.write_text(rule + "\n", encoding="utf-8")
    return load_curation(path)


def test_every_rule_loads_as_printed_and_does_what_it_says(tmp_path):
    articles = archive()
    before = pages(articles, Curation())
    assert before[("person", "Antony Blinken")] == 3 and before[("person", "Victoria Park")] == 1
    assert ("person", "Sony") not in before
    rules = {f.name: f.rule for g in reviewed(articles)[1] for f in g.findings}

    after = pages(articles, _applied(tmp_path, rules["Victoria Park"]))
    assert ("person", "Victoria Park") not in after and after[("place", "Victoria Park")] == 3

    after = pages(articles, _applied(tmp_path, rules["Sony"]))  # the close call the other way
    assert after[("person", "Sony")] == 1

    after = pages(articles, _applied(tmp_path, rules["Blinken"]))  # the fold undone: he keeps his own article
    assert after[("person", "Antony Blinken")] == 1 and not any(name == "Blinken" for _, name in after)

    for name in ("Zorro", "Blobby", "Lonely Town", "Tony Blair"):
        after = pages(articles, _applied(tmp_path, rules[name]))
        assert not any(n == name for _, n in after), name
        assert len(after) == len(before) - 1  # nothing else went


@pytest.mark.parametrize("name", ["O'Driscoll", "Jean-Pierre Gaultier", "St. Louis", "null", "No", "1996",
                                  "AT&T", "Jo: the Film", "#hashtag", "[x]", "a, b", '"Quoted"', "Dr. No ", "José"])
def test_names_in_rules_read_back_as_written(tmp_path, name):
    curation = _applied(tmp_path, f"ignore: [{yaml_string(name)}]")
    assert curation.ignore == (" ".join(name.split()),)
