"""The paragraph styles a layout gives a PDF: its sizes and colours, grey under grayscale."""

from __future__ import annotations

from reportlab.lib import colors

from newsletter.model.layout import Layout
from newsletter.render.pdf import kit
from newsletter.render.pdf.styles import Styles


def test_styles_take_the_layout_s_sizes_and_colours_in_grey_under_grayscale():
    family = kit.register_layout_fonts(Layout.parse({}), None)
    layout = Layout.parse({"sizes": {"body": "10,5"}, "colours": {"accent": "#A4161A"}})
    styles = Styles(layout, family)
    assert (styles.body.fontSize, styles.body.fontName, styles.bullet.bulletFontName) == (
        10.5,
        family.regular,
        family.regular,
    )
    assert styles.colour["accent"] == colors.HexColor("#A4161A")
    grey = Styles(layout, family, grayscale=True).colour["accent"]
    assert grey.red == grey.green == grey.blue
