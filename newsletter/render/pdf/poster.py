"""The poster: one page for lifts and stairwells, read from two metres.

A masthead band, the headline, "do" and "don't" with drawn icons, the hotline and the footer (the
fixed parts: ``render/pdf/poster_furniture.py``). The headline and the lists start at the layout's
generous sizes and shrink together toward their minimums until the page holds them. Past the
minimums nothing is drawn (never a second page, never clipped text): :func:`fit_problems` says
which text to shorten and by about how much, for `check` as well as `build`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from newsletter.errors import Diagnostic, InputError, Problem, field_path
from newsletter.i18n import N_, _, ngettext
from newsletter.model.document import IssueDocument
from newsletter.model.formats import MAX_POSTER_HEADLINE_WORDS, Issue
from newsletter.model.layout import Layout
from newsletter.render.pdf import Rendered
from newsletter.render.pdf.display import Balanced
from newsletter.render.pdf.kit import Icon, IssuePdf, UserText, build_pdf
from newsletter.render.pdf.poster_furniture import PageFurniture, text_style
from newsletter.text import markup
from newsletter.text.markup import escape_xml

# The row heights of a wrapped table: not reportlab's documented API (tests/test_dependencies.py)
REPORTLAB_INTERNALS = {"reportlab.platypus.tables.Table": ("_rowHeights",)}
SHRINK_STEP = 0.03  # each try shrinks the start sizes by 3 % of themselves
GAP = 5 * mm  # the least space between two blocks of the page
_READ_FROM_AFAR = {
    "headline": N_("a poster headline is read from two metres: {count} words at most"),
    "do": N_("a poster is read from two metres: three or four instructions of a few words each"),
    "dont": N_("a poster is read from two metres: three or four instructions of a few words each"),
}


@dataclass(frozen=True)
class Part:
    """A text the poster must hold, with the place where the user typed it."""

    key: str  # "headline", "do" or "dont"
    path: tuple  # ("poster", "do") when the poster has its own text, else ("do",)
    texts: tuple[str, ...]

    @property
    def own(self) -> bool:
        return self.path[0] == "poster"


def poster_parts(issue: Issue) -> list[Part]:
    """Headline, do and don't: each from ``poster:`` when given there, else the issue's own; empty lists left out."""
    parts = []
    for key in ("headline", "do", "dont"):
        own = getattr(issue.poster, key) if issue.poster else None
        value = own or getattr(issue, key)
        texts = (value,) if key == "headline" else tuple(value)
        if texts:
            parts.append(Part(key, ("poster", key) if own else (key,), texts))
    return parts


@dataclass(frozen=True)
class _Block:
    """A part set at one size, and measured."""

    part: Part
    size: float  # of the text, in points
    flowable: Flowable
    height: float
    text_heights: tuple[float, ...]  # the height each text takes inside the block (what shortening saves)
    too_wide: tuple[tuple[int, str], ...]  # (index, word) of texts with a word wider than the page

    @property
    def text_height(self) -> float:
        return sum(self.text_heights)


class PosterRenderer(IssuePdf):
    """Builds the poster layout; :meth:`problems` explains why a text cannot fit."""

    def setup(self) -> None:
        layout = self.layout
        self.sizes = layout.poster
        self.text = UserText(self.lang, self.family)
        self.colour = {name: colors.HexColor(value) for name, value in layout.colours.dump().items()}
        margins = layout.margins
        self.width = self.page_width - (margins.left + margins.right) * mm
        self.height = self.page_height - (margins.top + margins.bottom) * mm
        self.parts = poster_parts(self.issue)
        furniture = PageFurniture(
            self.document, self.sizes, self.family, self.colour, self.width, self.options.grayscale
        )
        self.top = furniture.masthead()
        self.bottom = furniture.bottom()
        fixed = sum(item.wrap(self.width, self.height)[1] for item in [self.top, *self.bottom])
        self.room = self.height - fixed - GAP * (len(self.parts) + 1)

    # --- the whole page ----------------------------------------------------------------------

    def render(self) -> Rendered:
        """The PDF's bytes and its page count (always 1: text that cannot fit is an input error)."""
        blocks = self.fit()
        if blocks is None:
            files = {"issue": self.document.issue_path, "publication": self.document.publication_path}
            raise InputError(
                [
                    Diagnostic(
                        str(files[where]), problem.message, field=field_path(problem.loc) or None, hint=problem.hint
                    )
                    for where, problem in self.problems()
                ]
            )
        return Rendered(
            *build_pdf(
                self._story(blocks),
                self.document,
                self.layout,
                self.family,
                self.sheet,
                _no_page_furniture,
                dataclasses.replace(self.options, impose=None),
            )
        )

    def fit(self) -> list[_Block] | None:
        """The parts at the largest sizes that fit the page, or None when even the minimums do not.

        The headline and the lists shrink by the same ratio of their start sizes; when one of them
        drops a line and frees room, the other takes it back.
        """
        sizes = self.sizes
        headlines = [
            (size / sizes.headline, self._headline_blocks(size)) for size in _steps(sizes.headline, sizes.headline_min)
        ]
        lists = [(size / sizes.items, self._list_blocks(size)) for size in _steps(sizes.items, sizes.items_min)]
        best: tuple[tuple[float, float], list[_Block]] | None = None
        for headline_scale, headline in headlines:
            for items_scale, items in lists:
                blocks = headline + items
                if any(block.too_wide for block in blocks) or sum(block.height for block in blocks) > self.room:
                    continue
                balance = (min(headline_scale, items_scale), max(headline_scale, items_scale))
                if best is None or balance > best[0]:
                    best = (balance, blocks)
        return best[1] if best else None

    def _headline_blocks(self, size: float) -> list[_Block]:
        """The headline set at ``size``."""
        return [self._headline(part, size) for part in self.parts if part.key == "headline"]

    def _list_blocks(self, size: float) -> list[_Block]:
        """The lists set at ``size``."""
        return [self._list(part, size) for part in self.parts if part.key != "headline"]

    def _story(self, blocks: list[_Block]) -> list[Flowable]:
        """The blocks with the space left over shared between them; 1 pt spare against rounding."""
        gap = GAP + max(0.0, self.room - sum(block.height for block in blocks) - 1) / (len(blocks) + 1)
        story: list[Flowable] = [self.top, Spacer(1, gap)]
        for block in blocks:
            story += [block.flowable, Spacer(1, gap)]
        return story + self.bottom

    # --- what does not fit, in the user's words ---------------------------------------------------

    def problems(self) -> list[tuple[str, Problem]]:
        """Why the page cannot hold the text (empty when it can), each at the field path of the text to
        shorten, in the file it is typed in: ``"issue"`` or ``"publication"``.

        Text only grows with its size, so the page can hold it if it holds it at the minimum sizes:
        one layout to try, where :meth:`fit` tries every size."""
        blocks = self._headline_blocks(self.sizes.headline_min) + self._list_blocks(self.sizes.items_min)
        if not any(block.too_wide for block in blocks) and sum(block.height for block in blocks) <= self.room:
            return []
        found = [
            (
                "issue",
                Problem(
                    block.part.path + ((index,) if block.part.key != "headline" else ()),
                    _(
                        'the word "{word}" is too wide for the poster, even at {size} pt',
                        word=word,
                        size=f"{block.size:g}",
                    ),
                    _("shorten it, or split it with a space"),
                    at_key=True,
                ),
            )
            for block in blocks
            for index, word in block.too_wide
        ]
        text_room = self.room - sum(block.height - block.text_height for block in blocks)
        if text_room <= 0:
            return found + [
                (
                    "publication",
                    Problem(
                        (),
                        _("the masthead, hotline and footer leave no room for the poster's text"),
                        _("shorten the publication's title, tagline, hotline or poster_footer"),
                        at_key=True,
                    ),
                )
            ]
        level = _level([block.text_height for block in blocks], text_room)
        for block in blocks:
            if block.text_height > level:
                found.append(("issue", self._too_long(block, block.text_height - level, level)))
        return found

    def _too_long(self, block: _Block, excess: float, level: float) -> Problem:
        part = block.part
        percent = max(5, 5 * round(excess / level * 20))
        if part.key == "headline":
            words = max(1, int(len(markup.plain(part.texts[0]).split()) * level / block.text_height))
            message = ngettext(
                "the headline is about {percent} % too long for the poster: shorten it to about {count} word",
                "the headline is about {percent} % too long for the poster: shorten it to about {count} words",
                words,
                percent=percent,
            )
        else:
            remove, saved = 0, 0.0
            for height in sorted(block.text_heights, reverse=True):
                if saved >= excess:
                    break
                remove, saved = remove + 1, saved + height
            advice = (
                ngettext("remove {count} item or shorten them", "remove {count} items or shorten them", remove)
                if remove < len(part.texts)
                else _("shorten the instructions")
            )
            if part.key == "do":
                message = _(
                    "the do list is about {percent} % too long for the poster: {advice}", percent=percent, advice=advice
                )
            else:
                message = _(
                    "the don't list is about {percent} % too long for the poster: {advice}",
                    percent=percent,
                    advice=advice,
                )
        if part.own:
            hint = _(_READ_FROM_AFAR[part.key], count=MAX_POSTER_HEADLINE_WORDS)
        else:
            hint = _("the poster prints the issue's own `{key}`: give it a shorter one under `poster:`", key=part.key)
        return Problem(part.path, message, hint, at_key=True)

    # --- the blocks -------------------------------------------------------------------------------

    def _headline(self, part: Part, size: float) -> _Block:
        style = text_style("poster_headline", self.family.bold, size, self.colour["text"], leading=1.1)
        paragraph = Balanced(self.text.inline(part.texts[0]), style)
        height = paragraph.wrap(self.width, self.height)[1]
        return _Block(part, size, paragraph, height, (height,), self._too_wide(part, [paragraph], style, self.width))

    def _list(self, part: Part, size: float) -> _Block:
        """A box: a band with the icon and "À faire" / "À ne pas faire", then one row per instruction."""
        kind, colour = ("check", self.colour["do"]) if part.key == "do" else ("cross", self.colour["dont"])
        head_size, icon, pad = size * 1.1, size * 0.9, size * 0.28
        big_icon = head_size * 1.25
        icon_column = big_icon + 2 * pad
        item_style = text_style("poster_item", self.family.regular, size, self.colour["text"])
        head_style = text_style("poster_box_title", self.family.bold, head_size, self.colour["on_accent"])
        items = [Balanced(self.text.inline(text), item_style) for text in part.texts]
        rows = [
            [
                Icon(kind, big_icon, self.colour["on_accent"], colour),
                Paragraph(escape_xml(self.label(part.key)), head_style),
            ]
        ]
        rows += [[Icon(kind, icon, colour), item] for item in items]
        icon_drop = pad + (item_style.leading - icon) / 2
        table = Table(
            rows,
            colWidths=[icon_column, self.width - icon_column],
            style=TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colour),
                    ("BOX", (0, 0), (-1, -1), 3, colour),
                    ("LINEBELOW", (0, 1), (-1, -2), 0.75, colour),
                    ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                    ("VALIGN", (0, 1), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (0, -1), "CENTER"),
                    ("LEFTPADDING", (0, 0), (-1, -1), pad),
                    ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                    ("TOPPADDING", (0, 0), (-1, -1), pad),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                    ("TOPPADDING", (0, 1), (0, -1), icon_drop),
                ]
            ),
        )
        height = table.wrap(self.width, self.height)[1]
        text_width = self.width - icon_column - 2 * pad
        return _Block(
            part, size, table, height, tuple(table._rowHeights[1:]), self._too_wide(part, items, item_style, text_width)
        )

    def _too_wide(
        self, part: Part, paragraphs: list[Paragraph], style: ParagraphStyle, width: float
    ) -> tuple[tuple[int, str], ...]:
        """For each text with a line that cannot break within ``width``: its widest word, as the user typed it."""
        found = []
        for index, (text, paragraph) in enumerate(zip(part.texts, paragraphs, strict=True)):
            if paragraph.minWidth() > width:
                words = markup.plain(text).split()
                found.append((index, max(words, key=lambda w: stringWidth(w, style.fontName, style.fontSize))))
        return tuple(found)


def fit_problems(document: IssueDocument, layout: Layout, layout_dir: Path | None = None) -> list[tuple[str, Problem]]:
    """Why the poster of ``document`` cannot be drawn in ``layout`` (empty when it can), each with the file
    it is in (``"issue"`` or ``"publication"``): the checks run it before anything is rendered."""
    return PosterRenderer(document, layout, layout_dir).problems()


def _steps(start: float, smallest: float) -> list[float]:
    """Sizes from ``start`` down to ``smallest``, each a few per cent below the one before."""
    sizes: list[float] = []
    scale = 1.0
    while not sizes or sizes[-1] > smallest:
        sizes.append(max(smallest, round(start * scale, 1)))
        scale -= SHRINK_STEP
    return sizes


def _level(heights: list[float], room: float) -> float:
    """The height L such that cutting every part taller than L down to L makes them all fit ``room``.

    The tallest parts are the ones to shorten; the short ones are left alone.
    """
    ordered = sorted(heights)
    remaining = room
    for index, height in enumerate(ordered):
        share = remaining / (len(ordered) - index)
        if height > share:
            return share
        remaining -= height
    return ordered[-1]


def _no_page_furniture(canvas, page: int, pages: int) -> None:
    """The poster's footer is part of the page's flow, measured with the rest."""
