"""Characters the fonts cannot draw, found in the words as typed (the check that needs the fonts' tables)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from newsletter.errors import Problem
from newsletter.i18n import _
from newsletter.read.texts import walk_text
from newsletter.render.pdf.fonts import Glyphs
from newsletter.text.typography import normalize


def glyph_problems(data: Any, glyphs: Glyphs) -> list[Problem]:
    """Characters the font cannot draw: reported where they are typed; they are left out of the PDF.

    The text is checked as it will be printed: invisible characters (a BOM, a zero-width space)
    are removed by the typography and never reported. Right-to-left letters the font has are
    printed, with a warning: the PDF lays every line out left to right, so their order is reversed.
    """
    found = []
    for path, text in walk_text(data):
        printed = normalize(text)

        def problem(message: str, hint: str, typed: str, path: tuple = path) -> Problem:
            return Problem(path, message, hint, severity="warning", typed=typed)

        missing = glyphs.missing(printed)
        for char in missing:
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            found.append(
                problem(
                    _(
                        "the character {char!r} ({name}) cannot be printed with the font and is left out",
                        char=char,
                        name=name,
                    ),
                    _("replace it with words, or use a layout with a font that has it"),
                    char,
                )
            )
        right_to_left = "".join(
            c for c in _RIGHT_TO_LEFT_BLOCKS.findall(printed) if _is_right_to_left(c) and c not in missing
        )
        if right_to_left:
            shown = right_to_left if len(right_to_left) <= 20 else right_to_left[:20] + "…"
            found.append(
                problem(
                    _(
                        "right-to-left letters ({shown!r}) print left to right in the PDF: "
                        "their order comes out reversed",
                        shown=shown,
                    ),
                    _(
                        "have a reader of the language check the printed page, or write the text in Latin "
                        "letters; the HTML export shows it in the right order"
                    ),
                    right_to_left[0],
                )
            )
    return found


# Where every right-to-left letter of Unicode lies (and other characters too): only these are looked up.
_RIGHT_TO_LEFT_BLOCKS = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def _is_right_to_left(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")
