"""Pictures for a web page: upright, at most 1600 pixels on their long side, small ones kept as they are."""

from __future__ import annotations

import io

from PIL import Image

from conftest import REPO
from newsletter.render import web_images


def _jpeg(size: tuple[int, int], orientation: int = 1) -> bytes:
    picture = Image.effect_noise(size, 60).convert("RGB")  # a photo's noise: JPEG cannot shrink it to nothing
    exif = picture.getexif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=95, exif=exif.tobytes())
    return buffer.getvalue()


def test_a_phone_photo_is_reduced_to_1600_pixels_and_a_fraction_of_its_weight():
    photo = _jpeg((4000, 3000))
    data, kind = web_images.web_ready(photo)
    assert kind == "image/jpeg"
    assert Image.open(io.BytesIO(data)).size == (1600, 1200)
    assert len(data) < len(photo) / 4


def test_a_photo_stored_sideways_is_turned_upright():
    data, _ = web_images.web_ready(_jpeg((800, 600), orientation=6))
    assert Image.open(io.BytesIO(data)).size == (600, 800)


def test_a_small_upright_picture_is_kept_byte_for_byte():
    logo = (REPO / "assets" / "logo.png").read_bytes()
    assert web_images.web_ready(logo) == (logo, "image/png")
