"""Flowables drawn on real pages and read back with pypdf: each run of text with its page, its place
(from the bottom left), its size and its font. Shared by the tests of the journal's tables and the poster's
furniture; :func:`read_back` reads any PDF (the large-print journal's tests)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader
from reportlab.platypus import Flowable, SimpleDocTemplate

FRAME_PADDING = 6  # points: a frame's own padding, taken off the margins so the text starts at them


@dataclass(frozen=True)
class Printed:
    page: int  # from 1
    text: str
    x: float
    y: float
    size: float
    font: str = ""  # the font's name without its subset prefix: DejaVuSans-Bold


def printed(flowables: list[Flowable], pagesize: tuple[float, float], margin: float) -> list[Printed]:
    """The text of ``flowables`` drawn on pages of ``pagesize`` whose text starts ``margin`` from each edge."""
    buffer = io.BytesIO()
    frame = margin - FRAME_PADDING
    SimpleDocTemplate(
        buffer, pagesize=pagesize, leftMargin=frame, rightMargin=frame, topMargin=frame, bottomMargin=frame
    ).build(flowables)
    return read_back(buffer.getvalue())


def read_back(data: bytes) -> list[Printed]:
    """Every run of text of a PDF, in the order drawn; sizes as printed (the text matrix's scale applied)."""
    found: list[Printed] = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):

        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                x, y = cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]
                name = str((font or {}).get("/BaseFont", "")).split("+")[-1]
                printed_size = size * abs(tm[3] * cm[3])
                found.append(Printed(number, re.sub(r"\s+", " ", text).strip(), x, y, printed_size, name))

        page.extract_text(visitor_text=visit)
    return found
