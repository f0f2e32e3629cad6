"""Proofs (`build --proof`): every page marked "ÉPREUVE — NE PAS DIFFUSER" across it, and the field path
of each block of user text in the margin beside it, so that the crisis cell can say "faq[3].a".

The mark is light grey and transparent, drawn diagonally over the page: it reads on a black-and-white
copy and leaves the text under it readable. The paths are found by the text each block prints: every
text of the issue (and of the publication) is typeset as the renderers typeset it, and a paragraph
printing one of them is given a class that draws its path after drawing itself, on every page it
spans. Nothing of the page's layout changes: a proof breaks pages exactly like the copy to print.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.tables import Table

from newsletter.errors import field_path
from newsletter.model.document import IssueDocument
from newsletter.model.sections import SECTIONS
from newsletter.render.pdf.fonts import FontFamily
from newsletter.text.labels import label
from newsletter.text.markup import escape_xml

MARK_GRAY = 0.55
MARK_ALPHA = 0.22
PATH_SIZE = 5.5  # points: small, in the margin, legible on a proof held in the hand
PRINTABLE_EDGE = 5 * mm  # office printers leave the outer 4–5 mm blank

# What finding the paragraphs of a story uses of reportlab beyond its documented API (the cells of a
# table, the flowables kept together): checked against the installed reportlab by tests/test_dependencies.py.
REPORTLAB_INTERNALS = {
    "reportlab.platypus.tables.Table": ("_cellvalues",),
    "reportlab.platypus.flowables.KeepTogether": ("_content",),
}


def watermark(canvas: Canvas, width: float, height: float, text: str, font: str) -> None:
    """``text`` across the page, from the lower left to the upper right, as large as the diagonal allows."""
    diagonal = (width**2 + height**2) ** 0.5
    size = min(120.0, diagonal * 0.8 / max(1.0, stringWidth(text, font, 1)))
    canvas.saveState()
    canvas.setFillGray(MARK_GRAY)
    canvas.setFillAlpha(MARK_ALPHA)  # set apart: a grayscale canvas turns colours into greys without their alpha
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    canvas.setFont(font, size)
    canvas.drawCentredString(0, -size * 0.35, text)
    canvas.restoreState()


def with_watermark(
    footer: Callable[[Canvas, int, int], None], page: tuple[float, float], offset: float, lang: str, font: str
) -> Callable[[Canvas, int, int], None]:
    """The page furniture ``footer`` draws, and the proof's mark over the (trimmed) page."""
    text = label(lang, "proof_mark")

    def draw(canvas: Canvas, number: int, pages: int) -> None:
        footer(canvas, number, pages)
        canvas.saveState()
        canvas.translate(offset, offset)
        watermark(canvas, page[0], page[1], text, font)
        canvas.restoreState()

    return draw


# --- field paths in the margin -------------------------------------------------------------------


@dataclass
class _Margins:
    """Where the paths go: left of the text area, or right of it for a block in the right half."""

    page_width: float
    left: float  # x of the text area's left edge
    right: float  # x of its right edge
    font: str
    classes: dict[tuple[type[Flowable], str], type] = field(default_factory=dict)
    drawn: set[tuple[int, bool, int]] = field(default_factory=set)  # (page, right side, line): one path a line

    def draw(self, canvas: Canvas, x: float, top: float, width: float, path: str) -> None:
        absolute_x, absolute_top = canvas.absolutePosition(x, top)
        on_right = absolute_x > self.page_width / 2  # a block in the right column: the right margin is closer
        room = (self.page_width - self.right if on_right else self.left) - PRINTABLE_EDGE - 1.5 * mm
        slot = (canvas.getPageNumber(), on_right, round(absolute_top / (PATH_SIZE * 2.2)))
        if slot in self.drawn:  # two cells of one row: the first (the row's name) says where it is
            return
        self.drawn.add(slot)
        lines = [path]
        if stringWidth(path, self.font, PATH_SIZE) > room and "." in path:
            head, tail = path.rsplit(".", 1)
            lines = [head, "." + tail]
        canvas.saveState()
        # back to page coordinates (the blocks of a table or a column are drawn in their own)
        canvas.translate(-(absolute_x - x), -(absolute_top - top))
        canvas.setFillColor(colors.Color(0.35, 0.35, 0.35))
        canvas.setFont(self.font, PATH_SIZE)
        for index, line in enumerate(lines):
            y = absolute_top - PATH_SIZE * (index + 1)
            if on_right:
                canvas.drawString(self.right + 1.5 * mm, y, line)
            else:
                canvas.drawRightString(self.left - 1.5 * mm, y, line)
        canvas.restoreState()

    def marked(self, base: type[Flowable], path: str) -> type:
        """A subclass of ``base`` whose instances (and the parts they split into) draw ``path`` beside them."""
        key = (base, path)
        if key not in self.classes:
            margins = self

            def drawOn(flowable: Any, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
                base.drawOn(flowable, canvas, x, y, _sW)
                margins.draw(canvas, x, y + flowable.height, flowable.width, path)

            self.classes[key] = type(f"Proof{base.__name__}", (base,), {"drawOn": drawOn, "proof_path": path})
        return self.classes[key]


def texts_by_path(document: IssueDocument, inline: Callable[[str], str], blocks: Callable[[str], list[str]]) -> dict:
    """Each printed text (as a paragraph's markup) → the path of the field it comes from. A text printed by
    several fields (the same date in two rows) gets no path: a wrong one would send a comment astray."""
    found: dict[str, set[str]] = {}
    sources = [("", document.issue.dump()), ("publication.", document.publication.dump())]
    for prefix, data in sources:
        for path, value in _texts(data):
            line = inline(value)
            for printed in (line, f"<b>{line}</b>", *blocks(value)):  # names in a table are printed in bold
                found.setdefault(printed, set()).add(prefix + field_path(path))
    for section in SECTIONS:  # headings: the section's name
        for key in section.labels:
            found.setdefault(escape_xml(label(document.lang, key)), set()).add(section.name)
    return {printed: paths.pop() for printed, paths in found.items() if len(paths) == 1}


def _texts(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        if data.strip():
            yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*path, index))


def mark_paths(story: list[Flowable], paths: dict[str, str], margins: _Margins) -> None:
    """Give each paragraph of ``story`` (tables, columns and kept-together blocks included) that prints a
    known text the class that draws its path."""
    for paragraph in _paragraphs(story):
        path = paths.get(paragraph.text)
        if path is not None:
            paragraph.__class__ = margins.marked(type(paragraph), path)


def _paragraphs(items: Any) -> Iterator[Paragraph]:
    if isinstance(items, Paragraph):
        yield items
    elif isinstance(items, (list, tuple)):
        for item in items:
            yield from _paragraphs(item)
    elif isinstance(items, Table):
        yield from _paragraphs(items._cellvalues)
    elif isinstance(items, Flowable):
        for attribute in ("_content", "content"):  # a KeepTogether's, our columns'
            yield from _paragraphs(getattr(items, attribute, None))


class Typesetter(Protocol):
    """How the renderers turn user text into paragraphs (the kit's ``UserText``)."""

    def inline(self, text: str, capitals: bool = False) -> str: ...

    def blocks(self, text: str, style: ParagraphStyle, bullet_style: ParagraphStyle) -> list[Flowable]: ...


def proof_story(
    story: list[Flowable],
    document: IssueDocument,
    family: FontFamily,
    text: Typesetter,
    media_width: float,
    text_left: float,
    text_right: float,
) -> None:
    """Mark ``story`` for a proof: the path of each of its blocks in the margin beside it (``text``
    typesets the issue's texts as the renderers did, to find them)."""
    style = ParagraphStyle("proof", fontName=family.regular)

    def blocks(value: str) -> list[str]:
        return [paragraph.text for paragraph in text.blocks(value, style, style) if isinstance(paragraph, Paragraph)]

    margins = _Margins(media_width, text_left, text_right, family.regular)
    mark_paths(story, texts_by_path(document, text.inline, blocks), margins)
