"""The journal's setup and its top: the masthead (title, number, date) and the headline with its lead.

:class:`JournalHead` holds what every part of the journal is built with (styles, fonts, the frame's
size, the tables, the knobs copy-fitting turns); ``render/pdf/journal.py`` adds the sections and the
whole document.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, Spacer

from newsletter.render.pdf import display, kit, pictures
from newsletter.render.pdf.fitting import Knobs
from newsletter.render.pdf.journal_footer import JournalFooter
from newsletter.render.pdf.journal_tables import JournalTables
from newsletter.render.pdf.styles import Styles
from newsletter.text import typography
from newsletter.text.markup import escape_xml


class JournalHead(kit.IssuePdf):
    """The journal's styles, fonts and sizes, and its masthead and headline."""

    def setup(self) -> None:
        layout = self.layout
        self.styles = Styles(layout, self.family, self.options.grayscale, self.lang)
        self.text = kit.UserText(
            self.lang, self.family, italic=not layout.large_print, superscripts=not layout.large_print
        )
        self.footer = JournalFooter(self.document, layout, self.styles, self.page_width, self.sheet)
        self.layout = self.footer.layout
        margins = self.layout.margins
        self.frame_width = self.page_width - (margins.left + margins.right) * mm
        self.frame_height = self.page_height - (margins.top + margins.bottom) * mm
        self.tables = JournalTables(
            self.styles, self.text, self.frame_width, self.frame_height, stacked=layout.large_print
        )
        self.knobs = Knobs()  # what copy-fitting changes between layouts of the story (render/pdf/fitting.py)
        self.starts: set[int] = set()  # the sections copy-fitting may start on a new page (``Knobs.breaks``)

    def _image(self, path: Path, max_width: float, max_height: float) -> Image:
        return pictures.scaled_image(path, max_width, max_height, self.options.grayscale)

    # --- masthead and headline ---------------------------------------------------------------

    def _masthead(self) -> list[Flowable]:
        if self.layout.large_print:
            return self._stacked_masthead()
        styles = self.styles
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
        cells[cells.index(None)] = self._name(title_width - 2 * padding)
        return [display.masthead_band(cells, widths, styles.colour["accent"], padding, below), Spacer(1, 2 * mm)]

    def _stacked_masthead(self) -> list[Flowable]:
        """Large print: the number and date under the title, left-aligned, at full size (wrapped if need be)."""
        styles = self.styles
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
        lines = self._name(title_width - 2 * padding)
        issue_line = ParagraphStyle("issue_line", parent=styles.tagline, fontName=self.family.bold, spaceBefore=2 * mm)
        lines.append(Paragraph(self.text.plain(f"{number} · {when}"), issue_line))
        cells.append(lines)
        widths.append(title_width)
        return [display.masthead_band(cells, widths, styles.colour["accent"], padding), Spacer(1, 2 * mm)]

    def _name(self, width: float) -> list[Flowable]:
        """The publication's title, shrunk to one line of ``width`` if it can be (down to 60 % of its size,
        never under the layout's smallest size), and its tagline, which never leaves a word alone."""
        styles, publication = self.styles, self.document.publication
        smallest = max(0.6, self.layout.smallest_size / styles.title.fontSize)
        name: list[Flowable] = [display.fitted_title(self.text, publication.title, styles.title, width, smallest)]
        if publication.tagline:
            tagline = self.text.inline(publication.tagline)
            floor = max(0.8, self.layout.smallest_size / styles.tagline.fontSize)
            name.append(display.unwrapped(tagline, styles.tagline, width, floor))
        return name

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
