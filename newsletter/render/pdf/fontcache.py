"""Fonts parsed once per machine rather than once per run.

reportlab reads a whole TrueType file to know its glyphs and widths: about 10 ms per style of
DejaVu Sans, a tenth of a one-issue build. What it reads is kept in the user's cache folder (see
``cache``), one entry per font file's bytes, reportlab version and Python version, and read back
in a third of the time. A font is parsed as usual when its entry is missing or cannot be used, or
when a reportlab version keeps something in its fonts that this module cannot store; and an
entry is written only after it was checked to give back exactly the font reportlab built.

``fonts`` imports this module, and ``check`` imports ``fonts`` for the characters it can draw: so
reportlab is imported here only when a font is loaded, never by ``check``.
"""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsletter.render import cache

if TYPE_CHECKING:
    from newsletter.render.pdf.textlayer import TextLayerFont

# What ``_font`` and ``_same`` use of reportlab beyond its documented API: checked against the installed
# reportlab by tests/test_dependencies.py (4.0 to 4.3 lack the last three).
REPORTLAB_INTERNALS = {
    "reportlab.pdfbase.ttfonts.TTFont": ("_asciiReadable", "shapable"),
    "reportlab.pdfbase.ttfonts.TTFontFace": ("_ttf_data", "_pdfScale"),
    "reportlab.pdfbase.ttfonts": ("unShapedFontGlob",),
}

FORMAT = 1
_NOT_STORED = ("_ttf_data", "_pdfScale")  # the file's bytes (read again) and a function (rebuilt)
_NAME = "TTFNameBytes"


def load_font(name: str, path: Path) -> TextLayerFont:
    """A reportlab ``TTFont`` named ``name`` for the TrueType file at ``path``, whose text layer keeps
    the no-break spaces (``textlayer.py``)."""
    from reportlab import Version

    from newsletter.render.pdf.textlayer import TextLayerFont

    data = path.read_bytes()
    kept = cache.entry("fonts", path.name, data, Version, FORMAT)
    stored = cache.read(kept)
    if stored is not None:
        try:
            return _font(name, data, marshal.loads(stored)).keep_spaces()
        except Exception:  # noqa: BLE001 - an entry this reportlab cannot use: parse the file instead
            pass
    font = TextLayerFont(name, str(path))
    if kept is not None:
        _keep(font, name, data, kept)
    return font.keep_spaces()


def _keep(font: Any, name: str, data: bytes, kept: Path) -> None:
    """Store the parsed face, if it can be stored and read back into the very same font."""
    try:
        state = {key: _stored(value) for key, value in vars(font.face).items() if key not in _NOT_STORED}
        stored = marshal.dumps(state)
    except ValueError:  # something marshal cannot store: this reportlab keeps more than plain values
        return
    if _same(_font(name, data, marshal.loads(stored)), font):
        cache.keep(kept, stored)


def _stored(value: Any) -> Any:
    """The font's names are bytes that also carry their text: stored as the text."""
    return (_NAME, value.ustr) if type(value).__name__ == _NAME else value


class _Scale:
    """reportlab's font-unit to PDF-unit conversion (kept as a function it builds while parsing)."""

    def __init__(self, units_per_em: int):
        self.factor = None if units_per_em == 1000 else 1000 / units_per_em

    def __call__(self, value: float) -> float:
        return value if self.factor is None else value * self.factor


def _font(name: str, data: bytes, state: dict) -> TextLayerFont:
    """The ``TTFont`` reportlab builds for a file's ``data``, from its stored face: what
    ``TTFont.__init__`` does, without parsing the file."""
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import (
        TTEncoding,
        TTFNameBytes,
        TTFontFace,
        unShapedFontGlob,
    )

    from newsletter.render.pdf.textlayer import TextLayerFont

    def restored(value: Any) -> Any:
        named = isinstance(value, tuple) and len(value) == 2 and value[0] == _NAME
        return TTFNameBytes(value[1].encode("utf8")) if named else value

    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    face.__dict__.update({key: restored(value) for key, value in state.items()})
    face._ttf_data = data
    face._pdfScale = _Scale(face.unitsPerEm)
    font = TextLayerFont.__new__(TextLayerFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in unShapedFontGlob)
    return font


def _same(rebuilt: Any, parsed: Any) -> bool:
    """Whether the font read back is the font reportlab parsed: every value, and the scale on a sample."""

    def plain(font: Any) -> tuple[dict, dict]:
        face = {key: value for key, value in vars(font.face).items() if key != "_pdfScale"}
        own = {key: value for key, value in vars(font).items() if key not in ("face", "encoding", "state")}
        return face, own

    samples = (0, 1, 2048, 1000, 777, -123)
    return (
        plain(rebuilt) == plain(parsed)
        and type(rebuilt.encoding) is type(parsed.encoding)
        and [rebuilt.face._pdfScale(x) for x in samples] == [parsed.face._pdfScale(x) for x in samples]
    )
