"""`newsgen new`: skeletons that build as they are, dated, and never overwriting."""

from datetime import date

import pytest

from newsgen.build import build
from newsgen.cli import main
from newsgen.commands.new import new_article
from newsgen.config import load_config
from newsgen.errors import NewsgenError

DAY = date(2025, 3, 7)
HEADLINE = "Harbour: 'storm' closes ferries"


def test_seed_skeleton_is_dated_by_its_override_and_builds(tmp_path):
    config = load_config(tmp_path)
    written = new_article(config, HEADLINE, DAY)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "seeds/2025-03-07-harbour-storm-closes-ferries.txt",
        "content/seeds/2025-03-07-harbour-storm-closes-ferries.yaml",
    ]
    assert written[0].read_text().splitlines()[0] == HEADLINE
    report = build(config)
    assert report.articles == 1 and report.dropped == []
    page = (tmp_path / "site" / "articles" / "harbour-storm-closes-ferries" / "index.html").read_text()
    assert 'datetime="2025-03-07"' in page and "date from" not in page  # the override's, the editor's own


def test_markdown_article_has_front_matter_and_builds(tmp_path):
    config = load_config(tmp_path)
    [path] = new_article(config, HEADLINE, DAY, markdown=True)
    assert path == tmp_path / "content" / "articles" / "2025-03-07-harbour-storm-closes-ferries.md"
    report = build(config)
    assert report.dropped == []
    assert [(w.path, w.line) for w in report.warnings if w.path] == [(f"content/articles/{path.name}", 4),
                                                                    (f"content/articles/{path.name}", 8)]
    page = (tmp_path / "site" / "articles" / "harbour-storm-closes-ferries" / "index.html").read_text()
    assert "Harbour: &#39;storm&#39; closes ferries" in page and 'datetime="2025-03-07"' in page


def test_an_existing_file_is_never_overwritten(tmp_path):
    config = load_config(tmp_path)
    [path] = new_article(config, HEADLINE, DAY, markdown=True)
    path.write_text("my edits")
    with pytest.raises(NewsgenError) as error:
        new_article(config, HEADLINE, DAY, markdown=True)
    assert str(error.value) == ("content/articles/2025-03-07-harbour-storm-closes-ferries.md already exists: "
                                "not overwritten; edit it, or choose another headline or --date")
    assert path.read_text() == "my edits"


def test_an_existing_override_stops_the_seed_too(tmp_path):
    override = tmp_path / "content" / "seeds" / "2025-03-07-harbour-storm-closes-ferries.yaml"
    override.parent.mkdir(parents=True)
    override.write_text("date: 2020-01-01\n")
    with pytest.raises(NewsgenError, match="content/seeds/2025-03-07-harbour-storm-closes-ferries.yaml already exists"):
        new_article(load_config(tmp_path), HEADLINE, DAY)
    assert not (tmp_path / "seeds").exists()


@pytest.mark.parametrize("headline, message", [
    ("   ", "the headline is empty"),
    ("Two\nlines", "the headline must be one line"),
    ("x" * 301, "the headline is 301 characters; the limit is 300"),
])
def test_bad_headlines_are_refused(tmp_path, headline, message):
    with pytest.raises(NewsgenError) as error:
        new_article(load_config(tmp_path), headline, DAY)
    assert str(error.value) == message


def test_cli_dates_today_and_reports_the_files(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "Fog over the estuary"]) == 0
    stem = f"{date.today().isoformat()}-fog-over-the-estuary"
    assert capsys.readouterr().out.splitlines() == [f"created seeds/{stem}.txt", f"created content/seeds/{stem}.yaml"]
    assert main(["new", "Fog over the estuary"]) == 2
    assert capsys.readouterr().err == (f"newsgen: error: seeds/{stem}.txt already exists: not overwritten; "
                                       "edit it, or choose another headline or --date\n")


def test_cli_rejects_a_bad_date(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["new", "--root", str(tmp_path), "--date", "2025-02-30", "x"])
    assert exit.value.code == 2
    assert "argument --date: not a date of the form YYYY-MM-DD: '2025-02-30'" in capsys.readouterr().err


def test_a_headline_that_is_not_utf8_is_refused_and_leaves_no_file(tmp_path, capsys):
    """A command-line byte that is not UTF-8 reaches Python as a lone surrogate: writing it
    raised UnicodeEncodeError (an internal error) and left the seed behind, 0 bytes long."""
    headline = b"Caf\xe9 reopens".decode("utf-8", "surrogateescape")
    assert main(["new", "--root", str(tmp_path), "--date", "2025-03-07", headline]) == 2
    assert capsys.readouterr().err == ("newsgen: error: the headline is not UTF-8 text (byte 0xe9): "
                                       "type it again, or set the terminal to UTF-8\n")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []



def test_a_skeleton_still_holding_its_placeholders_builds_with_a_warning_naming_the_file_and_line(tmp_path):
    config = load_config(tmp_path)
    seed, _ = new_article(config, HEADLINE, DAY)
    name = f"seeds/{seed.name}"
    warnings = [w for w in build(config).warnings if w.path]
    assert [(w.path, w.line) for w in warnings] == [(name, 2), (name, 3)]
    assert "standfirst is still the placeholder `newsgen new` wrote" in str(warnings[0])
    assert "body is still the placeholder" in str(warnings[1])
    seed.write_text(f"{HEADLINE}\nA real standfirst.\nA real first paragraph.\n", encoding="utf-8")
    assert [w for w in build(config).warnings if w.path] == []
