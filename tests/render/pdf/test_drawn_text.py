"""Text drawn on the canvas (footers) as paragraphs print it: superscript ordinals in French, narrow
no-break spaces, lines broken at word spaces only, and a text layer that gives back what was typed."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from newsletter.model.layout import Layout
from newsletter.render.pdf import kit
from newsletter.render.pdf.drawn_text import SUPERSCRIPT_SIZE, DrawnText

SIZE = 10


@pytest.fixture(scope="module")
def font() -> str:
    return kit.register_layout_fonts(Layout.parse({}), None).regular


def drawn(text: DrawnText, line: str, font: str) -> tuple[str, list[tuple[str, float]]]:
    """What a reader of the PDF gets back from ``line`` drawn on a page (a line, ended as drawString
    ends it), and each run with its size."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    text.draw(canvas, 50, 700, line, font, SIZE)
    canvas.save()
    runs: list[tuple[str, float]] = []
    page = PdfReader(buffer).pages[0]
    page.extract_text(visitor_text=lambda run, cm, tm, f, size: runs.append((run, size)) if run.strip() else None)
    read = page.extract_text()
    assert read.endswith("\n")  # else a reader glues the next text drawn to this line
    return read.removesuffix("\n"), runs


def test_french_ordinals_are_raised_and_smaller_and_read_back_as_typed(font):
    line = "N°\u00a05 · lundi 1er\u00a0mars\u00a02021\u00a0; XIXe siècle\u00a0!"
    text, runs = drawn(DrawnText("fr"), line, font)
    assert text == "N°\u00a05 · lundi 1er\u00a0mars\u00a02021\u202f; XIXe siècle\u202f!"
    assert ("er", SIZE * SUPERSCRIPT_SIZE) in runs and ("e", SIZE * SUPERSCRIPT_SIZE) in runs
    assert DrawnText("fr").width(line, font, SIZE) < stringWidth(line, font, SIZE)


def test_the_no_break_spaces_survive_and_the_one_before_a_sign_is_narrow(font):
    text, _ = drawn(DrawnText("fr"), "Où en est-on\u00a0? Lundi 1er\u00a0mars", font)
    assert text == "Où en est-on\u202f? Lundi 1er\u00a0mars"


@pytest.mark.parametrize("text", [DrawnText("fr", superscripts=False), DrawnText("en")])
def test_large_print_and_english_keep_every_character_at_full_size(text, font):
    line = "lundi 1er\u00a0mars, 2e étage"
    read, runs = drawn(text, line, font)
    assert read == line and {size for _, size in runs} == {SIZE}
    assert text.width(line, font, SIZE) == pytest.approx(stringWidth(line, font, SIZE))


def test_lines_break_at_word_spaces_only(font):
    text = DrawnText("fr")
    line = "Lettre de crise · N°\u00a05 · lundi 1er\u00a0mars\u00a02021"
    width = text.width("Lettre de crise · N°\u00a05 · lundi", font, SIZE)
    assert text.wrap(line, font, SIZE, width) == ["Lettre de crise · N°\u00a05 · lundi", "1er\u00a0mars\u00a02021"]
    assert text.wrap("  a  b ", font, SIZE, 1) == ["a", "b"]  # a word wider than the width alone on its line
