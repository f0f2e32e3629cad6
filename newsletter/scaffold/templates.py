"""The files `init` and `new` write, read from ``newsletter/data/templates/`` and filled in.

The templates are the files as the team reads them (in French, see the folder's README); the words
starting with ``$`` are filled in with :class:`string.Template`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from string import Template

TEMPLATES_DIR = Path(__file__).parents[1] / "data" / "templates"

# The fields of an issue written anew each time: placeholders in issue.yaml, never copied from the latest issue.
ONE_OFF = ("headline", "lead", "essentials")


def template(name: str) -> str:
    """The text of a template file, as it is in the folder."""
    return (TEMPLATES_DIR / name).read_text(encoding="utf-8")


def filled(name: str, **values: str) -> str:
    """The template ``name`` with its ``$`` words replaced; ``$usage`` is always the lines of usage.txt."""
    return Template(template(name)).substitute(usage=template("usage.txt").removesuffix("\n"), **values)


def issue_file_text(number: int, date: dt.date, origin: str = "") -> str:
    """Issue ``number`` as issue.yaml gives it; ``origin``, if any, says which issue it is prepared from."""
    return filled(
        "issue.yaml",
        number=str(number),
        date=date.isoformat(),
        next_issue=(date + dt.timedelta(days=7)).isoformat(),
        origin=f" ({origin})" if origin else "",
    )
