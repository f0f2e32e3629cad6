"""The PDF's text layer keeps U+00A0 and U+202F, and a narrow no-break space never breaks a line."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from newsletter.model.layout import Layout
from newsletter.render.pdf import kit
from newsletter.render.pdf.fonts import BUNDLED_DIR
from newsletter.render.pdf.textlayer import NARROW_NBSP, TextLayerFont, for_paragraph


@pytest.fixture(scope="module")
def style():
    family = kit.register_layout_fonts(Layout.parse({}), None)
    return ParagraphStyle("body", fontName=family.regular, fontSize=11, leading=14)


def lines_of(paragraph: Paragraph, width: float) -> list[str]:
    """The lines of ``paragraph`` set ``width`` wide, as a PDF reader reads them back."""
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=(width + 100, 400), leftMargin=44, rightMargin=44).build([paragraph])
    return PdfReader(buffer).pages[0].extract_text().splitlines()


def test_copy_paste_gives_back_both_no_break_spaces(style):
    text = "Pourquoi\u202f? Le 5\u00a0février, à 14\u00a0h\u00a030 ; «\u00a0oui\u00a0»"
    assert lines_of(Paragraph(for_paragraph(text), style), 500) == [text]


def test_a_string_drawn_on_the_canvas_keeps_them_too(style):
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(style.fontName, 10)
    canvas.drawString(50, 700, "N°\u00a03 · Attention\u202f!")
    canvas.save()
    assert PdfReader(buffer).pages[0].extract_text().splitlines() == ["N°\u00a03 · Attention\u202f!"]


def test_the_narrow_space_is_narrow_and_never_breaks_a_line(style):
    narrow, wide = (stringWidth(c, style.fontName, 11) for c in (NARROW_NBSP, "\u00a0"))
    assert 0 < narrow < wide * 0.8
    width = stringWidth("Un mot. Pourquoi", style.fontName, 11) + 2  # "?" does not fit after it
    text = "Un mot. Pourquoi\u202f?"
    assert lines_of(Paragraph(for_paragraph(text), style), width) == ["Un mot.", "Pourquoi\u202f?"]
    assert lines_of(Paragraph(text, style), width) == ["Un mot. Pourquoi", "?"]  # reportlab breaks at U+202F


def test_a_font_without_a_narrow_space_draws_its_thinnest_and_still_says_u202f():
    font = TextLayerFont("NoNarrow", str(BUNDLED_DIR / "DejaVuSans.ttf"))
    for code in (0x202F, 0x2009):
        font.face.charToGlyph.pop(code)
    font.keep_spaces()
    assert font.face.charToGlyph[0x202F] == font.face.charToGlyph[0x2006]
    assert font.stringWidth(NARROW_NBSP, 10) == font.stringWidth("\u2006", 10)
