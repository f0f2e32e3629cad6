"""`newsletter init`: a new workspace, with the publication and a first issue to fill.

The files are written in French, comments included: the people who fill them are French. What they
must still write is a placeholder text starting with ``À ÉCRIRE``; ``check`` reports each one left,
with its line and column, so a half-filled issue is never printed by mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from newsletter.errors import Diagnostic, InputError
from newsletter.files import write_atomic
from newsletter.i18n import _
from newsletter.model.load import PUBLICATION_FILE, issue_files, publication_file
from newsletter.scaffold.kits import Kit
from newsletter.scaffold.schemas import for_editors, write_schemas
from newsletter.scaffold.templates import ONE_OFF, filled, issue_file_text, template


@dataclass(frozen=True)
class Created:
    """What `init` or `new` wrote, for the command to tell the user."""

    paths: list[Path]
    number: int
    copied_from: int | None = None
    copied: tuple[str, ...] = ()
    to_write: tuple[str, ...] = ()
    announced: dt.date | None = None  # the date the previous issue gave as its next one, taken as this one's


def init_workspace(directory: Path, today: dt.date, kit: Kit | None = None, now: dt.datetime | None = None) -> Created:
    """A new workspace: the publication and a first issue to fill, ``layouts/``, ``assets/``; never over one.

    From a ``kit``, the first issue is the kit's, dated ``now`` (see ``kits.py``)."""
    issues_dir = directory / "issues"
    existing = [p for p in [publication_file(issues_dir), *issue_files(issues_dir)] if p.exists()]
    if existing:
        raise InputError(
            [
                Diagnostic(
                    str(existing[0]),
                    _("a workspace already exists here: nothing was changed"),
                    hint=_("run `newsletter new` to start the next issue, or give `newsletter init` another folder"),
                )
            ]
        )
    if kit is None:
        publication, issue = filled("publication.yaml"), issue_file_text(1, today)
    else:
        publication = kit.publication_text()
        issue = kit.issue_text(now or dt.datetime.combine(today, dt.time(8, 0)))
    files = {
        issues_dir / PUBLICATION_FILE: for_editors("publication", issues_dir, publication),
        issues_dir / "001.yaml": for_editors("issue", issues_dir, issue),
        directory / ".gitignore": template("gitignore.txt"),
    }
    for path, text in files.items():
        write_atomic(path, text.encode("utf-8"))
    for folder in ("layouts", "assets"):
        (directory / folder).mkdir(exist_ok=True)
    return Created([*files, *write_schemas(issues_dir)], 1, to_write=ONE_OFF if kit is None else ())
