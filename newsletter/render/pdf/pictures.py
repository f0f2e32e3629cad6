"""Pictures for print: scaled to their box, reduced to what the printer resolves, in grey under --grayscale."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.platypus import Image

from newsletter.render import cache

# What this module uses of reportlab beyond its documented API (checked by tests/test_dependencies.py).
REPORTLAB_INTERNALS = {"reportlab.pdfgen.canvas.Canvas": ("_doc", "_currentPageHasImages")}
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
        return PrintImage(path, width=width * scale, height=height * scale)
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


class PrintImage(Image):
    """A picture file drawn as it is. A PNG of 8-bit grey or colour pixels, not interlaced and without
    transparency, goes into the PDF with its own compressed data, which a PDF reads as PNG does (the same
    pixels): reportlab would decode, hash and compress every pixel again, a tenth of the build of an
    issue with one photo. Any other picture is drawn by reportlab (a JPEG is kept as it is too)."""

    def __init__(self, path: Path, width: float, height: float):
        super().__init__(str(path), width=width, height=height)
        self.path = path

    def draw(self) -> None:
        status = self.path.stat()
        pixels = _png_pixels(self.path, status.st_mtime_ns, status.st_size)
        if pixels is None:
            super().draw()
            return
        canvas = self.canv
        name = pixels.name
        if not canvas._doc.hasForm(name):
            canvas._doc.addForm(name, pixels.stream())
        canvas.saveState()
        canvas.scale(self.drawWidth, self.drawHeight)
        canvas.doForm(name)  # the image, drawn in the unit square: as reportlab's drawImage does
        canvas.restoreState()
        canvas._currentPageHasImages = 1


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_CHANNELS = {0: 1, 2: 3}  # colour types a PDF image takes as they are: grey, RGB


class _PngPixels:
    """A PNG's compressed pixel rows, as an image of a PDF (FlateDecode with PNG predictors)."""

    def __init__(self, width: int, height: int, channels: int, data: bytes):
        self.width, self.height, self.channels, self.data = width, height, channels, data
        self.name = "png" + hashlib.blake2b(data, digest_size=16).hexdigest()

    def stream(self) -> object:
        from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream

        stream = PDFStream(content=self.data)
        entries = stream.dictionary
        entries["Type"] = PDFName("XObject")
        entries["Subtype"] = PDFName("Image")
        entries["Width"] = self.width
        entries["Height"] = self.height
        entries["BitsPerComponent"] = 8
        entries["ColorSpace"] = PDFName("DeviceGray" if self.channels == 1 else "DeviceRGB")
        entries["Filter"] = PDFName("FlateDecode")  # one filter, one dictionary of parameters
        predictor = {"Predictor": 15, "Colors": self.channels, "BitsPerComponent": 8, "Columns": self.width}
        entries["DecodeParms"] = PDFDictionary(predictor)
        return stream


@lru_cache(maxsize=16)
def _png_pixels(path: Path, modified: int, size: int) -> _PngPixels | None:
    """The pixels of the PNG file at ``path`` if a PDF can take them as they are; None for any other file
    (a JPEG, a PNG with transparency, a palette, 16 bits, interlacing, or a damaged chunk)."""
    with path.open("rb") as stream:
        if stream.read(8) != _PNG_SIGNATURE:
            return None
        data = stream.read()
    chunks: dict[bytes, bytes] = {}
    rows = []
    position = 0
    while position + 12 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        end = position + 8 + length
        kind, body, check = data[position + 4 : position + 8], data[position + 8 : end], data[end : end + 4]
        if len(body) != length or check != zlib.crc32(kind + body).to_bytes(4, "big"):
            return None  # a damaged file: reportlab says so as before
        position = end + 4
        if kind == b"IDAT":
            rows.append(body)
        else:
            chunks.setdefault(kind, body)
        if kind == b"IEND":
            break
    header = chunks.get(b"IHDR", b"")
    if len(header) != 13 or not rows or b"IEND" not in chunks or b"tRNS" in chunks:
        return None
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in _PNG_CHANNELS or compression or filtering or interlace:
        return None
    return _PngPixels(width, height, _PNG_CHANNELS[colour], b"".join(rows))
