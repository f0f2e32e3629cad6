"""The PDF kit: what every PDF of an issue is drawn with (the journal, the poster).

What the journal and the poster start from (:class:`IssuePdf`), fonts from a layout, user text as
safe paragraphs (with the print-only typography), drawn icons, a few table helpers, and
:func:`build_pdf`, which gives every PDF the same metadata, fonts, creation date, grayscale, bleed
and imposition handling. Output is deterministic: the same input gives the same bytes. Paragraph
styles are in ``styles.py``, pictures in ``pictures.py``, display type in ``display.py``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Table,
    TableStyle,
)

from newsletter import __version__
from newsletter.model.document import IssueDocument
from newsletter.model.layout import PAGE_SIZES_MM, Layout
from newsletter.model.print_options import RenderOptions
from newsletter.render import IssueWriter
from newsletter.render.pdf.drawn_text import SUPERSCRIPT_RISE, SUPERSCRIPT_SIZE, print_pieces
from newsletter.render.pdf.flow import Para
from newsletter.render.pdf.fonts import FontFamily, family_files, register_family
from newsletter.render.pdf.press import Sheet, canvas_class
from newsletter.render.pdf.textlayer import for_paragraph
from newsletter.text import markup, typography
from newsletter.text.labels import label
from newsletter.text.markup import escape_xml

PDF_LANG = {"fr": "fr-FR", "en": "en"}


def register_layout_fonts(layout: Layout, layout_dir: Path | None) -> FontFamily:
    return register_family(*family_files(layout.fonts, layout_dir))


def page_size(layout: Layout) -> tuple[float, float]:
    width, height = PAGE_SIZES_MM[layout.page.size]
    if layout.page.orientation == "landscape":
        width, height = height, width
    return width * mm, height * mm


def metadata(document: IssueDocument) -> dict[str, str]:
    """Title, subject, author and keywords of the PDF, in the publication's language."""
    issue, lang = document.issue, document.lang
    number = label(lang, "issue_number").format(number=issue.number)
    title = (
        f"{document.publication.title} {number.lower() if lang == 'fr' else number} — "
        f"{typography.format_date(issue.date, lang)}"
    )
    keywords = [document.publication.title, number]
    if document.publication.organisation:
        keywords.append(document.publication.organisation)
    return {
        "title": title,
        "subject": typography.normalize(issue.headline),
        "author": document.publication.organisation or document.publication.title,
        "keywords": ", ".join(keywords),
    }


def build_pdf(
    story: list[Flowable],
    document: IssueDocument,
    layout: Layout,
    family: FontFamily,
    sheet: Sheet,
    footer: Callable[[Canvas, int, int], None],
    options: RenderOptions,
) -> tuple[bytes, int]:
    """Lay ``story`` out in one frame inside the layout's margins: the PDF's bytes and its page count.

    Shared by every renderer so that all carry the same metadata, fonts (never a base-14 one),
    creation date, grayscale, bleed and imposition handling.
    """
    buffer = io.BytesIO()
    template = document_template(buffer, document, layout, family, sheet)
    frame = Frame(
        template.leftMargin,
        template.bottomMargin,
        template.width,
        template.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template.addPageTemplates([PageTemplate("page", [frame])])
    footer = proofed(story, document, family, sheet, footer, options, frame.x1, frame.width)
    pages: list[int] = []
    template.afterPage = lambda: pages.append(1)
    template.build(story, canvasmaker=press_canvas(document, sheet, footer, options))
    return buffer.getvalue(), len(pages)


def document_template(
    buffer: io.BytesIO, document: IssueDocument, layout: Layout, family: FontFamily, sheet: Sheet
) -> BaseDocTemplate:
    """A document inside the layout's margins, with the issue's metadata; the caller adds its pages."""
    margins = layout.margins
    info = metadata(document)
    boxes = {"trimBox": sheet.trim_box, "bleedBox": sheet.bleed_box} if sheet.bleed else {}
    return BaseDocTemplate(
        buffer,
        pagesize=sheet.media,
        **boxes,
        leftMargin=sheet.margin + margins.left * mm,
        rightMargin=sheet.margin + margins.right * mm,
        topMargin=sheet.margin + margins.top * mm,
        bottomMargin=sheet.margin + margins.bottom * mm,
        title=info["title"],
        author=info["author"],
        subject=info["subject"],
        keywords=info["keywords"],
        creator=f"newsletter {__version__}",
        lang=PDF_LANG[document.lang],
        invariant=1,
        initialFontName=family.regular,
    )


def proofed(
    story: list[Flowable],
    document: IssueDocument,
    family: FontFamily,
    sheet: Sheet,
    footer: Callable[[Canvas, int, int], None],
    options: RenderOptions,
    left: float,
    width: float,
) -> Callable[[Canvas, int, int], None]:
    """With ``options.proof``: the story marked for proofreading, and the footer that adds the watermark."""
    if not options.proof:
        return footer
    from newsletter.render.pdf import proof

    text = UserText(document.lang, family)
    proof.proof_story(story, document, family, text, sheet.media[0], left, left + width)
    trimmed = (sheet.trim_width, sheet.trim_height)
    return proof.with_watermark(footer, trimmed, sheet.margin, document.lang, family.bold)


def press_canvas(
    document: IssueDocument, sheet: Sheet, footer: Callable[[Canvas, int, int], None], options: RenderOptions
) -> type:
    """The canvas class that draws the footer, grayscale, bleed and imposition of this issue's PDF."""
    return canvas_class(footer, document.issue.date, sheet, options.grayscale, options.impose == "booklet")


SUPERSCRIPT = (f'<super rise="{SUPERSCRIPT_RISE:.0%}" size="{SUPERSCRIPT_SIZE:.0%}">', "</super>")


def printed(text: str, lang: str, superscripts: bool = True) -> str:
    """Text that is not user markup (a label, a date) as paragraph markup: escaped, with the print-only
    typography of ``lang`` (narrow no-break spaces, superscript ordinals unless told not to)."""
    marked = "".join(
        f"{SUPERSCRIPT[0]}{escape_xml(piece)}{SUPERSCRIPT[1]}" if raised else escape_xml(piece)
        for piece, raised in print_pieces(text, lang, superscripts)
    )
    return for_paragraph(marked)


class IssuePdf(IssueWriter):
    """What a PDF of an issue in a layout (the journal, the poster) starts from: the layout, its fonts,
    the render options and the sheet the page is printed on; :meth:`setup` builds the rest."""

    def __init__(
        self,
        document: IssueDocument,
        layout: Layout,
        layout_dir: Path | None = None,
        options: RenderOptions | None = None,
    ):
        super().__init__(document)
        self.layout = layout
        self.options = options or RenderOptions()
        self.family = register_layout_fonts(layout, layout_dir)
        self.page_width, self.page_height = page_size(layout)
        self.sheet = Sheet(self.page_width, self.page_height, self.options.bleed_mm * mm)
        self.setup()

    def setup(self) -> None:
        """What the renderer draws with, built from the above."""


class UserText:
    """User text → reportlab paragraphs: typography, the tiny markup, escaping, drawable glyphs only."""

    def __init__(self, lang: str, family: FontFamily, italic: bool = True, superscripts: bool = True):
        self.lang = lang
        self.family = family
        # Without italic (large print), what is typed *in italic* is emphasised in bold instead.
        self.emphasis = ("<i>", "</i>") if italic else ("<b>", "</b>")
        self.superscripts = superscripts  # large print has none: every character at its full size

    def inline(self, text: str, capitals: bool = False) -> str:
        """One line of user text as safe reportlab paragraph markup, in ``capitals`` if asked."""
        prepared = self._prepare(text)
        if capitals:
            prepared = "".join(map(self._capital, prepared))
        return self._runs(markup.inline(prepared))

    def plain(self, text: str) -> str:
        """Text without markup (a label, a date, a phone number) as paragraph markup."""
        return printed(self.family.drawable(text), self.lang, self.superscripts)

    def blocks(self, text: str, style: ParagraphStyle, bullet_style: ParagraphStyle) -> list[Flowable]:
        flowables: list[Flowable] = []
        for block in markup.parse(self._prepare(text)):
            if isinstance(block, markup.Paragraph):
                flowables.append(Para(self._runs(block.runs), style))
            else:
                flowables.extend(Para(self._runs(item), bullet_style, bulletText="•") for item in block.items)
        return flowables

    def _prepare(self, text: str) -> str:
        return self.family.drawable(typography.apply(text, self.lang))

    def _capital(self, char: str) -> str:
        """The capital of ``char`` if the font can draw it (DejaVu has Georgian letters, not their capitals)."""
        capital = char.upper()
        return capital if self.family.drawable(capital) == capital else char

    def _runs(self, runs: markup.Line) -> str:
        return markup.tagged(
            runs, lambda text: printed(text, self.lang, self.superscripts), ("<b>", "</b>"), self.emphasis
        )


class Icon(Flowable):
    """A drawn pictogram (never a font glyph), so that meaning survives black-and-white copies.

    ``check`` and ``cross`` mark do / don't; ``restored``, ``testing``, ``degraded``, ``down`` mark
    the status states, each with its own shape.
    """

    SHAPES: ClassVar[dict[str, str]] = {"restored": "check", "down": "cross"}

    def __init__(self, kind: str, size: float, fill: colors.Color, ink: colors.Color = colors.white):
        super().__init__()
        self.kind = self.SHAPES.get(kind, kind)
        self.size = size
        self.fill = fill
        self.ink = ink
        self.width = self.height = size

    def draw(self) -> None:
        c, s = self.canv, self.size
        c.saveState()
        c.setFillColor(self.fill)
        c.setStrokeColor(self.fill)
        c.setLineCap(1)
        c.setLineJoin(1)
        if self.kind == "degraded":
            path = c.beginPath()
            path.moveTo(s * 0.5, s * 0.98)
            path.lineTo(s * 0.02, s * 0.08)
            path.lineTo(s * 0.98, s * 0.08)
            path.close()
            c.drawPath(path, fill=1, stroke=0)
            c.setStrokeColor(self.ink)
            c.setFillColor(self.ink)
            c.setLineWidth(s * 0.11)
            c.line(s * 0.5, s * 0.68, s * 0.5, s * 0.42)
            c.circle(s * 0.5, s * 0.24, s * 0.06, stroke=0, fill=1)
        elif self.kind == "testing":
            c.setLineWidth(s * 0.1)
            c.circle(s / 2, s / 2, s * 0.44, stroke=1, fill=0)
            c.wedge(s * 0.12, s * 0.12, s * 0.88, s * 0.88, 90, -180, stroke=0, fill=1)
        else:
            c.circle(s / 2, s / 2, s / 2, stroke=0, fill=1)
            c.setStrokeColor(self.ink)
            c.setLineWidth(s * 0.12)
            if self.kind == "check":
                path = c.beginPath()
                path.moveTo(s * 0.27, s * 0.52)
                path.lineTo(s * 0.43, s * 0.34)
                path.lineTo(s * 0.74, s * 0.68)
                c.drawPath(path, stroke=1, fill=0)
            else:
                c.line(s * 0.32, s * 0.32, s * 0.68, s * 0.68)
                c.line(s * 0.32, s * 0.68, s * 0.68, s * 0.32)
        c.restoreState()


# --- tables --------------------------------------------------------------------------------------


def panel(rows: list[list], background: colors.Color, **extra) -> Table:
    """A tinted box; rows may split across pages so a long box never fails to fit."""
    return Table(
        rows,
        style=TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("TOPPADDING", (0, 0), (-1, 0), 3 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
            ]
        ),
        splitInRow=1,
        **extra,
    )


def together_if_it_fits(flowables: list[Flowable], width: float, height: float) -> list[Flowable]:
    """One block on one page when it fits there (no contact left alone atop a page); split otherwise."""
    total = sum(f.wrap(width, height)[1] for f in flowables)
    return [KeepTogether(flowables)] if total <= height * 0.8 else flowables


def unbreakable(flowables: list[Flowable], width: float, max_height: float) -> list[Flowable]:
    """Flowables that should stay in one column (title, image, caption, first lines): a one-cell table.

    A one-cell table does not split, so the column flow moves it whole to the next column. Taller
    than ``max_height`` (a whole column) it could never be placed: then the flowables split as usual.
    """
    table = Table(
        [[flowables]],
        colWidths=[width],
        style=TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return [table] if table.wrap(width, max_height)[1] <= max_height else flowables
