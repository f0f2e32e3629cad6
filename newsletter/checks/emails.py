"""E-mail addresses that cannot be right: staff copy them by hand from the photocopies.

Each address typed in an `email` field (the contacts of the publication and of an issue) is a name, one
``@``, then a domain with a dot, with no space: ``jean.dupont@`` or ``jean dupont@mairie.fr`` is an
error at its line and column, with what is expected.
"""

from __future__ import annotations

import re
from typing import Any

from newsletter.checks.placeholders import holds_placeholder
from newsletter.errors import Problem
from newsletter.i18n import _
from newsletter.read.texts import walk_text

_NAME = r"[^\s@<>()\[\],;:\"]+"  # what never belongs in an address left out: spaces, a second @, brackets …
_LABEL = r"[^\s@<>()\[\],;:\".]+"  # a part of the domain, between its dots
ADDRESS = re.compile(rf"{_NAME}@(?:{_LABEL}\.)+{_LABEL}")


def email_problems(data: Any) -> list[Problem]:
    """The addresses of a file's `email` fields (its text tree: ``data``) that cannot be right."""
    found = []
    for path, text in walk_text(data):
        if path[-1:] != ("email",) or holds_placeholder(text) or ADDRESS.fullmatch(text.strip()):
            continue
        if any(character.isspace() for character in text.strip()):
            hint = _("remove the spaces: an e-mail address has none")
        else:
            hint = _("write the whole address: a name, @, then the domain with its dot")
        message = _(
            "{address} is not an e-mail address: expected a name, @ and a domain, like claire.martin@example.org",
            address=repr(text.strip()),
        )
        found.append(Problem(path, message, hint))
    return found
