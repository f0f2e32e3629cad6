"""Pictures for print: scaled to their box, reduced to 300 dpi at their printed size."""

from __future__ import annotations

import io

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
