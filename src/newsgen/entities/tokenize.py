"""Split article text into tokens the way the CoNLL-2003 training data is split.

The tagger was trained on CoNLL-2003 tokens (Penn-Treebank-like: "U.S." and initials
such as "P." stay whole, the possessive "'s" is its own token, "O'Gorman" and
"Chester-le-Street" stay whole). Tokenising new text the same way keeps the features
seen at run time identical to the ones seen in training. Every token keeps its
character offsets so that an entity's surface string is an exact slice of the text.
"""

from __future__ import annotations

import re
from itertools import accumulate
from operator import sub

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
# white space starts a token, so the matches tile the text (once trailing space is
# cut) and each token's offset is where its match ends minus its length.
_SPACED_TOKEN = re.compile(r"\s*+(?:" + _TOKEN + ")", re.VERBOSE)


def tokenize(text: str) -> tuple[list[str], list[int]]:
    """Return the tokens of `text` and the character offset where each one starts.

    Two flat lists rather than token objects: tokenising is on the hot path of every
    build, and the end offset is always ``start + len(token)``. Both lists are built
    without a Python loop over the tokens, which halves the cost.
    """
    spaced = _SPACED_TOKEN.findall(text.rstrip())
    words = list(map(str.lstrip, spaced))
    return words, list(map(sub, accumulate(map(len, spaced)), map(len, words)))
