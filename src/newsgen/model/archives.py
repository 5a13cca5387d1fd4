"""Year and month archives, and each article's neighbours in archive order.

Works on the site model's article views, already in archive order (newest
first, undated last), so grouping keeps that order inside every month.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from .. import urls
from .entity_stats import monthly_counts
from .timeline import draw_timeline
from .views import ArticleView, PageView, paginated

T = TypeVar("T")


@dataclass(frozen=True)
class MonthArchive:
    year: int
    month: int
    path: str
    articles: tuple[ArticleView, ...]

    @property
    def label(self) -> str:
        return date(self.year, self.month, 1).strftime("%B %Y")

    @property
    def year_path(self) -> str:
        return urls.archive_year_path(self.year)

    @property
    def month_name(self) -> str:
        return date(self.year, self.month, 1).strftime("%B")


@dataclass(frozen=True)
class YearArchive:
    year: int
    path: str
    months: tuple[MonthArchive, ...]  # newest first

    @property
    def label(self) -> str:
        return str(self.year)

    @property
    def count(self) -> int:
        return sum(len(m.articles) for m in self.months)


@dataclass(frozen=True)
class Neighbours(Generic[T]):
    """The items either side of one item in archive order."""

    newer: T | None
    older: T | None


def group_by_month(views: Sequence[ArticleView]) -> tuple[YearArchive, ...]:
    """Dated articles grouped by year and month, newest first; undated ones are left out."""
    months: dict[tuple[int, int], list[ArticleView]] = {}
    for view in views:
        when = view.article.date
        if when is not None:
            months.setdefault((when.year, when.month), []).append(view)
    years: dict[int, list[MonthArchive]] = {}
    for (year, month), items in sorted(months.items(), reverse=True):
        years.setdefault(year, []).append(MonthArchive(year, month, urls.archive_month_path(year, month), tuple(items)))
    return tuple(YearArchive(year, urls.archive_year_path(year), tuple(ms)) for year, ms in years.items())


def neighbours(items: Sequence[T]) -> list[Neighbours[T]]:
    """For items in archive order (newest first): the one before is newer, the one after older."""
    last = len(items) - 1
    return [
        Neighbours(items[i - 1] if i > 0 else None, items[i + 1] if i < last else None)
        for i in range(len(items))
    ]


# Lines on a page of a month. A line is an article's date, headline and first people and places,
# up to ~1 KB of HTML (~620 bytes in a generated archive): a month of 100,000 articles over 25 years
# (~330 a month) made one page of over 200 KB; a page of 50 lines stays near 50 KB at most.
MONTH_PAGE_SIZE = 50


def archive_pages(views: Sequence[ArticleView], page_size: int,
                  month_page_size: int = MONTH_PAGE_SIZE) -> list[PageView]:
    """The archive's front page, one page per year and per month, and the undated articles
    (so none is missing from the archive), `page_size` to a page as on the front page: they
    are listed with their standfirsts, and an archive of undated texts has thousands.

    A month lists one line per article, `month_page_size` lines to a page."""
    years = group_by_month(views)
    undated = tuple(v for v in views if v.article.date is None)
    per_month = {(m.year, m.month): len(m.articles) for year in years for m in year.months}
    out = [PageView(urls.archive_index_path(), "archive_index.html", "Archive", {
        "years": years, "timeline": draw_timeline(monthly_counts(per_month)),
        "undated": len(undated), "undated_path": urls.archive_undated_path()})]
    for year, near in zip(years, neighbours(years)):
        out.append(PageView(year.path, "archive_year.html", str(year.year),
                            {"year": year, "newer": near.newer, "older": near.older}))
    months = [m for year in years for m in year.months]
    for month, near in zip(months, neighbours(months)):
        for path, chunk, pagination in paginated(month.path, month.articles, month_page_size):
            out.append(PageView(path, "archive_month.html", pagination.title(month.label), {
                "month": month, "items": chunk, "pagination": pagination, "newer": near.newer, "older": near.older}))
    if undated:
        for path, chunk, pagination in paginated(urls.archive_undated_path(), undated, page_size):
            out.append(PageView(path, "archive_undated.html", pagination.title("Undated articles"), {
                "items": chunk, "pagination": pagination, "count": len(undated)}))
    return out
