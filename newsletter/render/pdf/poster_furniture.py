"""The fixed parts of the poster page: the masthead band on top; the next issue, the hotline band and
the footer line at the bottom.

They are set at the layout's fixed sizes and never shrink: the poster fits its headline and lists in
the room they leave (``render/pdf/poster.py``).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from newsletter.model.document import IssueDocument
from newsletter.model.layout import PosterSizes
from newsletter.render.pdf.display import Balanced, fitted, fitted_title, masthead_band, one_line, unwrapped
from newsletter.render.pdf.fonts import FontFamily
from newsletter.render.pdf.kit import UserText
from newsletter.render.pdf.pictures import scaled_image
from newsletter.text import typography
from newsletter.text.labels import label
from newsletter.text.markup import escape_xml


def text_style(
    name: str, font: str, size: float, colour: colors.Color, leading: float = 1.2, **extra
) -> ParagraphStyle:
    """A style of the poster: ``leading`` is a multiple of ``size``."""
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * leading, textColor=colour, **extra)


class PageFurniture:
    """The masthead and the bottom of one issue's poster, across ``width``."""

    def __init__(
        self,
        document: IssueDocument,
        sizes: PosterSizes,
        family: FontFamily,
        colour: dict[str, colors.Color],
        width: float,
        grayscale: bool = False,
    ):
        self.document = document
        self.issue = document.issue
        self.lang = document.lang
        self.sizes = sizes
        self.family = family
        self.text = UserText(self.lang, family)
        self.colour = colour
        self.width = width
        self.grayscale = grayscale

    def label(self, key: str, **values) -> str:
        return label(self.lang, key).format(**values)

    def masthead(self) -> Table:
        """The accent band: logo, journal title and tagline, issue number and date."""
        sizes, publication, family = self.sizes, self.document.publication, self.family
        on_accent = self.colour["on_accent"]
        padding = 6 * mm
        number_style = text_style(
            "poster_number", family.bold, sizes.title * 0.9, on_accent, leading=1.1, alignment=TA_RIGHT
        )
        date_style = text_style("poster_date", family.regular, sizes.text * 0.85, on_accent, alignment=TA_RIGHT)
        number = self.label("issue_number", number=self.issue.number)
        when = typography.format_date(self.issue.date, self.lang)
        natural = max(
            stringWidth(number, number_style.fontName, number_style.fontSize),
            stringWidth(when, date_style.fontName, date_style.fontSize),
        )
        widths: list[float | None] = [None, min(natural + 2 * padding + 1, self.width * 0.42)]
        # the date never wraps: shrunk a little to fit beside the number, else on a line of its own below
        date = one_line(self.text.plain(when), when, date_style, widths[1] - 2 * padding)
        below = None if date else Paragraph(self.text.plain(when), date_style)
        cells: list = [None, [Paragraph(escape_xml(number), number_style)] + ([date] if date else [])]
        title_style = text_style("poster_title", family.bold, sizes.title, on_accent, leading=1.1)
        logo = self.document.logo_path()
        if logo is not None:
            side = title_style.leading * 1.6
            cells.insert(0, scaled_image(logo, side, side, self.grayscale))
            widths.insert(0, side + 2 * padding)
        title_width = self.width - sum(width for width in widths if width)
        widths[widths.index(None)] = title_width
        title = [fitted_title(self.text, publication.title, title_style, title_width - 2 * padding)]
        if publication.tagline:
            tagline_style = text_style("poster_tagline", family.regular, sizes.text * 0.8, on_accent)
            title.append(unwrapped(self.text.inline(publication.tagline), tagline_style, title_width - 2 * padding))
        cells[cells.index(None)] = title
        return masthead_band(cells, widths, self.colour["accent"], padding, below)

    def bottom(self) -> list[Flowable]:
        """The bottom of the page: next issue, the hotline band, and the footer line."""
        return self._next_issue() + self._hotline() + self._footer()

    def _next_issue(self) -> list[Flowable]:
        if self.issue.next_issue is None:
            return []
        when = typography.format_date(self.issue.next_issue, self.lang)
        style = text_style("poster_next", self.family.bold, self.sizes.text, self.colour["accent"], alignment=TA_CENTER)
        return [Balanced(self.text.plain(self.label("next_issue", date=when)), style), Spacer(1, 3 * mm)]

    def _hotline(self) -> list[Flowable]:
        hotline = self.document.hotline
        if hotline is None:
            return []
        sizes, family, on_accent = self.sizes, self.family, self.colour["on_accent"]
        hotline_style = text_style("poster_hotline", family.regular, sizes.text, on_accent, alignment=TA_CENTER)
        label_style = ParagraphStyle("poster_hotline_label", parent=hotline_style, fontName=family.bold)
        phone_style = text_style("poster_phone", family.bold, sizes.phone, on_accent, leading=1.15, alignment=TA_CENTER)
        phone = family.drawable(typography.format_phone(hotline.phone, self.lang))
        padding = 6 * mm
        lines = [
            Paragraph(self.text.inline(hotline.label), label_style),
            Paragraph(escape_xml(phone), fitted(phone_style, phone, self.width - 2 * padding, smallest=0.5)),
        ]
        if hotline.hours:
            hours_style = ParagraphStyle(
                "poster_hours", parent=hotline_style, fontSize=sizes.text * 0.85, leading=sizes.text * 0.85 * 1.2
            )
            lines.append(Balanced(self.text.inline(hotline.hours), hours_style))
        band = Table(
            [[lines]],
            colWidths=[self.width],
            style=TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), self.colour["accent"]),
                    ("LEFTPADDING", (0, 0), (-1, -1), padding),
                    ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                    ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm),
                ]
            ),
        )
        return [band]

    def _footer(self) -> list[Flowable]:
        """Title, issue number and date, and the publication's poster footer under a rule (never its
        journal footer: "document interne, ne pas afficher" on a poster meant to be posted)."""
        publication, family = self.document.publication, self.family
        small = text_style("poster_footer", family.regular, self.sizes.small, self.colour["muted"])
        identity = " · ".join(
            [
                publication.title,
                self.label("issue_number", number=self.issue.number),
                typography.format_date(self.issue.date, self.lang),
            ]
        )
        lines = [Paragraph(self.text.plain(typography.normalize(identity)), small)]
        if publication.poster_footer:
            italic = ParagraphStyle("poster_footer_line", parent=small, fontName=family.italic)
            lines.append(Paragraph(self.text.inline(publication.poster_footer), italic))
        footer = Table(
            [[lines]],
            colWidths=[self.width],
            style=TableStyle(
                [
                    ("LINEABOVE", (0, 0), (-1, 0), 1, self.colour["accent"]),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
        return [Spacer(1, 4 * mm), footer]
