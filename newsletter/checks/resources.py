"""What the renderer will need from the files: images it can read, characters the font can draw."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsletter.errors import Diagnostic, field_path
from newsletter.render.pdf.fonts import Glyphs
from newsletter.read.pictures import Damaged, identify
from newsletter.read.paths import is_address, is_inside
from newsletter.text.typography import normalize
from newsletter.read import Source

IMAGE_FORMATS = {"PNG", "JPEG"}
MAX_IMAGE_PIXELS = 40_000_000  # an A3 page at 300 dpi is 17 megapixels; more is a wrong file or a bomb
# What starts an address rather than a file name: a scheme (https:/, file:, data:), // or a \\share.


def walk_text(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text value of a file with its path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from walk_text(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk_text(value, path + (index,))


def check_glyphs(source: Source, glyphs: Glyphs, strict: bool = False) -> list[Diagnostic]:
    """Characters the font cannot draw: reported where they are typed; they are left out of the PDF.

    The text is checked as it will be printed: invisible characters (a BOM, a zero-width space)
    are removed by the typography and never reported. Right-to-left letters the font has are
    printed, with a warning: the PDF lays every line out left to right, so their order is reversed.
    """
    found = []
    for path, text in walk_text(source.data):
        printed = normalize(text)

        def problem(message: str, hint: str, typed: str) -> Diagnostic:
            line, column = source.position_in(path, typed)
            return Diagnostic(source.file, message, line, column, field_path(path), hint,
                              "error" if strict else "warning")

        missing = glyphs.missing(printed)
        for char in missing:
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            found.append(problem(f"the character {char!r} ({name}) cannot be printed with the font and is left out",
                                 "replace it with words, or use a layout with a font that has it", char))
        right_to_left = "".join(c for c in _RIGHT_TO_LEFT_BLOCKS.findall(printed) if _is_right_to_left(c)
                                and c not in missing)
        if right_to_left:
            shown = right_to_left if len(right_to_left) <= 20 else right_to_left[:20] + "…"
            found.append(problem(
                f"right-to-left letters ({shown!r}) print left to right in the PDF: their order comes out "
                "reversed", "have a reader of the language check the printed page, or write the text in Latin "
                "letters; the HTML export shows it in the right order", right_to_left[0]))
    return found


# Where every right-to-left letter of Unicode lies (and other characters too): only these are looked up.
_RIGHT_TO_LEFT_BLOCKS = re.compile("[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff"
                                   "\U0001e800-\U0001efff]")


def _is_right_to_left(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def check_image(source: Source, path: tuple, base: Path, root: Path) -> Diagnostic | None:
    """An error if the image named at ``path`` cannot be printed: see :func:`_image_problem`."""
    relative = source.data
    for part in path:
        relative = relative[part]
    found = _image_problem(relative, base, root)
    if found is None:
        return None
    line, column = source.position(path)
    message, hint = found
    return Diagnostic(source.file, message, line, column, field_path(path), hint)


def _image_problem(relative: str, base: Path, root: Path) -> tuple[str, str] | None:
    """Message and hint if ``relative`` (from the file in ``base``) is not a PNG or JPEG of the workspace
    ``root`` that is whole, within :data:`MAX_IMAGE_PIXELS`.

    Nothing outside the workspace is ever opened, and nothing is fetched: the PDF is made offline,
    and the workspace must hold everything it is made from, to move and be archived whole.
    """
    in_assets = "save it under assets/ in the workspace and write its path from this file, like " \
                f"{_relative_to(root / 'assets' / _file_name(relative), base)}"
    if is_address(relative):
        return (f"the image {relative!r} is an address (URL), not a file: images must be files in the workspace",
                f"download it, {in_assets}")
    if Path(relative).is_absolute():
        return (f"the image {relative!r} is given by an absolute path, which breaks when the workspace is moved "
                "or archived", in_assets)
    file = base / relative
    if not is_inside(file, root):
        return f"the image {relative!r} is outside the workspace folder", f"copy it there: {in_assets}"
    if file.is_dir():
        return f"{relative!r} is a folder, not an image file", "add the name of the image file to the path"
    if not file.is_file():
        return (f"the image {relative!r} is not found (looked for {file})",
                "check the file name; the path is relative to the YAML file")
    if file.suffix.lower() in (".svg", ".svgz") or _starts_like_svg(file):
        return (f"the image {relative!r} is an SVG drawing; the PDF takes PNG or JPEG pictures",
                "export it as PNG at 300 dpi (in Inkscape: File → Export PNG Image) and name the .png file here")
    status = file.stat()
    return _unreadable(relative, file, status.st_mtime_ns, status.st_size)



@lru_cache(maxsize=256)
def _unreadable(relative: str, file: Path, modified: int, size: int) -> tuple[str, str] | None:
    """The picture's format, its size, then whether it is whole (see ``pictures``).

    Remembered for the same file, date and size: ``watch`` checks the images at every save."""
    try:
        picture = identify(file)
    except Damaged as damage:
        return f"the image {relative!r} cannot be read ({damage})", "open it and save it again as PNG or JPEG"
    except OSError as error:
        return f"the image {relative!r} cannot be read ({error.strerror or error})", "check that the file can be opened"
    if not picture.format:
        return (f"the image {relative!r} cannot be read: the file is not a picture, neither PNG nor JPEG",
                "check that this is the right file, or save the picture again as PNG or JPEG")
    if picture.format not in IMAGE_FORMATS:
        return f"the image {relative!r} is a {picture.format} file", "save it as PNG or JPEG"
    width, height = picture.width, picture.height
    if width * height > MAX_IMAGE_PIXELS:
        return (f"the image {relative!r} is {width} × {height} pixels ({width * height / 1e6:.0f} megapixels); "
                f"images are limited to {MAX_IMAGE_PIXELS / 1e6:.0f} megapixels",
                "reduce it: 3000 pixels on the long side is plenty for a printed page")
    return None


def _starts_like_svg(file: Path) -> bool:
    try:
        with file.open("rb") as stream:
            head = stream.read(1024).lower()
    except OSError:
        return False
    return b"<svg" in head or (head.lstrip().startswith(b"<?xml") and b"svg" in head)


def _file_name(relative: str) -> str:
    name = re.split(r"[/\\]", relative.strip().split("?")[0].rstrip("/\\"))[-1]
    return name or "image.png"


def _relative_to(target: Path, base: Path) -> str:
    return Path(os.path.relpath(target, base)).as_posix()
