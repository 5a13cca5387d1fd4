"""Person and place pages as a reader finds them: built from real files, checked as written."""

from newsgen.build import build
from newsgen.config import load_config

from ..conftest import broken_links, write

CURATION = """\
entities:
  - name: Gordon Brown
    kind: person
    aliases: [Mr Brown]
    description: Chancellor of the Exchequer from 1997 to 2007.
"""


def _built(site_root, curation=CURATION):
    """The seed, plus an undated profile naming Gordon Brown (spotted by entities.yaml), built."""
    write(site_root / "content" / "entities.yaml", curation)
    write(site_root / "seeds" / "undated.txt",
          "Profile of a chancellor\nA standfirst.\nGordon Brown spoke of prudence. Mr Brown said little else.\n")
    build(load_config(site_root))
    return site_root / "site"


def test_an_entity_with_no_dated_article_has_no_feed_and_its_page_links_none(site_root):
    site = _built(site_root)
    brown = site / "people" / "gordon-brown"
    assert (brown / "index.html").is_file() and not (brown / "feed.xml").exists()
    assert "feed.xml" not in (brown / "index.html").read_text(encoding="utf-8").replace('href="../../feed.xml"', "")
    blinken = (site / "people" / "antony-blinken" / "index.html").read_text(encoding="utf-8")
    assert (site / "people" / "antony-blinken" / "feed.xml").is_file() and 'href="feed.xml"' in blinken
    assert broken_links(site) == []


def test_co_mentions_are_listed_apart_as_people_and_places(site_root):
    site = _built(site_root)
    blinken = (site / "people" / "antony-blinken" / "index.html").read_text(encoding="utf-8")
    people, places = blinken.split("<h3>People</h3>")[1].split("<h3>Places</h3>")
    assert 'href="../joe-biden/index.html"' in people and "places/" not in people
    assert 'href="../../places/gaza/index.html"' in places.split("</section>")[0]


def test_a_page_says_how_else_the_entity_was_written(site_root):
    site = _built(site_root)
    brown = (site / "people" / "gordon-brown" / "index.html").read_text(encoding="utf-8")
    assert '<p class="aliases">Also written Brown, Mr Brown.</p>' in brown
    blinken = (site / "people" / "antony-blinken" / "index.html").read_text(encoding="utf-8")
    assert '<p class="aliases">Also written Blinken.</p>' in blinken
    assert 'class="aliases"' not in (site / "places" / "gaza" / "index.html").read_text(encoding="utf-8")


def test_a_list_running_from_dated_to_undated_has_an_undated_heading_there_and_no_dates_without_any(site_root):
    write(site_root / "seeds" / "undated-blinken.txt", "Blinken at home\nA standfirst.\nAntony Blinken spoke.\n")
    site = _built(site_root)
    blinken = (site / "people" / "antony-blinken" / "index.html").read_text(encoding="utf-8")
    dated, undated = blinken.split('<h2 class="section-title list-break" id="undated">Undated</h2>')
    assert "heads to Tel Aviv" in dated and "Blinken at home" in undated and "heads to Tel Aviv" not in undated
    brown = (site / "people" / "gordon-brown" / "index.html").read_text(encoding="utf-8")
    assert "Undated</h2>" not in brown and "first on" not in brown and "Mentioned in 1 article." in brown
    assert broken_links(site) == []


def test_the_editors_one_line_description_is_on_the_page_and_in_its_meta_description(site_root):
    brown = (_built(site_root) / "people" / "gordon-brown" / "index.html").read_text(encoding="utf-8")
    assert '<p class="standfirst">Chancellor of the Exchequer from 1997 to 2007.</p>' in brown
    assert '<meta name="description" content="Chancellor of the Exchequer from 1997 to 2007.">' in brown
