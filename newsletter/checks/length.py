"""Texts too long to lay out quickly: a paragraph is laid out again whole each time it flows to the next
column or page, so the time grows with the square of its length (80,000 words: 47 s). No newsletter
paragraph comes near the limit (a column holds about 400 words); a text pasted without its line
breaks does, and is refused where it is typed, with the fix."""

from __future__ import annotations

import re
from typing import Any

from newsletter.errors import Problem
from newsletter.i18n import _
from newsletter.read.texts import walk_text

MAX_PARAGRAPH_WORDS = 2000  # about five columns; laid out in a fraction of a second
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def length_problems(data: Any) -> list[Problem]:
    """A paragraph (text between blank lines) of more than :data:`MAX_PARAGRAPH_WORDS` words."""
    found = []
    for path, text in walk_text(data):
        if len(text) < MAX_PARAGRAPH_WORDS * 2:  # too short to hold so many words: most texts stop here
            continue
        longest = max(len(paragraph.split()) for paragraph in _PARAGRAPH_BREAK.split(text))
        if longest > MAX_PARAGRAPH_WORDS:
            found.append(
                Problem(
                    path,
                    _(
                        "a paragraph of {count} words: a paragraph is limited to {limit} words",
                        count=longest,
                        limit=MAX_PARAGRAPH_WORDS,
                    ),
                    _(
                        "split it into paragraphs, with a blank line between them (a text pasted without its line "
                        "breaks)"
                    ),
                )
            )
    return found
