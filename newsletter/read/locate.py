"""The one place where a problem found at a field path becomes a diagnostic at ``file:line:column``."""

from __future__ import annotations

from newsletter.errors import Diagnostic, Mend, Problem, field_path
from newsletter.read import Source


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
    """The key's line with the key meant in its place, when the key is typed as such (not in quotes)."""
    if problem.rename is None or line is None or column is None or not problem.loc:
        return None
    typed, key = source.lines[line - 1], str(problem.loc[-1])
    if typed[column - 1 : column - 1 + len(key)] != key:
        return None
    return Mend(line, typed, typed[: column - 1] + problem.rename + typed[column - 1 + len(key) :])


def locate_all(problems: list[Problem], source: Source) -> list[Diagnostic]:
    return [locate(problem, source) for problem in problems]
