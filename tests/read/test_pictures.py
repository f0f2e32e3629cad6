"""Pictures read from their structure: format, size, and whether the file is whole."""

import io
import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from newsletter.read.pictures import Damaged, Picture, identify


def picture_bytes(kind: str, size=(64, 48), mode="RGB", **options) -> bytes:
    image = Image.new(mode, size)
    for x in range(size[0]):  # some detail, so the compressed data is not trivial
        image.putpixel((x, x % size[1]), (x * 4 % 256, 80, 160) if mode == "RGB" else (x, 0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


PNG = picture_bytes("PNG")
JPEG = picture_bytes("JPEG")


def identified(tmp_path, data: bytes) -> Picture:
    file = tmp_path / "picture"
    file.write_bytes(data)
    return identify(file)


@pytest.mark.parametrize(
    "data, expected",
    [
        (PNG, Picture("PNG", 64, 48)),
        (JPEG, Picture("JPEG", 64, 48)),
        (picture_bytes("JPEG", progressive=True), Picture("JPEG", 64, 48)),
        (picture_bytes("JPEG", (30, 20), mode="CMYK"), Picture("JPEG", 30, 20)),
        (picture_bytes("PNG", (300, 200), optimize=True), Picture("PNG", 300, 200)),
        (picture_bytes("GIF"), Picture("GIF")),
        (picture_bytes("BMP"), Picture("BMP")),
        (picture_bytes("TIFF"), Picture("TIFF")),
        (picture_bytes("WEBP"), Picture("WebP")),
        (picture_bytes("JPEG", (40, 40), restart_marker_blocks=1), Picture("JPEG", 40, 40)),
        (b"\x00\x00\x00\x18ftypheic" + bytes(16), Picture("HEIC")),
        (b"Salle de crise\n", Picture("")),
        (b"", Picture("")),
    ],
)
def test_format_and_size_are_read_from_the_header(tmp_path, data, expected):
    assert identified(tmp_path, data) == expected


@settings(max_examples=80, deadline=None)
@given(kind=st.sampled_from(["PNG", "JPEG"]), kept=st.floats(0, 1))
def test_a_file_cut_short_anywhere_after_its_signature_is_damaged(tmp_path_factory, kind, kept):
    data = PNG if kind == "PNG" else JPEG
    cut = 8 + int((len(data) - 9) * kept)  # from just after the signature to one byte short of the end
    with pytest.raises(Damaged):
        identified(tmp_path_factory.mktemp("cut"), data[:cut])


def test_a_changed_byte_in_a_png_is_found_by_its_checksum(tmp_path):
    middle = len(PNG) // 2
    damaged = PNG[:middle] + bytes([PNG[middle] ^ 0x55]) + PNG[middle + 1 :]
    with pytest.raises(Damaged, match="checksum is wrong"):
        identified(tmp_path, damaged)


def test_a_huge_png_is_measured_from_its_header_alone(tmp_path):
    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + b"IHDR"
        + header
        + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    )
    with pytest.raises(Damaged):  # no pixels and no end: a header only is not a whole file
        identified(tmp_path, data)


def test_a_jpeg_whose_parts_do_not_follow_each_other_is_damaged(tmp_path):
    after_header = JPEG.index(b"\xff\xdb")  # the first quantisation table
    with pytest.raises(Damaged, match="does not start where expected"):
        identified(tmp_path, JPEG[:after_header] + b"\x00" + JPEG[after_header:])


def test_fill_bytes_between_jpeg_parts_are_skipped(tmp_path):
    after_header = JPEG.index(b"\xff\xdb")
    assert identified(tmp_path, JPEG[:after_header] + b"\xff\xff" + JPEG[after_header:]) == Picture("JPEG", 64, 48)


def png_of(*parts: tuple[bytes, bytes]) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body)) for kind, body in parts
    )


IDAT = (b"IDAT", zlib.compress(b"\x00" * 10))
IEND = (b"IEND", b"")


@pytest.mark.parametrize(
    "data, reason",
    [
        (png_of((b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 7, 0, 0, 0)), IDAT, IEND), "describes no picture"),
        (png_of((b"IHDR", struct.pack(">IIBBBBB", 2, 2, 16, 3, 0, 0, 0)), IDAT, IEND), "describes no picture"),
        (png_of((b"IHDR", struct.pack(">IIBBBBB", 0, 2, 8, 2, 0, 0, 0)), IDAT, IEND), "describes no picture"),
        (png_of((b"IHDR", b"\x00\x00"), IDAT, IEND), "header part is missing"),
        (png_of(IDAT, IEND), "header part is missing"),
        (png_of((b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)), IEND), "holds no pixels"),
    ],
)
def test_a_png_whose_header_describes_no_picture_pillow_reads_is_refused(tmp_path, data, reason):
    with pytest.raises(Damaged, match=reason):
        identified(tmp_path, data)


def jpeg_with_frame(marker: int, precision: int = 8) -> bytes:
    start = JPEG.index(b"\xff\xc0")
    return JPEG[: start + 1] + bytes([marker]) + JPEG[start + 2 : start + 4] + bytes([precision]) + JPEG[start + 5 :]


@pytest.mark.parametrize(
    "data, reason",
    [
        (jpeg_with_frame(0xC3), "rare kind of JPEG"),  # lossless
        (jpeg_with_frame(0xC9), "rare kind of JPEG"),  # arithmetic-coded
        (jpeg_with_frame(0xC0, precision=12), "rare kind of JPEG"),
        (b"\xff\xd8\xff\xd9", "holds no pixels"),
        (b"\xff\xd8\xff\xda\x00\x02\x00\xff\xd9", "pixels come before its size"),
        (JPEG[: JPEG.index(b"\xff\xc0") + 6], "shorter than it must be"),
    ],
)
def test_a_jpeg_that_is_not_an_ordinary_8_bit_picture_is_refused(tmp_path, data, reason):
    with pytest.raises(Damaged, match=reason):
        identified(tmp_path, data)


def test_an_extended_sequential_jpeg_is_accepted(tmp_path):
    assert identified(tmp_path, jpeg_with_frame(0xC1)) == Picture("JPEG", 64, 48)


def _sideways(tmp_path, suffix: str, orientation: int = 6):
    picture = Image.new("RGB", (80, 60), "red")
    exif = picture.getexif()
    exif[0x0112] = orientation
    path = tmp_path / f"sideways.{suffix}"
    picture.save(path, exif=exif.tobytes())
    return path


@pytest.mark.parametrize("suffix", ["jpg", "png"])
def test_the_exif_orientation_of_a_phone_photo_is_read_and_gives_its_upright_size(tmp_path, suffix):
    picture = identify(_sideways(tmp_path, suffix))
    assert (picture.width, picture.height, picture.orientation) == (80, 60, 6)
    assert picture.upright == (60, 80)
    assert identify(_sideways(tmp_path, suffix, orientation=3)).upright == (80, 60)  # upside down: same size
