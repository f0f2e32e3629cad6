"""Balanced columns that flow across pages (reportlab's ``BalancedColumns`` shrinks content instead)."""

from __future__ import annotations

from reportlab.platypus import Flowable

Column = list[tuple[Flowable, float]]  # each flowable with its top offset from the column's top


def _fill(content: list[Flowable], width: float, height: float) -> tuple[Column, float, list[Flowable]]:
    """Place flowables from the top of one column; returns the column, its used height, and the rest."""
    placed: Column = []
    rest = list(content)
    used = 0.0
    while rest:
        flowable = rest[0]
        before = flowable.getSpaceBefore() if placed else 0.0
        available = height - used - before
        _, needed = flowable.wrap(width, available)
        if needed <= available + 1e-6:
            room = available - needed - flowable.getSpaceAfter()
            if placed and len(rest) > 1 and flowable.getKeepWithNext() and not _starts(rest[1:], width, room):
                break  # a title never ends a column: it goes on with what it introduces
            placed.append((flowable, used + before))
            used += before + needed + flowable.getSpaceAfter()
            rest.pop(0)
            continue
        parts = flowable.split(width, available) if available > 0 else []
        if parts:
            _, first_height = parts[0].wrap(width, available)
            if first_height <= available + 1e-6:
                placed.append((parts[0], used + before))
                used += before + first_height
                rest[0:1] = parts[1:]
                break
        break
    return placed, min(used, height), rest


def _starts(rest: list[Flowable], width: float, available: float) -> bool:
    """Whether at least the first lines of ``rest[0]`` fit in ``available``, and when it fits whole and is kept
    with the next (an intro, the first item of a list), the first lines of that one too."""
    flowable = rest[0]
    available -= flowable.getSpaceBefore()
    if available <= 0:
        return False
    height = flowable.wrap(width, available)[1]
    if height <= available + 1e-6:
        if flowable.getKeepWithNext() and len(rest) > 1:
            return _starts(rest[1:], width, available - height - flowable.getSpaceAfter())
        return True
    return bool(flowable.split(width, available))


class FlowingColumns(Flowable):
    """Content in ``count`` columns: balanced when it ends on the page, continued on the next otherwise."""

    def __init__(self, content: list[Flowable], count: int, gutter: float):
        super().__init__()
        self.content = content
        self.count = count
        self.gutter = gutter
        self.columns: list[Column] = []
        self._layouts: dict[tuple[float, float], tuple[list[Column], float, list[Flowable]]] = {}

    def forget(self) -> None:
        """Lay the columns out afresh (copy-fitting changed the size of what they hold)."""
        self._layouts.clear()

    def _layout(self, width: float, height: float) -> tuple[list[Column], float, list[Flowable]]:
        """Fill the columns from the top (remembered: the frame asks for the same space more than once)."""
        key = (width, height)
        if key not in self._layouts:
            self._layouts[key] = self._fill_columns(width, height)
        return self._layouts[key]

    def _fill_columns(self, width: float, height: float) -> tuple[list[Column], float, list[Flowable]]:
        column_width = (width - self.gutter * (self.count - 1)) / self.count
        columns: list[Column] = []
        rest, tallest = self.content, 0.0
        for _ in range(self.count):
            column, used, rest = _fill(rest, column_width, height)
            columns.append(column)
            tallest = max(tallest, used)
        return columns, tallest, rest

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        columns, tallest, rest = self._layout(available_width, available_height)
        if not rest:
            # The shortest height that still holds everything (balanced columns), searched on the heights
            # the columns take: where all fits at ``middle``, nothing shorter than they are is left to try.
            holds, low, high = available_height, tallest / self.count, tallest
            while high - low > 4:
                middle = (low + high) / 2
                _, used, left = self._layout(available_width, middle)
                if left:
                    low = middle
                else:
                    holds, high = middle, used
            columns, tallest, _ = self._layout(available_width, holds)  # a height tried: nothing left over
        self.columns = columns
        # More than the space offered tells the frame to call split(): nothing is ever dropped.
        self.height = tallest if not rest else available_height + 1
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        columns, _, rest = self._layout(available_width, available_height)
        if not rest:
            return []
        placed = [flowable for column in columns for flowable, _ in column]
        if not placed:
            return []
        return [FlowingColumns(placed, self.count, self.gutter), FlowingColumns(rest, self.count, self.gutter)]

    def draw(self) -> None:
        column_width = (self.width - self.gutter * (self.count - 1)) / self.count
        for index, column in enumerate(self.columns):
            x = index * (column_width + self.gutter)
            for flowable, top in column:
                _, height = flowable.wrap(column_width, self.height - top)
                flowable.drawOn(self.canv, x, self.height - top - height)
