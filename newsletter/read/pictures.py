"""Reading a picture file's structure without decoding its pixels: its format, its size, its EXIF
orientation (a phone photo is stored sideways and says so), whether it is whole.

``check`` answers in a tenth of a second, and Pillow's import and a full decode of a few photos
took half of that. The usual damage is found without decoding: a copy cut short (a PNG must end
with its end part, a JPEG with its end marker), changed bytes in a PNG (each part carries a
checksum), a header that is not a picture Pillow reads (PNG: the header's depth and colours;
JPEG: an ordinary 8-bit frame before the pixels). What is left to a full decode, done by the
renderer when it draws the picture, is pixel data written wrong by a faulty program.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from newsletter.i18n import _

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# What other pictures start with, to name the format in the message.
_OTHER_FORMATS = (
    (b"GIF8", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"%PDF", "PDF"),
)
# JPEG markers that start a frame and give its size (not DHT C4, JPG C8 or DAC CC); only the first
# three (baseline, extended, progressive) are the ordinary JPEGs every program reads.
_FRAME_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_ORDINARY_FRAMES = frozenset({0xC0, 0xC1, 0xC2})
# PNG colour types and the bit depths each allows.
_PNG_DEPTHS = {0: {1, 2, 4, 8, 16}, 2: {8, 16}, 3: {1, 2, 4, 8}, 4: {8, 16}, 6: {8, 16}}


class Damaged(Exception):
    """The file is a PNG or JPEG that cannot be read in full; the message says why, in a few words."""


@dataclass(frozen=True)
class Picture:
    format: str  # "PNG", "JPEG", another format's name, or "" when no picture format is recognised
    width: int = 0
    height: int = 0
    orientation: int = 1  # EXIF: how to turn the stored pixels upright (1: as stored; 6: a quarter turn right…)

    @property
    def upright(self) -> tuple[int, int]:
        """Width and height as the picture is seen, once turned as its EXIF orientation says."""
        return (self.height, self.width) if self.orientation in (5, 6, 7, 8) else (self.width, self.height)


def exif_orientation(tiff: bytes) -> int:
    """The Orientation (tag 0x0112) of an EXIF block (a TIFF header and its first directory); 1 when
    there is none or the block cannot be read: a phone photo's EXIF is often partly damaged."""
    try:
        order = {b"II": "<", b"MM": ">"}[tiff[:2]]
        (first,) = struct.unpack(order + "I", tiff[4:8])
        (count,) = struct.unpack(order + "H", tiff[first : first + 2])
        for index in range(count):
            entry = tiff[first + 2 + 12 * index : first + 14 + 12 * index]
            tag, kind, _count, value = struct.unpack(order + "HHI4s", entry)
            if tag == 0x0112 and kind == 3:
                (orientation,) = struct.unpack(order + "H", value[:2])
                return orientation if 1 <= orientation <= 8 else 1
    except (KeyError, struct.error):
        pass
    return 1


def identify(file: Path) -> Picture:
    """The picture's format and size, read from its header; raises :class:`Damaged` for a PNG or JPEG
    that is not whole, and OSError when the file cannot be read."""
    data = file.read_bytes()
    try:
        if data.startswith(_PNG_SIGNATURE):
            return _png(data)
        if data.startswith(b"\xff\xd8\xff"):
            return _jpeg(data)
    except struct.error:  # a part too short for what it must hold
        raise Damaged(_("the file is damaged: a part is shorter than it must be")) from None
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return Picture("WebP")
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return Picture("HEIC")
    return Picture(next((name for magic, name in _OTHER_FORMATS if data.startswith(magic)), ""))


def _png(data: bytes) -> Picture:
    position, width, height, has_pixels, orientation = len(_PNG_SIGNATURE), 0, 0, False, 1
    while True:
        if position + 8 > len(data):
            raise Damaged(_("image file is truncated: it ends before its last part"))
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body_end = position + 8 + length
        if body_end + 4 > len(data):
            raise Damaged(_("image file is truncated: it ends inside a part"))
        body = data[position + 8 : body_end]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[body_end : body_end + 4])[0]:
            raise Damaged(
                _("the {part} part of the file is damaged (its checksum is wrong)", part=kind.decode("latin-1"))
            )
        if position == len(_PNG_SIGNATURE):
            width, height = _png_header(kind, body)
        elif kind == b"IDAT":
            has_pixels = True
        elif kind == b"eXIf":
            orientation = exif_orientation(body)
        elif kind == b"IEND":
            if not has_pixels:
                raise Damaged(_("the file holds no pixels"))
            return Picture("PNG", width, height, orientation)
        position = body_end + 4


def _png_header(kind: bytes, body: bytes) -> tuple[int, int]:
    """Width and height from the header part, which comes first and describes a picture Pillow reads."""
    if kind != b"IHDR" or len(body) != 13:
        raise Damaged(_("the file is damaged: its header part is missing"))
    width, height, depth, colours, compression, filtering, interlace = struct.unpack(">IIBBBBB", body)
    if depth not in _PNG_DEPTHS.get(colours, ()) or compression or filtering or interlace > 1 or not width * height:
        raise Damaged(_("the file is damaged: its header describes no picture"))
    return width, height


def _jpeg(data: bytes) -> Picture:
    position, width, height, orientation = 2, 0, 0, 1
    while position < len(data):
        if data[position] != 0xFF:
            raise Damaged(_("the file is damaged: a part does not start where expected"))
        marker = data[position + 1] if position + 1 < len(data) else 0xFF
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xD9:  # end of image
            if not width * height:
                raise Damaged(_("the file holds no pixels"))
            return Picture("JPEG", width, height, orientation)
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            position += 2
            continue
        if position + 4 > len(data):
            break
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        if marker == 0xE1 and data[position + 4 : position + 10] == b"Exif\x00\x00":
            orientation = exif_orientation(data[position + 10 : position + 2 + length])
        if marker in _FRAME_MARKERS:
            precision, height, width = struct.unpack(">BHH", data[position + 4 : position + 9])
            if marker not in _ORDINARY_FRAMES or precision != 8:
                raise Damaged(
                    _("it is a rare kind of JPEG (lossless, arithmetic-coded or 12-bit) that cannot be printed")
                )
        position += 2 + length
        if marker == 0xDA:  # start of scan: compressed pixels up to the next marker (not FF00, not a restart)
            if not width * height:
                raise Damaged(_("the file is damaged: its pixels come before its size"))
            position = _end_of_scan(data, position)
    raise Damaged(_("image file is truncated: it ends before its end marker (the copy was interrupted?)"))


def _end_of_scan(data: bytes, position: int) -> int:
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            return len(data)
        following = data[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            position += 2
        else:
            return position
