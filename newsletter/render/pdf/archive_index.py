"""The archive's catalogue, ``index.pdf``: one line per issue with its number, date, headline and pages.

Drawn with the bundled DejaVu fonts, embedded (never a base-14 font), and deterministic: the same
series gives the same bytes, so an unchanged archive keeps an unchanged index.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from newsletter import __version__
from newsletter.model.formats import Approval
from newsletter.model.layout import Fonts
from newsletter.render.pdf.fonts import family_files, register_family
from newsletter.render.pdf.kit import PDF_LANG, printed
from newsletter.text import typography
from newsletter.text.labels import label


@dataclass(frozen=True)
class CatalogueLine:
    number: int
    date: dt.date
    headline: str
    pages: int
    correction: bool = False
    approval: Approval | None = None


def render_catalogue(title: str, author: str, lang: str, lines: list[CatalogueLine]) -> bytes:
    """The PDF bytes of the catalogue of ``title``'s issues."""

    def words(key: str) -> str:
        return label(lang, "catalogue_" + key)

    family = register_family(*family_files(Fonts(), None))
    text = ParagraphStyle("text", fontName=family.regular, fontSize=10.5, leading=13.5)
    bold = ParagraphStyle("bold", parent=text, fontName=family.bold)
    heading = ParagraphStyle("heading", parent=text, fontName=family.bold, fontSize=20, leading=24)

    def cell(value: str, style: ParagraphStyle = text) -> Paragraph:
        return Paragraph(printed(family.drawable(typography.apply(value, lang)), lang), style)

    small = ParagraphStyle("small", parent=text, fontSize=8.5, leading=11, textColor=colors.Color(0.3, 0.3, 0.3))
    rows = [[cell(words(key), bold) for key in ("number", "date", "headline", "pages")]]
    for line in lines:
        headline = line.headline + (f" ({words('correction')})" if line.correction else "")
        rows.append(
            [
                cell(str(line.number)),
                cell(typography.format_date(line.date, lang)),
                [cell(headline), cell(_approval(line, lang), small)],
                cell(str(line.pages)),
            ]
        )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{title} — {words('heading')}",
        author=author,
        creator=f"newsletter {__version__}",
        lang=PDF_LANG[lang],
        invariant=1,
        initialFontName=family.regular,
    )
    table = Table(rows, colWidths=[14 * mm, 50 * mm, None, 20 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), family.regular),  # else the table selects Helvetica, a font never embedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.grey),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
            ]
        )
    )
    document.build([cell(title, heading), cell(words("heading"), bold), Spacer(0, 6 * mm), table])
    return buffer.getvalue()


def _approval(line: CatalogueLine, lang: str) -> str:
    """``Validé par Claire Dubois, 4 février 2021`` under the headline, or that it never was."""
    if line.approval is None:
        return label(lang, "catalogue_not_approved")
    when = typography.format_short_date(line.approval.on, lang)
    return label(lang, "catalogue_approved").format(by=line.approval.by, date=when)
