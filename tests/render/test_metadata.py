import json
import re
from datetime import date
from pathlib import Path

from newsgen.config import SiteConfig
from newsgen.model.site import build_site_model
from newsgen.records import Article, Entity
from newsgen.render.metadata import news_article_json_ld, open_graph, page_metadata

from ..rendered import site_texts

HOSTILE = 'Ends </script><script>alert(1)</script> & "quotes"'


def model(base_url=""):
    config = SiteConfig(root=Path("/x"), title="Archive", base_url=base_url)
    article = Article(slug="a", headline=HOSTILE, standfirst="Lead.", date=date(2024, 8, 18), date_inferred=False,
                      body=(), source_path="seeds/a.txt", word_count=120, reading_minutes=1,
                      people=(Entity("Ann Lee", "ann-lee", "person"),), places=(Entity("Oslo", "oslo", "place"),))
    return config, build_site_model(config, [article], [])


def test_news_article_json_ld_fields():
    config, site = model("https://e.org/news/")
    data = news_article_json_ld(config, site.articles[0])
    assert data["@type"] == "NewsArticle" and data["@context"] == "https://schema.org"
    assert (data["headline"], data["datePublished"], data["description"]) == (HOSTILE, "2024-08-18", "Lead.")
    assert data["url"] == data["mainEntityOfPage"] == "https://e.org/news/articles/a/"
    assert data["mentions"] == [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Place", "name": "Oslo"}]


def test_no_urls_without_base_url():
    config, site = model()
    assert "url" not in news_article_json_ld(config, site.articles[0])
    assert "og:url" not in dict(open_graph(config, site.articles[0]))


def test_json_ld_cannot_end_its_script_block_and_parses_back():
    config, site = model("https://e.org/news/")
    html = site_texts(config, site)["articles/a/index.html"]
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "<" not in block
    assert json.loads(block)["headline"] == HOSTILE


def test_open_graph_tags():
    config, site = model("https://e.org/news/")
    tags = open_graph(config, site.articles[0])
    assert dict(tags)["og:type"] == "article" and dict(tags)["og:url"] == "https://e.org/news/articles/a/"
    assert [v for k, v in tags if k == "article:tag"] == ["Ann Lee", "Oslo"]
    html = site_texts(config, site)["articles/a/index.html"]
    assert '<meta property="og:title" content="Ends &lt;/script&gt;' in html


def test_article_pages_get_their_metadata_as_they_are_drawn():
    config, site = model("https://e.org/news/")
    by_template = {p.template: p for p in site.pages}
    metadata = page_metadata(config, by_template["article.html"])
    assert metadata["json_ld"] == news_article_json_ld(config, site.articles[0])
    assert metadata["open_graph"] == open_graph(config, site.articles[0])
    assert page_metadata(config, by_template["tag.html"]) == page_metadata(config, by_template["index.html"]) == {}
