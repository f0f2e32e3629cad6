"""No-break spaces that survive in the PDF's text layer, and a narrow one that does not break lines.

reportlab draws U+00A0 with the code of the space (32) in every embedded subset, on purpose: PDF word
spacing (``Tw``, which reportlab sets to justify a line) applies to code 32 only, so a no-break space
must be code 32 to stretch like the other spaces. The subset's ``ToUnicode`` map then reads code 32
back as U+0020, and copy-paste or search of the PDF lose every no-break space. This kit never justifies
text (it aligns left, right or centred, and reportlab only sets word spacing there for a line already
too long): :class:`TextLayerFont` gives U+00A0 a code of its own, drawn with the same glyph and width,
which the text layer reads back as U+00A0.

reportlab's paragraphs break lines at U+202F (their list of spaces holds every Unicode space but
U+00A0). A paragraph therefore holds :data:`NARROW_NBSP` instead, a noncharacter that is no space to
it and that the font draws, measures and maps back to the text layer as U+202F.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

NBSP = "\u00a0"
NARROW_NBSP = "\ufdd1"  # what a paragraph holds for U+202F
_OWN_NBSP = 0xFDD0  # the code point U+00A0 takes in the font until its subset is written
_DRAWN_AS = str.maketrans({NBSP: chr(_OWN_NBSP), NARROW_NBSP: "\u202f"})
_NARROW_FALLBACKS = (0x202F, 0x2009, 0x2006, 0x0020)  # the thinnest space the font has


def for_paragraph(text: str) -> str:
    """Text for a reportlab paragraph: U+202F as the stand-in that does not break lines."""
    return text.replace("\u202f", NARROW_NBSP)


class TextLayerFont(TTFont):
    """A TrueType font whose text layer keeps U+00A0 and U+202F (call :meth:`keep_spaces` once built)."""

    def keep_spaces(self) -> TextLayerFont:
        """Map the stand-ins to their glyphs; a font without U+202F draws its thinnest space instead,
        and the text layer still says U+202F."""
        face = self.face
        glyphs, widths = face.charToGlyph, face.charWidths
        narrow = next(code for code in _NARROW_FALLBACKS if code in glyphs)
        for code, drawn in ((_OWN_NBSP, 0x0020), (0x202F, narrow), (ord(NARROW_NBSP), narrow)):
            glyphs[code] = glyphs[drawn]
            widths[code] = widths.get(drawn, face.defaultWidth)
        return self

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> list:
        return super().splitString(text.translate(_DRAWN_AS), doc, encoding)

    def addObjects(self, doc: Any) -> None:
        """Before the subsets are written, the stand-in code points become the characters they stand for."""
        state = self.state.get(doc)
        if state is not None:
            for subset in state.subsets:
                subset[:] = [0x00A0 if code == _OWN_NBSP else code for code in subset]
        super().addObjects(doc)
