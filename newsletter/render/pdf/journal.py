"""The journal as a print-ready PDF: masthead, headline, then the layout's sections in its order.

Everything visible comes from the issue, the publication and the layout; this module knows how
each section is built, with the PDF kit (``render/pdf/kit.py``) and reportlab platypus. The
measured tables (status board, instruction boxes, contacts) are in ``render/pdf/journal_tables.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Image, Paragraph, Spacer, Table, TableStyle

from newsletter.model.document import IssueDocument
from newsletter.model.layout import Layout
from newsletter.model.print_options import RenderOptions
from newsletter.render import IssueWriter
from newsletter.render.pdf import display, kit, pictures
from newsletter.render.pdf.columns import FlowingColumns
from newsletter.render.pdf.fitting import Fitter, Knobs, PageRule
from newsletter.render.pdf.flow import BackPage, Gap, IfRoom, Para, Picture
from newsletter.render.pdf.journal_footer import JournalFooter
from newsletter.render.pdf.journal_tables import JournalTables, first_rows_height, whole_rows
from newsletter.render.pdf.press import Sheet
from newsletter.text import typography
from newsletter.text.markup import escape_xml


class JournalRenderer(IssueWriter):
    """Builds the journal layout: masthead, headline, then the layout's sections in order."""

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
        self.family = kit.register_layout_fonts(layout, layout_dir)
        self.styles = kit.Styles(layout, self.family, self.options.grayscale, self.lang)
        self.text = kit.UserText(
            self.lang, self.family, italic=not layout.large_print, superscripts=not layout.large_print
        )
        self.page_width, self.page_height = kit.page_size(layout)
        self.sheet = Sheet(self.page_width, self.page_height, self.options.bleed_mm * mm)
        self.footer = JournalFooter(document, layout, self.styles, self.page_width, self.sheet)
        self.layout = self.footer.layout
        margins = self.layout.margins
        self.frame_width = self.page_width - (margins.left + margins.right) * mm
        self.frame_height = self.page_height - (margins.top + margins.bottom) * mm
        self.tables = JournalTables(
            self.styles, self.text, self.frame_width, self.frame_height, stacked=layout.large_print
        )
        self.knobs = Knobs()  # what copy-fitting changes between layouts of the story (render/pdf/fitting.py)

    def _image(self, path: Path, max_width: float, max_height: float) -> Image:
        return pictures.scaled_image(path, max_width, max_height, self.options.grayscale)

    # --- the whole document ----------------------------------------------------------------

    def render(self) -> tuple[bytes, int]:
        """The PDF's bytes and its page count, copy-fitted: one page or an even number (a multiple of four
        for a booklet), none half empty, within the layout's ranges."""
        story = self.story()
        rule = PageRule(4 if self.options.impose == "booklet" else 2)

        def forget() -> None:  # the columns remember their layouts, which the knobs change
            for flowable in story:
                if isinstance(flowable, FlowingColumns):
                    flowable.forget()

        fitter = Fitter(story, self.knobs, self._template, self.frame_height, rule, self.layout.fitting, forget)
        left = self.sheet.margin + self.layout.margins.left * mm
        footer = kit.proofed(
            story, self.document, self.family, self.sheet, self.footer.draw, self.options, left, self.frame_width
        )
        canvas = kit.press_canvas(self.document, self.sheet, footer, self.options)
        return fitter.draw(fitter.choose(), canvas)

    def _template(self, buffer):
        return kit.document_template(buffer, self.document, self.layout, self.family, self.sheet)

    def story(self) -> list[Flowable]:
        story = self._masthead() + self._headline()
        for name in self.layout.sections:
            part = self.section(name)
            if name == "next_issue" and part:
                for flowable in story[-2:]:  # the next issue's box never alone at the top of a page
                    flowable.keepWithNext = True
            if name == "contacts" and part:
                part = [BackPage(part, self._recap(), self.knobs, cover=part[1:3] if self.document.hotline else [])]
            story += part
        return story

    # --- masthead and headline ---------------------------------------------------------------

    def _masthead(self) -> list[Flowable]:
        if self.layout.large_print:
            return self._stacked_masthead()
        styles, publication = self.styles, self.document.publication
        number = self.label("issue_number", number=self.issue.number)
        when = typography.format_date(self.issue.date, self.lang)
        padding = 5 * mm
        widths = [None, min(60 * mm, self.frame_width * 0.34)]
        # the date never wraps: shrunk a little to fit beside the number, else on a line of its own below
        date = display.one_line(self.text.plain(when), when, styles.date, widths[1] - 2 * padding)
        below = None if date else Paragraph(self.text.plain(when), styles.date)
        cells: list = [None, [Paragraph(escape_xml(number), styles.number)] + ([date] if date else [])]
        logo = self.document.logo_path()
        if logo is not None:
            height = styles.title.leading * 1.9
            cells.insert(0, self._image(logo, height, height))
            widths.insert(0, height + 2 * padding)
        title_width = self.frame_width - sum(w for w in widths if w)
        widths[widths.index(None)] = title_width
        title_text = self.family.drawable(typography.apply(publication.title, self.lang))
        title_style = display.fitted(styles.title, title_text, title_width - 2 * padding)
        title = [Paragraph(escape_xml(title_text), title_style)]
        if publication.tagline:
            title.append(Paragraph(self.text.inline(publication.tagline), styles.tagline))
        cells[cells.index(None)] = title
        return [display.masthead_band(cells, widths, styles.colour["accent"], padding, below), Spacer(1, 2 * mm)]

    def _stacked_masthead(self) -> list[Flowable]:
        """Large print: the number and date under the title, left-aligned, at full size (wrapped if need be)."""
        styles, publication = self.styles, self.document.publication
        padding = 5 * mm
        number = self.label("issue_number", number=self.issue.number)
        when = typography.format_date(self.issue.date, self.lang)
        cells: list = []
        widths: list = []
        logo = self.document.logo_path()
        if logo is not None:
            height = styles.title.leading * 1.9
            cells.append(self._image(logo, height, height))
            widths.append(height + 2 * padding)
        title_width = self.frame_width - sum(widths)
        title_text = self.family.drawable(typography.apply(publication.title, self.lang))
        smallest = max(0.6, self.layout.smallest_size / styles.title.fontSize)
        lines = [
            Paragraph(
                escape_xml(title_text), display.fitted(styles.title, title_text, title_width - 2 * padding, smallest)
            )
        ]
        if publication.tagline:
            lines.append(Paragraph(self.text.inline(publication.tagline), styles.tagline))
        issue_line = ParagraphStyle("issue_line", parent=styles.tagline, fontName=self.family.bold, spaceBefore=2 * mm)
        lines.append(Paragraph(self.text.plain(f"{number} · {when}"), issue_line))
        cells.append(lines)
        widths.append(title_width)
        return [display.masthead_band(cells, widths, styles.colour["accent"], padding), Spacer(1, 2 * mm)]

    def _headline(self) -> list[Flowable]:
        styles, issue = self.styles, self.issue
        story: list[Flowable] = []
        if issue.edition:
            # large print: no line in capitals (UKAAF)
            kicker = self.text.inline(issue.edition, capitals=not self.layout.large_print)
            story.append(Paragraph(kicker, styles.kicker))
        else:
            story.append(Spacer(1, styles.kicker.spaceBefore))
        story.append(display.Balanced(self.text.inline(issue.headline), styles.headline))
        if issue.time:
            stamp = self.label("written_at", time=typography.format_time(issue.time, self.lang))
            story.append(Paragraph(escape_xml(stamp), styles.meta))
        if issue.lead:
            story += self.text.blocks(issue.lead, styles.lead, styles.lead)
        return story

    # --- sections ----------------------------------------------------------------------------

    def _heading(self, key: str, keep_with_next: bool = True) -> Paragraph:
        """A section title; before a table that may split, the caller reserves room instead."""
        heading = Paragraph(self.text.plain(self.label(key)), self.styles.heading)
        heading.keepWithNext = keep_with_next
        return heading

    def _essentials(self) -> list[Flowable]:
        if not self.issue.essentials:
            return []
        styles = self.styles
        big = ParagraphStyle(
            "essential_number",
            parent=styles.headline,
            textColor=styles.colour["accent"],
            fontSize=styles.headline.fontSize * 0.8,
            leading=styles.headline.fontSize * 0.8,
        )
        item_style = ParagraphStyle("essential", parent=styles.lead, fontName=self.family.bold, spaceAfter=0)
        rows = [[Paragraph(escape_xml(self.label("essentials")), styles.heading), ""]]
        for index, text in enumerate(self.issue.essentials, start=1):
            rows.append([Paragraph(str(index), big), Paragraph(self.text.inline(text), item_style)])
        table = kit.panel(rows, styles.colour["panel"], colWidths=[12 * mm, self.frame_width - 12 * mm])
        table.setStyle(
            TableStyle([("SPAN", (0, 0), (-1, 0)), ("LINEBEFORE", (0, 0), (0, -1), 3, styles.colour["accent"])])
        )
        return [Gap(2 * mm, self.knobs), self._whole(table), Gap(3 * mm, self.knobs)]

    def _whole(self, table: Table) -> Table:
        """A short block is never split across pages (only one taller than a page is)."""
        if table.wrap(self.frame_width, self.frame_height)[1] <= self.frame_height:
            table.splitInRow = 0
            table.setStyle([("NOSPLIT", (0, 0), (-1, -1))])
        return table

    def _recap(self) -> list[Flowable]:
        """On a back page with room left: the essentials again, under "À retenir"."""
        if not self.issue.essentials:
            return []
        style = ParagraphStyle("recap", parent=self.styles.lead, fontName=self.family.bold)
        items = [Para(self.text.inline(text), style, bulletText="•") for text in self.issue.essentials]
        return [IfRoom([Spacer(1, 6 * mm), self._heading("recap"), *items])]

    def _bullets(self, items: list[str]) -> list[Flowable]:
        return [Paragraph(self.text.inline(item), self.styles.bullet, bulletText="•") for item in items]

    def _situation(self) -> list[Flowable]:
        parts = self.document.situation_lists()
        if not parts:
            return []
        styles = self.styles
        head = ParagraphStyle("situation_head", parent=styles.subheading, textColor=styles.colour["accent"])
        width = (self.frame_width - 2 * mm * (len(parts) - 1)) / len(parts)
        # The heads in a row of their own: a head on two lines leaves the lists side by side in line.
        heads = [Paragraph(escape_xml(self.label(key)), head) for key, _ in parts]
        lists = [self._bullets(items) for _, items in parts]
        table = Table(
            [heads, lists],
            colWidths=[width] * len(parts),
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                    ("LINEABOVE", (0, 0), (-1, 0), 2, styles.colour["accent"]),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("TOPPADDING", (0, 0), (-1, 0), 2 * mm),
                    ("TOPPADDING", (0, 1), (-1, 1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, 0), 0),
                ]
            ),
        )
        # Large print, columns of a dozen characters, or lists taller than most of a page: one list under
        # the other, flowing like text.
        narrow = self.layout.large_print or width < styles.body.fontSize * 18
        if narrow or table.wrap(self.frame_width, self.frame_height)[1] > self.frame_height * 0.6:
            stacked: list[Flowable] = []
            for heading, items in zip(heads, lists, strict=True):
                stacked += [heading, *items]
            return [*stacked, Gap(2 * mm, self.knobs)]
        return [self._whole(table), Gap(2 * mm, self.knobs)]

    def _status(self) -> list[Flowable]:
        if not self.issue.status:
            return []
        board = self.tables.status_board(self.issue.status)
        heading = self._heading("status", keep_with_next=False)
        # The heading never ends a page: it starts one unless its table's head and first two rows fit below it.
        needed = heading.wrap(self.frame_width, self.frame_height)[1] + first_rows_height(board, 3, self.frame_width)
        needed += self.styles.heading.spaceBefore + self.styles.heading.spaceAfter
        needed = min(needed, self.frame_height / 2)  # rows taller than a page are split in any case
        return [CondPageBreak(needed), heading, board]

    def _do_dont(self) -> list[Flowable]:
        lists = self.document.instruction_lists()
        if not lists:
            return []
        return [Gap(5 * mm, self.knobs), self.tables.instruction_boxes(lists), Gap(2 * mm, self.knobs)]

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
                picture = self._image(self.document.issue_asset(item.image), column_width, column_width * 0.6)
                head.append(Picture(picture, self.knobs))
                if item.caption:
                    head.append(Paragraph(self.text.inline(item.caption), styles.caption))
                else:
                    head.append(Spacer(1, styles.caption.spaceAfter))
            body = self.text.blocks(item.body, styles.body, styles.bullet)
            first_kept = (
                not item.image and body and body[0].wrap(column_width, self.page_height)[1] < styles.body.leading * 6
            )
            if first_kept:
                head.append(body.pop(0))
            column_height = self.page_height - (self.layout.margins.top + self.layout.margins.bottom) * mm
            kept = kit.unbreakable(head, column_width, column_height)
            if first_kept and len(kept) == 1:  # a table drops its last paragraph's space after: given back
                kept.append(Spacer(1, styles.body.spaceAfter))
            content += [
                *kept,
                *body,
                Spacer(1, styles.body.fontSize * 0.6),
            ]
        first_height = content[0].wrap(column_width, self.page_height)[1] if columns > 1 else 0
        # One column: the heading stays with the first article's title and picture (kept whole);
        # several: the columns are one flowable, which the page break above makes room for.
        heading = self._heading("news", keep_with_next=columns == 1)
        room = min(first_height + 3 * styles.heading.leading, self.frame_height / 2)  # a taller first one splits
        story: list[Flowable] = [CondPageBreak(room), heading]
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
            quote = typography.quoted(quote, self.lang)
            cell = [Paragraph(quote, styles.quote), Paragraph(who, styles.small)]
            table = Table(
                [[cell]],
                colWidths=[self.frame_width],
                splitInRow=1,
                style=TableStyle(
                    [
                        ("LINEBEFORE", (0, 0), (0, -1), 3, styles.colour["accent"]),
                        ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
                        ("TOPPADDING", (0, 0), (-1, -1), 1 * mm),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm),
                    ]
                ),
            )
            story += [self._whole(table), Gap(3 * mm, self.knobs)]
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
        story: list[Flowable] = [self._heading("contacts")]
        table = whole_rows(self.tables.contacts(contacts), self.frame_width, self.frame_height) if contacts else None
        if hotline is not None:
            phone = escape_xml(self.family.drawable(typography.format_phone(hotline.phone, self.lang)))
            big = ParagraphStyle(
                "hotline_phone",
                parent=styles.box_title,
                fontSize=styles.headline.fontSize * 0.85,
                leading=styles.headline.fontSize,
            )
            lines = [Paragraph(self.text.inline(hotline.label), styles.box_title), Paragraph(phone, big)]
            if hotline.hours:
                lines.append(Paragraph(self.text.inline(hotline.hours), styles.tagline))
            panel = self._whole(kit.panel([[lines]], styles.colour["accent"], colWidths=[self.frame_width]))
            gap = Gap(3 * mm, self.knobs)
            # the hotline never alone at a page foot (with a list that fits on a page: a longer one splits)
            kept = table is not None and table.wrap(self.frame_width, self.frame_height)[1] <= self.frame_height
            panel.keepWithNext = gap.keepWithNext = kept
            story += [panel, gap]
        if table is not None:
            story.append(table)
        return story

    def _next_issue(self) -> list[Flowable]:
        if self.issue.next_issue is None:
            return []
        when = typography.format_date(self.issue.next_issue, self.lang)
        notice = Paragraph(self.text.plain(self.label("next_issue", date=when)), self.styles.notice)
        box = Table(
            [[notice]],
            colWidths=[self.frame_width],
            style=TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.5, self.styles.colour["accent"]),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5 * mm),
                ]
            ),
        )
        return [Gap(3 * mm, self.knobs), box, Gap(2 * mm, self.knobs)]

    SECTION_DRAWERS: ClassVar[dict[str, Callable]] = {
        "essentials": _essentials,
        "situation": _situation,
        "status": _status,
        "do_dont": _do_dont,
        "news": _news,
        "tips": _tips,
        "testimonials": _testimonials,
        "faq": _faq,
        "contacts": _contacts,
        "next_issue": _next_issue,
    }
