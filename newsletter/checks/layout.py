"""A layout's own problems that validation cannot see: fonts that are not there (or slant, in large
print), colours too pale to read, settings this version does not apply."""

from __future__ import annotations

import struct
from pathlib import Path

from newsletter.errors import Problem
from newsletter.i18n import N_, _, decimal
from newsletter.model.colours import MINIMUM_TEXT_CONTRAST, contrast, hex_to_rgb
from newsletter.model.layout import Layout
from newsletter.paths import is_address, is_inside
from newsletter.render.pdf.fonts import BUNDLED_DIR, STYLES, font_file, font_file_problem


def font_problems(layout: Layout, base: Path, root: Path) -> list[Problem]:
    """A font named by the layout must be bundled or a whole TrueType file of the workspace ``root``
    (like pictures: nothing outside it is ever read)."""
    found = []
    for style in STYLES:
        name = getattr(layout.fonts, style)
        path = font_file(name, base)
        if is_address(name):
            found.append(
                Problem(
                    ("fonts", style),
                    _("the font {name!r} is an address (URL), not a file: fonts must be files", name=name),
                    _("download the .ttf file, save it next to the layout file and write its file name here"),
                )
            )
        elif path.parent != BUNDLED_DIR and (Path(name).is_absolute() or not is_inside(path, root)):
            where = (
                _("is given by an absolute path, which breaks when the workspace is moved or archived")
                if Path(name).is_absolute()
                else _("is outside the workspace folder")
            )
            found.append(
                Problem(
                    ("fonts", style),
                    _("the font {font} {where}: it is not read", font=repr(name), where=where),
                    _(
                        "copy the .ttf file into the workspace, next to the layout file, and write its path from "
                        "there, like {example}",
                        example=Path(name).name,
                    ),
                )
            )
        elif not path.is_file() or path.suffix.lower() != ".ttf":
            found.append(
                Problem(
                    ("fonts", style),
                    _("no bundled font or TrueType file named {name!r} (looked for {path})", name=name, path=path),
                    _(
                        "use DejaVuSans, DejaVuSans-Bold, DejaVuSans-Oblique, DejaVuSans-BoldOblique, "
                        "or the path of a .ttf file relative to the layout file"
                    ),
                )
            )
        elif path.parent != BUNDLED_DIR and (why := font_file_problem(path)) is not None:
            found.append(
                Problem(
                    ("fonts", style),
                    _("the font {font} cannot be used: {why}", font=repr(name), why=why),
                    _("save the font again from its source, as a TrueType .ttf file"),
                )
            )
    return found


# Text colour, background colour, and where that pair is printed.
_TEXT_ON_BACKGROUND = (
    ("text", "#FFFFFF", N_("body text on the page")),
    ("muted", "#FFFFFF", N_("captions and footer on the page")),
    ("accent", "#FFFFFF", N_("headings on the page")),
    ("text", "panel", N_("text in boxes")),
    ("accent", "panel", N_("headings in boxes")),
    ("on_accent", "accent", N_("the masthead and hotline box")),
    ("on_accent", "do", N_("the 'do' box title")),
    ("on_accent", "dont", N_("the 'don't' box title")),
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
                    _(
                        "contrast of {ratio}:1 for {where} ({text} on {back}); at least {minimum}:1 is needed to "
                        "read it",
                        ratio=decimal(ratio),
                        where=_(where),
                        text=colours[text],
                        back=back,
                        minimum=decimal(MINIMUM_TEXT_CONTRAST),
                    ),
                    _("choose a darker text colour or a lighter background"),
                    severity="warning",
                )
            )
    return found


# The fonts large print draws its text in: what is typed *in italic* prints in bold there.
_LARGE_PRINT_STYLES = ("regular", "bold")


def large_print_font_problems(layout: Layout, base: Path) -> list[Problem]:
    """Large print prints no italic (UKAAF / RNIB): its regular and bold fonts must be upright."""
    if not layout.large_print:
        return []
    found = []
    for style in _LARGE_PRINT_STYLES:
        name = getattr(layout.fonts, style)
        angle = italic_angle(font_file(name, base))
        if angle:
            found.append(
                Problem(
                    ("fonts", style),
                    _(
                        "{font} is an italic font (it slants {angle}°): large print prints no italic (UKAAF / RNIB)",
                        font=repr(name),
                        angle=f"{abs(angle):g}",
                    ),
                    _("use an upright font, like DejaVuSans or DejaVuSans-Bold"),
                )
            )
    return found


def italic_angle(path: Path) -> float:
    """How far a TrueType font slants, in degrees, read from its `post` table (0: upright, or not a font
    this can read; a missing font is said by :func:`font_problems`)."""
    try:
        with path.open("rb") as file:
            head = file.read(12)
            tables = struct.unpack(">H", head[4:6])[0] if len(head) == 12 else 0
            directory = file.read(16 * tables)
            for start in range(0, len(directory) - 15, 16):
                if directory[start : start + 4] == b"post":
                    file.seek(struct.unpack(">I", directory[start + 8 : start + 12])[0] + 4)
                    return struct.unpack(">i", file.read(4))[0] / 65536
    except (OSError, struct.error):
        pass
    return 0.0
