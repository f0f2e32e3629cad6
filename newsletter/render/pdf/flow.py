"""Flowables that keep the journal's pages right and quick to lay out.

:class:`Para` is a paragraph that breaks its lines once per width: the columns are balanced by
trying several heights, and the issue is copy-fitted by laying it out more than once
(``render/pdf/fitting.py``), so a paragraph is asked for the same width many times.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer
from reportlab.platypus.doctemplate import FrameBreak, NotAtTopPageBreak, NullActionFlowable
from reportlab.platypus.paragraph import ParaLines, _processed_frags

if TYPE_CHECKING:
    from newsletter.render.pdf.fitting import Knobs

# What this module uses of reportlab beyond its documented API (checked by tests/test_dependencies.py).
REPORTLAB_INTERNALS = {
    "reportlab.platypus.paragraph": ("_processed_frags",),
    "reportlab.platypus.flowables.KeepTogether": ("_content",),
}


class Para(Paragraph):
    """A paragraph whose line breaks are computed once per width, and handed on when it splits."""

    def __init__(self, text, style, bulletText=None, frags=None, caseSensitive=1, encoding="utf8"):
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
        self._broken: dict[tuple[float, ...], object] = {}

    def breakLines(self, width):
        key = tuple(width) if isinstance(width, (list, tuple)) else (width,)
        broken = self._broken.get(key)
        if broken is None:
            broken = self._broken[key] = super().breakLines(width)
        return broken

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        processed = _processed_frags(self.frags)  # their lines point into the whole's fragments: broken again
        if len(parts) == 2 and not self.style.firstLineIndent and hasattr(self, "blPara") and not processed:
            # The rest breaks as the whole did (same width, lines broken from a line start): keep them.
            first, rest = parts
            whole = self.blPara
            tail = whole.lines[len(first.blPara.lines) :]
            rest._broken[self._widths(availWidth)] = whole.clone(lines=tail) if whole.kind == 0 else _lines(tail)
        return parts

    def _widths(self, width: float) -> tuple[float, float]:
        """The widths of the first and the other lines at ``width``, as ``wrap`` gives them to ``breakLines``."""
        style = self.style
        later = width - style.leftIndent - style.rightIndent
        return later - style.firstLineIndent, later


class Gap(Spacer):
    """Space between blocks, scaled by copy-fitting (``knobs.spacing``)."""

    def __init__(self, height: float, knobs: Knobs):
        super().__init__(1, height)
        self.base = height
        self.knobs = knobs

    def wrap(self, availWidth, availHeight):
        self.height = self.base * self.knobs.spacing
        return self.width, self.height


class Picture(Flowable):
    """A picture scaled by copy-fitting (``knobs.images``), never larger than it was made."""

    def __init__(self, image: Image, knobs: Knobs):
        super().__init__()
        self.image = image
        self.base = (image.drawWidth, image.drawHeight)
        self.knobs = knobs

    def wrap(self, availWidth, availHeight):
        scale = min(1.0, self.knobs.images)
        self.image.drawWidth, self.image.drawHeight = self.base[0] * scale, self.base[1] * scale
        self.width, self.height = self.image.drawWidth, self.image.drawHeight
        return self.width, self.height

    def draw(self) -> None:
        self.image.drawOn(self.canv, 0, 0)


class BackPage(Flowable):
    """The end of the journal (contacts, hotline): in the flow, or with ``knobs.back_page`` on a page of
    its own with the recap (``recap``) when ``knobs.recap``; with ``knobs.cover`` too, the ``cover`` part
    of the content (the hotline) and the recap on a last page of their own, the back cover. Never drawn
    itself: it hands over its content."""

    def __init__(self, content: list[Flowable], recap: list[Flowable], knobs: Knobs, cover: list[Flowable]):
        super().__init__()
        self.content = content
        self.recap = recap
        self.knobs = knobs
        self.cover = cover

    def getSpaceBefore(self) -> float:
        return self.content[0].getSpaceBefore() if self.content else 0.0

    def wrap(self, availWidth, availHeight):
        return availWidth, 0xFFFFFF  # more than any page: the frame asks for the split below

    def split(self, availWidth, availHeight):
        if not self.knobs.back_page:
            return [NullActionFlowable(), *self.content]  # an action first: reportlab places the rest as usual
        recap = self.recap if self.knobs.recap else []
        start = [NotAtTopPageBreak(nextTemplate="back"), _BackStart(self.knobs)]
        if self.knobs.cover and self.cover:
            inside = [flowable for flowable in self.content if flowable not in self.cover]
            return [*start, *inside, NotAtTopPageBreak(nextTemplate="back"), *self.cover, *recap]
        return [*start, *self.content, *recap]


class Float(Flowable):
    """A block kept whole (``kept``) then a short one (``short``): in this order where the kept one fits in the
    space left; else the short one first where it fits, filling the hole the kept block leaves by starting the
    next page. Never drawn itself: it hands over its content."""

    def __init__(self, kept: list[Flowable], short: list[Flowable]):
        super().__init__()
        self.kept = kept
        self.short = short
        self.content = [*kept, *short]  # all of it, as a proof reads it (render/pdf/proof.py)

    def getSpaceBefore(self) -> float:
        return self.kept[0].getSpaceBefore()

    def wrap(self, availWidth, availHeight):
        return availWidth, 0xFFFFFF  # more than any page: the frame asks for the split below

    def split(self, availWidth, availHeight):
        if _height(self.kept, availWidth) > availHeight >= _height(self.short, availWidth):
            return [NullActionFlowable(), *self.short, *self.kept]
        return [NullActionFlowable(), *self.kept, *self.short]


def _height(flowables: list[Flowable], width: float) -> float:
    """The height of flowables one under the other (without the first one's space before)."""
    used = 0.0
    for index, flowable in enumerate(flowables):
        used += (flowable.getSpaceBefore() if index else 0.0) + flowable.wrap(width, 0xFFFFFF)[1]
        used += flowable.getSpaceAfter()
    return used


class KeepWithFirstLines(KeepTogether):
    """A heading and what it is kept with (reportlab groups them so: ``keepTogetherClass``), moved whole to
    the next page when it does not fit. When the whole is taller than a page, moving it would only leave a
    hole: the heading stays where it is with the first lines of what follows (whose own split keeps two
    lines at least), and moves only when they do not fit under it."""

    def __init__(self, flowables: list[Flowable], page_height: float):
        super().__init__(flowables)
        self.page_height = page_height

    def split(self, aW, aH):
        parts = super().split(aW, aH)
        if _height(self._content, aW) <= self.page_height or not isinstance(parts[0], type(FrameBreak)):
            return parts
        *heads, last = self._content
        used = _height(heads, aW) + last.getSpaceBefore()
        if used < aH and last.split(aW, aH - used):
            return [NullActionFlowable(), *self._content]
        return parts


class SectionStart(Flowable):
    """Where the section at ``index`` in the layout starts: on a new page when copy-fitting asks for it
    (``knobs.breaks``), else nothing."""

    def __init__(self, index: int, knobs: Knobs):
        super().__init__()
        self.index = index
        self.knobs = knobs

    def wrap(self, availWidth, availHeight):
        if self.index in self.knobs.breaks:
            return availWidth, 0xFFFFFF  # more than any page: the frame asks for the split below
        return 0, 0

    def split(self, availWidth, availHeight):
        return [NotAtTopPageBreak()]

    def draw(self) -> None:
        return None


class IfRoom(Flowable):
    """Flowables drawn one under the other where they fit whole in the space left, else nothing at all."""

    def __init__(self, content: list[Flowable]):
        super().__init__()
        self.content = content
        self.placed: list[tuple[Flowable, float]] = []

    def wrap(self, availWidth, availHeight):
        placed, used = [], 0.0
        for index, flowable in enumerate(self.content):
            used += flowable.getSpaceBefore() if index else 0.0
            height = flowable.wrap(availWidth, 0xFFFFFF)[1]
            placed.append((flowable, used + height))
            used += height + flowable.getSpaceAfter()
        fits = used <= availHeight
        self.placed = placed if fits else []
        self.width, self.height = availWidth, used if fits else 0.0
        return self.width, self.height

    def draw(self) -> None:
        for flowable, bottom in self.placed:
            flowable.drawOn(self.canv, 0, self.height - bottom)


class _BackStart(Flowable):
    """Notes the page the back page starts on (copy-fitting counts the pages before it)."""

    def __init__(self, knobs: Knobs):
        super().__init__()
        self.knobs = knobs

    def wrap(self, availWidth, availHeight):
        canvas = getattr(self, "canv", None)
        if canvas is not None:
            self.knobs.back_start = canvas.getPageNumber()
        return 0, 0

    def draw(self) -> None:
        return None


def _lines(lines: list) -> ParaLines:
    return ParaLines(kind=1, lines=lines)


def keep_lists(flowables: list[Flowable]) -> list[Flowable]:
    """Lists kept as paragraphs are: never one item alone on either side of a page break (the first two items
    stay together, and the last two), and a paragraph that introduces one (ending with ":") stays with its
    first items. Returns ``flowables``, their keep-with-next flags set."""
    start = 0
    while start < len(flowables):
        end = start
        while end < len(flowables) and getattr(flowables[end], "bulletText", None):
            end += 1
        if end - start >= 2:
            flowables[start].keepWithNext = flowables[end - 2].keepWithNext = True
        if end > start and start and introduces(flowables[start - 1]):
            flowables[start - 1].keepWithNext = True
        start = max(end, start + 1)
    return flowables


def introduces(flowable: Flowable) -> bool:
    """Whether ``flowable`` is a paragraph that ends with a colon (what follows goes with it)."""
    text = getattr(flowable, "text", None)
    return isinstance(flowable, Paragraph) and bool(re.sub(r"<[^>]*>", "", text or "").rstrip().endswith(":"))
