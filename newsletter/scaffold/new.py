"""`newsletter new`: the next issue's file, with the next free number and what recurs copied from the latest issue.

What recurs (the situation, the tools' status, the instructions, the contacts, the poster's
instructions) is copied exactly as typed, under a note asking to update it; what is written anew
each time (headline, lead, essentials) is left as placeholders for ``check`` to report.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from string import Template
from typing import Any

import yaml

from newsletter.errors import Diagnostic, InputError
from newsletter.files import write_atomic
from newsletter.i18n import _
from newsletter.model.formats import Issue
from newsletter.model.load import Loaded, issue_files, load_workspace
from newsletter.paths import display_path
from newsletter.scaffold.init import Created
from newsletter.scaffold.schemas import for_editors, write_schemas
from newsletter.scaffold.templates import ONE_OFF, issue_file_text, template

# What recurs from one issue to the next: copied, to update (the edition too, its step moved on).
RECURRING = ("situation", "status", "do", "dont", "tips", "contacts", "poster")


def new_issue(root: Path, date: dt.date | None, today: dt.date | None = None) -> Created:
    """``issues/NNN.yaml`` with the next free number, prefilled from the latest issue, dated ``date``; with
    no date, the one the latest issue announced as its next (staff were told it), else ``today``."""
    workspace = load_workspace(root)
    if workspace.errors:
        raise InputError(
            [
                *workspace.errors,
                Diagnostic(
                    display_path(workspace.issues_dir, root),
                    _("no new issue was created: fix the errors above first"),
                    hint=_("the new issue is copied from the latest one, which must be readable"),
                ),
            ]
        )
    numbers = [item.model.number for item in workspace.issues]
    numbers += [int(p.stem) for p in issue_files(workspace.issues_dir) if p.stem.isdecimal()]
    number = max(numbers, default=0) + 1
    path = workspace.issues_dir / f"{number:03d}.yaml"
    latest = workspace.issues[-1] if workspace.issues else None
    announced = latest.model.next_issue if latest is not None and date is None else None
    date = date or announced or today or dt.date.today()
    write_atomic(path, for_editors("issue", workspace.issues_dir, issue_text(number, date, latest)).encode("utf-8"))
    write_schemas(workspace.issues_dir)  # the schema the first line names, for the tool's version in use
    return Created(
        [path], number, latest.model.number if latest else None, tuple(recurring(latest)), ONE_OFF, announced
    )


def recurring(latest: Loaded[Issue] | None) -> dict[str, Any]:
    """What the next issue takes from ``latest``, as typed: the sections that recur (the poster's headline does not)."""
    previous = latest.source.data if latest else {}
    found = {key: previous[key] for key in RECURRING if previous.get(key)}
    if isinstance(found.get("poster"), dict):
        found["poster"] = {key: value for key, value in found["poster"].items() if key in ("do", "dont") and value}
    return {key: value for key, value in found.items() if value}


def issue_text(number: int, date: dt.date, latest: Loaded[Issue] | None) -> str:
    """The commented file of issue ``number``; with ``latest``, what recurs is copied from it to update."""
    if latest is None:
        return issue_file_text(number, date)
    notes = {
        name: Template(text).substitute(previous=latest.model.number)
        for name, text in yaml.safe_load(template("copied-notes.yaml")).items()
    }
    sections = {key: f"# {notes['copied']}\n{_yaml(key, value)}" for key, value in recurring(latest).items()}
    edition = latest.source.data.get("edition")
    if edition:
        edition = _next_edition(edition, latest.model.number, number)
        sections["edition"] = f"# {notes['edition']}\n{_yaml('edition', edition)}"
    return _with_sections(issue_file_text(number, date, origin=notes["origin"]), sections)


# The first line of a section's YAML, commented out or not: `do:`, `# news:`.
_SECTION_KEY = re.compile(r"^(?:# )?([a-z_]+):", re.MULTILINE)


def _with_sections(text: str, bodies: dict[str, str]) -> str:
    """``text`` with the YAML of each section in ``bodies`` replaced, after its comment lines.

    Sections are separated by an empty line (the template's examples use ``#`` for theirs).
    """
    sections = text.removesuffix("\n").split("\n\n")
    for index, section in enumerate(sections):
        key = _SECTION_KEY.search(section)
        if key and key.group(1) in bodies:
            sections[index] = section[: key.start()] + bodies[key.group(1)]
    return "\n\n".join(sections) + "\n"


def _next_edition(edition: str, previous_number: int, number: int) -> str:
    """``Spécial cyberattaque — étape 6`` becomes ``… étape 7`` when 6 was the previous issue's number."""
    return re.sub(rf"(?<![0-9]){previous_number}(?=[^0-9]*$)", str(number), edition, count=1)


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key and several-line text as a ``|`` block, as the sample files are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


# Text that other YAML readers (editors) would take for a number, a boolean or nothing: kept in quotes.
_LOOKS_TYPED = re.compile(r"[-+]?[0-9][0-9_.:]*|true|false|yes|no|on|off|y|n|null|~", re.IGNORECASE)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else '"' if _LOOKS_TYPED.fullmatch(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def _yaml(key: str, value: Any) -> str:
    """``key: value`` as YAML our reader gives back exactly (every value is text to it)."""
    return yaml.dump(
        {key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1_000_000
    ).rstrip("\n")
