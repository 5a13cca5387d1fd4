"""Machine-readable metadata for article pages: schema.org JSON-LD and Open Graph.

Made as each article page is rendered, not kept in the site model: it follows from
the settings and the article alone, which the page's fingerprint already covers.

Values only; the template writes the JSON with Jinja's `tojson`, which escapes
`<`, `>` and `&`, so a headline holding `</script>` cannot end the data block.
URLs are included only when they can be absolute (base_url is set).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import urls
from ..model.views import ArticleView, PageView

if TYPE_CHECKING:
    from ..config import SiteConfig


def news_article_json_ld(config: SiteConfig, view: ArticleView) -> dict[str, Any]:
    article = view.article
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "inLanguage": config.language,
        "wordCount": article.word_count,
        "publisher": {"@type": "Organization", "name": config.title},
    }
    if article.standfirst:
        data["description"] = article.standfirst
    if article.date:
        data["datePublished"] = article.date.isoformat()
    if article.section:
        data["articleSection"] = article.section
    if config.base_url:
        data["url"] = data["mainEntityOfPage"] = urls.absolute(config.base_url, view.path)
    mentions = [{"@type": "Person", "name": e.name} for e in article.people]
    mentions += [{"@type": "Place", "name": e.name} for e in article.places]
    if mentions:
        data["mentions"] = mentions
    return data


def open_graph(config: SiteConfig, view: ArticleView) -> tuple[tuple[str, str], ...]:
    """(property, content) pairs for `<meta property=... content=...>`."""
    article = view.article
    tags = [
        ("og:type", "article"),
        ("og:title", article.headline),
        ("og:site_name", config.title),
        ("og:description", article.standfirst or config.description),
    ]
    if config.base_url:
        tags.append(("og:url", urls.absolute(config.base_url, view.path)))
    if article.date:
        tags.append(("article:published_time", article.date.isoformat()))
    if article.section:
        tags.append(("article:section", article.section))
    tags += [("article:tag", e.name) for e in article.people + article.places]
    return tuple(tags)


def page_metadata(config: SiteConfig, page: PageView) -> dict[str, Any]:
    """The template variables `json_ld` and `open_graph` of an article page (the page
    whose `item` is an article); nothing for other pages."""
    item = page.context.get("item")
    if not isinstance(item, ArticleView):
        return {}
    return {"json_ld": news_article_json_ld(config, item), "open_graph": open_graph(config, item)}
