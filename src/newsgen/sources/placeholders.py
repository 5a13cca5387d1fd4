"""The text `newsgen new` writes for the writer to replace, and the warning a build gives
while a source still holds it: a skeleton builds as it is, so without the warning its
placeholder sentences would be published with no one told."""

from __future__ import annotations

from ..errors import BuildWarning

STANDFIRST_PLACEHOLDER = "Replace with the standfirst: one or two sentences that sum up the story."
BODY_PLACEHOLDER = "Write the article here, one paragraph per line or separated by blank lines."
MARKDOWN_BODY_PLACEHOLDER = "Write the article here in Markdown."

_WHAT = {STANDFIRST_PLACEHOLDER: "standfirst", BODY_PLACEHOLDER: "body", MARKDOWN_BODY_PLACEHOLDER: "body"}


def placeholder_warnings(text: str, path: str) -> list[BuildWarning]:
    """A warning for each placeholder `text` still holds, at its line."""
    if "Replace with the standfirst" not in text and "Write the article here" not in text:
        return []  # every source is checked: the common case is one search, not a split into lines
    return [BuildWarning(f"the {_WHAT[placeholder]} is still the placeholder `newsgen new` wrote; "
                         "replace it before publishing", path, number)
            for number, line in enumerate(text.split("\n"), start=1)
            for placeholder in _WHAT if placeholder in line]
