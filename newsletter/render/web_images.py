"""Pictures for a web page (the HTML export, the intranet pages): upright, and no bigger than a screen.

A phone photo is 4 to 12 megapixels and several megabytes; embedded whole, one photo made a 6 MB page.
A picture longer than :data:`LONG_SIDE` pixels is reduced to it (what a wide screen shows at its
sharpest), saved as JPEG at :data:`JPEG_QUALITY` when it is a photo (no transparency), and a picture
stored sideways (its EXIF orientation) is turned upright, as browsers do not all do it in a page.
A small picture already upright (a logo) is kept byte for byte.
"""

from __future__ import annotations

import io
from functools import lru_cache

LONG_SIDE = 1600
JPEG_QUALITY = 82  # a photo on a screen: no visible loss, a tenth of the phone's file

_MIME = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def mime_type(data: bytes) -> str | None:
    """``image/png`` or ``image/jpeg``, or None when the data is neither."""
    return next((mime for magic, mime in _MIME.items() if data.startswith(magic)), None)


@lru_cache(maxsize=32)
def web_ready(data: bytes) -> tuple[bytes, str]:
    """The picture's data and type for a page: reduced and turned upright when it needs to be."""
    from PIL import Image, ImageOps  # only when a page has a picture

    kind = mime_type(data) or "image/png"
    with Image.open(io.BytesIO(data)) as original:
        upright = original.getexif().get(0x0112, 1) in (None, 1)
        if upright and max(original.size) <= LONG_SIDE:
            return data, kind
        picture = ImageOps.exif_transpose(original)
        picture.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if "A" in picture.getbands() or picture.mode == "P":
        picture.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue(), "image/png"
    picture.convert("RGB").save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue(), "image/jpeg"
