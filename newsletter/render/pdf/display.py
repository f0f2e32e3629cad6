"""Display type: the masthead band, its date and tagline, titles fitted to their width, balanced lines.

A title or a headline set left to right fills its first lines and leaves the rest for the last one:
"Les premiers outils reviennent, service par" / "service". :class:`Balanced` sets it as narrow as it
can be without taking one more line, so that its lines come out of even length (and no word is left
alone on the last one when a better break exists).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from newsletter.text import markup, typography

if TYPE_CHECKING:
    from newsletter.render.pdf.kit import UserText

_STEPS = 10  # halvings of the width searched: under 1 % of a column
_UNBOUNDED = 1e6  # points: room for any line


def fitted(style: ParagraphStyle, text: str, width: float, smallest: float = 0.6) -> ParagraphStyle:
    """``style`` shrunk (down to ``smallest`` of its size) so that ``text`` fits on one line if it can."""
    return _scaled(style, stringWidth(text, style.fontName, style.fontSize), width, smallest)


def _scaled(style: ParagraphStyle, natural: float, width: float, smallest: float) -> ParagraphStyle:
    scale = max(smallest, min(1.0, width / natural)) if natural else 1.0
    return ParagraphStyle(
        style.name + "_fitted", parent=style, fontSize=style.fontSize * scale, leading=style.leading * scale
    )


def fitted_title(text: UserText, title: str, style: ParagraphStyle, width: float, smallest: float = 0.6) -> Paragraph:
    """A publication's ``title`` (user text) shrunk to one line of ``width`` if it can be, with the typography
    of a headline (fine spaces before ``; ! ?``, superscript ordinals)."""
    drawn = markup.plain_line(markup.inline(text.family.drawable(typography.apply(title, text.lang))))
    return Paragraph(text.inline(title), fitted(style, drawn, width, smallest))


def one_line(markup: str, text: str, style: ParagraphStyle, width: float, smallest: float = 0.8) -> Paragraph | None:
    """``text`` (as paragraph ``markup``) on one line of ``width``, shrunk down to ``smallest`` of its size if
    need be; None when even then it would wrap (the caller gives it a line of its own)."""
    shrunk = fitted(style, text, width, smallest)
    if stringWidth(text, shrunk.fontName, shrunk.fontSize) > width + 0.01:
        return None
    return Paragraph(markup, shrunk)


def unwrapped(markup: str, style: ParagraphStyle, width: float, smallest: float = 0.8) -> Paragraph:
    """A line of display type that should not wrap (a masthead's tagline): on one line of ``width``,
    shrunk down to ``smallest`` of its size if need be, else at full size on lines of even length."""
    natural = Paragraph(markup, style)
    natural.wrap(_UNBOUNDED, _UNBOUNDED)
    line = natural.blPara.lines[0] if natural.blPara.lines else (_UNBOUNDED, [])
    extra = line[0] if isinstance(line, tuple) else line.extraSpace  # plain text or runs of markup
    shrunk = Paragraph(markup, _scaled(style, _UNBOUNDED - extra, width, smallest))
    shrunk.wrap(width, _UNBOUNDED)
    return shrunk if len(shrunk.blPara.lines) <= 1 else Balanced(markup, style)


def masthead_band(
    cells: list, widths: list, background: colors.Color, padding: float, below: Flowable | None = None
) -> Table:
    """The coloured band at the top of the journal and the poster: logo, title and number side by side,
    and what goes ``below`` them across the band (a date too long for its column)."""
    rows = [cells] + ([[below] + [""] * (len(cells) - 1)] if below is not None else [])
    extra = [("SPAN", (0, 1), (-1, 1)), ("TOPPADDING", (0, 1), (-1, 1), 0)] if below is not None else []
    return Table(
        rows,
        colWidths=widths,
        style=TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5 * mm),
                *extra,
            ]
        ),
    )


class Balanced(Paragraph):
    """A paragraph of display type (a headline, a poster's line) with lines of even length: set at the
    narrowest width that takes no more lines than the whole width does."""

    def __init__(self, text: str, style: ParagraphStyle, **extra: Any):
        super().__init__(text, style, **extra)
        self._natural = style
        self._balanced_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._balanced_for != availWidth:
            self._balanced_for = availWidth
            self.style = self._natural
            self.style = self._narrowed(self._narrowest(availWidth, availHeight), availWidth)
        return super().wrap(availWidth, availHeight)

    def _lines(self, width: float, height: float) -> int:
        super().wrap(width, height)
        return len(self.blPara.lines)

    def _narrowest(self, width: float, height: float) -> float:
        lines = self._lines(width, height)
        if lines < 2:
            return width
        low, high = min(width, self.minWidth()), width
        for _ in range(_STEPS):
            middle = (low + high) / 2
            if self._lines(middle, height) <= lines:
                high = middle
            else:
                low = middle
        return high

    def _narrowed(self, narrowest: float, width: float) -> ParagraphStyle:
        spare = max(0.0, width - narrowest)
        if spare < 1:
            return self._natural
        alignment = self._natural.alignment
        left = spare / 2 if alignment == TA_CENTER else spare if alignment == TA_RIGHT else 0.0
        return ParagraphStyle(
            self._natural.name + "_balanced",
            parent=self._natural,
            leftIndent=self._natural.leftIndent + left,
            rightIndent=self._natural.rightIndent + spare - left,
        )
