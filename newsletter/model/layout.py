"""The layout format: page, margins, columns, fonts, sizes, colours and sections of a layout file."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsletter.errors import Loc, Problem
from newsletter.i18n import N_, _, ngettext
from newsletter.model.declare import Group, Record, field
from newsletter.model.kinds import DIGITS_PATTERN, FAILED, Boolean, Choice, ListOf, Nullable, Text
from newsletter.model.sections import SECTION_NAMES

PAGE_SIZES_MM = {"A3": (297.0, 420.0), "A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}
MIN_MARGIN_MM = 10.0
LARGE_PRINT_SIZE = 16.0  # UKAAF / RNIB: no character of a large-print document under 16 pt
LARGE_PRINT_LEADING = 1.5  # lines 1.5 times the text size apart (the line height of WCAG 1.4.12)
_NUMBER = r"^\s*[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]+)?\s*$"


class Colour(Text):
    def __init__(self) -> None:
        super().__init__(blank="text", pattern=r"^\s*#[0-9A-Fa-f]{6}\s*$")

    def convert(self, text: str, loc: Loc, problems: list[Problem]) -> Any:
        if re.fullmatch(r"#[0-9A-Fa-f]{6}", text.strip()):
            return text.strip().upper()
        problems.append(self.mismatch(loc, repr(text)))
        return FAILED

    def mismatch(self, loc: Loc, found: str) -> Problem:
        return Problem(loc, _("expected a colour written #RRGGBB, like #1F4E79; found {found}", found=found))


class Number(Text):
    """A number from ``low`` to ``high`` (``10,5`` as well as ``10.5``); ``whole`` for counts. ``floor``
    is a readability promise: a size the layout may raise but never set below (with ``why``)."""

    def __init__(self, low: float, high: float, whole: bool = False, floor: float | None = None, why: str = ""):
        super().__init__(blank="text")
        self.low, self.high, self.whole, self.floor, self.why = low, high, whole, floor, why

    def convert(self, text: str, loc: Loc, problems: list[Problem]) -> Any:
        try:
            number = float(text.strip().replace(",", "."))
        except ValueError:
            problems.append(self.mismatch(loc, repr(text)))
            return FAILED
        if not self.low <= number <= self.high:
            problems.append(
                Problem(
                    loc,
                    _(
                        "expected a number from {low:g} to {high:g}; found {text}",
                        low=self.low,
                        high=self.high,
                        text=text,
                    ),
                )
            )
        elif self.whole and not number.is_integer():
            problems.append(
                Problem(
                    loc,
                    _(
                        "expected a whole number from {low:g} to {high:g}; found {text}",
                        low=self.low,
                        high=self.high,
                        text=text,
                    ),
                )
            )
        elif self.floor is not None and number < self.floor:
            problems.append(
                Problem(
                    loc,
                    _(
                        "{number:g} pt is too small: {why}; use {floor:g} or more",
                        number=number,
                        why=_(self.why),
                        floor=self.floor,
                    ),
                )
            )
        else:
            return int(number) if self.whole else number
        return FAILED

    def mismatch(self, loc: Loc, found: str) -> Problem:
        return Problem(loc, _("expected a number, like 11 or 10.5; found {found}", found=found))

    def schema(self, defs: dict[str, dict]) -> dict:
        written = {"type": "string", "pattern": DIGITS_PATTERN if self.whole else _NUMBER}
        return {
            "anyOf": [{"type": "integer" if self.whole else "number"}, written],
            "minimum": self.low,
            "maximum": self.high,
        }


MILLIMETRES = Number(MIN_MARGIN_MM, 80)
POINTS = Number(6, 300)
FONT = Text(blank="text")


class Page(Record):
    size: str = field(Choice("A3", "A4", "A5", "Letter"), "Paper size: A3, A4, A5 or Letter.", "A4")
    orientation: str = field(Choice("portrait", "landscape"), "portrait or landscape.", "portrait")


class Margins(Record):
    top: float = field(MILLIMETRES, "Top margin in mm (at least 10: office printers cannot print the edge).", 15)
    bottom: float = field(MILLIMETRES, "Bottom margin in mm, the footer sits in it.", 18)
    left: float = field(MILLIMETRES, "Left margin in mm.", 15)
    right: float = field(MILLIMETRES, "Right margin in mm.", 15)


class Fonts(Record):
    regular: str = field(FONT, "Bundled font name, or a TTF file relative to the layout file.", "DejaVuSans")
    bold: str = field(FONT, "Bold font: bundled name or TTF file.", "DejaVuSans-Bold")
    italic: str = field(FONT, "Italic font: bundled name or TTF file.", "DejaVuSans-Oblique")
    bold_italic: str = field(FONT, "Bold italic font: bundled name or TTF file.", "DejaVuSans-BoldOblique")


class Sizes(Record):
    body: float = field(POINTS, "Body text size in points.", 11)
    lead: float = field(POINTS, "Standfirst size in points.", 13)
    headline: float = field(POINTS, "Headline size in points.", 28)
    heading: float = field(POINTS, "Section heading size in points.", 15)
    title: float = field(POINTS, "Journal title size in the masthead, in points.", 32)
    small: float = field(POINTS, "Footer and captions, in points.", 8.5)


POSTER_MIN_HEADLINE = 60.0
POSTER_MIN_ITEMS = 24.0


class PosterSizes(Record):
    """Poster text sizes: the headline and the do/don't lists start large and shrink to their minimums to fit."""

    headline: float = field(POINTS, "Headline size to start from, in points.", 110)
    headline_min: float = field(
        Number(6, 300, floor=POSTER_MIN_HEADLINE, why=N_("a poster headline must be read from two metres")),
        "Smallest headline size, in points (at least 60).",
        60,
    )
    items: float = field(POINTS, "Size of the do and don't instructions to start from, in points.", 40)
    items_min: float = field(
        Number(6, 300, floor=POSTER_MIN_ITEMS, why=N_("poster instructions must be read from two metres")),
        "Smallest size of the instructions, in points (at least 24).",
        24,
    )
    title: float = field(POINTS, "Journal title in the masthead band, in points.", 44)
    phone: float = field(POINTS, "Hotline phone number, in points.", 80)
    text: float = field(POINTS, "Issue number, date, hotline label and hours, in points.", 28)
    small: float = field(POINTS, "Footer line, in points.", 14)

    def refuse(self, loc: Loc, problems: list[Problem]) -> bool:
        """A size to start from below its minimum could never be used."""
        found = False
        for name in ("headline", "items"):
            start, smallest = getattr(self, name), getattr(self, f"{name}_min")
            if start < smallest:
                problems.append(
                    Problem(
                        loc,
                        _(
                            "`{name}` ({start:g} pt) is smaller than `{name}_min` ({smallest:g} pt)",
                            name=name,
                            start=start,
                            smallest=smallest,
                        ),
                    )
                )
                found = True
        return found


class Colours(Record):
    accent: str = field(Colour(), "Masthead band and headings.", "#1F4E79")
    text: str = field(Colour(), "Body text.", "#1A1A1A")
    muted: str = field(Colour(), "Captions, footer, secondary text.", "#4A4A4A")
    panel: str = field(Colour(), "Background of boxes (essentials, FAQ, contacts).", "#EEF3F8")
    do: str = field(Colour(), "The 'do' box and 'restored' state.", "#1E6B34")
    dont: str = field(Colour(), "The 'don't' box and 'down' state.", "#A4161A")
    warning: str = field(Colour(), "'degraded' and 'testing' states.", "#8A5300")
    on_accent: str = field(Colour(), "Text printed on the accent colour.", "#FFFFFF")


class Fitting(Record):
    """How far copy-fitting may go to give a journal one page or an even number of pages, none half empty."""

    spacing_min: float = field(
        Number(0.3, 1), "Smallest space between blocks, as a share of the normal space (to save a page).", 0.6
    )
    spacing_max: float = field(
        Number(1, 3), "Largest space between blocks, as a multiple of the normal space (to fill a page).", 1.8
    )
    images_min: float = field(
        Number(0.3, 1), "Smallest size of a picture, as a share of its normal size (to save a page).", 0.7
    )
    recap: bool = field(
        Boolean(), "With room left on the back page: a recap of the essentials and the hotline (À retenir).", True
    )


class Layout(Record):
    description: str | None = field(Nullable(Text(blank="text")), "One line shown by `newsletter layouts`.", None)
    kind: str = field(
        Choice("journal", "poster"),
        "What is drawn: journal (the whole issue) or poster (one page: headline, do, don't).",
        "journal",
    )
    page: Page = field(Group(Page), "Paper size and orientation.", factory=Page)
    margins: Margins = field(Group(Margins), "Margins in millimetres.", factory=Margins)
    columns: int = field(Number(1, 3, whole=True), "Number of columns for the news.", 2)
    gutter: float = field(Number(2, 20), "Space between columns, in mm.", 6)
    fonts: Fonts = field(Group(Fonts), "Font family.", factory=Fonts)
    sizes: Sizes = field(Group(Sizes), "Font sizes in points.", factory=Sizes)
    colours: Colours = field(Group(Colours), "Colours, #RRGGBB.", factory=Colours)
    poster: PosterSizes = field(
        Group(PosterSizes), "Poster text sizes in points (kind: poster): start sizes and minimums.", factory=PosterSizes
    )
    sections: list[str] = field(
        ListOf(Choice(*SECTION_NAMES)), "Which sections appear, in order.", factory=lambda: list(SECTION_NAMES)
    )
    fitting: Fitting = field(
        Group(Fitting), "Copy-fitting (kind: journal): the ranges within which pages are filled.", factory=Fitting
    )
    hyphenation: bool = field(
        Boolean(),
        "Hyphenate words at line ends in the running text, in the publication's language (never titles, "
        "names, addresses or numbers; never in large print or on posters).",
        False,
    )
    leading: float = field(
        Number(1, 3), "Line spacing, as a multiple of the text size (1.5: 16 pt text on lines 24 pt apart).", 1.3
    )
    large_print: bool = field(
        Boolean(),
        "Large print for readers with low vision, to UKAAF / RNIB guidance: every character at least "
        f"{LARGE_PRINT_SIZE:g} pt (footer, captions and page numbers too), one column, lines at least "
        f"{LARGE_PRINT_LEADING:g} times the size apart, no hyphenation; the journal then prints no italic, "
        "aligns everything left and stacks what sits side by side. `check` refuses a setting that breaks these rules.",
        False,
    )

    @classmethod
    def read(cls, data: Any, loc: Loc, problems: list[Problem]) -> Any:
        layout = super().read(data, loc, problems)
        if layout is FAILED or not layout.large_print:
            return layout
        found = [rule.problem(layout, data, loc) for rule in LARGE_PRINT_RULES if not rule.keeps(layout)]
        problems += found
        return FAILED if found else layout

    @classmethod
    def object_schema(cls, defs: dict[str, dict]) -> dict:
        """A layout that says `large_print: yes` must keep the large-print rules: editors see it too."""
        then: dict[str, Any] = {"properties": {}, "required": []}
        for rule in LARGE_PRINT_RULES:
            node, needed = then, not rule.keeps_default()  # a value whose default breaks a rule must be written
            for part in rule.path[:-1]:
                if needed and part not in node["required"]:
                    node["required"].append(part)
                node = node["properties"].setdefault(part, {"properties": {}, "required": []})
            node["properties"][rule.path[-1]] = rule.schema
            if needed:
                node["required"].append(rule.path[-1])
        condition = {"properties": {"large_print": Boolean.schema_of(True)}, "required": ["large_print"]}
        return {**super().object_schema(defs), "if": condition, "then": then}

    @property
    def smallest_size(self) -> float:
        """No text of this layout is drawn smaller (0: no floor but the sizes themselves)."""
        return LARGE_PRINT_SIZE if self.large_print else 0.0


@dataclass(frozen=True)
class LargePrintRule:
    """A setting large print needs: at ``path``, a value ``allowed``; ``why`` says the rule (a message
    marked with ``N_``, its ``{size}`` and ``{leading}`` filled), ``fix`` the value to write."""

    path: tuple[str, ...]
    allowed: Callable[[Any], bool]
    shown: Callable[[Any], str]
    why: str
    fix: str
    schema: dict
    or_more: bool = False

    def value(self, record: Any) -> Any:
        for part in self.path:
            record = getattr(record, part)
        return record

    def keeps(self, layout: Layout) -> bool:
        return self.allowed(self.value(layout))

    def keeps_default(self) -> bool:
        return self.keeps(Layout())

    def problem(self, layout: Layout, data: Any, loc: Loc) -> Problem:
        """At the value when it is written; at `large_print` when the value is the default, not written."""
        value = self.shown(self.value(layout))
        rule = _(self.why, size=f"{LARGE_PRINT_SIZE:g}", leading=f"{LARGE_PRINT_LEADING:g}")
        setting = f"`{self.path[-1]}: {self.fix}`"
        written = data
        for part in self.path:
            written = written.get(part) if isinstance(written, dict) else None
        if written is not None:
            fix = (
                _("write {setting} or more", setting=setting) if self.or_more else _("write {setting}", setting=setting)
            )
            return Problem((*loc, *self.path), _("{value}: {rule}", value=value, rule=rule), fix)
        if len(self.path) > 1:
            group = ".".join(self.path[:-1])
            fix = (
                _("add {setting} or more under `{group}:`", setting=setting, group=group)
                if self.or_more
                else _("add {setting} under `{group}:`", setting=setting, group=group)
            )
        else:
            fix = _("add {setting} or more", setting=setting) if self.or_more else _("add {setting}", setting=setting)
        message = _("`{field}` is {value} when not written: {rule}", field=".".join(self.path), value=value, rule=rule)
        return Problem((*loc, "large_print"), message, fix)


LARGE_PRINT_RULES = (
    LargePrintRule(
        ("kind",),
        lambda kind: kind == "journal",
        str,
        N_("large print is a journal's setting; a poster has minimum sizes of its own"),
        "journal",
        {"const": "journal"},
    ),
    LargePrintRule(
        ("columns",),
        lambda columns: columns == 1,
        lambda columns: ngettext("{count} column", "{count} columns", columns),
        N_("large print is set in one column (UKAAF / RNIB)"),
        "1",
        {"maximum": 1},
    ),
    *(
        LargePrintRule(
            ("sizes", name),
            lambda size: size >= LARGE_PRINT_SIZE,
            lambda size: f"{size:g} pt",
            N_(
                "too small for large print, where every character is at least {size} pt (UKAAF / RNIB), "
                "footer and page numbers included"
            ),
            f"{LARGE_PRINT_SIZE:g}",
            {"minimum": LARGE_PRINT_SIZE},
            or_more=True,
        )
        for name in Sizes.fields
    ),
    LargePrintRule(
        ("leading",),
        lambda leading: leading >= LARGE_PRINT_LEADING,
        lambda leading: _("{value} times the text size", value=f"{leading:g}"),
        N_("in large print, lines are at least {leading} times the text size apart"),
        f"{LARGE_PRINT_LEADING:g}",
        {"minimum": LARGE_PRINT_LEADING},
        or_more=True,
    ),
    LargePrintRule(
        ("hyphenation",),
        lambda hyphenation: not hyphenation,
        lambda hyphenation: "yes",
        N_("large print never breaks a word across lines (UKAAF / RNIB)"),
        "no",
        Boolean.schema_of(False),
    ),
)
