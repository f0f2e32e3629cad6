"""Placeholder texts: what `init` and `new` leave for the team to write, and `check` reports until written.

A placeholder starts with ``À ÉCRIRE`` (or ``TO WRITE``, in English); inside a text, a crisis kit's
local details are placeholders between « » or [ ] (« À ÉCRIRE : numéro de la ligne d'information »,
[TO WRITE: the helpline's number]). They are valid YAML and valid text, so only this check stops a
half-filled issue from being printed: each one left is an error at its line and column.
"""

from __future__ import annotations

import re
from typing import Any

from newsletter.errors import Loc, Problem, field_path
from newsletter.i18n import N_, _
from newsletter.model.declare import Group, Record
from newsletter.model.kinds import Kind, ListOf, Nullable
from newsletter.read.texts import walk_text

PLACEHOLDER = "À ÉCRIRE"
MARKERS = (PLACEHOLDER, "TO WRITE")
# A local detail left to write inside a text: « À ÉCRIRE : … » or [TO WRITE: …] (the words quoted
# without what to write, « À ÉCRIRE », are the team's own text).
EMBEDDED = re.compile(r"«\s*(?:À ÉCRIRE|TO WRITE)\s*:[^»]*»|\[\s*(?:À ÉCRIRE|TO WRITE)\s*:[^\]]*\]")

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


def holds_placeholder(text: str) -> bool:
    """Whether the text is, or holds, something left to write (other checks leave it to this one)."""
    return text.lstrip().startswith(MARKERS) or EMBEDDED.search(text) is not None


def placeholder_problems(data: Any, record: type[Record]) -> list[Problem]:
    """An error for each text of the file (its text tree: ``data``, read as a ``record``) still starting with
    ``À ÉCRIRE``, or holding a local detail left to write. Only a line that is not required may be deleted."""
    found = []
    for path, text in walk_text(data):
        if text.lstrip().startswith(MARKERS):
            field = field_path(path)
            keys = ".".join(part for part in path if isinstance(part, str))
            what = _(_WHAT_TO_WRITE[keys]) if keys in _WHAT_TO_WRITE else _("the text of `{field}`", field=field)
            found.append(
                Problem(
                    path,
                    _("still the placeholder text: write {what}", what=what),
                    _(
                        'replace the words "{placeholder} : …" with your text: this line is required',
                        placeholder=PLACEHOLDER,
                    )
                    if required(record, path)
                    else _(
                        'replace the words "{placeholder} : …" with your text, or delete the line if it is not needed',
                        placeholder=PLACEHOLDER,
                    ),
                )
            )
        elif embedded := EMBEDDED.findall(text):
            found.append(
                Problem(
                    path,
                    _("still to write here: {details}", details=" ".join(embedded)),
                    _("replace it with the local detail it asks for, the « » or [ ] included"),
                )
            )
    return found


def required(record: type[Record], path: Loc) -> bool:
    """Whether the field at ``path`` must be there (a list's item never must: the list may be shorter)."""
    kind: Kind = Group(record)
    must = False
    for part in path:
        while isinstance(kind, Nullable):
            kind = kind.inner
        if isinstance(part, int) and isinstance(kind, ListOf):
            kind, must = kind.item, False
        elif isinstance(part, str) and isinstance(kind, Group) and part in kind.record.fields:
            declared = kind.record.fields[part]
            kind, must = declared.kind, declared.required
        else:
            return False
    return must
