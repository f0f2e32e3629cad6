"""Copy-fitting: the journal laid out again, within the layout's ranges, until its pages are right.

A journal prints on one page (a flash for a wall) or on an even number of pages (a multiple of four
for a folded booklet), and no page is more than half empty. The story is built once; what may vary
between layouts of it is held by :class:`Knobs` (space between blocks, picture sizes, the contacts
and hotline on a back page of their own with an optional recap, the share of the front pages used),
read by the flowables when they are measured. Each trial layout only measures (nothing is drawn,
and paragraphs keep their line breaks: ``flow.Para``); the chosen one is drawn once.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from newsletter.model.layout import Fitting

HALF = 0.5  # no page may be more than half empty
# What this module uses of reportlab beyond its documented API (checked by tests/test_dependencies.py).
REPORTLAB_INTERNALS = {"reportlab.platypus.frames.Frame": ("_y", "_y2")}
# Set on the document so that reportlab records what it changes on the story's flowables (multiBuild's way).
REPORTLAB_HOOKS = {"reportlab.platypus.doctemplate.BaseDocTemplate": ("_multiBuildEdits",)}


@dataclass
class Knobs:
    """What copy-fitting may change, read by the flowables each time they are measured."""

    spacing: float = 1.0  # scale of the space between blocks
    images: float = 1.0  # scale of the pictures' size
    back_page: bool = False  # contacts and hotline on a page of their own, at the end
    recap: bool = False  # with the recap of the essentials ("À retenir") when it fits there
    cover: bool = False  # the hotline and the recap on a last page of their own (a booklet's back cover)
    fill: float = 1.0  # share of a front page's height the text may use (with a back page)
    back_start: int = 0  # measured: the page the back page starts on


@dataclass
class Measure:
    """One layout of the story: how full each page is (share of the frame's height)."""

    fills: list[float] = field(default_factory=list)
    back_start: int = 0

    @property
    def pages(self) -> int:
        return len(self.fills)


@dataclass(frozen=True)
class PageRule:
    """The page counts a journal may have: 1, or a multiple of ``step`` (2; 4 for a booklet)."""

    step: int

    def allowed(self, pages: int) -> bool:
        return pages == 1 or pages % self.step == 0

    def next_up(self, pages: int) -> int:
        return pages if self.allowed(pages) else -(-pages // self.step) * self.step

    def next_down(self, pages: int) -> int:
        return max(1, (pages - 1) // self.step * self.step)

    def good(self, measure: Measure) -> bool:
        if measure.pages == 1:
            return True
        return self.allowed(measure.pages) and min(measure.fills) >= HALF

    def badness(self, measure: Measure) -> tuple:
        """What a layout that breaks the rules costs: a page count not allowed, then how far pages are from
        half full."""
        missing = sum(max(0.0, HALF - fill) for fill in measure.fills)
        return (not self.allowed(measure.pages), round(missing, 3), measure.pages)


@dataclass(frozen=True)
class Overflow:
    """A journal that cannot follow the page rule: ``lines`` of text over ``pages`` (the allowed count below
    the one it printed on), at the tightest the layout allows; ``printed`` pages, some ``half_empty``."""

    pages: int
    lines: int
    printed: int
    half_empty: bool


class _MeasuringFrame(Frame):
    """A frame that places flowables without drawing them (a trial layout)."""

    def add(self, flowable, canv, trySplit=0):
        flowable.drawOn = _nothing
        try:
            return super().add(flowable, canv, trySplit)
        finally:
            flowable.__dict__.pop("drawOn", None)


def _nothing(*args, **kwargs) -> None:
    return None


class _MeasuringCanvas(Canvas):
    def save(self) -> None:  # a trial layout writes nothing
        return None


Template = Callable[[io.BytesIO], BaseDocTemplate]


class Fitter:
    """Lays ``story`` out in documents made by ``template`` until the pages follow ``rule``."""

    def __init__(
        self,
        story: list[Flowable],
        knobs: Knobs,
        template: Template,
        frame_height: float,
        rule: PageRule,
        ranges: Fitting,
        forget: Callable[[], None] = lambda: None,
    ):
        self.story = story
        self.knobs = knobs
        self.template = template
        self.frame_height = frame_height
        self.rule = rule
        self.ranges = ranges
        self.forget = forget
        self.tried: list[tuple[Knobs, Measure]] = []

    # --- one layout ------------------------------------------------------------------------------

    def _documents(self, knobs: Knobs, buffer: io.BytesIO, measuring: bool) -> BaseDocTemplate:
        self.forget()
        for name, value in vars(knobs).items():
            setattr(self.knobs, name, value)
        document = self.template(buffer)
        frame_class = _MeasuringFrame if measuring else Frame
        reserve = self.frame_height * (1 - knobs.fill)
        frames = []
        for name, bottom in (("page", reserve), ("back", 0.0)):
            frame = frame_class(
                document.leftMargin,
                document.bottomMargin,
                document.width,
                document.height,
                id=name,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=bottom,
            )
            frames.append(PageTemplate(name, [frame], autoNextPageTemplate=name))
        document.addPageTemplates(frames)
        return document

    def _run(self, knobs: Knobs, canvasmaker, measuring: bool) -> tuple[bytes, Measure]:
        buffer = io.BytesIO()
        document = self._documents(knobs, buffer, measuring)
        measure = Measure()

        def after_page() -> None:
            frame = document.frame
            measure.fills.append((frame._y2 - frame._y) / self.frame_height)

        document.afterPage = after_page
        # What the build changes on the story's flowables (keep-with-next flags, postponed marks), undone
        # after it, as reportlab's own multiBuild does between passes: the next layout starts afresh.
        edits: list[tuple] = []
        document._multiBuildEdits = edits.append
        try:
            document.build(list(self.story), canvasmaker=canvasmaker)
        finally:
            for edit in reversed(edits):
                edit[0](*edit[1:])
        measure.back_start = self.knobs.back_start
        return buffer.getvalue(), measure

    def measure(self, knobs: Knobs) -> Measure:
        for tried, measure in self.tried:
            if tried == knobs:
                return measure
        try:
            _, measure = self._run(replace(knobs, back_start=0), _MeasuringCanvas, measuring=True)
        except LayoutError:  # a block taller than the pages these knobs leave: not a layout to choose
            measure = Measure(fills=[0.0] * 999)
        self.tried.append((knobs, measure))
        return measure

    # --- the search --------------------------------------------------------------------------------

    def choose(self) -> Knobs:
        """The first layout, in the order a layout artist would try them, whose pages follow the rule."""
        natural = Knobs()
        first = self.measure(natural)
        if self.rule.good(first):
            return natural
        for knobs in self._candidates(first):
            if self.rule.good(self.measure(knobs)):
                return knobs
        return min(self.tried, key=lambda tried: self.rule.badness(tried[1]))[0]

    def _candidates(self, first: Measure):
        ranges = self.ranges
        tight = Knobs(spacing=ranges.spacing_min, images=ranges.images_min)
        if first.pages > 1:
            yield tight  # fewer pages: the same text, closer
        for cover in (False, True):
            back = Knobs(back_page=True, recap=ranges.recap, cover=cover)
            yield back
            measure = self.tried[-1][1]
            yield replace(back, spacing=ranges.spacing_max)
            yield from self._spread(back, measure)

    def _spread(self, knobs: Knobs, measure: Measure):
        """Front pages used less than full, so that the text reaches the page count that is allowed."""
        back_pages = measure.pages - measure.back_start + 1 if measure.back_start else 0
        target = self.rule.next_up(measure.pages) - back_pages
        front = measure.fills[: measure.pages - back_pages]
        if target < len(front) or not front:
            return
        low, high = HALF, 1.0  # too many front pages at ``low``, not too many at ``high``
        fill = min(high, max(low, sum(front) / target))
        for _ in range(6):  # halving: a block that moves whole changes the count by steps
            yield replace(knobs, fill=fill)
            result = self.tried[-1][1]
            pages = result.back_start - 1 if result.back_start else result.pages
            if pages > target:
                low = fill
            else:
                high = fill
            fill = (low + high) / 2

    def overflow(self, chosen: Knobs, line: float) -> Overflow | None:
        """How far the text is over the allowed page count below the one printed with ``chosen``, in lines
        of ``line`` height, when that layout does not follow the rule; None when it does."""
        printed = self.measure(chosen)
        if self.rule.good(printed):
            return None
        tightest = self.measure(Knobs(spacing=self.ranges.spacing_min, images=self.ranges.images_min))
        pages = self.rule.next_down(printed.pages)
        over = sum(tightest.fills[pages:]) * self.frame_height
        lines = max(1, math.ceil(over / line - 0.01))
        return Overflow(pages, lines, printed.pages, self.rule.allowed(printed.pages))

    def draw(self, knobs: Knobs, canvasmaker) -> tuple[bytes, int]:
        data, measure = self._run(replace(knobs, back_start=0), canvasmaker, measuring=False)
        return data, measure.pages
