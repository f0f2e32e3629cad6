"""Every syntax slip of a file in one run: YAML stops at the first one, so the reading goes on after it.

Each slip found is set aside in a copy of the text: the entry it is in (its line and the lines below it
that are indented more) keeps its ``key:`` and loses its value, and the copy is read again, up to the
next slip. When the copy still stops inside what was set aside, or above it, the new stop follows from
the slip already reported (or from setting it aside): it is not reported, and more is set aside
instead: the entry's lines whole, then the whole top-level block it is in. The line numbers never change,
so every later problem is reported where it was typed. The last copy, read to its end, is the tree
of the rest of the file, whose keys and values are then checked too (``newsletter.read.locate.beside_slips``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from newsletter.errors import Diagnostic, InputError
from newsletter.read.slips import block_line, indentation

MAX_SYNTAX_ERRORS = 20  # per file: past that, the file is not what a user typed by hand
READING_BUDGET = 3_000_000  # characters read again in all, per file: a few seconds at most, in pure Python
_WIDEST = 3  # set aside: 1 the entry's value, 2 the entry's lines, 3 the top-level block around it


class Reading(Protocol):
    """What a reading of the text found (``tree.Reading``): every problem, and the syntax error YAML
    stopped on, explained (None when it read the text to its end)."""

    errors: list[Diagnostic]
    warnings: list[Diagnostic]
    syntax_error: Diagnostic | None


R = TypeVar("R", bound=Reading)


@dataclass
class Resumed(Generic[R]):
    """Every problem of the text, and the reading of the copy with every slip set aside when it went to the
    text's end (``last``), with the lines (0-based) set aside in that copy."""

    diagnostics: list[Diagnostic]
    last: R | None
    set_aside: set[int]


@dataclass
class _SetAside:
    """Lines ``start`` to ``end`` (0-based, end excluded) of the text, set aside after a slip at ``start``."""

    start: int
    end: int
    width: int = 1

    def covers(self, line: int) -> bool:
        return self.start <= line < self.end


def read_on(text: str, first: R, read: Callable[[str], R]) -> Resumed[R]:
    """Every problem of ``text``, whose first reading stopped on a syntax error (``first.syntax_error``):
    ``read`` reads an edited copy of the text the same way."""
    lines = text.split("\n")
    found = dict.fromkeys(first.errors + first.warnings)
    if first.syntax_error is None or first.syntax_error.line is None:
        return Resumed(list(found), None, set())
    set_aside = [_entry(lines, first.syntax_error.line - 1)]
    slips = 1
    last = None
    for _ in range(min(MAX_SYNTAX_ERRORS * _WIDEST, READING_BUDGET // len(text))):
        edited = _edited(lines, set_aside)
        try:
            reading = read("\n".join(edited))
        except InputError as error:  # a tree nested too deep: nothing more is read
            found.update(dict.fromkeys(d for d in error.diagnostics if not _inside(d, set_aside)))
            break
        stop = reading.syntax_error
        if stop is not None and stop.line is not None and stop.line - 1 < set_aside[-1].end:
            if not _widen(edited, set_aside[-1]):
                break  # what follows cannot be read on from here
            continue
        found.update(dict.fromkeys(d for d in reading.errors + reading.warnings if not _inside(d, set_aside)))
        if stop is None:
            last = reading
            break
        slips += 1
        if stop.line is None or slips == MAX_SYNTAX_ERRORS:
            break
        set_aside.append(_entry(edited, stop.line - 1))
    return Resumed(list(found), last, {line for part in set_aside for line in range(part.start, part.end)})


def _inside(diagnostic: Diagnostic, set_aside: list[_SetAside]) -> bool:
    return diagnostic.line is not None and any(part.covers(diagnostic.line - 1) for part in set_aside)


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _entry(lines: list[str], start: int) -> _SetAside:
    entry = entry_lines(lines, start)
    return _SetAside(entry.start, entry.stop)


def entry_lines(lines: list[str], start: int) -> range:
    """The entry typed from line ``start`` (0-based): that line and the lines below it indented more than its
    key (or, for a line with no key, more than the line itself), up to the next key of the same or an outer
    level. A line indented with tabs or no-break spaces is indented too: that is what was meant."""
    parts = block_line(lines[start])
    level = parts.start("key") if parts["key"] else indentation(lines[start])
    end = start + 1
    while end < len(lines) and not (_is_content(lines[end]) and len(lines[end]) - len(lines[end].lstrip()) <= level):
        end += 1
    return range(start, end)


def _widen(lines: list[str], part: _SetAside) -> bool:
    """Set more aside; whether there was more to set aside."""
    if part.width == _WIDEST:
        return False
    part.width += 1
    if part.width == _WIDEST:
        while part.start > 0 and not (_is_content(lines[part.start]) and indentation(lines[part.start]) == 0):
            part.start -= 1
        part.end = max(part.end, part.start + 1)
        while part.end < len(lines) and not (_is_content(lines[part.end]) and indentation(lines[part.end]) == 0):
            part.end += 1
    return True


def _edited(lines: list[str], set_aside: list[_SetAside]) -> list[str]:
    """``lines`` with each part set aside: blank lines, but for the ``key:`` (or ``-``) of a part's first
    line while only its value is set aside."""
    edited = list(lines)
    for part in set_aside:
        for number in range(part.start, part.end):
            edited[number] = ""
        if part.width == 1:
            parts = block_line(lines[part.start])
            head = parts.end("key") + 1 if parts["key"] else parts.end("dashes")
            edited[part.start] = lines[part.start][:head].rstrip()
    return edited
