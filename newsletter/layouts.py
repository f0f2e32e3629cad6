"""Layouts: the declaration of a layout file, and where layouts are found (built-in or workspace)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from .contrast import MINIMUM_TEXT_CONTRAST, contrast, hex_to_rgb
from .diagnostics import Diagnostic, InputError
from .formats import Strict
from .loader import Loaded, load_model

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

    return BeforeValidator(parse)


Colour = Annotated[str, AfterValidator(_check_colour)]
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
