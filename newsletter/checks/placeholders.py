"""Placeholder texts: what `init` and `new` leave for the team to write, and `check` reports until written.

A placeholder starts with ``À ÉCRIRE``. It is valid YAML and valid text, so only this check stops a
half-filled issue from being printed: each one left is an error at its line and column.
"""

from __future__ import annotations

from typing import Any

from newsletter.errors import Problem, field_path
from newsletter.read.texts import walk_text

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


def placeholder_problems(data: Any) -> list[Problem]:
    """An error for each text of the file (its text tree: ``data``) still starting with ``À ÉCRIRE``."""
    found = []
    for path, text in walk_text(data):
        if text.lstrip().startswith(PLACEHOLDER):
            field = field_path(path)
            keys = ".".join(part for part in path if isinstance(part, str))
            what = _WHAT_TO_WRITE.get(keys, f"the text of `{field}`")
            found.append(
                Problem(
                    path,
                    f"still the placeholder text: write {what}",
                    f'replace the words "{PLACEHOLDER} : …" with your text, or delete the line if it is not needed',
                )
            )
    return found
