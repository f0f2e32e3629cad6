"""Reading the workspace's files into validated models, with every problem located in its file.

Each problem the declarations find (see ``declare``) becomes a :class:`Diagnostic` that names the
file, line, column and field, says what is expected, and suggests a fix.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from newsletter.model.declare import Invalid, Problem, Record
from newsletter.errors import Diagnostic, InputError, field_path
from newsletter.model.formats import Issue, Publication
from newsletter.read import Source, read_yaml

Model = TypeVar("Model", bound=Record)

PUBLICATION_FILE = "publication.yaml"


@dataclass(frozen=True)
class Loaded(typing.Generic[Model]):
    """A validated model with the file it came from (for locating later warnings)."""

    model: Model
    path: Path
    source: Source


@dataclass
class Workspace:
    """The team's folder: ``issues/publication.yaml``, ``issues/NNN.yaml``, ``layouts/``, ``assets/``."""

    root: Path
    publication: Loaded[Publication] | None = None
    issues: list[Loaded[Issue]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def issues_dir(self) -> Path:
        return self.root / "issues"

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def issue(self, number: int) -> Loaded[Issue] | None:
        return next((item for item in self.issues if item.model.number == number), None)


def display_path(path: Path, root: Path) -> str:
    """The path as the user should read it: relative to the workspace when possible."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def load_model(model: type[Model], path: Path, root: Path) -> tuple[Loaded[Model] | None, list[Diagnostic]]:
    """Read and validate one file; never raises for bad input."""
    display = display_path(path, root)
    try:
        source = read_yaml(path, display)
    except InputError as error:
        return None, error.diagnostics
    except OSError as error:
        return None, [Diagnostic(display, f"cannot read the file: {error.strerror or error}")]
    try:
        instance = model.parse(source.data)
    except Invalid as error:
        return None, _in_file_order(source.warnings + [_located(problem, source) for problem in error.problems])
    return Loaded(instance, path, source), list(source.warnings)


def _located(problem: Problem, source: Source) -> Diagnostic:
    line, column = source.position(problem.loc)
    if problem.at_key:
        line, column = source.key_marks.get(problem.loc, (line, column))
    return Diagnostic(source.file, problem.message, line, column, field_path(problem.loc) or None, problem.hint)


def _in_file_order(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.line or 0, d.column or 0))


def issue_files(issues_dir: Path) -> list[Path]:
    """The issue files of a folder: every ``*.yaml`` except the publication, in name order."""
    if not issues_dir.is_dir():
        return []
    return sorted(p for p in issues_dir.glob("*.yaml") if p.name != PUBLICATION_FILE)


def load_workspace(root: Path, paths: list[Path] | None = None) -> Workspace:
    """Load the publication and the issues (all of them, or ``paths``), collecting every problem."""
    workspace = Workspace(root)
    publication_path = workspace.issues_dir / PUBLICATION_FILE
    if publication_path.is_file():
        workspace.publication, found = load_model(Publication, publication_path, root)
        workspace.diagnostics += found
    else:
        workspace.diagnostics.append(Diagnostic(
            display_path(publication_path, root), "the publication file is missing",
            hint="run `newsletter init` to create a workspace, or use --root to point at one",
        ))
    for path in paths if paths is not None else issue_files(workspace.issues_dir):
        loaded, found = load_model(Issue, path, root)
        workspace.diagnostics += found
        if loaded is not None:
            workspace.issues.append(loaded)
    workspace.issues.sort(key=lambda item: item.model.number)
    workspace.diagnostics += _duplicate_numbers(workspace.issues, root)
    return workspace


def _duplicate_numbers(issues: list[Loaded[Issue]], root: Path) -> list[Diagnostic]:
    """Two files with the same number would print two different issues under one number."""
    first_with: dict[int, Loaded[Issue]] = {}
    found = []
    for item in issues:
        number = item.model.number
        if number in first_with:
            line, column = item.source.position(("number",))
            found.append(Diagnostic(
                item.source.file, f"issue number {number} is already used by "
                f"{display_path(first_with[number].path, root)}", line, column, "number",
                "give each issue its own number (the next one, usually)",
            ))
        else:
            first_with[number] = item
    return found
