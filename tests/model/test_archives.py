from datetime import date
from pathlib import Path

from newsgen.config import SiteConfig
from newsgen.model.archives import archive_pages, group_by_month, neighbours
from newsgen.model.site import build_site_model
from newsgen.records import Article


def article(slug, when=None):
    return Article(slug=slug, headline=slug, standfirst="", date=when, date_inferred=False, body=(),
                   source_path=f"seeds/{slug}.txt", word_count=0, reading_minutes=1)


def views(*articles):
    return build_site_model(SiteConfig(root=Path("/x")), list(articles), []).articles


def test_years_and_months_newest_first_keeping_archive_order_inside():
    years = group_by_month(views(
        article("jan-a", date(2023, 1, 5)), article("aug-1", date(2024, 8, 1)), article("undated"),
        article("aug-20", date(2024, 8, 20)), article("feb", date(2024, 2, 2)),
    ))
    assert [(y.year, y.count, y.path) for y in years] == [(2024, 3, "archive/2024/index.html"),
                                                         (2023, 1, "archive/2023/index.html")]
    august = years[0].months[0]
    assert (august.label, august.path, august.year_path) == ("August 2024", "archive/2024/08/index.html",
                                                             "archive/2024/index.html")
    assert [v.article.slug for v in august.articles] == ["aug-20", "aug-1"]
    assert [m.month for m in years[0].months] == [8, 2]


def test_neighbours_newer_before_older_after():
    near = neighbours(["c", "b", "a"])
    assert [(n.newer, n.older) for n in near] == [(None, "b"), ("c", "a"), ("b", None)]
    assert neighbours([]) == []


def test_archive_pages_link_years_and_months_and_keep_undated_articles():
    pages = {p.path: p for p in archive_pages(views(
        article("new", date(2024, 8, 1)), article("old", date(2023, 1, 1)), article("lost"),
    ), page_size=20)}
    assert sorted(pages) == ["archive/2023/01/index.html", "archive/2023/index.html", "archive/2024/08/index.html",
                             "archive/2024/index.html", "archive/index.html", "archive/undated/index.html"]
    month = pages["archive/2024/08/index.html"].context
    assert month["newer"] is None and month["older"].path == "archive/2023/01/index.html"
    assert [v.article.slug for v in pages["archive/undated/index.html"].context["items"]] == ["lost"]
    assert pages["archive/index.html"].context["undated"] == 1


def test_undated_articles_are_paginated_by_headline_like_the_front_page():
    archive = views(*(article(f"lost-{i}") for i in range(5)), article("dated", date(2024, 1, 1)))
    pages = [p for p in archive_pages(archive, page_size=2) if p.template == "archive_undated.html"]
    assert [p.path for p in pages] == ["archive/undated/index.html", "archive/undated/page/2/index.html",
                                       "archive/undated/page/3/index.html"]
    assert [[v.article.slug for v in p.context["items"]] for p in pages] == [["lost-0", "lost-1"],
                                                                             ["lost-2", "lost-3"], ["lost-4"]]
    assert [(p.title, p.context["count"]) for p in pages] == [
        ("Undated articles", 5), ("Undated articles — page 2", 5), ("Undated articles — page 3", 5)]
    second = pages[1].context["pagination"]
    assert (second.number, second.total, second.previous, second.next) == (
        2, 3, "archive/undated/index.html", "archive/undated/page/3/index.html")


def test_no_undated_page_when_every_article_has_a_date():
    paths = [p.path for p in archive_pages(views(article("a", date(2024, 1, 1))), page_size=20)]
    assert "archive/undated/index.html" not in paths


def test_archive_front_page_charts_articles_per_month():
    front = archive_pages(views(article("a", date(2024, 3, 1)), article("b", date(2024, 1, 9)),
                                article("c", date(2024, 1, 2))), page_size=20)[0]
    timeline = front.context["timeline"]
    assert (timeline.start_label, timeline.end_label) == ("Jan 2024", "Mar 2024")
    assert timeline.label.endswith("3 in all, most in Jan 2024 (2)")
    assert archive_pages(views(article("undated")), page_size=20)[0].context["timeline"] is None


def test_a_long_month_runs_on_to_numbered_pages_each_linking_the_other_months():
    archive = views(*(article(f"may-{day}", date(2024, 5, day)) for day in range(1, 6)), article("june", date(2024, 6, 1)))
    pages = [p for p in archive_pages(archive, page_size=20, month_page_size=2) if p.template == "archive_month.html"]
    assert [p.path for p in pages] == ["archive/2024/06/index.html", "archive/2024/05/index.html",
                                       "archive/2024/05/page/2/index.html", "archive/2024/05/page/3/index.html"]
    may = pages[1:]
    assert [[v.article.slug for v in p.context["items"]] for p in may] == [["may-5", "may-4"], ["may-3", "may-2"], ["may-1"]]
    assert [p.title for p in may] == ["May 2024", "May 2024 — page 2", "May 2024 — page 3"]
    assert all(p.context["newer"].path == "archive/2024/06/index.html" and p.context["month"].path == may[0].path
               for p in may)
    last = may[2].context["pagination"]
    assert (last.number, last.total, last.previous, last.next) == (3, 3, "archive/2024/05/page/2/index.html", "")
    assert pages[0].context["pagination"].total == 1
