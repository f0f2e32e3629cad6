"""Pictures for print: scaled to their box, reduced to 300 dpi at their printed size."""

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage

from newsletter.render.pdf import pictures


def png(path, size: tuple[int, int]):
    PILImage.new("RGB", size, "red").save(path)
    return path


def test_an_image_is_scaled_to_its_box_keeping_its_proportions(tmp_path):
    image = pictures.scaled_image(png(tmp_path / "small.png", (200, 100)), 100, 100)
    assert (image.drawWidth, image.drawHeight) == (100, 50)
    assert image.filename == str(tmp_path / "small.png")  # few pixels: the file is used as it is


def test_an_image_with_far_more_pixels_than_print_needs_is_reduced_to_300_dpi(tmp_path):
    image = pictures.scaled_image(png(tmp_path / "big.png", (3000, 1500)), 72, 72)  # one inch wide
    assert (image.drawWidth, image.drawHeight) == (72, 36)
    assert (image.imageWidth, image.imageHeight) == (pictures.PRINT_DPI, pictures.PRINT_DPI // 2)


def test_a_phone_photo_stored_sideways_is_printed_upright(tmp_path):
    photo = PILImage.new("RGB", (800, 600), "white")
    exif = photo.getexif()
    exif[0x0112] = 6  # "turn a quarter right to view": what a phone held upright writes
    path = tmp_path / "photo.jpg"
    photo.save(path, exif=exif.tobytes())
    image = pictures.scaled_image(path, 300, 300)
    assert (image.drawWidth, image.drawHeight) == (225, 300)  # upright: taller than wide
    status = path.stat()
    drawn = pictures._print_ready(path, status.st_mtime_ns, status.st_size, (938, 1250), False)
    assert PILImage.open(io.BytesIO(drawn)).size == (600, 800)


def _png_chunks(data: bytes) -> list[bytes]:
    chunks, position = [], 8
    while position < len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        chunks.append(data[position : position + 12 + length])
        position += 12 + length
    return chunks


def test_a_png_stored_sideways_is_printed_upright_wherever_it_says_so(tmp_path):
    """PNG keeps EXIF in an eXIf chunk, before the pixels or after them (both are seen)."""
    photo = PILImage.new("RGB", (800, 600), "white")
    exif = photo.getexif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    photo.save(buffer, format="PNG", exif=exif.tobytes())
    chunks = _png_chunks(buffer.getvalue())
    assert any(chunk[4:8] == b"eXIf" for chunk in chunks)
    exif_chunk = next(chunk for chunk in chunks if chunk[4:8] == b"eXIf")
    others = [chunk for chunk in chunks if chunk is not exif_chunk]
    before = tmp_path / "before.png"
    before.write_bytes(buffer.getvalue())
    after = tmp_path / "after.png"  # the eXIf chunk moved after the pixels, before the end
    after.write_bytes(buffer.getvalue()[:8] + b"".join(others[:-1]) + exif_chunk + others[-1])
    for path in (before, after):
        image = pictures.scaled_image(path, 300, 300)
        assert (image.drawWidth, image.drawHeight) == (225, 300), path.name


def test_a_png_without_exif_is_read_without_decoding_its_pixels(tmp_path, monkeypatch):
    path = png(tmp_path / "plain.png", (200, 100))
    decoded = []
    monkeypatch.setattr(PILImage.Image, "load", lambda self: decoded.append(self) or None)
    image = pictures.scaled_image(path, 100, 100)
    assert (image.drawWidth, image.drawHeight) == (100, 50)
    assert decoded == []


def drawn_pixels(path) -> tuple[bytes, list]:
    """A one-page PDF that draws the file at ``path`` as the journal does, and its pictures as pypdf reads them."""
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    image = pictures.scaled_image(path, 200, 200)
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    image.drawOn(canvas, 72, 500)
    canvas.save()
    return buffer.getvalue(), PdfReader(io.BytesIO(buffer.getvalue())).pages[0].images


def photo(path, mode: str):
    picture = PILImage.radial_gradient("L").resize((300, 200))
    if mode != "L":
        picture = PILImage.merge("RGB", [picture, picture.transpose(PILImage.Transpose.FLIP_LEFT_RIGHT), picture])
    if mode == "RGBA":
        picture.putalpha(PILImage.linear_gradient("L").resize((300, 200)))
    if mode == "P":
        picture = picture.convert("P", palette=PILImage.Palette.ADAPTIVE)
    picture.save(path)
    return path


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_a_png_photo_goes_into_the_pdf_with_its_own_compressed_pixels(tmp_path, mode):
    path = photo(tmp_path / "photo.png", mode)
    pdf, (drawn,) = drawn_pixels(path)
    assert drawn.image.mode == mode
    assert drawn.image.tobytes() == PILImage.open(path).tobytes()  # the same pixels
    assert drawn.indirect_reference.get_object()["/DecodeParms"]["/Predictor"] == 15  # PNG's rows
    file = path.read_bytes()
    start = file.index(b"IDAT") + 4  # one chunk of pixels: its compressed data, as it is in the PDF
    assert file[start : start + int.from_bytes(file[start - 8 : start - 4], "big")] in pdf


@pytest.mark.parametrize("mode", ["RGBA", "P"])
def test_a_png_with_transparency_or_a_palette_is_drawn_by_reportlab_as_before(tmp_path, mode):
    path = photo(tmp_path / "drawing.png", mode)
    _, drawn = drawn_pixels(path)
    assert "/DecodeParms" not in drawn[0].indirect_reference.get_object()
    assert drawn[0].image.convert("RGB").tobytes() == PILImage.open(path).convert("RGB").tobytes()


def test_a_damaged_png_is_left_to_reportlab(tmp_path):
    path = photo(tmp_path / "photo.png", "RGB")
    data = bytearray(path.read_bytes())
    data[60] ^= 0xFF  # inside the compressed pixels: its chunk's checksum no longer matches
    path.write_bytes(bytes(data))
    status = path.stat()
    assert pictures._png_pixels(path, status.st_mtime_ns, status.st_size) is None
