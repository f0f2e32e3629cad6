"""The journal's footer on every page: a rule, the journal's title, the issue's number and date, the
publication's footer line, and the page number.

Its text is set in the layout's ``small`` size, which large print keeps at 16 pt: there, a line may not
hold the title and the date beside the page number, so the date (printed in the masthead) is left
out when it does not fit, lines wrap inside the margins, the page number goes at the end of the first
line with room for it, and the bottom margin grows when the footer needs more lines than it holds.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from newsletter.model.document import IssueDocument
from newsletter.model.layout import Layout
from newsletter.render.pdf.drawn_text import DrawnText
from newsletter.render.pdf.press import Sheet
from newsletter.render.pdf.styles import Styles
from newsletter.text import typography
from newsletter.text.labels import label

RULE_GAP = 4 * mm  # from the frame's foot down to the footer's rule
LOWEST = 5 * mm  # the least height of the footer's last line above the paper's edge
WIDEST_PAGE = 888  # the page number its room is measured with


class JournalFooter:
    """The footer of one journal: ``layout`` is the journal's, its bottom margin raised if need be."""

    def __init__(self, document: IssueDocument, layout: Layout, styles: Styles, page_width: float, sheet: Sheet):
        self.document, self.styles, self.sheet = document, styles, sheet
        self.family, self.size = styles.family, styles.small.fontSize
        self.page_width = page_width
        self.width = page_width - (layout.margins.left + layout.margins.right) * mm
        self.layout = layout
        # large print: every character at its full size, ordinals included
        self.text = DrawnText(document.lang, superscripts=not layout.large_print)
        lines, _ = self.lines(WIDEST_PAGE, WIDEST_PAGE)
        needed = RULE_GAP + self.size * (1.4 + 1.3 * (len(lines) - 1)) + LOWEST
        if needed > layout.margins.bottom * mm:
            self.layout = layout.replace(margins=layout.margins.replace(bottom=needed / mm))

    def page_label(self, page: int, pages: int) -> str:
        return label(self.document.lang, "page").format(page=page, pages=pages)

    def lines(self, page: int, pages: int) -> tuple[list[tuple[str, str]], int]:
        """The footer's lines (font, text), wrapped to the frame's width, and the line that ends with the
        page number: the first with room for it (in large print the first may be full), else one of its own."""
        document, family, size, text = self.document, self.family, self.size, self.text
        lang, publication = document.lang, document.publication
        number = label(lang, "issue_number").format(number=document.issue.number)
        when = typography.format_date(document.issue.date, lang)
        first = family.drawable(typography.normalize(" · ".join([publication.title, number, when])))
        if text.width(first, family.regular, size) > self.width:  # the date is in the masthead
            first = family.drawable(typography.normalize(" · ".join([publication.title, number])))
        lines = [(family.regular, line) for line in text.wrap(first, family.regular, size, self.width)]
        if publication.footer:
            footer = family.drawable(typography.apply(publication.footer, lang))
            aside = self.styles.aside_font
            lines += [(aside, line) for line in text.wrap(footer, aside, size, self.width)]
        beside = size + text.width(self.page_label(page, pages), family.regular, size)
        fits = [
            index for index, (font, line) in enumerate(lines) if text.width(line, font, size) + beside <= self.width
        ]
        if not fits:
            lines.append((family.regular, ""))
        return lines, fits[0] if fits else len(lines) - 1

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        styles, margins, offset, size = self.styles, self.layout.margins, self.sheet.margin, self.size
        left = offset + margins.left * mm
        right = offset + self.page_width - margins.right * mm
        rule_y = offset + margins.bottom * mm - RULE_GAP
        canvas.saveState()
        canvas.setStrokeColor(styles.colour["accent"])
        canvas.setLineWidth(0.8)
        canvas.line(left, rule_y, right, rule_y)
        canvas.setFillColor(styles.colour["muted"])
        lines, at = self.lines(page, pages)
        for index, (font, text) in enumerate(lines):
            y = rule_y - size * (1.4 + 1.3 * index)
            self.text.draw(canvas, left, y, text, font, size)
            if index == at:
                self.text.draw_right(canvas, right, y, self.page_label(page, pages), self.family.regular, size)
        canvas.restoreState()
