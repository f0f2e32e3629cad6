"""A layout's own problems that validation cannot see: fonts that are not there, colours too pale to read,
settings this version does not apply."""

from __future__ import annotations

from pathlib import Path

from newsletter.errors import Problem
from newsletter.model.colours import MINIMUM_TEXT_CONTRAST, contrast, hex_to_rgb
from newsletter.model.layout import Layout
from newsletter.paths import is_address
from newsletter.render.pdf.fonts import STYLES, font_file


def font_problems(layout: Layout, base: Path) -> list[Problem]:
    """A font named by the layout must be bundled or a TrueType file next to the layout."""
    found = []
    for style in STYLES:
        name = getattr(layout.fonts, style)
        path = font_file(name, base)
        if is_address(name):
            found.append(
                Problem(
                    ("fonts", style),
                    f"the font {name!r} is an address (URL), not a file: fonts must be files",
                    "download the .ttf file, save it next to the layout file and write its file name here",
                )
            )
        elif not path.is_file() or path.suffix.lower() != ".ttf":
            found.append(
                Problem(
                    ("fonts", style),
                    f"no bundled font or TrueType file named {name!r} (looked for {path})",
                    "use DejaVuSans, DejaVuSans-Bold, DejaVuSans-Oblique, DejaVuSans-BoldOblique, "
                    "or the path of a .ttf file relative to the layout file",
                )
            )
    return found


# Text colour, background colour, and where that pair is printed.
_TEXT_ON_BACKGROUND = (
    ("text", "#FFFFFF", "body text on the page"),
    ("muted", "#FFFFFF", "captions and footer on the page"),
    ("accent", "#FFFFFF", "headings on the page"),
    ("text", "panel", "text in boxes"),
    ("accent", "panel", "headings in boxes"),
    ("on_accent", "accent", "the masthead and hotline box"),
    ("on_accent", "do", "the 'do' box title"),
    ("on_accent", "dont", "the 'don't' box title"),
)


def contrast_warnings(layout: Layout) -> list[Problem]:
    """Colour pairs below 4.5:1 are hard to read, more so on a photocopy: warn at the colour's line."""
    colours = layout.colours.dump()
    found = []
    for text, background, where in _TEXT_ON_BACKGROUND:
        back = colours.get(background, background)
        ratio = contrast(hex_to_rgb(colours[text]), hex_to_rgb(back))
        if ratio < MINIMUM_TEXT_CONTRAST:
            found.append(
                Problem(
                    ("colours", text),
                    f"contrast of {ratio:.1f}:1 for {where} ({colours[text]} on {back}); "
                    f"at least {MINIMUM_TEXT_CONTRAST}:1 is needed to read it",
                    "choose a darker text colour or a lighter background",
                    severity="warning",
                )
            )
    return found


def hyphenation_warnings(layout: Layout) -> list[Problem]:
    """``hyphenation: yes`` is accepted for layouts written for later versions, but words are not
    hyphenated yet (reportlab needs the pyphen dictionaries for it): say so rather than ignore it."""
    if not layout.hyphenation:
        return []
    return [
        Problem(
            ("hyphenation",),
            "words are never hyphenated in this version: a word too long for its "
            "line is moved to the next one, and one longer than a column is broken at its edge",
            "write `hyphenation: no`, or remove the line",
            severity="warning",
        )
    ]
