"""User text and fixed words as escaped HTML, with the typography of the publication's language.

French gets what the printed journal gets: a narrow no-break space (U+202F) before ``; ! ?`` (the
characters themselves, as in the PDF's text layer) and the letters of ordinals raised (``1<sup>er</sup>``).
Everything goes through :func:`html.escape`: only the tiny markup becomes tags.
"""

from __future__ import annotations

from html import escape

from newsletter.text import markup, typography


def words(text: str, lang: str) -> str:
    """Text without markup (a label, a date, typeset user text) as HTML: escaped, spaces made fine
    before ``; ! ?`` and ordinals' letters in ``<sup>`` in French."""
    return "".join(
        f"<sup>{escape(piece)}</sup>" if raised else escape(piece)
        for piece, raised in typography.superscripts(typography.fine_spaces(text, lang), lang)
    )


def unmarked(text: str, lang: str) -> str:
    """Text for where no tag may go (``<title>``, an attribute): escaped, spaces made fine in French."""
    return escape(typography.fine_spaces(text, lang))


class HtmlText:
    """User text → escaped HTML, typography applied; the tiny markup becomes tags, nothing else does."""

    def __init__(self, lang: str):
        self.lang = lang

    def inline(self, text: str) -> str:
        return self._runs(markup.inline(typography.apply(text, self.lang).strip()))

    def blocks(self, text: str) -> str:
        parts = []
        for block in markup.parse(typography.apply(text, self.lang)):
            if isinstance(block, markup.Paragraph):
                parts.append(f"<p>{self._runs(block.runs)}</p>")
            else:
                parts.append(html_list("ul", [self._runs(item) for item in block.items]))
        return "\n".join(parts)

    def _runs(self, runs: markup.Line) -> str:
        return markup.tagged(runs, lambda text: words(text, self.lang), ("<strong>", "</strong>"), ("<em>", "</em>"))


def html_list(tag: str, items: list[str], css: str = "") -> str:
    attribute = f' class="{css}"' if css else ""
    return f"<{tag}{attribute}>\n" + "\n".join(f"<li>{item}</li>" for item in items) + f"\n</{tag}>"
