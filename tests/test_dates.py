import re
from datetime import date

from newsgen.dates import _longest_first, date_problem, dateline_of, find_dates, parse_date, path_date, path_year


def test_the_month_trie_prefers_the_longest_name_like_a_plain_alternation():
    words = ["sep", "sept", "september", "mar", "march", "may", "jun", "june"]
    trie = re.compile(f"(?:{_longest_first(words)})")
    plain = re.compile("|".join(sorted(words, key=len, reverse=True)))
    for text in ["september", "sept.", "sep 3", "march", "mar", "may", "june", "jun.", "junk", "mayor", "s"]:
        assert (trie.match(text) or [None])[0] == (plain.match(text) or [None])[0], text


def test_dates_in_every_written_form_in_order_of_form():
    text = "On Sept. 3, 1999 and 12th June, 2004, then 2004-02-28; also 4 July 1776 and July 4th 1776."
    assert find_dates(text) == [
        date(1999, 9, 3), date(1776, 7, 4), date(2004, 6, 12), date(1776, 7, 4), date(2004, 2, 28)
    ]


def test_digits_inside_a_longer_number_or_word_are_no_day_or_year():
    assert find_dates("x12 May 2003, 112 May 2003, 12 May 20031, 12004-02-28") == []
    assert find_dates("May 12 2003x and 2004-02-30") == []


def test_letters_that_only_fold_to_a_month_name_are_not_a_month():
    # Under case folding "ſ" is "s" and "İ" is "i"; such text once crashed the parser.
    assert find_dates("ſeptember 5 2020, aprİl 3 2000, AUGUſT 3 2000") == []


def test_front_matter_dates():
    assert parse_date("3 May 2010") == date(2010, 5, 3)
    assert parse_date("3 May 2010 or 4 May 2010") is None


def test_a_date_is_written_on_one_line():
    # A BBC match preview: the kick-off time on the line after the day is no year.
    assert find_dates("Saturday, 26 February\n\n1400 GMT") == []
    assert find_dates("Sept. 3,\n1999 and 12th June\n2004") == []
    assert find_dates("Kick-off:\t26 February 2005") == [date(2005, 2, 26)]


def test_a_clock_time_after_a_day_and_month_is_no_year():
    assert find_dates("Sunday 27 February 1500 GMT, and May 3 1600 UTC") == []
    assert find_dates("Saturday, 26 February 2005 1400 GMT") == [date(2005, 2, 26)]


def test_dates_in_paths():
    assert path_date("seeds/2024-08-18-gaza.txt") == (date(2024, 8, 18), "file name")
    assert path_date("seeds/20240818_gaza.txt") == (date(2024, 8, 18), "file name")
    assert path_date("seeds/2024/08/18/gaza.txt") == (date(2024, 8, 18), "folders")
    assert path_date("seeds/2024/8/18/gaza.txt") == (date(2024, 8, 18), "folders")
    assert path_date("seeds/2024-08-18/gaza.txt") == (date(2024, 8, 18), "folders")
    # a digest, a serial number, an impossible day or a lone year is no date
    for path in ["seeds/000_eb79ed762533e805.txt", "seeds/business/001.txt", "seeds/2024-02-30-x.txt",
                 "seeds/2024/x.txt", "seeds/123420240818_x.txt", "seeds/2024/13/01/x.txt"]:
        assert path_date(path) is None, path


def test_the_year_a_path_names():
    assert path_year("seeds/1987/reut.txt") == 1987
    assert path_year("seeds/1987-03/reut.txt") == 1987
    assert path_year("seeds/2005-x.txt") == 2005
    assert path_year("seeds/business/001.txt") is None
    assert path_year("seeds/2004/2005/x.txt") is None  # two years: neither


def test_datelines():
    assert dateline_of("NEW YORK, March 16 - The bank said") == "NEW YORK, March 16"
    assert dateline_of("LONDON (Reuters) - Shares fell") == "LONDON (Reuters)"
    assert dateline_of("PARIS, 16 March 2004 (AFP) -- Text") == "PARIS, 16 March 2004 (AFP)"
    # capitals and a dash with neither a day nor an agency are no dateline
    for text in ["NASA - the agency said", "New York, March 16 - lower case", "The UK, March 16 - x"]:
        assert dateline_of(text) == "", text


def test_dates_no_article_can_have():
    today = date(2026, 1, 1)
    assert date_problem(date(2026, 1, 2), today) == "is in the future of the build"
    assert date_problem(date(1799, 12, 31), today) == "is before 1800"
    assert date_problem(date(1800, 1, 1), today) == date_problem(today, today) == ""


def test_the_build_day_notes_the_earliest_date_it_put_aside_as_in_the_future():
    from newsgen.dates import BuildDay

    day = BuildDay(date(2025, 1, 1))
    assert day.problem(date(2025, 1, 1)) == "" and day.changes_on is None
    assert day.problem(date(1700, 1, 1)) == "is before 1800" and day.changes_on is None
    assert day.problem(date(2025, 3, 1)) == day.problem(date(2025, 2, 1)) == "is in the future of the build"
    day.problem(date(2025, 4, 1))
    assert day.changes_on == date(2025, 2, 1)
