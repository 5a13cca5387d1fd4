"""xml_text writes what ElementTree's indent + tostring write, escaping included."""

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from newsgen.render.xml_text import DECLARATION, comment, document, leaf, nest

# Characters XML 1.0 allows, with the ones that need escaping made likely.
xml_text = st.text(st.one_of(st.sampled_from('&<>"\'\r\n\t '), st.characters(
    blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff",
    min_codepoint=0x20)), max_size=20)


def tree_xml(root: ET.Element) -> str:
    ET.indent(root)
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


@given(title=xml_text, term=xml_text, summary=xml_text)
def test_nested_elements_match_elementtree(title, term, summary):
    root = ET.Element("feed", {"xmlns": "urn:x", "xml:lang": "en"})
    ET.SubElement(root, "title").text = title or None
    entry = ET.SubElement(root, "entry")
    ET.SubElement(entry, "category", {"term": term})
    author = ET.SubElement(entry, "author")
    ET.SubElement(author, "name").text = summary or None
    ET.SubElement(entry, "empty")

    written = nest("feed", [
        leaf("title", title),
        nest("entry", [
            leaf("category", term=term),
            nest("author", [leaf("name", summary)], depth=2),
            nest("empty", [], depth=2),
        ], depth=1),
    ], xmlns="urn:x", **{"xml:lang": "en"})
    assert document(written) == tree_xml(root)


def test_text_with_line_breaks_is_not_indented():
    written = document(nest("a", [nest("b", [leaf("c", "one\ntwo")], depth=1)]))
    assert "<c>one\ntwo</c>" in written
    assert ET.fromstring(written.split("\n", 1)[1]).find("b/c").text == "one\ntwo"


def test_comment_and_empty_root():
    root = ET.Element("urlset", xmlns="urn:s")
    root.append(ET.Comment(" no base_url: see <README> "))
    assert document(nest("urlset", [comment(" no base_url: see <README> ")], xmlns="urn:s")) == tree_xml(root)
    assert document(nest("urlset", [], xmlns="urn:s")) == tree_xml(ET.Element("urlset", xmlns="urn:s"))
