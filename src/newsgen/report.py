"""The build report a person reads at the end of every build."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import BuildWarning
from .util.console import QUIET, Console, printable


def format_report(report: BuildReport, output: str) -> str:
    if report.up_to_date:
        done = "nothing changed since the last build"
    else:
        done = f"{report.pages_written} files written" + (
            f", {report.pages_reused} unchanged" if report.pages_reused else "")
    lines = [
        f"Built {output}: {report.articles} articles, {report.people} people, {report.places} places, "
        f"{done} in {report.elapsed:.2f} s.",
    ]
    if report.duplicates:
        lines.append(f"{len(report.duplicates)} source file(s) repeat another's text (duplicates):")
        lines.extend(f"  duplicate: {_one_line(d)}" for d in report.duplicates)
    if report.near_duplicates:
        lines.append(f"{len(report.near_duplicates)} pair(s) of nearly the same text (near-duplicates, not merged):")
        lines.extend(f"  near-duplicate: {_one_line(d)}" for d in report.near_duplicates)
    if report.warnings:
        lines.append(f"{len(report.warnings)} warning(s):")
        lines.extend(f"  warning: {_one_line(w)}" for w in report.warnings)
    if report.dropped:
        lines.append(f"{len(report.dropped)} source file(s) produced no page:")
        lines.extend(f"  skipped: {_one_line(d)}" for d in report.dropped)
    return "\n".join(lines)


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
    warnings: list[BuildWarning] = field(default_factory=list)
    dropped: list[BuildWarning] = field(default_factory=list)
    duplicates: list[BuildWarning] = field(default_factory=list)  # each source repeating another's text
    near_duplicates: list[BuildWarning] = field(default_factory=list)  # each pair of nearly the same text
    elapsed: float = 0.0
    up_to_date: bool = False
