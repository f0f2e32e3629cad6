"""What the renderer will need from the files: images it can read, characters the font can draw."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, field_path
from .fonts import Glyphs
from .yamlreader import Source

IMAGE_FORMATS = {"PNG", "JPEG"}


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
    """Characters the font cannot draw: reported where they are typed; they are left out of the PDF."""
    found = []
    for path, text in walk_text(source.data):
        for char in glyphs.missing(text):
            line, column = source.position(path)
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            found.append(Diagnostic(
                source.file, f"the character {char!r} ({name}) cannot be printed with the font and is left out",
                line, column, field_path(path), "replace it with words, or use a layout with a font that has it",
                "error" if strict else "warning",
            ))
    return found


def check_image(source: Source, path: tuple, base: Path) -> Diagnostic | None:
    """An error if the image named at ``path`` is missing or not a readable PNG/JPEG file."""
    relative = source.data
    for part in path:
        relative = relative[part]
    line, column = source.position(path)

    def problem(message: str, hint: str) -> Diagnostic:
        return Diagnostic(source.file, message, line, column, field_path(path), hint)

    file = base / relative
    if not file.is_file():
        return problem(f"the image {relative!r} is not found (looked for {file})",
                       "check the file name; the path is relative to the YAML file")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(file) as image:
            kind = image.format
            image.verify()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as error:
        return problem(f"the image {relative!r} cannot be read ({error})", "save it again as PNG or JPEG")
    if kind not in IMAGE_FORMATS:
        return problem(f"the image {relative!r} is a {kind} file", "save it as PNG or JPEG")
    return None
