"""What the console prints of file names and messages cannot drive the terminal."""

from newsgen.errors import BuildWarning
from newsgen.report import BuildReport, format_report
from newsgen.util.console import QUIET, Console

HOSTILE = "seeds/\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil.txt"
SHOWN = "seeds/\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eevil.txt"


def test_console_escapes_control_characters_but_keeps_lines(capsys):
    Console().say(f"created {HOSTILE}\n\tnext line")
    Console(QUIET).problem(f"newsgen: error: {HOSTILE}: cannot read")
    out, err = capsys.readouterr()
    assert out == f"created {SHOWN}\n\tnext line\n"
    assert err == f"newsgen: error: {SHOWN}: cannot read\n"


def test_build_report_escapes_file_names_in_warnings_even_a_newline(capsys):
    """A newline in a file name must not start a line that looks like the report's own."""
    report = BuildReport(articles=1, warnings=[BuildWarning("odd", HOSTILE, 2)],
                         dropped=[BuildWarning("empty file", "a\nBuilt site: 0 problems", 1)])
    text = format_report(report, "site")
    assert f"  warning: {SHOWN}:2: odd" in text.splitlines()
    assert "  skipped: a\\nBuilt site: 0 problems:1: empty file" in text.splitlines()
    assert "\x1b" not in text and "\x9b" not in text


def test_an_error_naming_a_hostile_folder_is_printed_escaped(tmp_path, capsys):
    from newsgen.cli import main

    from ..conftest import write

    root = tmp_path / "r\x1b[2J"
    write(root / "newsgen.yaml", "title: [unclosed\n")
    assert main(["build", "--root", str(root)]) != 0
    err = capsys.readouterr().err
    assert "r\\x1b[2J" in err and "\x1b" not in err


def test_the_build_report_counts_one_of_a_thing_in_the_singular():
    one = format_report(BuildReport(articles=1, people=1, places=1, pages_written=5,
                                    warnings=[BuildWarning("odd", "a.txt", 1)], dropped=[BuildWarning("empty", "b.txt", 1)]),
                        "site").splitlines()
    assert one[0].startswith("Built site: 1 article, 1 person, 1 place, 5 files written")
    assert one[1:] == ["Dates: 1 of 1 article dated.", "1 warning:", "  warning: a.txt:1: odd",
                       "1 source file produced no page:", "  skipped: b.txt:1: empty"]
    many = format_report(BuildReport(articles=12_345, people=2, places=0, warnings=[BuildWarning("odd", "a.txt", 1)] * 2),
                         "site").splitlines()
    assert many[0].startswith("Built site: 12,345 articles, 2 people, 0 places,") and many[2] == "2 warnings:"


def test_build_report_counts_articles_by_where_their_date_came_from():
    from newsgen.report import count_date_sources

    dates = count_date_sources(["embedded post", "", "file name", "folders", "file name", ""])
    assert list(dates) == ["", "file name", "folders", "embedded post"]  # undated, then most trusted first
    text = format_report(BuildReport(articles=6, dates=dates), "site")
    assert "Dates: 4 of 6 articles dated (2 from the file name, 1 from the folders, 1 from the embedded post)." \
        in text.splitlines()
    assert "Dates: 0 of 2 articles dated." in format_report(BuildReport(articles=2, dates={"": 2}), "site")
