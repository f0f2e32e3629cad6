"""Fonts registered with reportlab at once but read only when a document first uses them.

Every PDF registers the four styles of its family; reading one costs 3 to 7 ms (``fontcache.py``), and
most journals never print the bold italic, nor large print any italic. :func:`register` puts in
reportlab's table of fonts a :class:`DeferredFont` that reads its file at the first look-up of what only
a read font has (its widths, its glyphs): when a paragraph measures text in it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics

from newsletter.render.pdf.fontcache import load_font
from newsletter.render.pdf.textlayer import TextLayerFont

# What this module uses of reportlab beyond its documented API (checked by tests/test_dependencies.py).
REPORTLAB_INTERNALS = {"reportlab.pdfbase.pdfmetrics": ("_fonts",)}


class DeferredFont(TextLayerFont):
    """The font ``name`` of the TrueType file at ``path``, read (``fontcache.load_font``) when first used."""

    def __init__(self, name: str, path: Path):  # not TTFont's: nothing is read yet
        self.fontName = name
        self.deferred_path = path

    def __getattr__(self, attribute: str) -> Any:
        """Called only for what the object lacks: the read font's attributes, taken over on the first call."""
        path = self.__dict__.pop("deferred_path", None)
        if path is None:
            raise AttributeError(attribute)
        self.__dict__.update(vars(load_font(self.fontName, path)))
        return getattr(self, attribute)


def register(name: str, path: Path) -> None:
    """What ``pdfmetrics.registerFont`` does for a TrueType font, without reading it: the first font
    registered under a name stays, and the name is a family of its own (its bold and italic are itself).
    Unlike it, two names of one face (a file copied under another name) stay two fonts."""
    if name not in pdfmetrics._fonts:
        pdfmetrics._fonts[name] = DeferredFont(name, path)
    pdfmetrics.registerFontFamily(name)
