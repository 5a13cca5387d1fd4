"""Safe YAML: every problem is a NewsgenError naming its file and line."""

from pathlib import Path

import pytest

from newsgen.errors import NewsgenError
from newsgen.sources.files import SourceFile
from newsgen.sources.markdown import parse_markdown
from newsgen.yamlutil import parse_yaml


@pytest.mark.parametrize("escape", [r"\x01", r"\u000c", r"\ud800", r"\ude00\ud83d", r"\uffff", r"\0"])
def test_an_escape_making_a_character_xml_forbids_names_its_line(escape):
    # Found by benchmarks/fuzz.py's feed target: the title reached the Atom feed, which no parser read.
    with pytest.raises(NewsgenError) as raised:
        parse_yaml(f'title: Fine\nstandfirst: "Before{escape}after"\n', "x.yaml", first_line=2)
    assert (raised.value.path, raised.value.line) == ("x.yaml", 3)
    assert "no page or feed may hold" in raised.value.message


def test_a_front_matter_title_with_an_escaped_control_character_is_refused_at_its_line():
    text = '---\ndate: 2024-01-01\ntitle: "Minister\\x1b resigns"\n---\nBody.\n'
    with pytest.raises(NewsgenError) as raised:
        parse_markdown(SourceFile(Path("a.md"), text), Path("articles", "a.md"), "a.md")
    assert (raised.value.path, raised.value.line) == ("a.md", 3)


def test_escapes_of_characters_xml_allows_still_load():
    data, _ = parse_yaml('title: "Tab\\there, \\u00e9, \\x85, \\u2028, \\U0001F642 and \\ud83d\\ude00"\n', "x.yaml")
    assert data == {"title": "Tab\there, é, \x85, \u2028, 🙂 and 😀"}  # the last as JSON writes it
