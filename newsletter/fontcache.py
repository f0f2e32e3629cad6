"""Fonts parsed once per machine rather than once per run.

reportlab reads a whole TrueType file to know its glyphs and widths: about 10 ms per style of
DejaVu Sans, a tenth of a one-issue build. What it reads is kept in the user's cache folder (like
a system's font cache), one file per font, reportlab version and Python version, and read back in
a third of the time. The cache is only ever a shortcut: a font is parsed as usual when it has
changed, when the cache is unreadable or unwritable, or when a reportlab version keeps something
in its fonts that this module cannot store; and a kept font is used only when it was checked, when
it was stored, to give back exactly the font reportlab would have built.

``NEWSLETTER_CACHE`` names another cache folder; ``NEWSLETTER_CACHE=off`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

FORMAT = 1
_NOT_STORED = ("_ttf_data", "_pdfScale")  # the file's bytes (read again) and a function (rebuilt)
_NAME = "TTFNameBytes"


def cache_dir() -> Path | None:
    """Where fonts are kept: ``NEWSLETTER_CACHE``, else the platform's cache folder for the user."""
    chosen = os.environ.get("NEWSLETTER_CACHE")
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "newsletter"


def load_font(name: str, path: Path) -> Any:
    """A reportlab ``TTFont`` named ``name`` for the TrueType file at ``path``."""
    from reportlab.pdfbase.ttfonts import TTFont

    kept = _kept_file(path)
    if kept is not None:
        state = _read(kept)
        if state is not None:
            return _font(name, path, state)
    font = TTFont(name, str(path))
    if kept is not None:
        _keep(font, name, path, kept)
    return font


def _kept_file(path: Path) -> Path | None:
    """The cache file of this font as it is now (its path, size and date, and the versions that read it)."""
    folder = cache_dir()
    if folder is None:
        return None
    from reportlab import Version

    try:
        status = path.stat()
    except OSError:
        return None
    key = f"{path.resolve()}|{status.st_size}|{status.st_mtime_ns}|{Version}|{sys.version_info[:2]}|{FORMAT}"
    return folder / "fonts" / f"{path.stem}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.marshal"


def _read(kept: Path) -> dict | None:
    try:
        state = marshal.loads(kept.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return state if isinstance(state, dict) else None


def _keep(font: Any, name: str, path: Path, kept: Path) -> None:
    """Store the parsed face, if it can be stored and read back into the very same font."""
    try:
        state = {key: _stored(value) for key, value in vars(font.face).items() if key not in _NOT_STORED}
        data = marshal.dumps(state)
    except ValueError:  # something marshal cannot store: this reportlab keeps more than plain values
        return
    if not _same(_font(name, path, marshal.loads(data)), font):
        return
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=kept.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, kept)
    except OSError:
        pass  # no cache folder to write in: fonts are parsed at every run, as without a cache


def _stored(value: Any) -> Any:
    """The font's names are bytes that also carry their text: stored as the text."""
    return (_NAME, value.ustr) if type(value).__name__ == _NAME else value


class _Scale:
    """reportlab's font-unit to PDF-unit conversion (kept as a function it builds while parsing)."""

    def __init__(self, units_per_em: int):
        self.factor = None if units_per_em == 1000 else 1000 / units_per_em

    def __call__(self, value: float) -> float:
        return value if self.factor is None else value * self.factor


def _font(name: str, path: Path, state: dict) -> Any:
    """The ``TTFont`` reportlab builds for ``path``, from its stored face: what ``TTFont.__init__`` does,
    without parsing the file."""
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

    def restored(value: Any) -> Any:
        named = isinstance(value, tuple) and len(value) == 2 and value[0] == _NAME
        return TTFNameBytes(value[1].encode("utf8")) if named else value

    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    face.__dict__.update({key: restored(value) for key, value in state.items()})
    face._ttf_data = path.read_bytes()
    face._pdfScale = _Scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = True
    return font


def _same(rebuilt: Any, parsed: Any) -> bool:
    """Whether the font read back is the font reportlab parsed: every value, and the scale on a sample."""
    def plain(font: Any) -> tuple[dict, dict]:
        face = {key: value for key, value in vars(font.face).items() if key != "_pdfScale"}
        own = {key: value for key, value in vars(font).items() if key not in ("face", "encoding", "state")}
        return face, own

    samples = (0, 1, 2048, 1000, 777, -123)
    return (plain(rebuilt) == plain(parsed) and type(rebuilt.encoding) is type(parsed.encoding)
            and [rebuilt.face._pdfScale(x) for x in samples] == [parsed.face._pdfScale(x) for x in samples])
