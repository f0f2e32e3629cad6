"""Balanced columns that flow across pages: the journal's news, in `columns:` columns, nothing ever dropped."""

from __future__ import annotations

import io
import re

import pypdf
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from newsletter.model.layout import Fonts
from newsletter.render.pdf.columns import FlowingColumns
from newsletter.render.pdf.fonts import family_files, register_family


class Block(Flowable):
    """A block of a fixed height that cannot be split, and remembers where it was drawn."""

    def __init__(self, name: str, height: float, before: float = 0.0, after: float = 0.0):
        super().__init__()
        self.name, self.block_height, self.spaceBefore, self.spaceAfter = name, height, before, after
        self.drawn: list[tuple[float, float]] = []

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.block_height

    def split(self, available_width, available_height):
        return []

    def drawOn(self, canvas, x, y, _sW=0):
        self.drawn.append((x, y))


def blocks(count: int, height: float = 20) -> list[Block]:
    return [Block(f"b{index}", height) for index in range(count)]


def placed(columns: FlowingColumns) -> list[list[tuple[str, float]]]:
    return [[(flowable.name, top) for flowable, top in column] for column in columns.columns]


# --- content that ends on the page ---------------------------------------------------------------


def test_content_that_fits_is_balanced_and_only_as_tall_as_needed():
    columns = FlowingColumns(blocks(10), 2, 10)
    assert columns.wrap(210, 500) == (210, 100)
    assert placed(columns) == [
        [("b0", 0), ("b1", 20), ("b2", 40), ("b3", 60), ("b4", 80)],
        [("b5", 0), ("b6", 20), ("b7", 40), ("b8", 60), ("b9", 80)],
    ]
    assert columns.split(210, 500) == []


def test_an_odd_count_leaves_the_longer_column_first():
    columns = FlowingColumns(blocks(5), 2, 10)
    columns.wrap(210, 500)
    assert [[name for name, _ in column] for column in placed(columns)] == [["b0", "b1", "b2"], ["b3", "b4"]]
    assert columns.height == 60


def test_three_columns_share_the_content_alike():
    columns = FlowingColumns(blocks(12, 100), 3, 10)
    assert columns.wrap(320, 1000) == (320, 400)
    assert [len(column) for column in columns.columns] == [4, 4, 4]


def test_space_before_is_dropped_at_the_top_of_a_column_and_kept_between_blocks():
    content = [Block("a", 20, before=8, after=4), Block("b", 20, before=8), Block("c", 20, before=8)]
    columns = FlowingColumns(content, 1, 0)
    columns.wrap(100, 500)
    assert placed(columns) == [[("a", 0), ("b", 32), ("c", 60)]]  # a: 20 + 4 after; b: 8 before, then 20


def test_each_column_is_drawn_beside_the_previous_after_the_gutter():
    content = blocks(4)
    columns = FlowingColumns(content, 2, 10)
    columns.wrap(210, 500)
    columns.canv = None  # the blocks draw nothing
    columns.draw()
    assert [block.drawn for block in content] == [[(0, 20)], [(0, 0)], [(110, 20)], [(110, 0)]]


# --- content that goes on to the next page -------------------------------------------------------


def test_content_taller_than_the_page_asks_to_be_split_and_loses_nothing():
    content = blocks(12, 100)
    columns = FlowingColumns(content, 2, 10)
    _, height = columns.wrap(210, 450)
    assert height > 450  # more than offered: the frame calls split()
    first, rest = columns.split(210, 450)
    assert [block.name for block in first.content] == [f"b{index}" for index in range(8)]  # 4 in each column
    assert [block.name for block in rest.content] == [f"b{index}" for index in range(8, 12)]
    assert (first.count, first.gutter, rest.count, rest.gutter) == (2, 10, 2, 10)


def test_a_paragraph_at_the_bottom_of_a_column_goes_on_in_the_next():
    style = ParagraphStyle("body", fontSize=10, leading=12)
    long = Paragraph(" ".join(f"mot{index}" for index in range(200)), style)
    columns = FlowingColumns([long], 2, 10)
    columns.wrap(200, 60)
    first, rest = columns.split(200, 60)
    assert len(first.content) == 2  # its first lines fill both columns, the others are for the next page
    parts = [*first.content, *rest.content]
    for part in parts:
        part.wrap(95, 10_000)  # a column's width: (200 - 10) / 2
    assert [word for part in parts for _, words in part.blPara.lines for word in words] == [
        f"mot{index}" for index in range(200)
    ]


def test_a_long_story_is_printed_whole_and_in_order_over_several_pages(tmp_path):
    family = register_family(*family_files(Fonts(), None))
    style = ParagraphStyle("body", fontName=family.regular, fontSize=10, leading=13)
    story = [
        Paragraph(f"Paragraphe {index} : le service reprend étage par étage, bureau par bureau.", style)
        for index in range(1, 121)
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A5).build([FlowingColumns(story, 2, 12)])
    reader = pypdf.PdfReader(buffer)
    assert len(reader.pages) > 1
    text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
    assert [int(number) for number in re.findall(r"Paragraphe (\d+) :", text)] == list(range(1, 121))
