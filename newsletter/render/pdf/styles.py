"""The paragraph styles of a PDF of an issue, from its layout: sizes, colours (grey under grayscale),
fonts, hyphenation, and no italic in large print."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from newsletter.model.layout import Layout
from newsletter.render.pdf import wrapping
from newsletter.render.pdf.fonts import FontFamily
from newsletter.render.pdf.press import gray_of


class Styles:
    """Paragraph styles derived from a layout."""

    def __init__(self, layout: Layout, family: FontFamily, grayscale: bool = False, lang: str | None = None):
        size, colour = layout.sizes, layout.colours
        convert = gray_of if grayscale else (lambda c: c)
        self.colour = {name: convert(colors.HexColor(value)) for name, value in colour.dump().items()}
        self.family = family
        text = self.colour["text"]
        # Captions, the time of writing and quotes are set in italic, except in large print (UKAAF: no italic).
        self.aside_font = family.regular if layout.large_print else family.italic
        aside, leading = self.aside_font, layout.leading

        def style(name: str, font: str, font_size: float, **extra) -> ParagraphStyle:
            extra.setdefault("leading", font_size * leading)
            extra.setdefault("textColor", text)
            extra.setdefault("allowWidows", 0)  # never one line of a paragraph alone at a page top (nor foot)
            # reportlab draws bullets in Helvetica at 10 pt unless told otherwise: a base-14 font, never
            # embedded, and smaller than large print allows
            return ParagraphStyle(
                name,
                fontName=font,
                fontSize=font_size,
                bulletFontName=family.regular,
                bulletFontSize=font_size,
                **extra,
            )

        # Running text may be hyphenated (`hyphenation: yes`, never in large print); titles never are.
        hyphens = wrapping.hyphenation(lang) if layout.hyphenation and lang and not layout.large_print else {}
        self.body = style("body", family.regular, size.body, spaceAfter=size.body * 0.45, **hyphens)
        self.bullet = style(
            "bullet",
            family.regular,
            size.body,
            leftIndent=size.body * 1.1,
            bulletIndent=size.body * 0.2,
            spaceAfter=size.body * 0.25,
            **hyphens,
        )
        self.lead = style(
            "lead",
            family.regular,
            size.lead,
            leading=size.lead * max(1.35, leading),
            spaceAfter=size.lead * 0.6,
            **hyphens,
        )
        self.headline = style(
            "headline", family.bold, size.headline, leading=size.headline * 1.12, spaceAfter=size.headline * 0.3
        )

        def accent(name: str, font_size: float, before: float, after: float, **extra) -> ParagraphStyle:
            """Bold in the accent colour, with space before and after in proportion to its size."""
            return style(
                name,
                family.bold,
                font_size,
                textColor=self.colour["accent"],
                spaceBefore=font_size * before,
                spaceAfter=font_size * after,
                **extra,
            )

        self.kicker = accent("kicker", size.body, 0.8, 0.3)
        self.meta = style("meta", aside, size.small + 1, textColor=self.colour["muted"], spaceAfter=size.body)
        self.heading = accent("heading", size.heading, 0.9, 0.45, keepWithNext=1)
        self.subheading = style(
            "subheading", family.bold, size.body * 1.18, spaceAfter=size.body * 0.35, keepWithNext=1
        )
        self.question = accent("question", size.body, 0.5, 0.2, keepWithNext=1)
        self.caption = style(
            "caption",
            aside,
            size.small + 0.5,
            textColor=self.colour["muted"],
            spaceBefore=2,
            spaceAfter=size.body * 0.6,
        )
        self.quote = style("quote", aside, size.body + 1, leading=(size.body + 1) * max(1.4, leading))
        self.small = style("small", family.regular, size.small, textColor=self.colour["muted"])
        self.title = style(
            "title", family.bold, size.title, leading=size.title * 1.1, textColor=self.colour["on_accent"]
        )
        self.tagline = style("tagline", family.regular, size.body, textColor=self.colour["on_accent"])
        self.number = style(
            "number",
            family.bold,
            size.title * 0.8,
            leading=size.title * 0.9,
            textColor=self.colour["on_accent"],
            alignment=TA_RIGHT,
        )
        self.date = style("date", family.regular, size.body, textColor=self.colour["on_accent"], alignment=TA_RIGHT)
        self.box_title = style(
            "box_title", family.bold, size.heading, textColor=self.colour["on_accent"], leading=size.heading * 1.2
        )
        self.email = style("email", family.regular, max(size.body - 1, layout.smallest_size))
        self.notice = style("notice", family.bold, size.lead, textColor=self.colour["accent"])
