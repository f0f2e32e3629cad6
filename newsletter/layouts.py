"""Layouts: the declaration of a layout file, and where layouts are found (built-in or workspace)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .contrast import MINIMUM_TEXT_CONTRAST, contrast, hex_to_rgb
from .diagnostics import Diagnostic, InputError
from .fonts import STYLES, font_file
from .formats import SchemaHint, Strict
from .loader import Loaded, load_model
from .places import is_address

SECTIONS = (
    "essentials", "situation", "status", "do_dont", "news", "tips",
    "testimonials", "faq", "contacts", "next_issue",
)
PAGE_SIZES_MM = {"A3": (297.0, 420.0), "A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}
MIN_MARGIN_MM = 10.0


def _check_colour(value: str) -> str:
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", value.strip()):
        raise PydanticCustomError("colour", "expected a colour written #RRGGBB, like #1F4E79; found {found}",
                                  {"found": repr(value)})
    return value.strip().upper()


@dataclass(frozen=True)
class _NumberBetween(BeforeValidator):
    """Reads a number typed as text, and tells the JSON Schema its bounds (the schema never validates)."""

    low: float = 0
    high: float = 0

    def __get_pydantic_json_schema__(self, schema, handler):
        return SchemaHint(minimum=self.low, maximum=self.high).__get_pydantic_json_schema__(schema, handler)


def _number_between(low: float, high: float) -> BeforeValidator:
    def parse(value: object) -> object:
        if not isinstance(value, str):
            return value
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            raise PydanticCustomError("number", "expected a number, like 11 or 10.5; found {found}",
                                      {"found": repr(value)}) from None
        if not low <= number <= high:
            raise PydanticCustomError("range", "expected a number from {low} to {high}; found {found}",
                                      {"low": f"{low:g}", "high": f"{high:g}", "found": value})
        return number

    return _NumberBetween(parse, low=low, high=high)


Colour = Annotated[str, AfterValidator(_check_colour), SchemaHint(pattern=r"^\s*#[0-9A-Fa-f]{6}\s*$")]
Millimetres = Annotated[float, _number_between(MIN_MARGIN_MM, 80)]
Points = Annotated[float, _number_between(6, 300)]


class Page(Strict):
    size: Literal["A3", "A4", "A5", "Letter"] = Field("A4", description="Paper size: A3, A4, A5 or Letter.")
    orientation: Literal["portrait", "landscape"] = Field("portrait", description="portrait or landscape.")


class Margins(Strict):
    top: Millimetres = Field(15, description="Top margin in mm (at least 10: office printers cannot print the edge).")
    bottom: Millimetres = Field(18, description="Bottom margin in mm, the footer sits in it.")
    left: Millimetres = Field(15, description="Left margin in mm.")
    right: Millimetres = Field(15, description="Right margin in mm.")


class Fonts(Strict):
    regular: str = Field("DejaVuSans", description="Bundled font name, or a TTF file relative to the layout file.")
    bold: str = Field("DejaVuSans-Bold", description="Bold font: bundled name or TTF file.")
    italic: str = Field("DejaVuSans-Oblique", description="Italic font: bundled name or TTF file.")
    bold_italic: str = Field("DejaVuSans-BoldOblique", description="Bold italic font: bundled name or TTF file.")


class Sizes(Strict):
    body: Points = Field(11, description="Body text size in points.")
    lead: Points = Field(13, description="Standfirst size in points.")
    headline: Points = Field(28, description="Headline size in points.")
    heading: Points = Field(15, description="Section heading size in points.")
    title: Points = Field(32, description="Journal title size in the masthead, in points.")
    small: Points = Field(8.5, description="Footer and captions, in points.")


def _at_least(floor: float, why: str) -> AfterValidator:
    """A size the layout may raise but never set below ``floor`` (a readability promise)."""

    def check(value: float) -> float:
        if value < floor:
            raise PydanticCustomError("too_small", "{found} pt is too small: {why}; use {floor} or more",
                                      {"found": f"{value:g}", "why": why, "floor": f"{floor:g}"})
        return value

    return AfterValidator(check)


POSTER_MIN_HEADLINE = 60.0
POSTER_MIN_ITEMS = 24.0


class PosterSizes(Strict):
    """Poster text sizes: the headline and the do/don't lists start large and shrink to their minimums to fit."""

    headline: Points = Field(110, description="Headline size to start from, in points.")
    headline_min: Annotated[float, _number_between(6, 300), _at_least(
        POSTER_MIN_HEADLINE, "a poster headline must be read from two metres")] = Field(
        60, description="Smallest headline size, in points (at least 60).")
    items: Points = Field(40, description="Size of the do and don't instructions to start from, in points.")
    items_min: Annotated[float, _number_between(6, 300), _at_least(
        POSTER_MIN_ITEMS, "poster instructions must be read from two metres")] = Field(
        24, description="Smallest size of the instructions, in points (at least 24).")
    title: Points = Field(44, description="Journal title in the masthead band, in points.")
    phone: Points = Field(80, description="Hotline phone number, in points.")
    text: Points = Field(28, description="Issue number, date, hotline label and hours, in points.")
    small: Points = Field(14, description="Footer line, in points.")

    @model_validator(mode="after")
    def _start_at_or_above_minimum(self) -> PosterSizes:
        for name in ("headline", "items"):
            start, smallest = getattr(self, name), getattr(self, f"{name}_min")
            if start < smallest:
                raise PydanticCustomError(
                    "start_below_minimum", "`{name}` ({start} pt) is smaller than `{name}_min` ({smallest} pt)",
                    {"name": name, "start": f"{start:g}", "smallest": f"{smallest:g}"})
        return self


class Colours(Strict):
    accent: Colour = Field("#1F4E79", description="Masthead band and headings.")
    text: Colour = Field("#1A1A1A", description="Body text.")
    muted: Colour = Field("#4A4A4A", description="Captions, footer, secondary text.")
    panel: Colour = Field("#EEF3F8", description="Background of boxes (essentials, FAQ, contacts).")
    do: Colour = Field("#1E6B34", description="The 'do' box and 'restored' state.")
    dont: Colour = Field("#A4161A", description="The 'don't' box and 'down' state.")
    warning: Colour = Field("#8A5300", description="'degraded' and 'testing' states.")
    on_accent: Colour = Field("#FFFFFF", description="Text printed on the accent colour.")


class Layout(Strict):
    description: str | None = Field(None, description="One line shown by `newsletter layouts`.")
    kind: Literal["journal", "poster"] = Field(
        "journal", description="What is drawn: journal (the whole issue) or poster (one page: headline, do, don't)."
    )
    page: Page = Field(default_factory=Page, description="Paper size and orientation.")
    margins: Margins = Field(default_factory=Margins, description="Margins in millimetres.")
    columns: Annotated[int, _number_between(1, 3), AfterValidator(int)] = Field(
        2, description="Number of columns for the news."
    )
    gutter: Annotated[float, _number_between(2, 20)] = Field(6, description="Space between columns, in mm.")
    fonts: Fonts = Field(default_factory=Fonts, description="Font family.")
    sizes: Sizes = Field(default_factory=Sizes, description="Font sizes in points.")
    colours: Colours = Field(default_factory=Colours, description="Colours, #RRGGBB.")
    poster: PosterSizes = Field(default_factory=PosterSizes,
                                description="Poster text sizes in points (kind: poster): start sizes and minimums.")
    sections: list[Literal[SECTIONS]] = Field(  # type: ignore[valid-type]
        default_factory=lambda: list(SECTIONS), description="Which sections appear, in order."
    )
    hyphenation: bool = Field(False, description="Break long words with hyphens.")


# --- where layouts come from -------------------------------------------------------------------

def builtin_dir() -> Path:
    """Built-in layouts: inside an installed wheel, or the repository's ``layouts/`` folder."""
    packaged = Path(__file__).parent / "builtin_layouts"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "layouts"


@dataclass(frozen=True)
class LayoutRef:
    name: str
    path: Path
    origin: str  # "built-in", "workspace" or "file"


def available(root: Path) -> dict[str, LayoutRef]:
    """Every layout by name; a workspace layout overrides the built-in of the same name."""
    found = {p.stem: LayoutRef(p.stem, p, "built-in") for p in sorted(builtin_dir().glob("*.yaml"))}
    workspace = root / "layouts"
    if workspace.resolve() != builtin_dir().resolve():
        found.update({p.stem: LayoutRef(p.stem, p, "workspace") for p in sorted(workspace.glob("*.yaml"))})
    return found


def resolve(name_or_path: str, root: Path) -> LayoutRef:
    """A layout given by name (``journal-a4``) or by the path of its file."""
    layouts = available(root)
    if name_or_path in layouts:
        return layouts[name_or_path]
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return LayoutRef(path.stem, path, "file")
    close = difflib.get_close_matches(name_or_path, list(layouts), n=1)
    hint = f"did you mean `{close[0]}`?" if close else "available: " + ", ".join(layouts)
    raise InputError([Diagnostic(name_or_path, "no layout of this name or path", hint=hint)])


def load(ref: LayoutRef, root: Path) -> Loaded[Layout]:
    loaded, diagnostics = load_model(Layout, ref.path, root)
    if loaded is None:
        raise InputError(diagnostics)
    return loaded


def font_problems(layout: Loaded[Layout], base: Path) -> list[Diagnostic]:
    """A font named by the layout must be bundled or a TrueType file next to the layout."""
    found = []
    for style in STYLES:
        name = getattr(layout.model.fonts, style)
        path = font_file(name, base)
        line, column = layout.source.position(("fonts", style))
        if is_address(name):
            found.append(Diagnostic(
                layout.source.file, f"the font {name!r} is an address (URL), not a file: fonts must be files",
                line, column, f"fonts.{style}", "download the .ttf file, save it next to the layout file and "
                "write its file name here"))
        elif not path.is_file() or path.suffix.lower() != ".ttf":
            found.append(Diagnostic(
                layout.source.file, f"no bundled font or TrueType file named {name!r} (looked for {path})",
                line, column, f"fonts.{style}",
                "use DejaVuSans, DejaVuSans-Bold, DejaVuSans-Oblique, DejaVuSans-BoldOblique, "
                "or the path of a .ttf file relative to the layout file"))
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


def contrast_warnings(layout: Loaded[Layout]) -> list[Diagnostic]:
    """Colour pairs below 4.5:1 are hard to read, more so on a photocopy: warn at the colour's line."""
    colours = layout.model.colours.model_dump()
    found = []
    for text, background, where in _TEXT_ON_BACKGROUND:
        back = colours.get(background, background)
        ratio = contrast(hex_to_rgb(colours[text]), hex_to_rgb(back))
        if ratio < MINIMUM_TEXT_CONTRAST:
            line, column = layout.source.position(("colours", text))
            found.append(Diagnostic(
                layout.source.file, f"contrast of {ratio:.1f}:1 for {where} ({colours[text]} on {back}); "
                f"at least {MINIMUM_TEXT_CONTRAST}:1 is needed to read it", line, column, f"colours.{text}",
                "choose a darker text colour or a lighter background", "warning"))
    return found
