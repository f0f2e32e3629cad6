"""Pictures for print: scaled to their box, reduced to what the printer resolves, in grey under --grayscale."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.platypus import Image

from newsletter.render import cache

PRINT_DPI = 300  # what office printers and print shops resolve; more pixels only weigh the file down


def scaled_image(path: Path, max_width: float, max_height: float, grayscale: bool = False) -> Image:
    """An image scaled to fit the box, keeping its proportions; grey levels only under --grayscale.

    An image with far more pixels than the print needs is reduced to :data:`PRINT_DPI` at its
    printed size: the PDF gets smaller and faster to make, and the print looks the same. A photo
    whose EXIF orientation says it is stored sideways is printed upright.
    """
    from PIL import Image as PILImage  # here: a page without pictures (a poster) never imports Pillow

    with PILImage.open(path) as original:
        width, height = original.size
        orientation = _orientation(original, path)  # a phone photo is stored sideways, and says so
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    scale = min(max_width / width, max_height / height)
    needed = (max(1, round(width * scale / 72 * PRINT_DPI)), max(1, round(height * scale / 72 * PRINT_DPI)))
    if not grayscale and orientation in (None, 1) and width <= needed[0] * 1.5:
        return Image(str(path), width=width * scale, height=height * scale)
    status = path.stat()
    data = _print_ready(path, status.st_mtime_ns, status.st_size, needed, grayscale)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale)


_ORIENTATION = 0x0112  # the EXIF tag that says how to turn the stored pixels upright


def _orientation(picture: Any, path: Path) -> int:
    """The picture's EXIF orientation (1: upright). Pillow decodes every pixel of a PNG to look for an EXIF
    chunk after them (a tenth of a build for a photo): a PNG without "eXIf" anywhere in its bytes has none."""
    if picture.format == "PNG" and "exif" not in picture.info and b"eXIf" not in path.read_bytes():
        return 1
    return picture.getexif().get(_ORIENTATION, 1)


_JPEG_QUALITY = 92  # a reduced photo, saved again: no visible loss on paper
_PNG_LEVEL = 1  # a reduced drawing is read back at once by reportlab, which compresses the pixels itself


@lru_cache(maxsize=64)
def _print_ready(path: Path, modified: int, size: int, needed: tuple[int, int], grayscale: bool) -> bytes:
    """The image's file data reduced to ``needed`` pixels and/or to grey levels: remembered in this
    process (the same logo is on every issue of a series) and kept in the cache folder (a photo
    from a phone takes a tenth of a second to reduce, at every build)."""
    from PIL import Image as PILImage

    source = path.read_bytes()
    kept = cache.entry(
        "images", path.name, source, needed, grayscale, _JPEG_QUALITY, _PNG_LEVEL, PILImage.__version__, "upright"
    )
    data = cache.read(kept)
    if data is not None:
        return data
    from PIL import ImageOps

    with PILImage.open(io.BytesIO(source)) as original:
        upright = ImageOps.exif_transpose(original)
        picture = upright.convert("LA" if "A" in upright.getbands() else "L") if grayscale else upright.copy()
        kind = original.format
    if picture.width > needed[0] * 1.5:
        picture = picture.resize(needed, PILImage.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if kind == "JPEG" and picture.mode in ("L", "RGB", "CMYK"):
        picture.save(buffer, format="JPEG", quality=_JPEG_QUALITY)
    else:
        picture.save(buffer, format="PNG", compress_level=_PNG_LEVEL)
    cache.keep(kept, buffer.getvalue())
    return buffer.getvalue()
