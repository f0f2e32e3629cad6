"""Print production of the journal: the folded A5 booklet (``--impose booklet``) as a duplex printer gets it."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from conftest import MINIMAL_ISSUE, REPO
from newsletter.render.pdf.press import booklet_order

A4_LANDSCAPE = (841.89, 595.28)


def page_numbers_by_side(path) -> list[tuple[int | None, int | None]]:
    """For each sheet side of the PDF: the page number printed in the footer of its left and right halves."""
    sides = []
    for page in PdfReader(path).pages:
        halves: list[int | None] = [None, None]
        middle = float(page.mediabox.width) / 2

        def visit(text, cm, tm, font, size, halves=halves, middle=middle):
            found = re.search(r"Page (\d+)/\d+", text)
            if found:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                halves[x > middle] = int(found.group(1))

        page.extract_text(visitor_text=visit)
        sides.append(tuple(halves))
    return sides


@pytest.mark.parametrize(
    "pages, sides",
    [
        (8, [(8, 1), (2, 7), (6, 3), (4, 5)]),
        (5, [(None, 1), (2, None), (None, 3), (4, 5)]),  # padded with blank pages to a multiple of four
        (1, [(None, 1), (None, None)]),
    ],
)
def test_booklet_order_is_the_saddle_stitch_imposition(pages, sides):
    assert booklet_order(pages) == sides


def test_the_booklet_puts_the_a5_pages_two_by_two_in_folding_order(cli, tmp_path):
    result = cli("--root", REPO, "build", "3", "--layout", "journal-a5", "--out", tmp_path)
    assert result.code == 0, result.err
    [single] = sorted(tmp_path.glob("*.pdf"))
    pages = len(PdfReader(single).pages)

    result = cli("--root", REPO, "build", "3", "--layout", "journal-a5", "--impose", "booklet", "--out", tmp_path)
    assert result.code == 0, result.err
    booklet = tmp_path / "20210216_lettre-de-crise_n03_a5-booklet.pdf"
    assert single.name == "20210216_lettre-de-crise_n03_a5.pdf"  # the plain A5 file is kept beside it
    for side in PdfReader(booklet).pages:
        assert (float(side.mediabox.width), float(side.mediabox.height)) == pytest.approx(A4_LANDSCAPE, abs=0.5)
    assert page_numbers_by_side(booklet) == booklet_order(pages)


def test_a_short_issue_makes_one_sheet_with_blank_pages_at_the_back(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "build", "--layout", "journal-a5", "--impose", "booklet")
    assert result.code == 0, result.err
    [booklet] = workspace.pdfs()
    sides = page_numbers_by_side(booklet)
    assert len(sides) == 2 and sides[0] == (None, 1)  # the back cover, blank, left of the front page
    printed = sorted(number for side in sides for number in side if number)
    assert printed == list(range(1, len(printed) + 1)) and len(printed) < 4  # each page once, the rest blank


def test_the_booklet_in_grayscale_has_no_colour_left(cli, tmp_path):
    result = cli(
        "--root", REPO, "build", "3", "--layout", "journal-a5", "--impose", "booklet", "--grayscale", "--out", tmp_path
    )
    assert result.code == 0, result.err
    [booklet] = tmp_path.glob("*_a5-grayscale-booklet.pdf")
    for side in PdfReader(booklet).pages:
        assert not re.search(rb"\b(rg|RG|k|K)\b", side.get_contents().get_data())
