"""The one place where a problem found at a field path becomes a diagnostic at ``file:line:column``."""

from __future__ import annotations

from newsletter.errors import Diagnostic, Problem, field_path
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
        source.file, problem.message, line, column, field_path(problem.loc) or None, problem.hint, problem.severity
    )


def locate_all(problems: list[Problem], source: Source) -> list[Diagnostic]:
    return [locate(problem, source) for problem in problems]
