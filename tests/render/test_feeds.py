import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

from newsgen.config import SiteConfig
from newsgen.model.feeds import FEED_SIZE, SitemapEntry
from newsgen.model.site import build_site_model
from newsgen.records import Article, Entity
from newsgen.render import feeds
from newsgen.render.feeds import ATOM_NS, SITEMAP_NS, robots_txt, sitemap_files

from ..rendered import data_texts

A = f"{{{ATOM_NS}}}"
S = f"{{{SITEMAP_NS}}}"
BASE = "https://me.github.io/archive/"


def article(slug, when, headline=None, people=()):
    return Article(slug=slug, headline=headline or slug, standfirst=f"About {slug} & <more>", date=when,
                   date_inferred=False, body=(), source_path=f"seeds/{slug}.txt", word_count=3, reading_minutes=1,
                   people=tuple(Entity(n, n.lower().replace(" ", "-"), "person") for n in people))


def outputs(base_url="", articles=None):
    config = SiteConfig(root=Path("/x"), title="Daily <Archive>", base_url=base_url)
    if articles is None:
        articles = [article("old", date(2023, 5, 1), people=["Ann Lee"]), article("undated", None, people=["Ann Lee"]),
                    article("new", date(2024, 8, 18), headline="Tom & Jerry </script>", people=["Ann Lee"])]
    model = build_site_model(config, articles, [])
    return model, data_texts(config, model)


def test_site_feed_is_atom_with_required_elements_newest_first():
    _, files = outputs(BASE)
    feed = ET.fromstring(files["feed.xml"])
    assert feed.tag == A + "feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.findtext(A + "title") == "Daily <Archive>"
    assert feed.findtext(A + "id") == BASE + "feed.xml"
    assert feed.findtext(A + "updated") == "2024-08-18T00:00:00Z"  # the newest article, not the clock
    assert feed.findtext(f"{A}author/{A}name") == "Daily <Archive>"
    links = {link.get("rel"): link.get("href") for link in feed.findall(A + "link")}
    assert links == {"alternate": BASE, "self": BASE + "feed.xml"}
    entries = feed.findall(A + "entry")
    assert [e.findtext(A + "title") for e in entries] == ["Tom & Jerry </script>", "old"]  # undated left out
    first = entries[0]
    assert first.findtext(A + "id") == first.find(A + "link").get("href") == BASE + "articles/new/"
    assert first.findtext(A + "updated") == "2024-08-18T00:00:00Z"
    assert first.findtext(A + "summary") == "About new & <more>"
    assert [c.get("term") for c in first.findall(A + "category")] == ["Ann Lee"]


def test_every_person_and_place_has_a_feed_beside_its_page():
    _, files = outputs(BASE)
    feed = ET.fromstring(files["people/ann-lee/feed.xml"])
    assert feed.findtext(A + "title") == "Ann Lee — Daily <Archive>"
    assert {link.get("rel"): link.get("href") for link in feed.findall(A + "link")}["alternate"] == BASE + "people/ann-lee/"
    assert len(feed.findall(A + "entry")) == 2


def test_feeds_are_capped_to_the_newest_entries():
    many = [article(f"a{i:03d}", date(2020, 1, 1 + i % 28)) for i in range(FEED_SIZE + 5)]
    _, files = outputs(BASE, many)
    assert len(ET.fromstring(files["feed.xml"]).findall(A + "entry")) == FEED_SIZE


def test_without_base_url_feed_links_resolve_relative_to_the_feed_and_ids_are_urns():
    model, files = outputs("")
    pages = {p.path for p in model.pages}
    for path in ("feed.xml", "people/ann-lee/feed.xml"):
        feed = ET.fromstring(files[path])
        hrefs = [link.get("href") for link in feed.iter(A + "link")]
        assert hrefs and all("://" not in h for h in hrefs)
        for href in hrefs:  # as a feed reader resolves them against the feed's own URL
            assert urljoin("https://host/" + path, href).removeprefix("https://host/") in pages, href
        ids = [e.text for e in feed.iter(A + "id")]
        assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == len(ids)
    assert model.warnings and "base_url" in model.warnings[0].message


def test_with_base_url_no_warning():
    model, _ = outputs(BASE)
    assert model.warnings == ()


def test_empty_feed_is_still_valid_and_reproducible():
    _, files = outputs("", [])
    feed = ET.fromstring(files["feed.xml"])
    assert feed.findtext(A + "updated") == "1970-01-01T00:00:00Z" and feed.findall(A + "entry") == []


def test_sitemap_lists_every_page_but_404_with_absolute_urls():
    model, files = outputs(BASE)
    locs = [u.findtext(S + "loc") for u in ET.fromstring(files["sitemap.xml"]).findall(S + "url")]
    assert all(loc.startswith(BASE) for loc in locs)
    assert len(locs) == len(model.pages) - 1 and not any("404" in loc for loc in locs)
    lastmods = {u.findtext(S + "loc"): u.findtext(S + "lastmod") for u in ET.fromstring(files["sitemap.xml"])}
    assert lastmods[BASE + "articles/new/"] == "2024-08-18"


def test_sitemap_without_base_url_lists_nothing():
    _, files = outputs("")
    assert ET.fromstring(files["sitemap.xml"]).findall(S + "url") == []


def test_large_sitemaps_split_into_an_index(monkeypatch):
    monkeypatch.setattr(feeds, "SITEMAP_LIMIT", 2)
    files = dict(sitemap_files([SitemapEntry(f"p{i}.html") for i in range(5)], BASE))
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == S + "sitemapindex"
    assert [s.findtext(S + "loc") for s in index] == [BASE + f"sitemaps/{n}.xml" for n in (1, 2, 3)]
    assert len(ET.fromstring(files["sitemaps/3.xml"])) == 1


def test_robots_names_the_sitemap_only_when_it_can_be_absolute():
    assert robots_txt(BASE).splitlines() == ["User-agent: *", "Allow: /", f"Sitemap: {BASE}sitemap.xml"]
    assert "Sitemap" not in robots_txt("")



def test_a_base_url_left_empty_in_newsgen_yaml_is_no_warning():
    """The Pages workflow gives the address when it publishes: a local build cannot, and is not told to."""
    config = SiteConfig(root=Path("/x"), base_url_left_empty=True)
    assert build_site_model(config, [article("old", date(2023, 5, 1))], []).warnings == ()
