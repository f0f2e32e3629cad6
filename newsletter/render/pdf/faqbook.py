"""The FAQ book for the hotline desk: A4, an index of the questions with their pages, then the
questions by theme, each numbered, with its latest answer and the issue it comes from.

Drawn with the journal layout's fonts, sizes and colours (always on A4), and deterministic like every
PDF here. The index needs the pages the questions land on: the document is laid out twice.
"""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Paragraph, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from newsletter import __version__
from newsletter.model.faqbook import FaqBook
from newsletter.model.layout import Layout
from newsletter.model.print_options import RenderOptions
from newsletter.render.faqbook import as_of, source_line, theme_name
from newsletter.render.pdf import display, kit
from newsletter.render.pdf.drawn_text import DrawnText
from newsletter.render.pdf.press import Sheet, canvas_class
from newsletter.render.pdf.styles import Styles
from newsletter.text import typography
from newsletter.text.labels import label
from newsletter.text.markup import escape_xml

A4 = (210 * mm, 297 * mm)


class _Book(BaseDocTemplate):
    """Tells the index where each theme and question landed (and bookmarks them for the PDF's outline);
    counts the pages of the last pass."""

    page_count = 0

    def beforeDocument(self) -> None:
        self.page_count = 0

    def afterPage(self) -> None:
        self.page_count += 1

    def afterFlowable(self, flowable: Flowable) -> None:
        entry = getattr(flowable, "index_entry", None)
        if entry is not None:
            level, text, key = entry
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level)
            self.notify("TOCEntry", (level, text, self.page, key))


def render_faq_book(
    book: FaqBook, layout: Layout, layout_dir=None, options: RenderOptions = RenderOptions()
) -> tuple[bytes, int]:
    """The PDF's bytes and page count."""
    family = kit.register_layout_fonts(layout, layout_dir)
    styles = Styles(layout, family, options.grayscale)
    superscripts = not layout.large_print  # large print: every character at its full size
    text = kit.UserText(book.lang, family, superscripts=superscripts)
    drawn = DrawnText(book.lang, superscripts)
    lang, publication = book.lang, book.publication
    grouped = any(theme.name for theme in book.themes())
    margins = layout.margins
    width = A4[0] - (margins.left + margins.right) * mm

    def words(value: str) -> str:
        return text.plain(typography.apply(value, lang))

    title_text = family.drawable(typography.apply(publication.title, lang))
    heading = [Paragraph(escape_xml(title_text), display.fitted(styles.title, title_text, width * 0.6 - 10 * mm))]
    heading.append(Paragraph(escape_xml(label(lang, "faq_book")), styles.tagline))
    stamp = [Paragraph(words(as_of(book)), styles.date)]
    story: list[Flowable] = [
        display.masthead_band([heading, stamp], [width * 0.6, width * 0.4], styles.colour["accent"], 5 * mm),
        Spacer(1, 4 * mm),
        Paragraph(escape_xml(label(lang, "faq_index")), ParagraphStyle("index", styles.heading, keepWithNext=0)),
        _index(styles, grouped),
    ]
    number = 0
    source_style = ParagraphStyle(
        "source", parent=styles.small, fontName=family.italic, spaceAfter=styles.body.fontSize
    )
    for theme_index, theme in enumerate(book.themes()):
        opening: list[Flowable] = []  # kept with the theme's first question: never alone at a page's foot
        if grouped:
            name = theme_name(theme.name, book)
            title = Paragraph(words(name), styles.heading)
            title.index_entry = (0, typography.normalize(name), f"theme{theme_index}")
            opening.append(title)
        for entry in theme.entries:
            number += 1
            question = Paragraph(f"{number}. {text.inline(entry.item.q)}", styles.question)
            plain_question = f"{number}. {typography.normalize(typography.apply(entry.item.q, lang))}"
            question.index_entry = (1 if grouped else 0, plain_question, f"q{number}")
            block = [*opening, question, *text.blocks(entry.item.a, styles.body, styles.bullet)]
            block.append(Paragraph(words(source_line(entry, lang)), source_style))
            story.append(KeepTogether(block))
            opening = []
    buffer = io.BytesIO()
    document = _Book(
        buffer,
        pagesize=A4,
        leftMargin=margins.left * mm,
        rightMargin=margins.right * mm,
        topMargin=margins.top * mm,
        bottomMargin=margins.bottom * mm,
        title=f"{publication.title} — {label(lang, 'faq_book')}",
        author=publication.organisation or publication.title,
        subject=as_of(book),
        creator=f"newsletter {__version__}",
        lang=kit.PDF_LANG[lang],
        invariant=1,
        initialFontName=family.regular,
    )
    frame = Frame(document.leftMargin, document.bottomMargin, document.width, document.height, id="body", **_NO_PADDING)
    document.addPageTemplates([PageTemplate("page", [frame])])

    def footer(canvas: Canvas, page: int, total: int) -> None:
        size = styles.small.fontSize
        y = margins.bottom * mm - 4 * mm - size * 1.4
        canvas.saveState()
        canvas.setFillColor(styles.colour["muted"])
        line = " · ".join([publication.title, label(lang, "faq_book"), as_of(book)])
        drawn.draw(canvas, margins.left * mm, y, family.drawable(typography.normalize(line)), family.regular, size)
        page_label = label(lang, "page").format(page=page, pages=total)
        drawn.draw_right(canvas, A4[0] - margins.right * mm, y, page_label, family.regular, size)
        canvas.restoreState()

    canvasmaker = canvas_class(footer, book.date, Sheet(*A4), options.grayscale)
    document.multiBuild(story, canvasmaker=canvasmaker)
    return buffer.getvalue(), document.page_count


_NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}


def _index(styles: Styles, grouped: bool) -> TableOfContents:
    """Themes, and under them the questions, each with its page (dots between)."""
    index = TableOfContents(dotsMinLevel=0)
    body = styles.body
    question = ParagraphStyle("index_question", parent=body, firstLineIndent=0, spaceAfter=1)
    question.leftIndent = 6 * mm if grouped else 0
    theme = ParagraphStyle("index_theme", parent=body, fontName=styles.family.bold, spaceBefore=4, firstLineIndent=0)
    index.levelStyles = [theme, question] if grouped else [question]
    return index
