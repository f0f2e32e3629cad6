"""Print production on the canvas: page x/y, the issue's date as creation date, grayscale, bleed with
crop marks and TrimBox/BleedBox, and saddle-stitch booklet imposition.

Pages are kept until the end of the document (to know the page count), which also lets
``save`` lay them out two by two on the sheets of a booklet.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from newsletter.model.colours import gray_level

# Streams are stored Flate-compressed and binary, not also ASCII85-encoded: a quarter smaller, and
# reportlab's pure-Python ASCII85 encoder was half the time spent on the sample images.
rl_config.useA85 = 0

# What the canvas below uses of reportlab beyond its documented API (page contents kept per page and
# laid out again, the document's time stamp): checked against the installed reportlab by
# tests/test_dependencies.py.
REPORTLAB_INTERNALS = {
    "reportlab.pdfgen.canvas.Canvas": (
        "_doc",
        "_startPage",
        "_initialFontName",
        "_code",
        "_formsinuse",
        "_currentPageHasImages",
        "_pagesize",
        "_trimBox",
        "_bleedBox",
    ),
    "reportlab.pdfbase.pdfdoc.PDFDocument": ("_timeStamp",),
    "reportlab.lib.utils.TimeStamp": ("t", "lt", "YMDhms"),
}

A4_LANDSCAPE = (297 * mm, 210 * mm)
SLUG_MM = 9.0  # room outside the bleed for the crop marks
MARK_GAP_MM = 1.5
MARK_LENGTH_MM = 6.0


def gray_of(colour: colors.Color) -> colors.Color:
    """The grey of the same luminance."""
    level = gray_level((colour.red, colour.green, colour.blue))
    return colors.Color(level, level, level)


@dataclass(frozen=True)
class Sheet:
    """The trimmed page and what surrounds it on the PDF page."""

    trim_width: float
    trim_height: float
    bleed: float = 0.0  # points

    @property
    def margin(self) -> float:
        """Distance from the media edge to the trim edge."""
        return self.bleed + SLUG_MM * mm if self.bleed else 0.0

    @property
    def media(self) -> tuple[float, float]:
        return self.trim_width + 2 * self.margin, self.trim_height + 2 * self.margin

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        m = self.margin
        return m, m, m + self.trim_width, m + self.trim_height

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self.trim_box
        return x0 - self.bleed, y0 - self.bleed, x1 + self.bleed, y1 + self.bleed


def booklet_order(pages: int) -> list[tuple[int | None, int | None]]:
    """Page numbers (1-based; None: blank) on each sheet side, left then right, front then back.

    The page count is padded to a multiple of four; folding the stack of sheets printed duplex
    gives the pages in reading order.
    """
    total = -(-pages // 4) * 4

    def page(number: int) -> int | None:
        return number if number <= pages else None

    sides = []
    for sheet in range(total // 4):
        sides.append((page(total - 2 * sheet), page(1 + 2 * sheet)))
        sides.append((page(2 + 2 * sheet), page(total - 1 - 2 * sheet)))
    return sides


class _GrayText(PDFTextObject):
    def setFillColor(self, colour, alpha=None):
        self.setFillGray(luminance_level(colour), alpha)

    def setStrokeColor(self, colour, alpha=None):
        self.setStrokeGray(luminance_level(colour), alpha)


def luminance_level(colour) -> float:
    colour = colors.toColor(colour)
    return gray_level((colour.red, colour.green, colour.blue))


class PressCanvas(Canvas):
    """A canvas configured per build by :func:`canvas_class`."""

    footer: Callable[[Canvas, int, int], None]
    created: _dt.date
    grayscale = False
    sheet: Sheet
    impose = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        moment = _dt.datetime(self.created.year, self.created.month, self.created.day, tzinfo=_dt.timezone.utc)
        stamp = TimeStamp(invariant=True)
        stamp.t, stamp.lt = moment.timestamp(), moment.timetuple()
        stamp.YMDhms = tuple(stamp.lt)[:6]
        self._doc._timeStamp = stamp
        self._pages: list[dict] = []

    # grayscale: every colour operator becomes a grey one (no RGB or CMYK left in the file)
    def setFillColor(self, colour, alpha=None):
        if self.grayscale:
            return self.setFillGray(luminance_level(colour), alpha)
        return super().setFillColor(colour, alpha)

    def setStrokeColor(self, colour, alpha=None):
        if self.grayscale:
            return self.setStrokeGray(luminance_level(colour), alpha)
        return super().setStrokeColor(colour, alpha)

    def setFont(self, psfontname, size, leading=None):
        # reportlab's Tables select their default font (Helvetica) before each cell, even for cells
        # of paragraphs with fonts of their own: a base-14 font would be listed in the PDF, never
        # embedded. That default becomes the document's initial font, the layout's regular font.
        if psfontname == rl_config.canvas_basefontname:
            psfontname = self._initialFontName
        super().setFont(psfontname, size, leading)

    def beginText(self, x=0, y=0, direction=None):
        if self.grayscale:
            return _GrayText(self, x, y, direction=direction)
        return super().beginText(x, y, direction)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        finished = []
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.footer(self, number, total)
            if self.sheet.bleed:
                self._crop_marks()
            finished.append(dict(self.__dict__))
        if self.impose:
            self._impose(finished)
        else:
            for state in finished:
                self.__dict__.update(state)
                super().showPage()
        super().save()

    def _crop_marks(self) -> None:
        x0, y0, x1, y1 = self.sheet.trim_box
        start = self.sheet.bleed + MARK_GAP_MM * mm
        end = start + MARK_LENGTH_MM * mm
        self.saveState()
        self.setStrokeGray(0)
        self.setLineWidth(0.25)
        for x, direction in ((x0, -1), (x1, 1)):
            for y, vertical in ((y0, -1), (y1, 1)):
                self.line(x + direction * start, y, x + direction * end, y)
                self.line(x, y + vertical * start, x, y + vertical * end)
        self.restoreState()

    def _impose(self, pages: list[dict]) -> None:
        """Two pages side by side, centred on A4 landscape sheets."""
        width, height = self.sheet.media
        sheet_width, sheet_height = max(2 * width, A4_LANDSCAPE[0]), max(height, A4_LANDSCAPE[1])
        x_offset, y_offset = (sheet_width - 2 * width) / 2, (sheet_height - height) / 2
        for left, right in booklet_order(len(pages)):
            placed = [(slot, pages[number - 1]) for slot, number in enumerate((left, right)) if number]
            self.__dict__.update(placed[0][1])
            code, forms, images = [], [], False
            for slot, state in placed:
                code += ["q", f"1 0 0 1 {x_offset + slot * width:.2f} {y_offset:.2f} cm", *state["_code"], "Q"]
                forms += state["_formsinuse"]
                images = images or state["_currentPageHasImages"]
            self._code, self._formsinuse, self._currentPageHasImages = code, forms, images
            self._pagesize = (sheet_width, sheet_height)
            self._trimBox = self._bleedBox = None
            super().showPage()


def canvas_class(
    footer: Callable[[Canvas, int, int], None],
    created: _dt.date,
    sheet: Sheet,
    grayscale: bool = False,
    impose: bool = False,
) -> type[PressCanvas]:
    return type(
        "IssueCanvas",
        (PressCanvas,),
        {
            "footer": staticmethod(footer),
            "created": created,
            "sheet": sheet,
            "grayscale": grayscale,
            "impose": impose,
        },
    )
