"""The journal's footer: title, number and date, the publication's footer line and the page number, inside
the margins and above what printers cannot reach, at the layout's small size (16 pt in large print)."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from conftest import MINIMAL_ISSUE, issue
from newsletter.build import plan as planning
from newsletter.build.run import build_all
from newsletter.render.pdf.drawn_text import SUPERSCRIPT_SIZE
from tests.render.pdf.drawing import Printed, read_back

A4_WIDTH = 595.28
LONG_TITLE = "Lettre d'information de crise de la Métropole du Val-de-Loire-sur-Mer"


def footer_of(workspace, layout: str, title: str = "Lettre de crise") -> list[Printed]:
    """The runs of text of the first page's footer (what is printed under the frame) of a minimal issue."""
    publication = workspace.issues / "publication.yaml"
    text = publication.read_text(encoding="utf-8").replace("title: Lettre de crise", f"title: {title}")
    publication.write_text(text, encoding="utf-8")
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = planning.plan(workspace.root, [], [layout])
    [built] = list(build_all(result, workspace.out))
    return [run for run in read_back(built.path.read_bytes()) if run.page == 1 and run.y < 30 * mm]


def test_the_footer_is_one_line_with_the_page_number_at_its_end_then_the_footer_line(workspace):
    runs = footer_of(workspace, "journal-a4")
    assert [run.text for run in runs] == [
        "Lettre de crise · N° 1 · vendredi 5 février 2021",
        "Page 1/1",
        "Document interne — ne pas afficher à l’accueil",
    ]
    assert runs[0].y == runs[1].y > runs[2].y and runs[1].x > A4_WIDTH / 2
    assert {run.font for run in runs} == {"DejaVuSans", "DejaVuSans-Oblique"}


def test_in_large_print_the_page_number_goes_to_the_first_line_with_room_for_it(workspace):
    runs = footer_of(workspace, "large-print-a4", title="Lettre de crise du Val")
    texts = [run.text for run in runs]
    assert texts[0] == "Lettre de crise du Val · N° 1 · vendredi 5 février 2021"
    assert texts[1] == "Document interne — ne pas afficher à l’accueil" and re.fullmatch(r"Page 1/\d", texts[2])
    assert runs[1].y == runs[2].y < runs[0].y and {run.size for run in runs} == {16}
    assert {run.font for run in runs} == {"DejaVuSans"}  # no italic in large print


@pytest.mark.parametrize("layout", ["large-print-a4", "journal-a4"])
def test_a_footer_too_long_for_a_line_wraps_inside_the_margins_and_above_the_paper_s_edge(workspace, layout):
    runs = footer_of(workspace, layout, title=LONG_TITLE * (2 if layout == "journal-a4" else 1))
    right = A4_WIDTH - 18 * mm if layout == "large-print-a4" else A4_WIDTH - 15 * mm
    assert all(run.x + stringWidth(run.text, run.font, run.size) <= right + 0.5 for run in runs)
    assert min(run.y for run in runs) >= 5 * mm  # the bottom margin grew to hold every line
    assert "février 2021" not in " ".join(run.text for run in runs)  # the date, in the masthead, is left out
    assert any(re.fullmatch(r"Page 1/\d", run.text) for run in runs)


@pytest.mark.parametrize("layout", ["journal-a4", "large-print-a4"])
def test_the_footer_keeps_its_no_break_spaces_and_raises_ordinals_but_in_large_print(workspace, layout):
    publication = workspace.issues / "publication.yaml"
    text = publication.read_text(encoding="utf-8")
    publication.write_text(re.sub(r"(?m)^footer: .*$", "footer: Diffusion interne ; à conserver !", text))
    workspace.write("001.yaml", issue(1, "2021-03-01"))
    [built] = list(build_all(planning.plan(workspace.root, [], [layout]), workspace.out))
    page = PdfReader(built.path).pages[0]
    read = page.extract_text()
    assert "Lettre de crise · N°\u00a01 · lundi 1er\u00a0mars\u00a02021" in read
    assert "Diffusion interne\u202f; à conserver\u202f!" in read
    runs: list[tuple[str, float]] = []
    page.extract_text(visitor_text=lambda run, cm, tm, font, size: runs.append((run, round(size * tm[3], 2))))
    footer = [size for run, size in runs if run.startswith("Page 1/")]
    raised = [size for run, size in runs if run == "er"]
    if layout == "large-print-a4":
        assert footer == [16] and raised == []
    else:
        assert round(footer[0] * SUPERSCRIPT_SIZE, 2) in raised  # the masthead's date has one too
