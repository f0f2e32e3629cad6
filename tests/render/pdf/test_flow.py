"""The journal's own flowables: paragraphs that break their lines once per width, spaces and pictures that
copy-fitting scales, a short block that fills the hole a kept one leaves, a section that starts a page when
copy-fitting asks, a heading kept with the first lines of what is taller than a page (the back page is tested
with the journal that uses it: test_fitting.py)."""

from __future__ import annotations

import io
from functools import partial

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Table

from conftest import REPO
from newsletter.model.layout import Fonts
from newsletter.render.pdf.fitting import Knobs
from newsletter.render.pdf.flow import Float, Gap, KeepWithFirstLines, Para, Picture, SectionStart
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


def pages(story: list[Flowable]) -> list[str]:
    """The text of each page of ``story`` laid out on A6 pages (frame: 368 points high)."""
    buffer = io.BytesIO()
    kept = partial(KeepWithFirstLines, page_height=368)
    SimpleDocTemplate(buffer, pagesize=(298, 420), topMargin=20, bottomMargin=20, keepTogetherClass=kept).build(
        list(story)
    )
    return [" ".join(page.extract_text().split()) for page in PdfReader(buffer).pages]


def block(name: str, lines: int) -> Flowable:
    """A block kept whole (as the journal keeps its boxes)."""
    rows = [[Paragraph(f"{name} {line}.", STYLE)] for line in range(1, lines + 1)]
    return Table(rows, style=[("NOSPLIT", (0, 0), (-1, -1))])


def test_a_short_block_fills_the_hole_a_kept_one_leaves_by_starting_the_next_page():
    leaves = pages([block("texte", 15), Float([block("encadré", 10)], [Paragraph("Prochain numéro.", STYLE)])])
    assert "Prochain numéro" in leaves[0] and "encadré 1." in leaves[1] and "encadré" not in leaves[0]
    fits = pages([block("texte", 5), Float([block("encadré", 10)], [Paragraph("Prochain numéro.", STYLE)])])
    assert len(fits) == 1 and fits[0].index("encadré 10.") < fits[0].index("Prochain numéro")


def test_a_section_starts_a_new_page_only_when_copy_fitting_asks():
    knobs = Knobs()
    story = [Paragraph("Début.", STYLE), SectionStart(3, knobs), Paragraph("Vos questions.", STYLE)]
    assert pages(story) == ["Début. Vos questions."]
    knobs.breaks = frozenset({3})
    assert pages(story) == ["Début.", "Vos questions."]
    assert pages(story[1:]) == ["Vos questions."]  # never a blank page: at a page's top it does nothing


def test_a_heading_stays_with_the_first_lines_of_what_is_taller_than_a_page_else_moves_with_it():
    heading = ParagraphStyle("heading", parent=STYLE, fontSize=14, leading=18, keepWithNext=True)
    answer = Para(TEXT * 2, STYLE)  # three pages
    [first, *_] = pages([block("texte", 10), Paragraph("Vos questions", heading), answer])
    assert first.startswith("texte 1.") and "Vos questions Le service 0 reprend" in first
    short = Para("Une réponse courte. " * 15, STYLE)  # shorter than a page: moved whole with its heading
    first, second = pages([block("texte", 14), Paragraph("Vos questions", heading), short])
    assert "Vos questions" not in first and second.startswith("Vos questions")
    [first, *_] = pages([block("texte", 18), Paragraph("Vos questions", heading), Para(TEXT * 2, STYLE)])
    assert "Vos questions" not in first  # no room for two lines under it: it moves, with them
