"""The numbering of a series: no number skipped, dates moving forward with the numbers.

A skipped number or a date going backwards is a warning: it may be deliberate, but is usually a
slip. (Two issues with one number is an error reported by ``model.load.load_workspace`` itself, since
every command that picks an issue by number relies on numbers being unique.)
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from newsletter.errors import Problem
from newsletter.i18n import _
from newsletter.model.formats import Issue
from newsletter.model.load import Loaded
from newsletter.paths import display_path


def numbering_problems(issues: list[Loaded[Issue]], root: Path) -> list[tuple[Loaded[Issue], Problem]]:
    """Warnings about the whole series (``issues``: every issue of the folder), each with its issue."""
    first_with: dict[int, Loaded[Issue]] = {}
    for item in sorted(issues, key=lambda item: (item.model.number, item.path.name)):
        first_with.setdefault(item.model.number, item)
    series = list(first_with.values())
    found = []
    for previous, current in pairwise(series):
        before, after = previous.model, current.model
        if after.number > before.number + 1:
            if after.number == before.number + 2:
                missing = _("n° {number}", number=before.number + 1)
            else:
                missing = _("n° {first} to {last}", first=before.number + 1, last=after.number - 1)
            found.append(
                _at(
                    current,
                    "number",
                    _(
                        "no issue {missing} between {path} (n° {before}) and this one (n° {after})",
                        missing=missing,
                        path=display_path(previous.path, root),
                        before=before.number,
                        after=after.number,
                    ),
                    _("check the number, or add the missing issue"),
                )
            )
        if after.date < before.date:
            found.append(
                _at(
                    current,
                    "date",
                    _(
                        "dated {date}, before issue n° {number} ({earlier}, {path})",
                        date=after.date.isoformat(),
                        number=before.number,
                        earlier=before.date.isoformat(),
                        path=display_path(previous.path, root),
                    ),
                    _("check the date and the number: a later issue has a later date"),
                )
            )
    return found


def _at(item: Loaded[Issue], key: str, message: str, hint: str) -> tuple[Loaded[Issue], Problem]:
    return item, Problem((key,), message, hint, severity="warning")
