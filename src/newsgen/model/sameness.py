"""Which sources tell the same story: digests of an article's normalised text, taken
at parse time (`sources.ingest`, on every core, kept in the record store, as
`search.terms` is) so the model can group duplicates without reading the bodies
back (`model.duplicates`).

The rule, as docs/input.md states it: two texts are the same when their words are,
compared after folding case (`str.casefold`), taking every quote mark (straight,
curly, low, guillemets, primes, backtick) as one, and any run of whitespace (line
breaks, blank lines, indents) as one space. Nothing else is folded: a changed word,
dash or full stop is another text. The headline counts; the standfirst is part of
the body.
"""

from __future__ import annotations

from ..records import Article, HtmlBlock, Paragraph, Subheading, TextPrint, Tweet
from ..util.digests import short_digest

_QUOTES = str.maketrans(dict.fromkeys("'\"‘’‚‛“”„‟«»‹›`´′″", '"'))
# Bodies sharing this many opening words, or closing ones, may be one story with a few words
# more; `model.duplicates` then compares their lengths. Long enough that no two articles of an
# archive open alike by chance (a boilerplate line is a dozen words).
EDGE_WORDS = 40


def normalised_words(text: str) -> list[str]:
    return text.translate(_QUOTES).casefold().split()


def text_print(article: Article) -> TextPrint:
    """The digests `model.duplicates` compares: of the headline and body, each alone,
    and the body's first and last `EDGE_WORDS` words."""
    body = body_words(article)
    body_text, headline = " ".join(body), " ".join(normalised_words(article.headline))
    return TextPrint(_hex(headline + "\0" + body_text), _hex(headline), _hex(body_text), _hex(" ".join(body[:EDGE_WORDS])),
                     _hex(" ".join(body[-EDGE_WORDS:])), len(body))


def body_words(article: Article) -> list[str]:
    """The body's normalised words (the standfirst first); reads a stored body back."""
    return normalised_words(" ".join(_body_texts(article)))


def _body_texts(article: Article) -> list[str]:
    texts = [article.standfirst]
    texts += [b.text for b in article.body if isinstance(b, (Paragraph, Subheading, Tweet, HtmlBlock))]
    return texts


def _hex(text: str) -> str:
    return short_digest(text, 12).hex()
