"""Messages about the user's files: problems found at a field path, and diagnostics that point at file,
line and column (``newsletter.read.locate`` turns the one into the other)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from newsletter.i18n import _

Severity = Literal["error", "warning"]


Loc = tuple[str | int, ...]  # a field path: ("faq", 1, "a") is faq[2].a


@dataclass(frozen=True)
class Problem:
    """What a check finds in one file, located by its field path only (checks never see YAML positions).

    ``at_key`` problems (an unknown key) point at the key itself rather than at its value; ``typed``
    points at that text inside the value (a character the font lacks, in a long multi-line text).
    """

    loc: Loc
    message: str
    hint: str | None = None
    at_key: bool = False
    severity: Severity = "error"
    typed: str | None = None
    rename: str | None = None  # the key meant (``at_key``) or the value meant, certain enough for `check --fix`

    def __repr__(self) -> str:
        return f"Problem({field_path(self.loc)!r}, {self.message!r})"


@dataclass(frozen=True)
class Mend:
    """A line of a file as ``check --fix`` rewrites it: line ``line`` (1-based), which reads ``typed``,
    becomes ``text`` (several lines when a `[…]` list is written as `- ` lines). Only a slip whose fix
    changes no word of a value is mended so."""

    line: int
    typed: str
    text: str


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a user's file.

    ``line`` and ``column`` are 1-based, as editors show them. ``field`` is the path of the
    value inside the file, written the way users read it: ``faq[2].a``.
    """

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    hint: str | None = None
    severity: Severity = "error"
    mend: Mend | None = None  # what `newsletter check --fix` changes to mend it

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def location(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        head = self.location() + ": "
        if self.severity == "warning":
            head += _("warning: ")
        if self.field:
            head += f"{self.field}: "
        text = head + self.message
        hint = self.hint
        if self.mend is not None:
            hint = (
                _("{hint} (`newsletter check --fix` does it)", hint=hint)
                if hint
                else _("`newsletter check --fix` mends it")
            )
        if hint:
            text += "\n    " + _("hint: {hint}", hint=hint)
        return text


class InputError(Exception):
    """Raised when input files cannot be used; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def in_file_order(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Each file's diagnostics by line and column (what concerns the whole file first), the files in the
    order they first come: reading warnings, validation and the checks found them in turn."""
    files: dict[str, int] = {}
    for diagnostic in diagnostics:
        files.setdefault(diagnostic.file, len(files))
    return sorted(diagnostics, key=lambda d: (files[d.file], d.line or 0, d.column or 0))


def as_errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``--strict``: every warning counts as an error."""
    return [dataclasses.replace(d, severity="error") for d in diagnostics]


def field_path(path: Loc) -> str:
    """Render ``("faq", 2, "a")`` as ``faq[2].a`` (indices as users count them: from 1)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text
