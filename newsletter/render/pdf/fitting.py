"""Copy-fitting: the journal laid out again, within the layout's ranges, until its pages are right.

A journal prints on one page (a flash for a wall) or on an even number of pages (a multiple of four
for a folded booklet), and no page is more than half empty. The story is built once; what may vary
between layouts of it is held by :class:`Knobs` (space between blocks, picture sizes, the contacts
and hotline on a back page of their own with an optional recap, the share of the front pages used, the
sections that start a new page), read by the flowables when they are measured. The search goes round by
round, as a layout artist would (:meth:`Fitter.choose`), and stops at the first layout whose pages are all
well filled, else after the first round that found one whose pages are all fair, taking the best found.
Each trial layout only measures (nothing is drawn, and paragraphs keep their line breaks: ``flow.Para``);
the chosen one is drawn once.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from newsletter.model.layout import Fitting

HALF = 0.5  # no page may be more than half empty
WELL_FILLED = 0.75  # a layout with every page at least this full is taken at once
FAIR = 0.65  # a round of tries that found a layout with every page at least this full is the last
MAX_BREAKS = 2  # sections started on a new page to spread an issue, at most
TAILS = 3  # the best layouts whose last page of text may take more from the pages before it
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
    fill: float = 1.0  # share of a front page's height the text may use (with a back page), but the first's
    tail: float = 1.0  # share of the last front pages' height the text may use, from the page ``tail_from``
    tail_from: int = 0
    breaks: frozenset[int] = frozenset()  # the sections (their place in the layout) that start a new page
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

    def good(self, measure: Measure, least: float = HALF) -> bool:
        """An allowed count of pages, none under ``least`` full (one page: always)."""
        if measure.pages == 1:
            return True
        return self.allowed(measure.pages) and min(measure.fills) >= least

    def well_filled(self, measure: Measure) -> bool:
        """Good, and no page with more than a quarter of white under its text (the eye sees a hole)."""
        return self.good(measure, WELL_FILLED)

    def evenness(self, measure: Measure) -> tuple[float, ...]:
        """To compare good layouts: the emptiest page's fill, then the next one's … (to the nearest 5 %)."""
        return tuple(sorted(round(min(fill, 1.0) * 20) / 20 for fill in measure.fills))

    def rank(self, measure: Measure) -> tuple:
        """To compare layouts, the best highest: those that follow the rule by their evenness, then the others
        by how little they break it."""
        if self.good(measure):
            return (True, self.evenness(measure))
        return (False, tuple(-value for value in self.badness(measure)))

    def badness(self, measure: Measure) -> tuple:
        """What a layout that breaks the rules costs: a page count not allowed, then how far pages are from
        half full."""
        missing = sum(max(0.0, HALF - fill) for fill in measure.fills)
        return (not self.allowed(measure.pages), round(missing, 3), measure.pages)


@dataclass(frozen=True)
class Overflow:
    """A journal that cannot follow the page rule: ``lines`` of text over ``pages`` (the allowed count below
    the one it printed on), at the tightest the layout allows; ``printed`` pages, ``half_empty`` of them less
    than half full (none when the count itself is not allowed)."""

    pages: int
    lines: int
    printed: int
    half_empty: int


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
        sections: frozenset[int] = frozenset(),
    ):
        self.story = story
        self.knobs = knobs
        self.template = template
        self.frame_height = frame_height
        self.rule = rule
        self.ranges = ranges
        self.forget = forget
        self.sections = sections  # the sections that may start a new page (``Knobs.breaks``)
        self.tried: list[tuple[Knobs, Measure]] = []

    # --- one layout ------------------------------------------------------------------------------

    def _documents(self, knobs: Knobs, buffer: io.BytesIO, measuring: bool) -> BaseDocTemplate:
        self.forget()
        for name, value in vars(knobs).items():
            setattr(self.knobs, name, value)
        document = self.template(buffer)
        frame_class = _MeasuringFrame if measuring else Frame
        frames = []
        for name in ("page", "back"):
            frame = frame_class(
                document.leftMargin,
                document.bottomMargin,
                document.width,
                document.height,
                id=name,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
            reserve = partial(self._reserve, knobs, frame) if name == "page" else _nothing
            frames.append(PageTemplate(name, [frame], onPage=reserve, autoNextPageTemplate=name))
        document.addPageTemplates(frames)
        return document

    def _reserve(self, knobs: Knobs, frame: Frame, canvas: Canvas, document: BaseDocTemplate) -> None:
        """The white left under the text of a front page: none on the first (what is spread is the text
        inside, not the front page's top story), ``1 - fill`` of the height on the next ones, ``1 - tail`` from
        the page ``tail_from``."""
        page = document.page
        fill = 1.0 if page == 1 else knobs.tail if knobs.tail_from and page >= knobs.tail_from else knobs.fill
        frame.bottomPadding = self.frame_height * (1 - fill)

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
        """The first layout, in the order a layout artist would try them, whose pages are all well filled;
        else, after the first round of tries that found one whose pages are all fair, the one whose emptiest
        page is fullest among those that follow the rule (the first of equals); else the one that breaks it
        least."""
        natural = Knobs()
        first = self.measure(natural)
        if self.rule.well_filled(first):
            return natural
        for tries in self._rounds(first):
            for knobs in tries:
                if self.rule.well_filled(self.measure(knobs)):
                    return knobs
            if any(self.rule.good(measure, FAIR) for _, measure in self.tried):
                break  # each round costs more layouts than the one before: enough
        return max(self.tried, key=lambda tried: self.rule.rank(tried[1]))[0]

    def _rounds(self, first: Measure):
        """The layouts to try, round by round: the text closer, or a back page with the text closer, as it is
        or looser (the white shared between the blocks); then sections started on a new page (with the back
        page as it is); then the front pages used less than full; then the last page of text taking more from
        the pages before it."""
        ranges = self.ranges
        bases = []
        for cover in (False, True):
            back = Knobs(back_page=True, recap=ranges.recap, cover=cover)
            bases += [back, replace(back, spacing=ranges.spacing_min, images=ranges.images_min)]
            bases.append(replace(back, spacing=ranges.spacing_max))
        tight = Knobs(spacing=ranges.spacing_min, images=ranges.images_min)
        yield ([tight] if first.pages > 1 else []) + bases
        yield self._breaks(bases[0])
        yield (knobs for base in self._distinct(bases) for knobs in self._spread(base, self.measure(base)))
        yield self._tails()

    def _tails(self):
        """Where the best layouts so far leave little on the last page before the back page (the end of the
        text moved there whole): the few pages before it filled less, so that it takes more."""
        ranked = sorted(self.tried, key=lambda tried: self.rule.rank(tried[1]), reverse=True)
        found = [tried for tried in ranked if self.rule.allowed(tried[1].pages) and tried[1].pages > 2]
        for knobs, measure in found[:TAILS]:
            last = (measure.back_start or measure.pages + 1) - 1  # the last page of text (from 1)
            if measure.fills[last - 1] >= HALF or knobs.tail_from:
                continue
            missing = HALF + 0.1 - measure.fills[last - 1]
            for pages in range(1, min(4, last - 2) + 1):
                yield replace(knobs, tail=knobs.fill - missing / pages, tail_from=last - pages)

    def _distinct(self, bases: list[Knobs]):
        """The knobs whose layouts differ from those of the knobs before them (a cover with nothing to take
        changes nothing)."""
        seen: list[list[float]] = []
        for knobs in bases:
            fills = self.measure(knobs).fills
            if fills not in seen:
                seen.append(fills)
                yield knobs

    def _breaks(self, knobs: Knobs):
        """Sections started on a new page, as a layout artist spreads an issue over more pages: the one that
        gives the best pages, then, unless they are all fair, one more with it."""
        for _ in range(MAX_BREAKS):
            trials = []
            for index in sorted(self.sections - knobs.breaks):
                trial = replace(knobs, breaks=knobs.breaks | {index})
                yield trial
                trials.append((trial, self.measure(trial)))
            if not trials:
                return
            knobs, best = max(trials, key=lambda tried: self.rule.rank(tried[1]))
            if self.rule.good(best, FAIR):
                return

    def _spread(self, knobs: Knobs, measure: Measure):
        """Front pages used less than full, so that the text reaches the page count that is allowed."""
        back_pages = measure.pages - measure.back_start + 1 if measure.back_start else 0
        target = self.rule.next_up(measure.pages) - back_pages
        front = measure.fills[: measure.pages - back_pages]
        if target < len(front) or not front:
            return
        low, high = HALF, 1.0  # too many front pages at ``low``, not too many at ``high``
        fill = min(high, max(low, sum(front) / target))
        for _ in range(5):  # halving: a block that moves whole changes the count by steps
            trial = replace(knobs, fill=fill)
            yield trial
            result = self.measure(trial)
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
        pages = self.rule.next_down(tightest.pages)
        over = sum(tightest.fills[pages:]) * self.frame_height
        lines = max(1, math.ceil(over / line - 0.01))
        half_empty = sum(fill < HALF for fill in printed.fills) if self.rule.allowed(printed.pages) else 0
        return Overflow(pages, lines, printed.pages, half_empty)

    def draw(self, knobs: Knobs, canvasmaker) -> tuple[bytes, int]:
        data, measure = self._run(replace(knobs, back_start=0), canvasmaker, measuring=False)
        return data, measure.pages
