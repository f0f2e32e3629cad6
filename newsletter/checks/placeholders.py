"""Placeholder texts: what `init` and `new` leave for the team to write, and `check` reports until written.

A placeholder starts with ``À ÉCRIRE``. It is valid YAML and valid text, so only this check stops a
half-filled issue from being printed: each one left is an error at its line and column.
"""

from __future__ import annotations

from newsletter.errors import Diagnostic, field_path
from newsletter.checks.resources import walk_text
from newsletter.read import Source

PLACEHOLDER = "À ÉCRIRE"

_WHAT_TO_WRITE = {
    "title": "the journal's name",
    "organisation": "the name of your organisation",
    "hotline.phone": "the hotline's phone number",
    "headline": "the headline",
    "lead": "the lead paragraph",
    "essentials": "a key message",
    "do": "an instruction (what to do)",
    "dont": "an instruction (what not to do)",
    "contacts.name": "the contact's name",
    "contacts.phone": "the contact's phone number",
}


def todo(what: str) -> str:
    """The placeholder asking for ``what`` (in the team's language: French)."""
    return f"{PLACEHOLDER} : {what}"


def placeholder_problems(source: Source) -> list[Diagnostic]:
    """An error for each text of the file still starting with ``À ÉCRIRE``."""
    found = []
    for path, text in walk_text(source.data):
        if text.lstrip().startswith(PLACEHOLDER):
            field = field_path(path)
            keys = ".".join(part for part in path if isinstance(part, str))
            what = _WHAT_TO_WRITE.get(keys, f"the text of `{field}`")
            line, column = source.position(path)
            found.append(Diagnostic(
                source.file, f"still the placeholder text: write {what}", line, column, field,
                f"replace the words \"{PLACEHOLDER} : …\" with your text, or delete the line if it is not needed",
            ))
    return found
