"""Placeholder texts: what `init` and `new` leave for the team to write, and `check` reports until written.

A placeholder starts with ``À ÉCRIRE``. It is valid YAML and valid text, so only this check stops a
half-filled issue from being printed: each one left is an error at its line and column.
"""

from __future__ import annotations

from typing import Any

from newsletter.errors import Problem, field_path
from newsletter.i18n import N_, _
from newsletter.read.texts import walk_text

PLACEHOLDER = "À ÉCRIRE"

_WHAT_TO_WRITE = {
    "title": N_("the journal's name"),
    "organisation": N_("the name of your organisation"),
    "hotline.phone": N_("the hotline's phone number"),
    "headline": N_("the headline"),
    "lead": N_("the lead paragraph"),
    "essentials": N_("a key message"),
    "do": N_("an instruction (what to do)"),
    "dont": N_("an instruction (what not to do)"),
    "contacts.name": N_("the contact's name"),
    "contacts.phone": N_("the contact's phone number"),
}


def placeholder_problems(data: Any) -> list[Problem]:
    """An error for each text of the file (its text tree: ``data``) still starting with ``À ÉCRIRE``."""
    found = []
    for path, text in walk_text(data):
        if text.lstrip().startswith(PLACEHOLDER):
            field = field_path(path)
            keys = ".".join(part for part in path if isinstance(part, str))
            what = _(_WHAT_TO_WRITE[keys]) if keys in _WHAT_TO_WRITE else _("the text of `{field}`", field=field)
            found.append(
                Problem(
                    path,
                    _("still the placeholder text: write {what}", what=what),
                    _(
                        'replace the words "{placeholder} : …" with your text, or delete the line if it is not needed',
                        placeholder=PLACEHOLDER,
                    ),
                )
            )
    return found
