"""The build report a person reads at the end of every build."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .dates import DATE_SOURCES
from .errors import BuildWarning
from .util.console import QUIET, Console, counted, printable


def format_report(report: BuildReport, output: str) -> str:
    if report.up_to_date:
        done = "nothing changed since the last build"
    else:
        done = f"{report.pages_written} files written" + (
            f", {report.pages_reused} unchanged" if report.pages_reused else "")
    found = ", ".join([counted(report.articles, "article"), counted(report.people, "person", "people"),
                       counted(report.places, "place")])
    lines = [f"Built {output}: {found}, {done} in {report.elapsed:.2f} s."]
    if report.articles:
        lines.append(dates_line(report.dates, report.articles))
    if report.duplicates:
        lines.append(f"{counted(len(report.duplicates), 'source file')} with another's text (duplicates):")
        lines.extend(f"  duplicate: {_one_line(d)}" for d in report.duplicates)
    if report.near_duplicates:
        pairs = counted(len(report.near_duplicates), "pair")
        lines.append(f"{pairs} of nearly the same text (near-duplicates, not merged):")
        lines.extend(f"  near-duplicate: {_one_line(d)}" for d in report.near_duplicates)
    if report.warnings:
        lines.append(f"{counted(len(report.warnings), 'warning')}:")
        lines.extend(f"  warning: {_one_line(w)}" for w in report.warnings)
    if report.dropped:
        lines.append(f"{counted(len(report.dropped), 'source file')} produced no page:")
        lines.extend(f"  skipped: {_one_line(d)}" for d in report.dropped)
    return "\n".join(lines)


def dates_line(dates: dict[str, int], articles: int) -> str:
    """How many articles are dated, and from where: a reader of the site trusts a date from
    the file name more than one from an embedded post, and the editor should know the mix."""
    dated = articles - dates.get("", 0)
    sources = ", ".join(f"{dates[s]:,} from the {s}" for s in DATE_SOURCES if dates.get(s))
    return f"Dates: {dated:,} of {counted(articles, 'article')} dated" + (f" ({sources})" if sources else "") + "."


def count_date_sources(sources: Iterable[str]) -> dict[str, int]:
    """Articles by where their date came from ("" for undated), in `DATE_SOURCES` order."""
    counts: dict[str, int] = {}
    for source in sources:
        counts[source] = counts.get(source, 0) + 1
    return {s: counts[s] for s in ("", *DATE_SOURCES) if s in counts}


def _one_line(item: BuildWarning) -> str:
    """A warning on one line, its controls escaped: a newline in a file name must not
    start a line that passes for the report's own."""
    return printable(str(item), keep="")


def show_report(console: Console, report: BuildReport, output: str) -> None:
    """The report on stdout; with -q, only when a source file produced no page, on stderr."""
    text = format_report(report, output)
    if console.level == QUIET and report.dropped:
        console.problem(text)
    else:
        console.say(text)


@dataclass
class BuildReport:
    articles: int = 0
    pages_written: int = 0
    pages_reused: int = 0
    people: int = 0
    places: int = 0
    dates: dict[str, int] = field(default_factory=dict)  # articles by date source, "" for undated
    warnings: list[BuildWarning] = field(default_factory=list)
    dropped: list[BuildWarning] = field(default_factory=list)
    duplicates: list[BuildWarning] = field(default_factory=list)  # each source repeating another's text
    near_duplicates: list[BuildWarning] = field(default_factory=list)  # each pair of nearly the same text
    elapsed: float = 0.0
    up_to_date: bool = False
