"""The bundled DejaVu Sans family (or a layout's own TTF files), registered once per process.

Every font is a TrueType font that reportlab embeds as a subset; the base-14 PDF fonts are never
used. ``FontFamily.missing`` tells which characters of a text the font cannot draw, so they can be
reported with their location instead of printing as empty boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BUNDLED_DIR = Path(__file__).parent / "fonts"
STYLES = ("regular", "bold", "italic", "bold_italic")
# Characters that are layout, not ink: never reported as missing.
_INVISIBLE = set("\n\r\t \u00a0")


@dataclass(frozen=True)
class FontFamily:
    """Registered reportlab font names for the four styles, and the characters they can draw."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    coverage: frozenset[int]

    def missing(self, text: str) -> list[str]:
        """Characters of ``text`` the font cannot draw, each once, in order of appearance."""
        seen: dict[str, None] = {}
        for char in text:
            if ord(char) not in self.coverage and char not in _INVISIBLE:
                seen.setdefault(char)
        return list(seen)

    def drawable(self, text: str) -> str:
        """``text`` without the characters the font cannot draw (they are reported elsewhere)."""
        return "".join(c for c in text if ord(c) in self.coverage or c in _INVISIBLE)


def font_file(name: str, base: Path | None) -> Path:
    """A bundled font name (``DejaVuSans-Bold``) or a TTF path relative to ``base``."""
    bundled = BUNDLED_DIR / f"{name}.ttf"
    if bundled.is_file():
        return bundled
    return (base or Path.cwd()) / name


@lru_cache(maxsize=None)
def register_family(regular: Path, bold: Path, italic: Path, bold_italic: Path) -> FontFamily:
    """Register a family with reportlab (once per process for the same files)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = []
    for path in (regular, bold, italic, bold_italic):
        name = path.stem
        pdfmetrics.registerFont(TTFont(name, str(path)))
        names.append(name)
    family = names[0]
    for (is_bold, is_italic), name in zip(((0, 0), (1, 0), (0, 1), (1, 1)), names):
        addMapping(family, is_bold, is_italic, name)
    coverage = frozenset(pdfmetrics.getFont(names[0]).face.charToGlyph)
    return FontFamily(*names, coverage=coverage)
