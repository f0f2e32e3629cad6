"""The journal as a print-ready PDF, drawn with reportlab platypus from a layout's settings.

Everything visible comes from the issue, the publication and the layout; the code only knows how
each section is built. Output is deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from newsletter import __version__

from newsletter.render import cache

from newsletter.text import markup

from newsletter.text import typography
from newsletter.model.document import IssueDocument
from newsletter.render.pdf.fonts import FontFamily, family_files, register_family
from newsletter.model.formats import STATES
from newsletter.text.labels import label
from newsletter.model.layout import PAGE_SIZES_MM, Layout
from newsletter.text.markup import escape_xml
from newsletter.model.print_options import RenderOptions
from newsletter.render import IssueWriter
from newsletter.render.pdf.columns import FlowingColumns
from newsletter.render.pdf.press import Sheet, canvas_class, gray_of

PDF_LANG = {"fr": "fr-FR", "en": "en"}
PRINT_DPI = 300  # what office printers and print shops resolve; more pixels only weigh the file down


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
    title = f"{document.publication.title} {number.lower() if lang == 'fr' else number} — " \
            f"{typography.format_date(issue.date, lang)}"
    keywords = [document.publication.title, number]
    if document.publication.organisation:
        keywords.append(document.publication.organisation)
    return {
        "title": title,
        "subject": typography.normalize(issue.headline),
        "author": document.publication.organisation or document.publication.title,
        "keywords": ", ".join(keywords),
    }


def build_pdf(story: list[Flowable], document: IssueDocument, layout: Layout, family: FontFamily, sheet: Sheet,
              footer: Callable[[Canvas, int, int], None], options: RenderOptions) -> tuple[bytes, int]:
    """Lay ``story`` out in one frame inside the layout's margins: the PDF's bytes and its page count.

    Shared by every renderer so that all carry the same metadata, fonts (never a base-14 one),
    creation date, grayscale, bleed and imposition handling.
    """
    buffer = io.BytesIO()
    margins = layout.margins
    info = metadata(document)
    boxes = {"trimBox": sheet.trim_box, "bleedBox": sheet.bleed_box} if sheet.bleed else {}
    template = BaseDocTemplate(
        buffer, pagesize=sheet.media, **boxes,
        leftMargin=sheet.margin + margins.left * mm, rightMargin=sheet.margin + margins.right * mm,
        topMargin=sheet.margin + margins.top * mm, bottomMargin=sheet.margin + margins.bottom * mm,
        title=info["title"], author=info["author"], subject=info["subject"],
        keywords=info["keywords"], creator=f"newsletter {__version__}",
        lang=PDF_LANG[document.lang], invariant=1, initialFontName=family.regular,
    )
    frame = Frame(template.leftMargin, template.bottomMargin, template.width, template.height,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate("page", [frame])])
    pages: list[int] = []
    template.afterPage = lambda: pages.append(1)
    template.build(story, canvasmaker=canvas_class(
        footer, document.issue.date, sheet, options.grayscale, options.impose == "booklet"))
    return buffer.getvalue(), len(pages)


class _Styles:
    """Paragraph styles derived from a layout."""

    def __init__(self, layout: Layout, family: FontFamily, grayscale: bool = False):
        size, colour = layout.sizes, layout.colours
        convert = gray_of if grayscale else (lambda c: c)
        self.colour = {name: convert(colors.HexColor(value)) for name, value in colour.dump().items()}
        self.family = family
        text = self.colour["text"]

        def style(name: str, font: str, font_size: float, **extra) -> ParagraphStyle:
            extra.setdefault("leading", font_size * 1.3)
            extra.setdefault("textColor", text)
            # reportlab draws bullets in Helvetica unless told otherwise: a base-14 font, never embedded
            return ParagraphStyle(name, fontName=font, fontSize=font_size, bulletFontName=family.regular, **extra)

        self.body = style("body", family.regular, size.body, spaceAfter=size.body * 0.45)
        self.bullet = style("bullet", family.regular, size.body, leftIndent=size.body * 1.1,
                            bulletIndent=size.body * 0.2, spaceAfter=size.body * 0.25)
        self.lead = style("lead", family.regular, size.lead, leading=size.lead * 1.35, spaceAfter=size.lead * 0.6)
        self.headline = style("headline", family.bold, size.headline, leading=size.headline * 1.12,
                              spaceAfter=size.headline * 0.3)
        self.kicker = style("kicker", family.bold, size.body, textColor=self.colour["accent"],
                            spaceBefore=size.body * 0.8, spaceAfter=size.body * 0.3)
        self.meta = style("meta", family.italic, size.small + 1, textColor=self.colour["muted"],
                          spaceAfter=size.body)
        self.heading = style("heading", family.bold, size.heading, textColor=self.colour["accent"],
                             spaceBefore=size.heading * 0.9, spaceAfter=size.heading * 0.45, keepWithNext=1)
        self.subheading = style("subheading", family.bold, size.body + 1, spaceAfter=size.body * 0.3,
                                keepWithNext=1)
        self.question = style("question", family.bold, size.body, textColor=self.colour["accent"],
                              spaceBefore=size.body * 0.5, spaceAfter=size.body * 0.2, keepWithNext=1)
        self.caption = style("caption", family.italic, size.small + 0.5, textColor=self.colour["muted"],
                             spaceBefore=2, spaceAfter=size.body * 0.6)
        self.quote = style("quote", family.italic, size.body + 1, leading=(size.body + 1) * 1.4)
        self.small = style("small", family.regular, size.small, textColor=self.colour["muted"])
        self.title = style("title", family.bold, size.title, leading=size.title * 1.1,
                           textColor=self.colour["on_accent"])
        self.tagline = style("tagline", family.regular, size.body, textColor=self.colour["on_accent"])
        self.number = style("number", family.bold, size.title * 0.8, leading=size.title * 0.9,
                            textColor=self.colour["on_accent"], alignment=TA_RIGHT)
        self.date = style("date", family.regular, size.body, textColor=self.colour["on_accent"], alignment=TA_RIGHT)
        self.box_title = style("box_title", family.bold, size.heading, textColor=self.colour["on_accent"],
                               leading=size.heading * 1.2)
        self.email = style("email", family.regular, size.body - 1)
        self.notice = style("notice", family.bold, size.lead, textColor=self.colour["accent"])


class UserText:
    """User text → reportlab paragraphs: typography, the tiny markup, escaping, drawable glyphs only."""

    def __init__(self, lang: str, family: FontFamily):
        self.lang = lang
        self.family = family

    def inline(self, text: str, capitals: bool = False) -> str:
        """One line of user text as safe reportlab paragraph markup, in ``capitals`` if asked."""
        prepared = self._prepare(text)
        if capitals:
            prepared = "".join(map(self._capital, prepared))
        return self._runs(markup.inline(prepared))

    def blocks(self, text: str, style: ParagraphStyle, bullet_style: ParagraphStyle) -> list[Flowable]:
        flowables: list[Flowable] = []
        for block in markup.parse(self._prepare(text)):
            if isinstance(block, markup.Paragraph):
                flowables.append(Paragraph(self._runs(block.runs), style))
            else:
                flowables.extend(Paragraph(self._runs(item), bullet_style, bulletText="•")
                                 for item in block.items)
        return flowables

    def _prepare(self, text: str) -> str:
        return self.family.drawable(typography.apply(text, self.lang))

    def _capital(self, char: str) -> str:
        """The capital of ``char`` if the font can draw it (DejaVu has Georgian letters, not their capitals)."""
        capital = char.upper()
        return capital if self.family.drawable(capital) == capital else char

    @staticmethod
    def _runs(runs: markup.Line) -> str:
        return markup.tagged(runs, escape_xml, ("<b>", "</b>"), ("<i>", "</i>"))


class Icon(Flowable):
    """A drawn pictogram (never a font glyph), so that meaning survives black-and-white copies.

    ``check`` and ``cross`` mark do / don't; ``restored``, ``testing``, ``degraded``, ``down`` mark
    the status states, each with its own shape.
    """

    SHAPES = {"restored": "check", "down": "cross"}

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


class JournalRenderer(IssueWriter):
    """Builds the journal layout: masthead, headline, then the layout's sections in order."""

    def __init__(self, document: IssueDocument, layout: Layout, layout_dir: Path | None = None,
                 options: RenderOptions | None = None):
        super().__init__(document)
        self.layout = layout
        self.options = options or RenderOptions()
        self.family = register_layout_fonts(layout, layout_dir)
        self.styles = _Styles(layout, self.family, self.options.grayscale)
        self.text = UserText(self.lang, self.family)
        self.page_width, self.page_height = page_size(layout)
        self.sheet = Sheet(self.page_width, self.page_height, self.options.bleed_mm * mm)
        margins = layout.margins
        self.frame_width = self.page_width - (margins.left + margins.right) * mm
        self.frame_height = self.page_height - (margins.top + margins.bottom) * mm

    def _image(self, path: Path, max_width: float, max_height: float) -> Image:
        return scaled_image(path, max_width, max_height, self.options.grayscale)

    # --- the whole document ----------------------------------------------------------------

    def render(self) -> tuple[bytes, int]:
        """The PDF's bytes and its page count."""
        return build_pdf(self.story(), self.document, self.layout, self.family, self.sheet, self._footer,
                         self.options)

    def story(self) -> list[Flowable]:
        story = self._masthead() + self._headline()
        for name in self.layout.sections:
            story += self.section(name)
        return story

    # --- masthead and headline ---------------------------------------------------------------

    def _masthead(self) -> list[Flowable]:
        styles, publication = self.styles, self.document.publication
        number = self.label("issue_number", number=self.issue.number)
        when = typography.format_date(self.issue.date, self.lang)
        padding = 5 * mm
        widths = [None, min(60 * mm, self.frame_width * 0.34)]
        right = [Paragraph(escape_xml(number), styles.number),
                 Paragraph(escape_xml(when), fitted(styles.date, when, widths[1] - 2 * padding, smallest=0.8))]
        cells: list = [None, right]
        logo = self.document.logo_path()
        if logo is not None:
            height = styles.title.leading * 1.9
            cells.insert(0, self._image(logo, height, height))
            widths.insert(0, height + 2 * padding)
        title_width = self.frame_width - sum(w for w in widths if w)
        widths[widths.index(None)] = title_width
        title_text = self.family.drawable(typography.apply(publication.title, self.lang))
        title_style = fitted(styles.title, title_text, title_width - 2 * padding)
        title = [Paragraph(escape_xml(title_text), title_style)]
        if publication.tagline:
            title.append(Paragraph(self.text.inline(publication.tagline), styles.tagline))
        cells[cells.index(None)] = title
        table = Table([cells], colWidths=widths, style=TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), styles.colour["accent"]),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5 * mm),
        ]))
        return [table, Spacer(1, 2 * mm)]

    def _headline(self) -> list[Flowable]:
        styles, issue = self.styles, self.issue
        story: list[Flowable] = []
        if issue.edition:
            story.append(Paragraph(self.text.inline(issue.edition, capitals=True), styles.kicker))
        else:
            story.append(Spacer(1, styles.kicker.spaceBefore))
        story.append(Paragraph(self.text.inline(issue.headline), styles.headline))
        if issue.time:
            stamp = self.label("written_at", time=typography.format_time(issue.time, self.lang))
            story.append(Paragraph(escape_xml(stamp), styles.meta))
        if issue.lead:
            story += self.text.blocks(issue.lead, styles.lead, styles.lead)
        return story

    # --- sections ----------------------------------------------------------------------------

    def _heading(self, key: str, keep_with_next: bool = True) -> Paragraph:
        """A section title; before a table that may split, the caller reserves room instead."""
        heading = Paragraph(escape_xml(self.label(key)), self.styles.heading)
        heading.keepWithNext = keep_with_next
        return heading

    def _panel(self, rows: list[list], colour: str = "panel", heading_row: bool = False, **extra) -> Table:
        """A tinted box; rows may split across pages so a long box never fails to fit."""
        styles = self.styles
        commands = [
            ("BACKGROUND", (0, 0), (-1, -1), styles.colour[colour]),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ("TOPPADDING", (0, 0), (-1, 0), 3 * mm),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
        ]
        if heading_row:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), styles.colour["accent"]))
        return Table(rows, style=TableStyle(commands), splitInRow=1, **extra)

    def _essentials(self) -> list[Flowable]:
        if not self.issue.essentials:
            return []
        styles = self.styles
        big = ParagraphStyle("essential_number", parent=styles.headline, textColor=styles.colour["accent"],
                             fontSize=styles.headline.fontSize * 0.8, leading=styles.headline.fontSize * 0.8)
        item_style = ParagraphStyle("essential", parent=styles.lead, fontName=self.family.bold, spaceAfter=0)
        rows = [[Paragraph(escape_xml(self.label("essentials")), styles.heading), ""]]
        for index, text in enumerate(self.issue.essentials, start=1):
            rows.append([Paragraph(str(index), big), Paragraph(self.text.inline(text), item_style)])
        table = self._panel(rows, colWidths=[12 * mm, self.frame_width - 12 * mm])
        table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0)), ("LINEBEFORE", (0, 0), (0, -1), 3,
                                                                  styles.colour["accent"])]))
        return [Spacer(1, 2 * mm), table, Spacer(1, 3 * mm)]

    def _bullets(self, items: list[str]) -> list[Flowable]:
        return [Paragraph(self.text.inline(item), self.styles.bullet, bulletText="•") for item in items]

    def _situation(self) -> list[Flowable]:
        parts = self.document.situation_lists()
        if not parts:
            return []
        styles = self.styles
        head = ParagraphStyle("situation_head", parent=styles.subheading, textColor=styles.colour["accent"])
        width = (self.frame_width - 2 * mm * (len(parts) - 1)) / len(parts)
        cells = [[Paragraph(escape_xml(self.label(key)), head)] + self._bullets(items) for key, items in parts]
        table = Table([cells], colWidths=[width] * len(parts), splitInRow=1, style=TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 2, styles.colour["accent"]),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
        ]))
        return [table, Spacer(1, 2 * mm)]

    def _status(self) -> list[Flowable]:
        if not self.issue.status:
            return []
        styles = self.styles
        state_colour = {"restored": "do", "testing": "warning", "degraded": "warning", "down": "dont"}
        head = ParagraphStyle("status_head", parent=styles.small, fontName=self.family.bold)
        cell = ParagraphStyle("status_cell", parent=styles.body, spaceAfter=0)
        rows = [[Paragraph(escape_xml(self.label(key)), head)
                 for key in ("status_state", "status_system", "status_since", "status_note")]]
        icon = styles.body.fontSize * 1.25
        for entry in self.issue.status:
            word = Paragraph(f"<b>{escape_xml(self.label('state_' + entry.state))}</b>", cell)
            badge = Table([[Icon(entry.state, icon, styles.colour[state_colour[entry.state]]), word]],
                          colWidths=[icon + 2 * mm, None], style=TableStyle([
                              ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
            rows.append([badge, Paragraph(f"<b>{self.text.inline(entry.system)}</b>", cell),
                         Paragraph(self.text.inline(self._since(entry.since)), cell),
                         Paragraph(self.text.inline(entry.note or ""), cell)])
        padding = 4 * mm
        state_words = [self.label("state_" + state) for state in STATES]
        since_texts = [self.family.drawable(typography.apply(self._since(e.since), self.lang))
                       for e in self.issue.status]
        since_widths = [stringWidth(self.label("status_since"), self.family.bold, head.fontSize)]  # the header too
        since_widths += [stringWidth(t, self.family.regular, cell.fontSize) for t in since_texts]
        widths = [icon + 2 * mm + padding + max(stringWidth(w, self.family.bold, cell.fontSize) for w in state_words),
                  min(self.frame_width * 0.4, max([self.frame_width * 0.25] + [
                      padding + stringWidth(word, self.family.bold, cell.fontSize) + 2
                      for entry in self.issue.status
                      for word in self.family.drawable(typography.apply(entry.system, self.lang)).split()])),
                  padding + min(self.frame_width * 0.2, max(since_widths) + 2)]
        widths.append(self.frame_width - sum(widths))
        # TOP, not MIDDLE: reportlab splits a middle-aligned row taller than a page into pages of empty rows
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, style=TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 1.2, styles.colour["accent"]),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, styles.colour["muted"]),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, styles.colour["panel"]]),
            ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
        ]))
        return [CondPageBreak(50 * mm), self._heading("status", keep_with_next=False), table]

    def _since(self, since: str | None) -> str:
        """``since`` as typed, except an ISO date, which reads better as "15 février 2021"."""
        try:
            return typography.format_short_date(_dt.date.fromisoformat((since or "").strip()), self.lang)
        except ValueError:
            return since or ""

    def _instruction_box(self, key: str, icon_kind: str, colour: str, items: list[str], width: float) -> Table:
        styles = self.styles
        icon = styles.heading.fontSize * 1.3
        item_icon = styles.body.fontSize * 0.95
        item_style = ParagraphStyle("instruction", parent=styles.body, spaceAfter=0)
        rows = [[Icon(icon_kind, icon, colors.white, styles.colour[colour]),
                 Paragraph(escape_xml(self.label(key)), styles.box_title)]]
        rows += [[Icon(icon_kind, item_icon, styles.colour[colour]), Paragraph(self.text.inline(item), item_style)]
                 for item in items]
        return Table(rows, colWidths=[icon + 3 * mm, width - icon - 3 * mm], splitInRow=1, style=TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), styles.colour[colour]),
            ("BOX", (0, 0), (-1, -1), 1.5, styles.colour[colour]),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("ALIGN", (0, 1), (0, -1), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ("TOPPADDING", (0, 1), (-1, 1), 3 * mm), ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
        ]))

    def _do_dont(self) -> list[Flowable]:
        boxes = [(key, kind, colour, items) for key, kind, colour, items in (
            ("do", "check", "do", self.issue.do), ("dont", "cross", "dont", self.issue.dont)) if items]
        if not boxes:
            return []
        gap = 5 * mm
        width = (self.frame_width - gap * (len(boxes) - 1)) / len(boxes)
        cells = [self._instruction_box(*box, width=width) for box in boxes]
        row: list = []
        for cell in cells:
            row += [cell, ""]
        table = Table([row[:-1]], colWidths=([width, gap] * len(cells))[:-1], splitInRow=1, style=TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        if table.wrap(self.frame_width, self.frame_height)[1] <= self.frame_height:
            table.splitInRow = 0  # it fits on a page: never leave a box title alone at a page foot
        return [Spacer(1, 5 * mm), table, Spacer(1, 2 * mm)]

    def _news(self) -> list[Flowable]:
        if not self.issue.news:
            return []
        styles = self.styles
        columns = self.layout.columns
        column_width = (self.frame_width - (columns - 1) * self.layout.gutter * mm) / columns
        content: list[Flowable] = []
        for item in self.issue.news:
            head: list[Flowable] = [Paragraph(self.text.inline(item.title), styles.subheading)]
            if item.image:
                head.append(self._image(self.document.issue_asset(item.image), column_width, column_width * 0.6))
                if item.caption:
                    head.append(Paragraph(self.text.inline(item.caption), styles.caption))
                else:
                    head.append(Spacer(1, styles.caption.spaceAfter))
            body = self.text.blocks(item.body, styles.body, styles.bullet)
            if not item.image and body and body[0].wrap(column_width, self.page_height)[1] < styles.body.leading * 6:
                head.append(body.pop(0))
            column_height = self.page_height - (self.layout.margins.top + self.layout.margins.bottom) * mm
            content += [*_unbreakable(head, column_width, column_height), *body,
                        Spacer(1, styles.body.fontSize * 0.6)]
        first_height = content[0].wrap(column_width, self.page_height)[1] if columns > 1 else 0
        # One column: the heading stays with the first article's title and picture (kept whole);
        # several: the columns are one flowable, which the page break above makes room for.
        heading = self._heading("news", keep_with_next=columns == 1)
        story: list[Flowable] = [CondPageBreak(first_height + 3 * styles.heading.leading), heading]
        if columns > 1:
            story.append(FlowingColumns(content, columns, self.layout.gutter * mm))
        else:
            story += content
        return story

    def _tips(self) -> list[Flowable]:
        if not self.issue.tips:
            return []
        styles = self.styles
        story: list[Flowable] = [self._heading("tips")]
        for tip in self.issue.tips:
            if tip.title:
                story.append(Paragraph(self.text.inline(tip.title), styles.subheading))
                story += self.text.blocks(tip.body, styles.body, styles.bullet)
            else:
                story.append(Paragraph(self.text.inline(tip.body), styles.bullet, bulletText="•"))
        return story

    def _testimonials(self) -> list[Flowable]:
        if not self.issue.testimonials:
            return []
        styles = self.styles
        story: list[Flowable] = [self._heading("testimonials")]
        for testimonial in self.issue.testimonials:
            who = f"<b>{self.text.inline(testimonial.name)}</b>"
            if testimonial.role:
                who += f", {self.text.inline(testimonial.role)}"
            quote = self.text.inline(testimonial.quote)
            quote = f"« {quote} »" if self.lang == "fr" else f"“{quote}”"
            cell = [Paragraph(quote, styles.quote), Paragraph(who, styles.small)]
            story.append(Table([[cell]], colWidths=[self.frame_width], splitInRow=1, style=TableStyle([
                ("LINEBEFORE", (0, 0), (0, -1), 3, styles.colour["accent"]),
                ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm), ("TOPPADDING", (0, 0), (-1, -1), 1 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm)])))
            story.append(Spacer(1, 3 * mm))
        return story

    def _faq(self) -> list[Flowable]:
        if not self.issue.faq:
            return []
        styles = self.styles
        story: list[Flowable] = [self._heading("faq")]
        for question in self.issue.faq:
            story.append(Paragraph(self.text.inline(question.q), styles.question))
            story += self.text.blocks(question.a, styles.body, styles.bullet)
        return story

    def _contacts(self) -> list[Flowable]:
        contacts, hotline = self.document.contacts, self.document.hotline
        if not contacts and hotline is None:
            return []
        styles = self.styles
        story: list[Flowable] = [CondPageBreak(45 * mm), self._heading("contacts")]
        if hotline is not None:
            phone = escape_xml(self.family.drawable(typography.format_phone(hotline.phone, self.lang)))
            big = ParagraphStyle("hotline_phone", parent=styles.box_title, fontSize=styles.headline.fontSize * 0.85,
                                 leading=styles.headline.fontSize)
            lines = [Paragraph(self.text.inline(hotline.label), styles.box_title), Paragraph(phone, big)]
            if hotline.hours:
                lines.append(Paragraph(self.text.inline(hotline.hours), styles.tagline))
            story += [self._panel([[lines]], colour="accent", colWidths=[self.frame_width]), Spacer(1, 3 * mm)]
        if contacts:
            cell = ParagraphStyle("contact", parent=styles.body, spaceAfter=0)
            rows = []
            phones = [self.family.drawable(typography.format_phone(contact.phone, self.lang)) if contact.phone else ""
                      for contact in contacts]
            for contact, phone in zip(contacts, phones):
                who = f"<b>{self.text.inline(contact.name)}</b>"
                if contact.role:
                    who += f"<br/>{self.text.inline(contact.role)}"
                rows.append([Paragraph(who, cell), Paragraph(f"<b>{escape_xml(phone)}</b>", cell),
                             Paragraph(self.text.inline(contact.email or ""), styles.email)])
            # A phone number is never broken across lines: its column fits the widest (+33 2 41 … in large
            # print too), its padding (1 mm left, 6 pt right) and 1 pt to spare included, up to 45 % of the page.
            widest = max(stringWidth(phone, self.family.bold, cell.fontSize) for phone in phones) + 1 * mm + 7
            widths = [self.frame_width * 0.34,
                      min(self.frame_width * 0.45, max(36 * mm, self.frame_width * 0.2, widest))]
            widths.append(self.frame_width - sum(widths))
            story.append(Table(rows, colWidths=widths, splitInRow=1, style=TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.colour["muted"]),
                ("LEFTPADDING", (0, 0), (-1, -1), 1 * mm), ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm)])))
        return self._together_if_it_fits(story)

    def _together_if_it_fits(self, flowables: list[Flowable]) -> list[Flowable]:
        """One block on one page when it fits there (no contact left alone atop a page); split otherwise."""
        height = sum(f.wrap(self.frame_width, self.frame_height)[1] for f in flowables)
        return [KeepTogether(flowables)] if height <= self.frame_height * 0.8 else flowables

    def _next_issue(self) -> list[Flowable]:
        if self.issue.next_issue is None:
            return []
        when = typography.format_date(self.issue.next_issue, self.lang)
        notice = Paragraph(escape_xml(self.label("next_issue", date=when)), self.styles.notice)
        box = Table([[notice]], colWidths=[self.frame_width], style=TableStyle([
            ("BOX", (0, 0), (-1, -1), 1.5, self.styles.colour["accent"]),
            ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm), ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5 * mm)]))
        return [Spacer(1, 3 * mm), box, Spacer(1, 2 * mm)]

    SECTION_DRAWERS = {
        "essentials": _essentials, "situation": _situation, "status": _status, "do_dont": _do_dont,
        "news": _news, "tips": _tips, "testimonials": _testimonials, "faq": _faq, "contacts": _contacts,
        "next_issue": _next_issue,
    }

    # --- page furniture ------------------------------------------------------------------------

    def _footer(self, canvas: Canvas, page: int, pages: int) -> None:
        styles, margins, offset = self.styles, self.layout.margins, self.sheet.margin
        publication = self.document.publication
        left = offset + margins.left * mm
        right = offset + self.page_width - margins.right * mm
        rule_y = offset + margins.bottom * mm - 4 * mm
        size = styles.small.fontSize
        canvas.saveState()
        canvas.setStrokeColor(styles.colour["accent"])
        canvas.setLineWidth(0.8)
        canvas.line(left, rule_y, right, rule_y)
        canvas.setFillColor(styles.colour["muted"])
        canvas.setFont(self.family.regular, size)
        number = self.label("issue_number", number=self.issue.number)
        first = " · ".join([publication.title, number, typography.format_date(self.issue.date, self.lang)])
        canvas.drawString(left, rule_y - size * 1.4, self.family.drawable(typography.normalize(first)))
        canvas.drawRightString(right, rule_y - size * 1.4, self.label("page", page=page, pages=pages))
        if publication.footer:
            canvas.setFont(self.family.italic, size)
            canvas.drawString(left, rule_y - size * 2.7,
                              self.family.drawable(typography.apply(publication.footer, self.lang)))
        canvas.restoreState()


def fitted(style: ParagraphStyle, text: str, width: float, smallest: float = 0.6) -> ParagraphStyle:
    """``style`` shrunk (down to ``smallest`` of its size) so that ``text`` fits on one line if it can."""
    natural = stringWidth(text, style.fontName, style.fontSize)
    scale = max(smallest, min(1.0, width / natural)) if natural else 1.0
    return ParagraphStyle(style.name + "_fitted", parent=style, fontSize=style.fontSize * scale,
                          leading=style.leading * scale)


def _unbreakable(flowables: list[Flowable], width: float, max_height: float) -> list[Flowable]:
    """Flowables that should stay in one column (title, image, caption, first lines): a one-cell table.

    A one-cell table does not split, so the column flow moves it whole to the next column. Taller
    than ``max_height`` (a whole column) it could never be placed: then the flowables split as usual.
    """
    table = Table([[flowables]], colWidths=[width], style=TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return [table] if table.wrap(width, max_height)[1] <= max_height else flowables


def scaled_image(path: Path, max_width: float, max_height: float, grayscale: bool = False) -> Image:
    """An image scaled to fit the box, keeping its proportions; grey levels only under --grayscale.

    An image with far more pixels than the print needs is reduced to :data:`PRINT_DPI` at its
    printed size: the PDF gets smaller and faster to make, and the print looks the same.
    """
    from PIL import Image as PILImage

    with PILImage.open(path) as original:
        width, height = original.size
    scale = min(max_width / width, max_height / height)
    needed = (max(1, round(width * scale / 72 * PRINT_DPI)), max(1, round(height * scale / 72 * PRINT_DPI)))
    if not grayscale and width <= needed[0] * 1.5:
        return Image(str(path), width=width * scale, height=height * scale)
    status = path.stat()
    data = _print_ready(path, status.st_mtime_ns, status.st_size, needed, grayscale)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale)


_JPEG_QUALITY = 92  # a reduced photo, saved again: no visible loss on paper
_PNG_LEVEL = 1  # a reduced drawing is read back at once by reportlab, which compresses the pixels itself


@lru_cache(maxsize=64)
def _print_ready(path: Path, modified: int, size: int, needed: tuple[int, int], grayscale: bool) -> bytes:
    """The image's file data reduced to ``needed`` pixels and/or to grey levels: remembered in this
    process (the same logo is on every issue of a series) and kept in the cache folder (a photo
    from a phone takes a tenth of a second to reduce, at every build)."""
    from PIL import Image as PILImage

    source = path.read_bytes()
    kept = cache.entry("images", path.name, source, needed, grayscale, _JPEG_QUALITY, _PNG_LEVEL, PILImage.__version__)
    data = cache.read(kept)
    if data is not None:
        return data
    with PILImage.open(io.BytesIO(source)) as original:
        picture = original.convert("LA" if "A" in original.getbands() else "L") if grayscale else original.copy()
        kind = original.format
    if picture.width > needed[0] * 1.5:
        picture = picture.resize(needed, PILImage.LANCZOS)
    buffer = io.BytesIO()
    if kind == "JPEG" and picture.mode in ("L", "RGB", "CMYK"):
        picture.save(buffer, format="JPEG", quality=_JPEG_QUALITY)
    else:
        picture.save(buffer, format="PNG", compress_level=_PNG_LEVEL)
    cache.keep(kept, buffer.getvalue())
    return buffer.getvalue()