from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings

from newsgen.errors import NewsgenError
from newsgen.records import LinkCard, Paragraph, Subheading, Tweet
from newsgen.sources.files import SourceFile, read_source
from newsgen.sources.seed import MAX_ARTICLE_CHARS, MAX_LINE_CHARS, parse_seed

from .. import properties
from ..conftest import SEED, SHARED

BBC = SHARED / "corpus" / "bbc"


def parse_text(text: str, name: str = "a.txt"):
    return parse_seed(SourceFile(Path(name), text))


def test_real_seed_fields():
    article, warnings = parse_seed(read_source(SEED))
    assert article.headline == "'Illusion or optimism': Blinken heads to Tel Aviv for Gaza ceasefire push"
    assert article.standfirst == (
        "US officials have said they made progress and offered a proposal to bridge gaps between "
        "Israel and Hamas, with talks to resume later in the coming week in Cairo."
    )
    assert article.date == date(2024, 8, 18)
    assert article.date_inferred is True
    assert article.slug == "illusion-or-optimism-blinken-heads-to-tel-aviv-for-gaza-ceasefire-push"
    assert warnings == []


def test_real_seed_blocks():
    article, _ = parse_seed(read_source(SEED))
    subheadings = [b for b in article.body if isinstance(b, Subheading)]
    assert [s.text for s in subheadings] == ["'Cautious optimism'"]
    tweets = [b for b in article.body if isinstance(b, Tweet)]
    assert len(tweets) == 1 and article.embeds == tuple(tweets)
    tweet = tweets[0]
    assert tweet.handle == "TRTWorldNow"
    assert tweet.author == "TRT World Now"
    assert tweet.date == date(2024, 8, 18)
    assert tweet.media_url == "https://pic.twitter.com/g0vF7lxN0C"
    assert tweet.text.endswith("reports from occupied East Jerusalem")
    paragraphs = [b.text for b in article.body if isinstance(b, Paragraph)]
    assert not any("TRT World Now" in p or "pic.twitter.com" in p for p in paragraphs)
    assert paragraphs[-1].startswith("Pro-Palestinian activists")
    assert article.word_count > 400 and article.reading_minutes == 3


def test_blank_line_layout_takes_first_paragraph_as_standfirst():
    text = "Headline here\n\nFirst paragraph is the lead.\n\nSecond paragraph.\n\n\nThird one.\n"
    article, _ = parse_text(text)
    assert article.standfirst == "First paragraph is the lead."
    assert [b.text for b in article.body] == ["Second paragraph.", "Third one."]


def test_hard_wrapped_lines_join_into_one_paragraph():
    article, _ = parse_text("H\nS.\n\nThis paragraph was wrapped\nby an editor at a fixed width.\n")
    assert [b.text for b in article.body] == ["This paragraph was wrapped by an editor at a fixed width."]


def test_no_date_means_undated_not_mtime():
    article, _ = parse_text("H\nS.\nBody without a full date, only May 31.\n")
    assert article.date is None and article.date_inferred is False


def test_a_date_in_running_prose_never_dates_the_article():
    # A profile names a birthday, a report an anniversary: neither is the day it was filed.
    text = ("Profile: A Chancellor\n\nBorn on 20 February 1951, he became chancellor in 1997.\n\n"
            "The attacks of 11 September 2001 changed the law, and by 2021-04-05 it had changed again.\n")
    article, warnings = parse_text(text, "seeds/business/001.txt")
    assert (article.date, article.date_source, article.date_inferred) == (None, "", False)
    assert warnings == []


@pytest.mark.parametrize("name, source", [
    ("seeds/2019-03-04-budget-day.txt", "file name"),
    ("seeds/20190304_budget.txt", "file name"),
    ("seeds/2019/03/04/x.txt", "folders"),
    ("seeds/politics/2019-03-04/x.txt", "folders"),
])
def test_a_date_in_the_file_name_or_folders_dates_the_article(name, source):
    article, _ = parse_text("H\nS.\nOn 20 February 1951 something happened.\n", name)
    assert (article.date, article.date_source, article.date_inferred) == (date(2019, 3, 4), source, False)


def test_the_path_comes_before_the_embedded_post():
    article, _ = parse_text(SEED.read_text(encoding="utf-8"), "seeds/2024-08-20-blinken.txt")
    assert (article.date, article.date_source) == (date(2024, 8, 20), "file name")


def test_the_seed_is_dated_from_its_embedded_post_and_shown_as_approximate():
    article, _ = parse_seed(read_source(SEED), "seeds/000_eb79ed762533e805.txt")
    assert (article.date, article.date_source, article.date_inferred) == (date(2024, 8, 18), "embedded post", True)


def test_a_date_in_the_future_or_before_1800_is_a_warning_and_not_used():
    article, warnings = parse_text("H\nS.\nBody.\n", "seeds/2999-01-01-x.txt")
    assert article.date is None
    assert [(w.path, w.message) for w in warnings] == [
        ("seeds/2999-01-01-x.txt", "the date 2999-01-01 from the file name is in the future of the build; not used")]
    text = "H\nS.\nA post.\n— Someone (@someone) May 3, 1700\n"
    article, warnings = parse_text(text, "seeds/1799/x.txt")
    assert article.date is None and ["before 1800" in w.message for w in warnings] == [True]


def test_a_rejected_path_date_falls_back_to_the_next_source():
    text = "H\nS.\nA post.\n— Someone (@someone) May 3, 2020\n"
    article, warnings = parse_text(text, "seeds/2999-01-01-x.txt")
    assert (article.date, article.date_source) == (date(2020, 5, 3), "embedded post") and len(warnings) == 1


def test_a_dateline_dates_the_article_in_the_year_its_folders_give():
    text = "Bank sets offer\nNEW YORK, March 16 - The bank said on Monday it would sell bonds.\nMore.\n"
    article, _ = parse_text(text, "seeds/1987/reut-001.txt")
    assert (article.date, article.date_source, article.dateline) == (date(1987, 3, 16), "dateline", "NEW YORK, March 16")
    # without a year from the path the dateline is kept, but dates nothing
    article, _ = parse_text(text, "seeds/reut-001.txt")
    assert (article.date, article.dateline) == (None, "NEW YORK, March 16")
    article, _ = parse_text("H\nLONDON (Reuters) - Shares fell.\nMore.\n", "seeds/1987/x.txt")
    assert (article.date, article.dateline) == (None, "LONDON (Reuters)")


def test_a_published_line_at_the_top_dates_the_article():
    article, _ = parse_text("H\n\nPublished: 5 May 2010\n\nOn 1 January 1999 it began.\n", "seeds/x.txt")
    assert (article.date, article.date_source) == (date(2010, 5, 5), "published line")
    article, _ = parse_text("H\n\nUpdated 6 May\n\nText.\n", "seeds/2010/x.txt")
    assert (article.date, article.date_source) == (date(2010, 5, 6), "published line")
    # lower in the text it is prose
    article, _ = parse_text("H\n\nOne.\n\nTwo.\n\nThree.\n\nPublished: 5 May 2010\n", "seeds/x.txt")
    assert article.date is None


# Wire copy as archives keep it: wrapped at about 65 columns, each paragraph's first line
# indented. The lines ending "will offer" and "in" must not end a paragraph before a number
# or a capital. Written for this test.
WIRE = """\
MIDLAND BANK SETS BOND OFFER
    NEW YORK, March 16 - Midland Bank said the bank will offer
250 mln dlrs of notes due 1992 through a syndicate, and it will
buy back an equal amount of its floating rate notes held in
Treasury bonds accounts, the bank said in a statement.
    The notes will carry a coupon of 7-1/2 pct and be priced at
99.85 to yield 7.54 pct, the bank said, adding that proceeds
will go to general corporate purposes in the United States and
Canada.
    Midland said the issue was rated A-1 by Moody's Investors
Service Inc and A-plus by Standard and Poor's Corp.
"""


def test_wire_copy_joins_wrapped_lines_and_splits_at_indents():
    article, warnings = parse_text(WIRE, "seeds/1987/03/reut-2.txt")
    assert warnings == []
    paragraphs = [article.standfirst] + [b.text for b in article.body]
    assert all(isinstance(b, Paragraph) for b in article.body)
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("NEW YORK, March 16 - Midland Bank said the bank will offer 250 mln dlrs")
    assert "held in Treasury bonds accounts" in paragraphs[0]
    assert all(p.endswith(".") for p in paragraphs)  # no paragraph ends mid-sentence
    assert (article.date, article.date_source) == (date(1987, 3, 16), "dateline")


def test_wire_copy_with_blank_lines_between_paragraphs():
    text = WIRE.replace("\n    ", "\n\n")
    article, _ = parse_text(text, "seeds/x.txt")
    paragraphs = [article.standfirst] + [b.text for b in article.body]
    assert len(paragraphs) == 3 and all(p.endswith(".") for p in paragraphs)


def test_short_lines_that_end_their_sentences_are_not_wire_copy():
    text = ("Results round-up\n\nChelsea beat Arsenal 2-1 at home.\nLeeds drew 0-0 with Hull City away.\n"
            "Wigan lost 3-0 to Derby in the rain.\nBolton won 4-2 at Fulham on Sunday.\n")
    article, _ = parse_text(text)
    assert len(article.body) == 3


def test_bare_urls_become_link_cards():
    text = "H\nS.\nPara one.\nhttps://www.youtube.com/watch?v=abc\nhttps://x.com/someone/status/1\nhttps://example.org/a\nEnd.\n"
    article, _ = parse_text(text)
    cards = [b for b in article.body if isinstance(b, LinkCard)]
    assert [(c.kind, c.site) for c in cards] == [("youtube", "youtube.com"), ("x", "x.com"), ("link", "example.org")]


def test_unsafe_url_line_stays_text():
    article, _ = parse_text("H\nS.\njavascript:alert(1)\n")
    assert article.body == (Paragraph("javascript:alert(1)"),)


def test_short_last_line_is_not_a_subheading():
    article, _ = parse_text("H\nS.\nA paragraph.\nSigned off by the desk\n")
    assert isinstance(article.body[-1], Paragraph)


def test_empty_file_is_an_error_with_location():
    with pytest.raises(NewsgenError) as info:
        parse_text(" \n\n", "empty.txt")
    assert str(info.value) == "empty.txt:1: empty file: no headline"


def test_headline_without_body_warns_with_line():
    article, warnings = parse_text("\n\nJust a headline\n", "h.txt")
    assert article.headline == "Just a headline"
    assert [str(w) for w in warnings] == ["h.txt:3: headline with no body"]


def test_orphan_attribution_warns():
    _, warnings = parse_text("H\n\n— Someone (@someone) May 1, 2024\n", "t.txt")
    assert warnings and warnings[0].line == 3


def test_very_long_headline_is_shortened_with_warning():
    article, warnings = parse_text("x" * 1000 + "\nS.\n", "long.txt")
    assert len(article.headline) <= 301 and len(article.slug) <= 80
    assert warnings[0].line == 1


def test_emoji_headline_falls_back_to_file_name_slug():
    article, _ = parse_text("🔥🔥🔥\nS.\n", "story-42.txt")
    assert article.slug == "story-42"


@settings(max_examples=300, deadline=None)
@given(properties.seed_bytes())
def test_any_bytes_give_an_article_or_a_located_error(data):
    properties.check_seed(data)


@pytest.mark.parametrize("line", ["- a" + " " * 200_000 + "b", "text" + " " * 200_000 + "x"])
def test_long_runs_of_spaces_do_not_backtrack(line):
    # Quadratic regexes took minutes on these; now they parse in well under a second.
    article, _ = parse_text(f"Headline\nStandfirst.\n{line}\n— A (@a) August 1, 2024\n")
    assert article.headline == "Headline"


def test_twenty_megabyte_line_is_cut_with_a_warning():
    article, warnings = parse_text("Headline\n" + "word " * 4_000_000)
    assert article.headline == "Headline"
    assert len(article.standfirst) <= MAX_LINE_CHARS
    assert [str(w) for w in warnings] == [f"a.txt:2: line is 19999999 characters; cut to {MAX_LINE_CHARS}"]


def test_text_past_the_article_limit_is_left_out_with_a_warning():
    line = "A paragraph that goes on. " * 3000  # 78,000 characters
    article, warnings = parse_text("Headline\n" + f"{line}\n" * 20)
    assert sum(len(b.text) for b in article.body) + len(article.standfirst) <= MAX_ARTICLE_CHARS
    assert [str(w) for w in warnings] == [
        f"a.txt:14: article is longer than {MAX_ARTICLE_CHARS} characters; left out from this line on"]


def test_bidi_controls_are_stripped_from_headline_and_standfirst_with_warnings():
    """A right-to-left override would make a headline display reversed text."""
    article, warnings = parse_text("\nPM \u202eseton\u202c resigns\n\u2066Lead\u2069 para.\nBody \u202a text.\n",
                                   "seeds/rtl.txt")
    assert (article.headline, article.standfirst) == ("PM seton resigns", "Lead para.")
    assert [(w.path, w.line, w.message.split()[0]) for w in warnings] == [
        ("seeds/rtl.txt", 2, "headline"), ("seeds/rtl.txt", 3, "standfirst")]


def test_bidi_controls_in_a_standfirst_taken_from_the_body_name_its_line():
    article, warnings = parse_text("Head\n\n\u202eLead\n", "b.txt")
    assert article.standfirst == "Lead" and [(w.line, w.message.split()[0]) for w in warnings] == [(3, "standfirst")]


def test_html_character_references_are_read_as_the_characters_they_name():
    article, warnings = parse_text("&#163;1.8m indecency fine for Viacom\n\nTom &amp; Jerry cost &#x20AC;5 &eacute;lan.\n\n"
                                   "A second &quot;paragraph&quot; &#8212; here.\n")
    assert article.headline == "£1.8m indecency fine for Viacom"
    assert "163" not in article.slug
    assert article.standfirst == "Tom & Jerry cost €5 élan."
    assert [b.text for b in article.body] == ['A second "paragraph" — here.']
    assert warnings == []


def test_only_references_closed_by_a_semicolon_naming_a_printable_character_are_decoded():
    article, _ = parse_text("AT&T and R&D &bogus; &#10; &copy 2024\n\nhttps://example.org/?a=1&copy=2&notify=3\n\nEnd.\n")
    assert article.headline == "AT&T and R&D &bogus; &#10; &copy 2024"
    assert article.standfirst == "" and article.body[0] == LinkCard(
        url="https://example.org/?a=1&copy=2&notify=3", site="example.org", kind="link")


@pytest.mark.skipif(not BBC.is_dir(), reason="the BBC corpus is not in ../shared/corpus/bbc (kept outside the repository)")
def test_no_bbc_article_is_dated_from_its_prose():
    # The cases: a profile dated by a birthday in 1951, a report by 11 September 2001.
    # Filed under a year folder, every date found must lie in that year or be none.
    sources = {}
    for path in sorted(BBC.rglob("*.txt")):
        rel = path.relative_to(BBC).as_posix()
        sources.update({f"seeds/{rel}": path, f"seeds/2005/{rel}": path})
    dated = {}
    for name, path in sources.items():
        article, _ = parse_seed(read_source(path), name)
        if article.date:
            dated[name] = article.date
    assert len(sources) == 2 * 2225
    assert all(d.year == 2005 and name.startswith("seeds/2005/") for name, d in dated.items()), dated
