"""Reading the workspace's files into validated models, with every problem located in its file.

Validation errors from pydantic are turned into :class:`Diagnostic` messages that name the file,
line, column and field, say what is expected, and suggest a fix.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, InputError, field_path
from .formats import Issue, Publication
from .yamlreader import Source, read_yaml

Model = TypeVar("Model", bound=BaseModel)

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
        instance = model.model_validate(source.data)
    except ValidationError as error:
        return None, _in_file_order(source.warnings + translate_errors(error, model, source))
    return Loaded(instance, path, source), list(source.warnings)


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


# --- pydantic errors in the users' words -------------------------------------------------------

def translate_errors(error: ValidationError, model: type[BaseModel], source: Source) -> list[Diagnostic]:
    diagnostics = []
    for item in error.errors(include_url=False):
        loc = _clean_loc(item["loc"])
        diagnostics.append(_diagnostic(item, loc, model, source))
    return diagnostics


def _clean_loc(loc: tuple) -> tuple:
    """Drop the validator names pydantic inserts (``function-before[...]``) from a location."""
    return tuple(part for part in loc if isinstance(part, int) or "[" not in part)


def _diagnostic(item: dict, loc: tuple, model: type[BaseModel], source: Source) -> Diagnostic:
    kind = item["type"]
    field = field_path(loc)
    line, column = source.position(loc)
    hint = None
    if kind == "missing":
        name = loc[-1]
        message = f"the required key `{name}` is missing"
        hint = f"add a line `{name}: ...`" + (f" inside `{field_path(loc[:-1])}`" if len(loc) > 1 else "")
    elif kind == "extra_forbidden":
        line, column = source.key_marks.get(loc, (line, column))
        name = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        message = f"unknown key `{name}`"
        close = difflib.get_close_matches(name.lower(), allowed, n=1, cutoff=0.6)
        if close:
            hint = f"did you mean `{close[0]}`?"
        else:
            hint = "the keys allowed here are: " + ", ".join(allowed)
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        message = f"expected a group of `key: value` lines, found {_describe(item['input'])}"
        hint = "indent the keys under this one, each on its own line"
    elif kind == "list_type":
        message = f"expected a list, found {_describe(item['input'])}"
        hint = "write each entry on its own line starting with `- `"
    elif kind == "string_type":
        message = f"expected text, found {_describe(item['input'])}"
        hint = "write the text on the same line as the key, in quotes if it contains ': ' or ' #'"
    elif kind == "literal_error":
        expected = item.get("ctx", {}).get("expected", "")
        message = f"expected one of {expected}; found {item['input']!r}"
        choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",") if c.strip(" '")]
        close = difflib.get_close_matches(str(item["input"]).strip().lower(), choices, n=1, cutoff=0.5)
        hint = f"did you mean `{close[0]}`?" if close else None
    elif kind == "bool_parsing":
        message = f"expected true or false; found {item['input']!r}"
    else:
        message = item["msg"]
        hint = _HINTS.get(kind)
    return Diagnostic(source.file, message, line, column, field or None, hint)


_HINTS = {
    "empty_text": "write the text, or remove the line",
    "date_format": "write the date as year-month-day, e.g. 2021-02-05",
    "date_impossible": "check the month and day",
    "time_format": "write the time as hours:minutes in quotes, e.g. \"17:30\"",
    "positive_number": "write the issue number as digits only, e.g. number: 3",
}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of `key: value` lines"
    return f"the text {value!r}"


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys of the model found at ``loc`` (walking nested models and lists)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        current = _model_in(current.model_fields[part].annotation)
        if current is None:
            return []
    return list(current.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
