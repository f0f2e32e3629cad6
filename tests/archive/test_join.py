"""Tests of joining the journal PDFs into the archive's collection."""

from __future__ import annotations

import io
import subprocess
import sys

import pypdf
import pytest
from reportlab.lib.pagesizes import A3, A4
from reportlab.pdfgen.canvas import Canvas

from conftest import MINIMAL_ISSUE, REPO
from newsletter.archive.join import Part, join


def pdf(*pages: tuple[tuple[float, float], str], link: str | None = None) -> bytes:
    """A small reportlab PDF: one page per (size, text), with an optional link on the first page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for index, (size, text) in enumerate(pages):
        canvas.setPageSize(size)
        canvas.drawString(72, 72, text)
        if link and index == 0:
            canvas.linkURL(link, (72, 60, 300, 90))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_pages_in_order_each_with_its_size_and_a_bookmark_per_part(sample_issue_3):
    first = pdf((A4, "premier numéro"))
    second = pdf((A3, "deuxième, page 1"), (A4, "deuxième, page 2"))
    joined = pypdf.PdfReader(
        io.BytesIO(
            join(
                [Part("N° 1", first), Part("N° 2 — « la suite »", second), Part("N° 3", sample_issue_3.data)],
                "Lettre de crise",
                "fr-FR",
            )
        )
    )
    texts = [page.extract_text().strip() for page in joined.pages]
    assert texts[:3] == ["premier numéro", "deuxième, page 1", "deuxième, page 2"]
    assert len(joined.pages) == 3 + sample_issue_3.pages
    assert texts[3:] == [page.extract_text().strip() for page in pypdf.PdfReader(io.BytesIO(sample_issue_3.data)).pages]
    assert [tuple(map(round, page.mediabox[2:])) for page in joined.pages[:3]] == [
        tuple(map(round, A4)),
        tuple(map(round, A3)),
        tuple(map(round, A4)),
    ]
    assert [(item.title, joined.get_destination_page_number(item)) for item in joined.outline] == [
        ("N° 1", 0),
        ("N° 2 — « la suite »", 1),
        ("N° 3", 3),
    ]
    assert joined.metadata.title == "Lettre de crise"
    assert joined.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_text_that_looks_like_a_reference_is_copied_as_it_is():
    link = "https://intranet.example/page?ref=3 0 R"
    joined = pypdf.PdfReader(
        io.BytesIO(join([Part("a", pdf((A4, "x"))), Part("b", pdf((A4, "y"), link=link))], "t", "fr-FR"))
    )
    [annotation] = joined.pages[1]["/Annots"]
    assert annotation.get_object()["/A"]["/URI"] == link


def test_the_same_parts_give_the_same_bytes():
    parts = [Part("a", pdf((A4, "x"))), Part("b", pdf((A4, "y")))]
    assert join(parts, "t", "fr-FR") == join(list(parts), "t", "fr-FR")


def test_a_pdf_with_a_cross_reference_stream_is_joined():
    writer = pypdf.PdfWriter(io.BytesIO(pdf((A4, "x"))), incremental=True)  # the update ends with an XRef stream
    writer.add_blank_page(200, 100)
    updated = io.BytesIO()
    writer.write(updated)
    data = updated.getvalue()
    start = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert b"/Type /XRef" in data[start : start + 200]  # not a classic `xref` table
    joined = pypdf.PdfReader(io.BytesIO(join([Part("a", pdf((A4, "a"))), Part("b", data)], "t", "fr-FR")))
    assert [page.extract_text().strip() for page in joined.pages] == ["a", "x", ""]
    assert [tuple(map(round, page.mediabox[2:])) for page in joined.pages] == [
        tuple(map(round, A4)),
        tuple(map(round, A4)),
        (200, 100),
    ]
    assert [(item.title, joined.get_destination_page_number(item)) for item in joined.outline] == [("a", 0), ("b", 1)]


@pytest.mark.parametrize("data", [b"not a pdf", b"%PDF-1.7\n" + b"x" * 100 + b"\nstartxref\n9\n%%EOF\n"])
def test_what_is_not_a_pdf_is_refused(data):
    with pytest.raises(ValueError, match="not a PDF that can be joined"):
        join([Part("a", data)], "t", "fr-FR")


def test_an_encrypted_pdf_is_refused():
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf((A4, "x"))))
    writer.encrypt("", algorithm="RC4-128")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    with pytest.raises(ValueError, match="encrypted"):
        join([Part("a", pdf((A4, "y"))), Part("b", encrypted.getvalue())], "t", "fr-FR")


def test_checking_building_and_help_import_no_pdf_reader(workspace):
    """pypdf is for the archive only: the commands run every day do not pay for loading it."""
    workspace.write("001.yaml", MINIMAL_ISSUE)
    code = (
        "import sys\nfrom newsletter.cli import app\n"
        "for args in (['--help'], ['--root', sys.argv[1], 'check'], ['--root', sys.argv[1], 'build']):\n"
        "    try:\n        app(args)\n    except SystemExit:\n        pass\n"
        "print('pypdf' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code, workspace.root], capture_output=True, text=True, cwd=REPO)
    assert result.stdout.strip().endswith("False"), result.stdout + result.stderr
    assert workspace.pdfs(), "the build wrote nothing: the test proves nothing"
