"""Split article text into tokens the way the CoNLL-2003 training data is split.

The tagger was trained on CoNLL-2003 tokens (Penn-Treebank-like: "U.S." and initials
such as "P." stay whole, the possessive "'s" is its own token, "O'Gorman" and
"Chester-le-Street" stay whole). Tokenising new text the same way keeps the features
seen at run time identical to the ones seen in training. Every token keeps the white
space before it, so that an entity's surface string is an exact slice of the text.
"""

from __future__ import annotations

import re

# Abbreviations that keep their full stop, so a title or "St." is not mistaken for
# the end of a sentence (and "St. Louis" stays one place).
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|St|Mt|Ft|Jr|Sr|Gen|Lt|Col|Maj|Capt|Sgt|Cmdr|Adm|Gov|Sen|Rep|Prof|Rev|"
    "Inc|Corp|Co|Ltd|No|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Ave|Calif|Fla|Mass|Penn|Wash"
)

_TOKEN = r"""
    [A-Za-z]+(?![\w.:'\u2019-])                          # plain words, the usual case, first
  | (?:https?://|www\.|pic\.twitter\.com/)\S+            # links stay one token
  | [@\#]\w+                                            # handles and hashtags
  | (?:[A-Za-z]\.){2,} | [A-Za-z](?:\.[A-Za-z])+(?![\w'\u2019])   # U.S.  N.J.  U.S.A.  U.S
  | (?:""" + _ABBREVIATIONS + r""")\.(?=\s|$)
  | [A-Z]\.(?=\s*[A-Z'\u2019]|\s*$)                     # initials: "P. Simmons"
  | \d+(?:[.,:/-]\d+)*                                  # numbers, scores, dates
  | ['\u2019](?:[sStT]|re|ve|ll|d|m|RE|VE|LL|D|M)\b    # clitics, possessives
  | [^\W_]+(?:(?:-|['\u2019](?!(?:[sStTdDmM]|re|ve|ll|RE|VE|LL)\b))[^\W_]+)*
                                                        # words: O'Gorman, Songo'o, al-Assad
  | \S                                                  # any other single character
"""
# Each match is a token with the white space before it: every character that is not
# white space starts a token, so the matches tile the text once trailing space is cut.
_SPACED_TOKEN = re.compile(r"\s*+(?:" + _TOKEN + ")", re.VERBOSE)


def tokenize(text: str) -> tuple[list[str], list[str]]:
    """Return the tokens of `text`, and each of them with the white space before it.

    The second list joins back into the text (without its trailing space), so the
    text of tokens [i, j) is ``tokens[i] + "".join(spaced[i + 1 : j])``: an exact
    slice, found without counting offsets for every token, which tokenising is
    too hot a path to afford (it would add a quarter to its cost).
    """
    spaced = _SPACED_TOKEN.findall(text.rstrip())
    return list(map(str.lstrip, spaced)), spaced
