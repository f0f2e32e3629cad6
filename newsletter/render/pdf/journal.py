"""The journal as a print-ready PDF: masthead, headline, then the layout's sections in its order.

Everything visible comes from the issue, the publication and the layout; this module knows how
each section is built, with the PDF kit (``render/pdf/kit.py``), its styles (``render/pdf/styles.py``)
and reportlab platypus. The measured tables (status board, instruction boxes, contacts) are in
``render/pdf/journal_tables.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import ClassVar

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from newsletter.i18n import ngettext
from newsletter.render.pdf import Rendered, kit
from newsletter.render.pdf.columns import FlowingColumns
from newsletter.render.pdf.fitting import Fitter, Overflow, PageRule
from newsletter.render.pdf.flow import (
    BackPage,
    Float,
    Gap,
    IfRoom,
    KeepWithFirstLines,
    Para,
    Picture,
    SectionStart,
    introduces,
    keep_lists,
)
from newsletter.render.pdf.journal_masthead import JournalHead
from newsletter.render.pdf.journal_tables import first_part_height, whole_rows
from newsletter.text import typography
from newsletter.text.markup import escape_xml


class JournalRenderer(JournalHead):
    """Builds the journal layout: masthead, headline, then the layout's sections in order."""

    # --- the whole document ----------------------------------------------------------------

    def render(self) -> Rendered:
        """The PDF's bytes and its page count, copy-fitted: one page or an even number (a multiple of four
        for a booklet), none half empty, within the layout's ranges; a warning when it cannot be."""
        story = self.story()
        rule = PageRule(4 if self.options.impose == "booklet" else 2)

        def forget() -> None:  # the columns remember their layouts, which the knobs change
            for flowable in story:
                if isinstance(flowable, FlowingColumns):
                    flowable.forget()

        ranges, starts = self.layout.fitting, frozenset(self.starts)
        fitter = Fitter(story, self.knobs, self._template, self.frame_height, rule, ranges, forget, starts)
        left = self.sheet.margin + self.layout.margins.left * mm
        footer = kit.proofed(
            story, self.document, self.family, self.sheet, self.footer.draw, self.options, left, self.frame_width
        )
        canvas = kit.press_canvas(self.document, self.sheet, footer, self.options)
        knobs = fitter.choose()
        data, pages = fitter.draw(knobs, canvas)
        overflow = fitter.overflow(knobs, self.styles.body.leading)
        return Rendered(data, pages, () if overflow is None else (self._over(overflow),))

    def _over(self, overflow: Overflow) -> str:
        """The warning of a journal that cannot follow the page rule, with the lines over the count below."""
        pages = ngettext("{count} page", "{count} pages", overflow.pages)
        if overflow.half_empty:
            half_empty = ngettext(
                "with a page less than half full", "with {count} pages less than half full", overflow.half_empty
            )
            return ngettext(
                "{count} line over {pages}: printed on {printed} pages, {half_empty} (cut {count} line to print "
                "{pages})",
                "{count} lines over {pages}: printed on {printed} pages, {half_empty} (cut {count} lines to print "
                "{pages})",
                overflow.lines,
                pages=pages,
                printed=overflow.printed,
                half_empty=half_empty,
            )
        return ngettext(
            "{count} line over {pages}: printed on {printed} pages, a count that leaves blank pages "
            "(cut {count} line to print {pages})",
            "{count} lines over {pages}: printed on {printed} pages, a count that leaves blank pages "
            "(cut {count} lines to print {pages})",
            overflow.lines,
            pages=pages,
            printed=overflow.printed,
        )

    def _template(self, buffer):
        document = kit.document_template(buffer, self.document, self.layout, self.family, self.sheet)
        # a heading and what it is kept with: taller than a page, the heading stays with its first lines
        document.keepTogetherClass = partial(KeepWithFirstLines, page_height=self.frame_height)
        return document

    def story(self) -> list[Flowable]:
        story = self._masthead() + self._headline()
        previous = ""
        for index, name in enumerate(self.layout.sections):
            part = keep_lists(self.section(name))
            if part and previous and name not in ("next_issue", "contacts"):
                story.append(SectionStart(index, self.knobs))  # where copy-fitting may start a page
                self.starts.add(index)
            if name == "next_issue" and part and previous == "essentials":
                # the box of the essentials kept whole: the next issue's fills the hole it would leave
                part, story = [Float(story[-2:], part)], story[:-2]
            elif name == "next_issue" and part:
                for flowable in story[-2:]:  # the next issue's box never alone at the top of a page
                    flowable.keepWithNext = True
            previous = name if part else previous
            if name == "contacts" and part:
                part = [BackPage(part, self._recap(), self.knobs, cover=part[1:3] if self.document.hotline else [])]
            story += part
        return story

    # --- sections ----------------------------------------------------------------------------

    def _heading(self, key: str, keep_with_next: bool = True) -> Para:
        """A section title; before a table that may split, the caller reserves room instead."""
        heading = Para(self.text.plain(self.label(key)), self.styles.heading)
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
        rows = [[Para(escape_xml(self.label("essentials")), styles.heading), ""]]
        for index, text in enumerate(self.issue.essentials, start=1):
            rows.append([Para(str(index), big), Para(self.text.inline(text), item_style)])
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
        """On a back page with room left: the essentials again, under "À retenir", then the next issue's date
        again (each where it fits whole)."""
        recap = []
        if self.issue.essentials:
            style = ParagraphStyle("recap", parent=self.styles.lead, fontName=self.family.bold)
            items = [Para(self.text.inline(text), style, bulletText="•") for text in self.issue.essentials]
            recap.append(IfRoom([Gap(6 * mm, self.knobs), self._heading("recap"), *items]))
        following = self._next_issue()
        return recap + ([IfRoom(following)] if following else [])

    def _bullets(self, items: list[str]) -> list[Flowable]:
        return [Para(self.text.inline(item), self.styles.bullet, bulletText="•") for item in items]

    def _situation(self) -> list[Flowable]:
        parts = self.document.situation_lists()
        if not parts:
            return []
        styles = self.styles
        head = ParagraphStyle("situation_head", parent=styles.subheading, textColor=styles.colour["accent"])
        width = (self.frame_width - 2 * mm * (len(parts) - 1)) / len(parts)
        # The heads in a row of their own: a head on two lines leaves the lists side by side in line.
        heads = [Para(escape_xml(self.label(key)), head) for key, _ in parts]
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
        # The heading never ends a page: it starts one unless its table's head and first two rows (all of a short
        # table, kept whole) fit below it.
        needed = heading.wrap(self.frame_width, self.frame_height)[1] + first_part_height(
            board, self.frame_width, self.frame_height
        )
        needed += self.styles.heading.spaceBefore + self.styles.heading.spaceAfter
        needed = min(needed, self.frame_height)  # a table taller than a page is split in any case
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
            head: list[Flowable] = [Para(self.text.inline(item.title), styles.subheading)]
            if item.image:
                picture = self._image(self.document.issue_asset(item.image), column_width, column_width * 0.6)
                head.append(Picture(picture, self.knobs))
                if item.caption:
                    head.append(Para(self.text.inline(item.caption), styles.caption))
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
            if len(kept) == 1:  # a table drops its last paragraph's space after (a caption's too): given back
                kept.append(Spacer(1, head[-1].getSpaceAfter()))
            if first_kept and introduces(head[-1]):  # "… in this order:" goes on with the first of its list
                for flowable in kept:
                    flowable.keepWithNext = True
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
            story.append(FlowingColumns(keep_lists(content), columns, self.layout.gutter * mm))
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
                story.append(Para(self.text.inline(tip.title), styles.subheading))
                story += self.text.blocks(tip.body, styles.body, styles.bullet)
            else:
                story.append(Para(self.text.inline(tip.body), styles.bullet, bulletText="•"))
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
            cell = [Para(quote, styles.quote), Para(who, styles.small)]
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
            story.append(Para(self.text.inline(question.q), styles.question))
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
            lines = [Para(self.text.inline(hotline.label), styles.box_title), Para(phone, big)]
            if hotline.hours:
                lines.append(Para(self.text.inline(hotline.hours), styles.tagline))
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
        notice = Para(self.text.plain(self.label("next_issue", date=when)), self.styles.notice)
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
