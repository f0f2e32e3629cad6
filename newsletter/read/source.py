"""A file as read: its tree of texts and where each part of it was typed; or, for a file with slips, the
slips and what could be read of the rest of it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from newsletter.errors import Diagnostic, InputError


@dataclass
class Source:
    """A parsed YAML file: its tree of texts, and where each part of it was typed."""

    file: str
    data: Any
    marks: dict[tuple, tuple[int, int]]
    key_marks: dict[tuple, tuple[int, int]]
    warnings: list[Diagnostic]
    lines: list[str] = dataclasses.field(default_factory=list)  # the file's text, line by line
    # A tree read around slips (see ``SlipsFound``): the lines (1-based) of the slips and of what was set
    # aside to read on, whose values the tree lacks or holds wrongly, and where each error is (line, column).
    set_aside: frozenset[int] = frozenset()
    slips: frozenset[tuple[int, int]] = frozenset()

    def position(self, path: tuple) -> tuple[int | None, int | None]:
        """Position of path, or of its nearest ancestor that has one (used for 'missing key' errors)."""
        for length in range(len(path), -1, -1):
            mark = self.marks.get(tuple(path[:length]))
            if mark is not None:
                return mark
        return None, None

    def position_in(self, path: tuple, typed: str) -> tuple[int | None, int | None]:
        """Where ``typed`` first appears in the value at ``path``, which may span several lines; the
        value's start when it is not typed as such (written as an escape, like ``\\u4e2d``)."""
        line, column = self.position(path)
        if line is None or column is None:
            return line, column
        # The value ends where the next one starts (a key's text, or the next item of a list).
        end = min(
            (mark for mark in [*self.marks.values(), *self.key_marks.values()] if mark > (line, column)),
            default=(len(self.lines) + 1, 1),
        )
        for number in range(line, min(end[0], len(self.lines)) + 1):
            text = self.lines[number - 1][: end[1] - 1] if number == end[0] else self.lines[number - 1]
            found = text.find(typed, column - 1 if number == line else 0)
            if found >= 0:
                return number, found + 1
        return line, column


class SlipsFound(InputError):
    """The problems of a file YAML misreads (``diagnostics``), with ``recovered``: the tree read around
    them (None when the reading could not go to the file's end), so that the keys and values of the rest
    of the file are checked in the same run."""

    def __init__(self, diagnostics: list[Diagnostic], recovered: Source | None):
        super().__init__(diagnostics)
        self.recovered = recovered
