"""Display type: the masthead band and its date, titles fitted to their width, balanced lines."""

from __future__ import annotations

import pytest
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from newsletter.model.layout import Layout
from newsletter.render.pdf import display, kit
from newsletter.render.pdf.styles import Styles


@pytest.fixture(scope="module")
def family():
    return kit.register_layout_fonts(Layout.parse({}), None)


def test_a_fitted_style_shrinks_to_the_width_but_never_below_its_smallest(family):
    style = Styles(Layout.parse({}), family).title
    assert display.fitted(style, "Court", 500).fontSize == style.fontSize
    title = "Un titre bien trop long pour la ligne"
    natural = stringWidth(title, style.fontName, style.fontSize)
    shrunk = display.fitted(style, title, natural * 0.8)
    assert shrunk.fontSize == pytest.approx(style.fontSize * 0.8)
    assert shrunk.leading == pytest.approx(style.leading * 0.8)
    assert display.fitted(style, title, natural * 0.1).fontSize == pytest.approx(style.fontSize * 0.6)


HEADLINE = "Les premiers outils reviennent, service par service"


def lines(paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 1000)
    return [" ".join(words) for _, words in paragraph.blPara.lines]


@pytest.mark.parametrize("alignment", [0, TA_CENTER])
def test_a_balanced_headline_has_lines_of_even_length_and_no_word_alone_at_the_end(family, alignment):
    style = ParagraphStyle("headline", fontName=family.bold, fontSize=28, leading=31, alignment=alignment)
    width = stringWidth("Les premiers outils reviennent, service par", family.bold, 28) + 2
    plain = lines(display.Paragraph(HEADLINE, style), width)
    assert plain == ["Les premiers outils reviennent, service par", "service"]  # what reportlab does alone
    balanced = display.Balanced(HEADLINE, style)
    first, last = lines(balanced, width)  # still two lines
    assert len(last.split()) > 1
    assert abs(stringWidth(first, family.bold, 28) - stringWidth(last, family.bold, 28)) < width * 0.35
    assert balanced.wrap(width, 1000)[0] == width  # it still takes the whole width: alignment unchanged
    single = display.Balanced("Court", style)
    assert lines(single, width) == ["Court"]


def test_a_date_is_on_one_line_shrunk_within_limits_or_nowhere(family):
    style = ParagraphStyle("date", fontName=family.regular, fontSize=10)
    text = "vendredi 26\u00a0février\u00a02021"
    natural = stringWidth(text, family.regular, 10)
    assert display.one_line(text, text, style, natural + 1).style.fontSize == 10
    assert display.one_line(text, text, style, natural * 0.85).style.fontSize == pytest.approx(8.5)
    assert display.one_line(text, text, style, natural * 0.7) is None


def test_a_tagline_is_shrunk_onto_one_line_within_limits_else_balanced(family):
    style = ParagraphStyle("tagline", fontName=family.regular, fontSize=10.5, leading=13)
    text = "Journal interne des agents"
    natural = stringWidth(text, family.regular, 10.5)
    assert display.unwrapped(text, style, natural + 1).style.fontSize == 10.5
    shrunk = display.unwrapped(text, style, natural * 0.9)
    assert shrunk.style.fontSize == pytest.approx(10.5 * 0.9)
    assert len(lines(shrunk, natural * 0.9)) == 1
    narrow = natural * 0.78  # under 80 %: at full size, on two lines of even length
    assert lines(display.Paragraph(text, style), narrow) == ["Journal interne des", "agents"]  # reportlab alone
    wrapped = display.unwrapped(text, style, narrow)
    assert wrapped.style.fontSize == 10.5
    assert lines(wrapped, narrow) == ["Journal interne", "des agents"]
