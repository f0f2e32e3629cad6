"""Fonts read at their first use: a style a document never prints is never read, and a font read late
draws exactly as one read at once."""

import io
import shutil

import pytest
from pypdf import PdfReader

from newsletter.render.pdf import lazyfont
from newsletter.render.pdf.fonts import BUNDLED_DIR, isolate_reportlab

isolate_reportlab()

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402


@pytest.fixture
def read(monkeypatch) -> list[str]:
    """The names of the fonts read from their files, in order."""
    names: list[str] = []
    load = lazyfont.load_font

    def recorded(name, path):
        names.append(name)
        return load(name, path)

    monkeypatch.setattr(lazyfont, "load_font", recorded)
    return names


def copy(tmp_path, style: str, name: str):
    path = tmp_path / f"{name}.ttf"
    shutil.copy(BUNDLED_DIR / f"{style}.ttf", path)
    return path


def test_a_registered_font_is_read_at_its_first_use_only(tmp_path, read):
    lazyfont.register("LazyRegular", copy(tmp_path, "DejaVuSans", "LazyRegular"))
    lazyfont.register("LazyBoldItalic", copy(tmp_path, "DejaVuSans-BoldOblique", "LazyBoldItalic"))
    assert read == []
    eager = TTFont("EagerRegular", str(BUNDLED_DIR / "DejaVuSans.ttf"))
    assert pdfmetrics.stringWidth("Numéro unique agents", "LazyRegular", 11) == eager.stringWidth(
        "Numéro unique agents", 11
    )
    pdfmetrics.stringWidth("encore", "LazyRegular", 11)
    assert read == ["LazyRegular"]  # once; the bold italic, never used, never read


def test_a_pdf_embeds_the_fonts_it_prints_and_only_those(tmp_path, read):
    for name, style in (("LazyText", "DejaVuSans"), ("LazyItalic", "DejaVuSans-Oblique")):
        lazyfont.register(name, copy(tmp_path, style, name))
    lazyfont.register("LazyUnused", copy(tmp_path, "DejaVuSans-Bold", "LazyUnused"))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName="LazyText")
    canvas.setFont("LazyItalic", 12)
    canvas.drawString(72, 720, "Point à 16\u00a0h\u00a030")
    canvas.save()
    page = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
    fonts = {str(font.get_object()["/BaseFont"]).split("+")[-1] for font in page["/Resources"]["/Font"].values()}
    assert fonts == {"DejaVuSans-Oblique"}
    assert "Point à 16\u00a0h\u00a030" in page.extract_text()  # the text layer keeps the no-break spaces
    assert "LazyUnused" not in read


def test_the_first_font_registered_under_a_name_stays(tmp_path, read):
    lazyfont.register("LazyKept", copy(tmp_path, "DejaVuSans", "LazyKept"))
    lazyfont.register("LazyKept", copy(tmp_path, "DejaVuSans-Bold", "other"))
    pdfmetrics.stringWidth("x", "LazyKept", 10)
    assert pdfmetrics.getFont("LazyKept").face.name == TTFont("Regular", str(BUNDLED_DIR / "DejaVuSans.ttf")).face.name
