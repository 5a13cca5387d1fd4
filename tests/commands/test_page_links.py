"""Reading links out of built files; html.parser is the reference the fast reader must match."""

from html.parser import HTMLParser

from newsgen.commands.page_links import PageLinks, css_links, html_links, xml_links

TRICKY = """<!DOCTYPE html><HTML><head><title>a <b> title</title>
<link rel=stylesheet href=static/style.css><!-- <a href="commented.html"> -->
<script src="app.js">if (x < 1) { document.write('<a href="in-script.html">') }</script>
<style>a::after { content: "<img src='in-style.png'>" }</style></head>
<body><a HREF="a.html?x=1&amp;y=2#frag" title="1 > 0">a</a><a name=top></a><p id='one' data-x="<a href=fake>">
<img src = "img.png" srcset="small.png 1x, big.png 2x"><form action=search/index.html></form>
<a href>empty</a><input disabled><a href='q.html' / ><br/></body></HTML>"""


def reference(text: str) -> PageLinks:
    """What html.parser sees: every start tag's link attributes and ids."""
    page = PageLinks()

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            for key, value in attrs:
                if value is None:
                    continue
                if key in ("href", "src", "action", "poster", "data"):
                    page.links.append(value.strip())
                elif key in ("srcset", "imagesrcset"):
                    page.links.extend(c.split()[0] for c in value.split(",") if c.strip())
                elif key == "id" or (key == "name" and tag == "a"):
                    page.ids.add(value)

    reader = Reader()
    reader.feed(text)
    reader.close()
    return page


def test_tricky_markup_reads_as_html_parser_reads_it():
    found = html_links(TRICKY)
    assert found == reference(TRICKY)
    assert found.links == ["static/style.css", "app.js", "a.html?x=1&y=2#frag", "img.png", "small.png", "big.png",
                           "search/index.html", "q.html"]
    assert found.ids == {"top", "one"}


def test_every_page_of_a_generated_archive_reads_as_html_parser_reads_it(archive_site):
    for page in sorted(archive_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert html_links(text) == reference(text), page


def test_css_urls_in_any_quoting():
    assert css_links("a{b:url(x.png)} c{d:url( 'y.svg' )} e{f:url(\"z.woff2\")}").links == ["x.png", "y.svg", "z.woff2"]


def test_feeds_must_be_well_formed_and_namespaced():
    assert xml_links('<feed xmlns="http://www.w3.org/2005/Atom"><link href="a/"/></feed>') == (PageLinks(["a/"]), None)
    assert xml_links("<feed>")[1].startswith("not well-formed XML: no element found")
    assert xml_links("<rss/>", sitemap=True)[1] == "a sitemap's root must be <urlset> or <sitemapindex>, not <rss>"


def test_a_meta_refresh_is_a_link_and_marks_a_redirect_page():
    page = html_links('<meta charset="utf-8"><META HTTP-EQUIV="Refresh" CONTENT="0; URL=\'../a/index.html\'">'
                      '<meta name="refresh" content="0; url=not-this.html"><meta http-equiv="refresh" content="30">')
    assert page.links == ["../a/index.html"] and page.redirect
    assert not html_links('<meta http-equiv="content-security-policy" content="0; url=x.html">').redirect
