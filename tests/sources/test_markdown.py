from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgen.errors import NewsgenError
from newsgen.records import Article, ContentPage
from newsgen.sources.files import SourceFile
from newsgen.sources.markdown import parse_markdown
from newsgen.sources.seed import MAX_HEADLINE_CHARS

from .. import properties


def parse(text: str, relative: str = "articles/a.md"):
    return parse_markdown(SourceFile(Path(relative), text), Path(relative), relative)


def test_article_with_front_matter():
    article, warnings = parse(
        "---\ntitle: Hand written\ndate: 2024-09-01\nstandfirst: Lead.\npeople: [Jane Doe]\n---\n"
        "Body with *emphasis* in Lisbon.\n"
    )
    assert isinstance(article, Article) and warnings == []
    assert (article.headline, article.date, article.standfirst) == ("Hand written", date(2024, 9, 1), "Lead.")
    assert article.origin == "markdown" and article.date_inferred is False
    assert "<em>emphasis</em>" in article.body[0].html
    assert "Body with emphasis in Lisbon." in article.texts()
    assert [p.name for p in article.people] == ["Jane Doe"]


def test_page_outside_articles_folder():
    page, _ = parse("---\ntitle: About us\n---\nWe archive news.\n", "pages/about.md")
    assert isinstance(page, ContentPage) and page.slug == "about-us"
    assert page.html == "<p>We archive news.</p>\n"


def test_raw_html_and_javascript_links_are_not_rendered():
    page, _ = parse("---\ntitle: X\n---\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n", "x.md")
    assert "<script>" not in page.html and 'href="javascript' not in page.html


def test_unknown_key_is_a_warning_with_line():
    _, warnings = parse("---\ntitle: X\nauthor: Me\n---\nText\n", "x.md")
    assert [str(w) for w in warnings] == ["x.md:3: unknown front matter key 'author' ignored"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("---\ntitle: X\ndate: [1\n---\n", "x.md:3: invalid YAML"),
        ("---\ntitle: X\ndate: someday\n---\n", "x.md:3: front matter 'date' is not a date"),
        ("---\ntitle: X\n", "x.md:1: front matter opened with '---' is never closed"),
        ("---\nwhen: 2024-01-01\n---\n", "x.md:1: front matter needs a 'title'"),
        ("---\ntitle: !!python/name:os.system\n---\n", "x.md:2: invalid YAML"),
    ],
)
def test_broken_front_matter_names_file_and_line(text, message):
    with pytest.raises(NewsgenError) as info:
        parse(text, "x.md")
    assert str(info.value).startswith(message)


@settings(max_examples=300, deadline=None)
@given(properties.markdown_texts(), st.sampled_from(["articles", "pages", "."]))
def test_any_markdown_gives_a_record_or_a_located_error(text, folder):
    properties.check_markdown(text, folder)


def test_external_links_get_noopener_noreferrer_and_internal_ones_do_not():
    page, _ = parse("---\ntitle: Links\n---\n[out](https://example.org) <https://auto.example> [in](../x/index.html)\n",
                    "pages/links.md")
    assert '<a href="https://example.org" rel="noopener noreferrer">out</a>' in page.html
    assert '<a href="https://auto.example" rel="noopener noreferrer">' in page.html
    assert '<a href="../x/index.html">in</a>' in page.html


def test_oversized_markdown_is_refused_before_parsing():
    # "![" repeated is pathological for markdown-it: minutes at 20 MB, refused here at once.
    with pytest.raises(NewsgenError, match="the limit is 200000") as info:
        parse("---\ntitle: Bomb\n---\n" + "![" * 10_000_000)
    assert info.value.path == "articles/a.md" and info.value.line == 1


def test_table_alignment_uses_classes_not_inline_styles_the_page_policy_would_block():
    page, _ = parse("---\ntitle: Table\n---\n| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n", "pages/t.md")
    assert "style=" not in page.html
    assert '<th class="align-left">a</th>' in page.html and '<td class="align-right">3</td>' in page.html
    assert '<td class="align-center">2</td>' in page.html


def test_bidi_controls_are_stripped_from_title_and_standfirst_with_warnings():
    article, warnings = parse("---\ntitle: \u202eHand written\ndate: 2024-09-01\nstandfirst: Le\u2067ad.\n---\nBody.\n")
    assert (article.headline, article.standfirst) == ("Hand written", "Lead.")
    assert [(w.path, w.line, w.message.split()[0]) for w in warnings] == [
        ("articles/a.md", 2, "title"), ("articles/a.md", 4, "standfirst")]


def test_a_title_longer_than_a_headline_may_be_is_shortened_with_a_warning():
    page, warnings = parse("---\ntitle: " + "Long " * 20_000 + "\n---\nBody.\n", "pages/long.md")
    assert len(page.title) <= MAX_HEADLINE_CHARS + 1 and page.title.endswith("…")
    assert [(w.path, w.line, w.message) for w in warnings] == [
        ("pages/long.md", 2, f"title is 99999 characters; shortened to {MAX_HEADLINE_CHARS}")]


QUOTED = (
    "---\ntitle: Quotes\n---\n"
    "\"Yes,\" she said, 'it's the council's plan' -- and \"the 'harbour' vote\"...\n\n"
    "It's 5'10\" tall; [a \"link\"](http://example.com/'x') and `code \"here\"`.\n\n"
    "> \"Quoted 'block'\"\n\n"
    "| \"a\" | 'b' |\n|-----|----:|\n| it's | \"c\" |\n"
)


def test_smart_quotes_in_normal_text_render_as_before():
    # The HTML and text newsgen gave this document before smart quotes were bounded.
    article, _ = parse(QUOTED)
    assert article.body[0].html == (
        "<p>“Yes,” she said, ‘it’s the council’s plan’ – and “the ‘harbour’ vote”…</p>\n"
        "<p>It’s 5’10&quot; tall; <a href=\"http://example.com/'x'\" rel=\"noopener noreferrer\">a “link”</a>"
        " and <code>code &quot;here&quot;</code>.</p>\n"
        "<blockquote>\n<p>“Quoted ‘block’”</p>\n</blockquote>\n"
        "<table>\n<thead>\n<tr>\n<th>“a”</th>\n<th class=\"align-right\">‘b’</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>it’s</td>\n<td class=\"align-right\">“c”</td>\n</tr>\n</tbody>\n</table>\n"
    )
    assert article.body[0].text == (
        "“Yes,” she said, ‘it’s the council’s plan’ – and “the ‘harbour’ vote”…\n"
        "It’s 5’10\" tall; a “link” and code \"here\".\n“Quoted ‘block’”\n“a”\n‘b’\nit’s\n“c”"
    )


def test_a_block_of_too_many_quotes_keeps_them_straight_and_others_still_curl():
    # Pairing smart quotes is quadratic in a block's quotes; past the bound the block renders
    # as it would with smart quotes off, and the document's other blocks are untouched.
    from markdown_it import MarkdownIt

    from newsgen.sources.markdown import MAX_SMART_QUOTES

    flood = "\"a\" " * (MAX_SMART_QUOTES // 2 + 1)
    article, _ = parse(f"---\ntitle: Flood\n---\n\"Hi,\" it's me.\n\n{flood}\n")
    straight = MarkdownIt("commonmark", {"typographer": True}).enable(["replacements"]).render(flood)
    assert article.body[0].html == "<p>“Hi,” it’s me.</p>\n" + straight
    assert "“" not in straight and "&quot;a&quot;" in straight


def test_a_block_at_the_bound_still_gets_smart_quotes():
    from newsgen.sources.markdown import MAX_SMART_QUOTES

    article, _ = parse("---\ntitle: Many\n---\n" + "\"a\" " * (MAX_SMART_QUOTES // 2) + "\n")
    assert article.body[0].html.count("“a”") == MAX_SMART_QUOTES // 2


def test_markdown_is_parsed_once(monkeypatch):
    from newsgen.sources import markdown

    parser = markdown._markdown()
    calls = []
    parse_once = parser.parse
    monkeypatch.setattr(parser, "parse", lambda *args, **kwargs: calls.append(1) or parse_once(*args, **kwargs))
    parse(QUOTED)
    assert len(calls) == 1


def test_front_matter_sets_an_articles_section():
    article, warnings = parse("---\ntitle: Hand written\nsection: '  Business  news '\n---\nBody.\n")
    assert article.section == "Business news" and warnings == []
    assert parse("---\ntitle: No section\n---\nBody.\n")[0].section == ""
    with pytest.raises(NewsgenError, match="'section' must be str"):
        parse("---\ntitle: Bad\nsection: [a]\n---\nBody.\n")


def test_an_article_without_a_front_matter_date_takes_its_paths():
    article, _ = parse("---\ntitle: T\n---\nText.\n", "articles/2019/03/04/t.md")
    assert (article.date, article.date_source) == (date(2019, 3, 4), "folders")
    article, _ = parse("---\ntitle: T\ndate: 2020-01-02\n---\nText.\n", "articles/2019-03-04-t.md")
    assert (article.date, article.date_source) == (date(2020, 1, 2), "front matter")
    article, warnings = parse("---\ntitle: T\n---\nText.\n", "articles/2999-01-01-t.md")
    assert article.date is None and [w.message for w in warnings] == [
        "the date 2999-01-01 from the file name is in the future of the build; not used"]
