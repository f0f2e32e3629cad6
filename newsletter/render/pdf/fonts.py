"""The bundled DejaVu Sans family (or a layout's own TTF files): which characters it can draw, and
its registration with reportlab, once per process.

Every font is a TrueType font that reportlab embeds as a subset; the base-14 PDF fonts are never
used. Characters the font cannot draw are reported with their location instead of printing as
empty boxes. For the bundled fonts the character coverage is read from ``data/fonts/coverage.json``
(regenerate with ``python -m newsletter.render.pdf.fonts``), so ``check`` needs no PDF code.
"""

from __future__ import annotations

import json
import sys
import types
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

BUNDLED_DIR = Path(__file__).parents[2] / "data" / "fonts"
COVERAGE_FILE = BUNDLED_DIR / "coverage.json"
STYLES = ("regular", "bold", "italic", "bold_italic")
# Characters that are layout, not ink: never reported as missing.
_INVISIBLE = frozenset(map(ord, "\n\r\t \u00a0"))


@dataclass(frozen=True)
class Glyphs:
    """The characters every style of a family can draw."""

    codepoints: frozenset[int]

    def missing(self, text: str) -> list[str]:
        """Characters of ``text`` the font cannot draw, each once, in order of appearance."""
        return [
            char for char in dict.fromkeys(text) if ord(char) not in self.codepoints and ord(char) not in _INVISIBLE
        ]

    def drawable(self, text: str) -> str:
        """``text`` without the characters the font cannot draw (they are reported by ``check``)."""
        return "".join(c for c in text if ord(c) in self.codepoints or ord(c) in _INVISIBLE)


@dataclass(frozen=True)
class FontFamily:
    """Registered reportlab font names for the four styles, and what they can draw."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    glyphs: Glyphs

    def drawable(self, text: str) -> str:
        return self.glyphs.drawable(text)


def font_file(name: str, base: Path | None) -> Path:
    """A bundled font name (``DejaVuSans-Bold``) or a TTF path relative to ``base``."""
    bundled = BUNDLED_DIR / f"{name}.ttf"
    if bundled.is_file():
        return bundled
    return (base or Path.cwd()) / name


_TRUETYPE = (b"\x00\x01\x00\x00", b"true")
_NEEDED_TABLES = (b"cmap", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp")


def font_file_problem(path: Path) -> str | None:
    """What keeps ``path`` from being a TrueType font that can be embedded, read from its table
    directory only (quick, and without reportlab): not a font, a kind of font it cannot embed, or a
    copy cut short (a table ends past the end of the file)."""
    import struct

    try:
        data = path.read_bytes()
    except OSError as error:
        return f"it cannot be read ({error.strerror or error})"
    kind = data[:4]
    if kind == b"OTTO":
        return "it is an OpenType font with PostScript outlines (CFF), which cannot be embedded; use a .ttf font"
    if kind == b"ttcf":
        return "it is a font collection (.ttc); use a single .ttf font"
    if kind not in _TRUETYPE or len(data) < 12:
        return "it is not a TrueType font"
    (count,) = struct.unpack(">H", data[4:6])
    if len(data) < 12 + 16 * count:
        return "the file is cut short (it ends inside its table directory)"
    tables = {}
    for start in range(12, 12 + 16 * count, 16):
        tag, _, offset, length = struct.unpack(">4sIII", data[start : start + 16])
        if offset + length > len(data):
            return f"the file is cut short (its {tag.decode('latin-1')} table ends past the end of the file)"
        tables[tag] = length
    missing = [tag.decode() for tag in _NEEDED_TABLES if tag not in tables]
    return f"it is not a complete TrueType font (no {', '.join(missing)} table)" if missing else None


def family_files(fonts: Any, base: Path | None) -> tuple[Path, Path, Path, Path]:
    """The four files of a layout's ``fonts`` settings."""
    return tuple(font_file(getattr(fonts, style), base) for style in STYLES)  # type: ignore[return-value]


def _ranges(codepoints: frozenset[int]) -> list[list[int]]:
    ranges: list[list[int]] = []
    for point in sorted(codepoints):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return ranges


@cache
def _bundled_coverage() -> dict[str, frozenset[int]]:
    data = json.loads(COVERAGE_FILE.read_text(encoding="utf-8"))
    return {
        name: frozenset(chain.from_iterable(range(low, high + 1) for low, high in ranges))
        for name, ranges in data.items()
    }


def _file_coverage(path: Path) -> frozenset[int]:
    if path.parent == BUNDLED_DIR and path.name in _bundled_coverage():
        return _bundled_coverage()[path.name]
    return read_coverage(path)


def isolate_reportlab() -> None:
    """Call before importing reportlab: on import it runs ~/.reportlab_settings and ~/.reportlab_mods
    when present, code and settings from outside the workspace that would change the PDFs. Empty
    stand-ins for the modules it looks for first keep it from ever reading them."""
    for name in ("reportlab_settings", "reportlab_mods"):
        sys.modules.setdefault(name, types.ModuleType(name))


def read_coverage(path: Path) -> frozenset[int]:
    """The characters a TTF file maps to a glyph (reads the font: needs reportlab)."""
    isolate_reportlab()
    from reportlab.pdfbase.ttfonts import TTFontFile

    return frozenset(TTFontFile(str(path)).charToGlyph)


@cache
def glyphs(files: tuple[Path, ...]) -> Glyphs:
    """What all the styles can draw: bold or italic text must not lose a character either."""
    return Glyphs(frozenset.intersection(*(_file_coverage(path) for path in files)))


@cache
def register_family(regular: Path, bold: Path, italic: Path, bold_italic: Path) -> FontFamily:
    """Register a family with reportlab (once per process for the same files); every PDF registers its fonts
    first, so this also makes reportlab cut long words only where they may be cut (``wrapping.py``)."""
    isolate_reportlab()
    from reportlab.lib.fonts import addMapping

    from newsletter.render.pdf import lazyfont, wrapping

    wrapping.install()

    names = []
    for path in (regular, bold, italic, bold_italic):
        lazyfont.register(path.stem, path)  # read when first used: a style never printed is never read
        names.append(path.stem)
    for (is_bold, is_italic), name in zip(((0, 0), (1, 0), (0, 1), (1, 1)), names, strict=True):
        addMapping(names[0], is_bold, is_italic, name)
    regular_name, bold_name, italic_name, bold_italic_name = names
    return FontFamily(
        regular_name, bold_name, italic_name, bold_italic_name, glyphs=glyphs((regular, bold, italic, bold_italic))
    )


def write_bundled_coverage() -> None:
    """Regenerate ``coverage.json`` from the bundled TTF files."""
    data = {path.name: _ranges(read_coverage(path)) for path in sorted(BUNDLED_DIR.glob("*.ttf"))}
    COVERAGE_FILE.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_bundled_coverage()
