"""The journal's own flowables: paragraphs that break their lines once per width, spaces and pictures that
copy-fitting scales (the back page is tested with the journal that uses it: test_fitting.py)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Image, Paragraph

from conftest import REPO
from newsletter.model.layout import Fonts
from newsletter.render.pdf.fitting import Knobs
from newsletter.render.pdf.flow import Gap, Para, Picture
from newsletter.render.pdf.fonts import family_files, register_family

FAMILY = register_family(*family_files(Fonts(), None))
STYLE = ParagraphStyle("body", fontName=FAMILY.regular, fontSize=10, leading=13)
TEXT = " ".join(f"Le service {index} reprend, <b>étage</b> par étage." for index in range(40))


def lines(paragraph: Paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 10_000)
    return [" ".join(getattr(word, "text", word) for word in _words(line)) for line in paragraph.blPara.lines]


def _words(line) -> list:
    return line.words if hasattr(line, "words") else line[1]


def test_a_paragraph_asked_twice_at_one_width_breaks_its_lines_once(monkeypatch):
    calls = []
    original = Paragraph.breakLines
    monkeypatch.setattr(Paragraph, "breakLines", lambda self, widths: calls.append(widths) or original(self, widths))
    paragraph = Para(TEXT, STYLE)
    first = lines(paragraph, 200)
    assert lines(paragraph, 200) == first and len(calls) == 1
    assert lines(paragraph, 300) != first and len(calls) == 2


def test_the_rest_of_a_split_paragraph_has_the_lines_it_had_in_the_whole():
    for text in (TEXT, TEXT.replace("<b>", "").replace("</b>", "")):  # several fonts, and one
        whole = lines(Para(text, STYLE), 200)
        paragraph = Para(text, STYLE)
        paragraph.wrap(200, 10_000)
        first, rest = paragraph.split(200, 13 * 5)
        assert lines(first, 200) + lines(rest, 200) == whole
        assert lines(rest, 200) == lines(Paragraph(text, STYLE).split(200, 13 * 5)[1], 200)


def test_a_gap_and_a_picture_follow_the_knobs():
    knobs = Knobs()
    gap = Gap(10, knobs)
    picture = Picture(Image(str(REPO / "assets" / "logo.png"), width=100, height=50), knobs)
    assert gap.wrap(100, 100) == (1, 10) and picture.wrap(100, 100) == (100, 50)
    knobs.spacing, knobs.images = 1.5, 0.5
    assert gap.wrap(100, 100) == (1, 15) and picture.wrap(100, 100) == (50, 25)
    knobs.images = 2.0  # never larger than it was made
    assert picture.wrap(100, 100) == (100, 50)
