"""The one place where a problem found at a field path becomes a diagnostic at ``file:line:column``."""

from __future__ import annotations

from typing import Any

from newsletter.errors import Diagnostic, Loc, Mend, Problem, field_path
from newsletter.read import Source
from newsletter.read.resume import entry_lines


def locate(problem: Problem, source: Source) -> Diagnostic:
    """Where ``problem`` is in the file ``source`` was read from: at its value (or at its key, or at the
    text it names inside the value), with the field path as users read it (``faq[2].a``)."""
    if problem.typed is not None:
        line, column = source.position_in(problem.loc, problem.typed)
    else:
        line, column = source.position(problem.loc)
        if problem.at_key:
            line, column = source.key_marks.get(problem.loc, (line, column))
    return Diagnostic(
        source.file,
        problem.message,
        line,
        column,
        field_path(problem.loc) or None,
        problem.hint,
        problem.severity,
        _renamed(problem, source, line, column),
    )


def _renamed(problem: Problem, source: Source, line: int | None, column: int | None) -> Mend | None:
    """The line with the key (or the value) meant in its place, when it is typed as such (not in quotes;
    a value alone on its line)."""
    if problem.rename is None or line is None or column is None or not problem.loc:
        return None
    typed = source.lines[line - 1]
    word = str(problem.loc[-1]) if problem.at_key else typed[column - 1 :].split(" #")[0].rstrip()
    if typed[column - 1 : column - 1 + len(word)] != word or not (problem.at_key or word.isalpha()):
        return None
    return Mend(line, typed, typed[: column - 1] + problem.rename + typed[column - 1 + len(word) :])


def locate_all(problems: list[Problem], source: Source) -> list[Diagnostic]:
    return [locate(problem, source) for problem in problems]


def beside_slips(problems: list[Problem], source: Source) -> list[Diagnostic]:
    """The problems of a tree read around syntax slips (``source.set_aside``), located, but for those that
    only follow from a slip: a key whose line was set aside is not missing, a value holding such a line is
    not empty or wrong, and the slip's own line is already reported."""
    found = []
    for problem in problems:
        diagnostic = locate(problem, source)
        if not _follows_from_slip(problem, diagnostic, source):
            found.append(diagnostic)
    return found


def _follows_from_slip(problem: Problem, diagnostic: Diagnostic, source: Source) -> bool:
    aside, line, column = source.set_aside, diagnostic.line, diagnostic.column
    name = str(problem.loc[-1]) if problem.loc else ""
    if problem.loc not in source.marks and any(_types_key(source.lines[n - 1], name) for n in aside):
        return True  # a key missing because its line was set aside
    if line is None or column is None:
        return False
    if problem.at_key:  # a key is wrong whatever its value holds, unless the slip is in the key itself
        return any(at == line and column <= where <= column + len(name) for at, where in source.slips)
    if _is_empty(source.data, problem.loc) and _next_content_line(source.lines, line) in aside:
        return True  # a value left empty when what was typed under it was set aside (indented with a tab)
    return any(n - 1 in entry_lines(source.lines, line - 1) for n in aside)


def _is_empty(data: Any, loc: Loc) -> bool:
    """Whether the value at ``loc`` in the tree is there and empty (nothing, or blank text)."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return False
    return data is None or (isinstance(data, str) and not data.strip())


def _next_content_line(lines: list[str], line: int) -> int | None:
    """The number (1-based) of the first line after ``line`` that is neither blank nor a comment."""
    for number in range(line + 1, len(lines) + 1):
        if lines[number - 1].strip() and not lines[number - 1].lstrip().startswith("#"):
            return number
    return None


def _types_key(line: str, name: str) -> bool:
    """Whether ``line`` starts with the key ``name``, then its colon or a space (the colon forgotten)."""
    typed = line.lstrip(_BLANKS + "-").lstrip("\"'")  # `"on":` too
    after = typed[len(name) : len(name) + 1]
    return bool(name) and typed.startswith(name) and after in _BLANKS + ":\"'"  # `date 2021-02-05` too


_BLANKS = " \t\u00a0\u202f"
