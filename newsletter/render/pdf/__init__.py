"""The PDF renderers (journal, poster, the archive's index) and what they share: fonts, the kit, press work."""

from newsletter.render.pdf.fonts import isolate_reportlab

isolate_reportlab()  # before any module of this package imports reportlab
