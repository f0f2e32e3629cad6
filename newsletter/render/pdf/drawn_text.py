"""Print typography for text drawn straight on the canvas (footers), as paragraphs get it.

A paragraph sets French ordinals' letters as superscripts and a narrow no-break space before ``; ! ?``
(``kit.printed``); a footer drawn with ``drawString`` gets the same here. Its lines are wrapped at word
spaces only: reportlab's ``simpleSplit`` splits at every Unicode space and joins the words again with
U+0020, which loses the no-break spaces of "N° 5" and "1er mars 2021" in print and in the text layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from newsletter.text import typography

# French ordinals' letters (1er, XIXe) at 62 % of the size, their top near the capitals' height
SUPERSCRIPT_SIZE = 0.62
SUPERSCRIPT_RISE = 0.34


def print_pieces(text: str, lang: str, superscripts: bool = True) -> list[tuple[str, bool]]:
    """``text`` with the print-only typography of ``lang``, in pieces, each with whether it is raised."""
    text = typography.fine_spaces(text, lang)
    return typography.superscripts(text, lang) if superscripts else [(text, False)]


@dataclass(frozen=True)
class DrawnText:
    """Lines of text for the canvas in ``lang``; without ``superscripts`` (large print) every
    character keeps its full size."""

    lang: str
    superscripts: bool = True

    def width(self, text: str, font: str, size: float) -> float:
        return sum(
            stringWidth(piece, font, size * SUPERSCRIPT_SIZE if raised else size)
            for piece, raised in print_pieces(text, self.lang, self.superscripts)
        )

    def wrap(self, text: str, font: str, size: float, width: float) -> list[str]:
        """``text`` in lines no wider than ``width`` (a word wider than that alone on its line), broken
        at word spaces only."""
        lines: list[str] = []
        for word in text.split(" "):
            if lines and self.width(f"{lines[-1]} {word}", font, size) <= width:
                lines[-1] += f" {word}"
            elif word:
                lines.append(word)
        return lines

    def draw(self, canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
        """``text`` from ``x`` on the baseline ``y``."""
        line = canvas.beginText(x, y)
        pieces = print_pieces(text, self.lang, self.superscripts)
        for index, (piece, raised) in enumerate(pieces, start=1):
            line.setFont(font, size * SUPERSCRIPT_SIZE if raised else size)
            line.setRise(size * SUPERSCRIPT_RISE if raised else 0)
            # the last piece ends the line, as drawString does: a PDF reader reads a line break there
            (line.textLine if index == len(pieces) else line.textOut)(piece)
        canvas.drawText(line)

    def draw_right(self, canvas: Canvas, right: float, y: float, text: str, font: str, size: float) -> None:
        """``text`` ending at ``right`` on the baseline ``y``."""
        self.draw(canvas, right - self.width(text, font, size), y, text, font, size)
