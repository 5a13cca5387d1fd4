"""The editor's review of an archive's people and places, and the rules it suggests: each
rule, written to entities.yaml as it is printed, must load and do what it says."""

import pytest

from newsgen.entities import Curation, archive_names, load_curation, unify_across_archive, with_archive_names
from newsgen.entities.resolve import entity
from newsgen.entities.review import FOLDS, KIND_UNCERTAIN, ONE_ARTICLE, SINGLE_WORD, review, yaml_string


def person(name, *mentions):
    return entity(name, "person", mentions or (name,))


def place(name):
    return entity(name, "place", (name,))


def archive():
    """Hugh Ray, named once, and "Ray" alone twice (the film); "Tory" twice; "Jordan" a place
    twice and a person once; two Blairs and a "Blair" alone; a town named once."""
    return [
        [person("Hugh Ray")],
        [person("Ray")],
        [person("Ray"), place("Lonely Town")],
        [person("Tory"), place("Jordan")],
        [person("Tory"), person("Jordan")],
        [place("Jordan")],
        [person("Tony Blair"), person("Cherie Blair")],
        [person("Blair")],
    ]


def reviewed(found, curation=None):
    curation = curation or Curation()
    names = archive_names(found, curation)
    groups = review(with_archive_names(found, names, curation), found, names, curation)
    return {g.title: [(f.name, f.kind, f.articles) for f in g.findings] for g in groups}, groups


def pages(found, curation):
    """Each page's articles after the editor's rules: {(kind, name): count}."""
    counts = {}
    for article in unify_across_archive(found, curation):
        for e in article:
            counts[(e.kind, e.name)] = counts.get((e.kind, e.name), 0) + 1
    return counts


def test_each_group_finds_its_names_ordered_by_the_articles_they_touch():
    found, _ = reviewed(archive())
    assert found[KIND_UNCERTAIN] == [("Jordan", "place", 3)]
    assert found[FOLDS] == [("Ray", "person", 2)]
    assert found[SINGLE_WORD] == [("Tory", "person", 2), ("Blair", "person", 1)]
    # Listed once: Blair and Jordan are in an earlier group; Hugh Ray's page lists 3 articles.
    assert found[ONE_ARTICLE] == [("Cherie Blair", "person", 1), ("Lonely Town", "place", 1),
                                  ("Tony Blair", "person", 1)]


def test_a_fold_counts_only_articles_that_never_write_the_full_name():
    found = [[person("Hugh Ray")], [person("Ray")], [person("Hugh Ray"), person("Ray")]]
    assert reviewed(found)[0][FOLDS] == [("Ray", "person", 1)]


def test_names_the_editor_already_decided_are_left_out(tmp_path):
    rules = tmp_path / "entities.yaml"
    rules.write_text("entities:\n  - name: Tory Party\n    aliases: [Tory]\n", encoding="utf-8")
    found, _ = reviewed(archive(), load_curation(rules))
    assert "Tory" not in {name for findings in found.values() for name, _, _ in findings}


def _applied(tmp_path, rule):
    path = tmp_path / "entities.yaml"
    path.write_text(rule + "\n", encoding="utf-8")
    return load_curation(path)


def test_every_rule_loads_as_printed_and_does_what_it_says(tmp_path):
    found = archive()
    before = pages(found, Curation())
    assert before[("person", "Hugh Ray")] == 3 and before[("person", "Jordan")] == 1
    rules = {f.name: f.rule for g in reviewed(found)[1] for f in g.findings}

    after = pages(found, _applied(tmp_path, rules["Jordan"]))
    assert ("person", "Jordan") not in after and after[("place", "Jordan")] == 3

    after = pages(found, _applied(tmp_path, rules["Ray"]))  # the fold undone: Hugh Ray keeps his own article
    assert after[("person", "Hugh Ray")] == 1 and not any(name == "Ray" for _, name in after)

    for name in ("Tory", "Blair", "Lonely Town", "Tony Blair"):
        after = pages(found, _applied(tmp_path, rules[name]))
        assert not any(n == name for _, n in after), name
        assert len(after) == len(before) - 1  # nothing else went


@pytest.mark.parametrize("name", ["O'Driscoll", "Jean-Pierre Gaultier", "St. Louis", "null", "No", "1996",
                                  "AT&T", "Jo: the Film", "#hashtag", "[x]", "a, b", '"Quoted"', "Dr. No ", "José"])
def test_names_in_rules_read_back_as_written(tmp_path, name):
    curation = _applied(tmp_path, f"ignore: [{yaml_string(name)}]")
    assert curation.ignore == (" ".join(name.split()),)
