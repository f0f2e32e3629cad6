"""The PDF renderers (journal, poster, the archive's index) and what they share: fonts, the kit, press work."""

from typing import NamedTuple

from newsletter.render.pdf.fonts import isolate_reportlab

isolate_reportlab()  # before any module of this package imports reportlab


class Rendered(NamedTuple):
    """A rendered PDF: its bytes, its page count, and what its reader should be told (translated warnings)."""

    data: bytes
    pages: int
    warnings: tuple[str, ...] = ()
