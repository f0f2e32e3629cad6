"""Crisis kits: a workspace whose first issue and poster are already written for the first hours of a
crisis, every local detail a visible placeholder that `check` lists and `build` refuses.

A kit is a folder: ``kit.yaml`` (its language and a one-line description), ``publication.yaml`` and
``001.yaml``. The built-in kits are in ``newsletter/data/kits/``; a local authority prepares its own
in calm times (a copy of one, edited) and starts from it with ``init --kit path/to/folder``. In the
issue, ``$date``, ``$time`` and ``$next_issue`` become the day and time of `init` and the next day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from string import Template

from newsletter.errors import Diagnostic, InputError
from newsletter.i18n import _
from newsletter.model.declare import Record, field
from newsletter.model.formats import LANGUAGES
from newsletter.model.kinds import Choice, Text
from newsletter.model.load import PUBLICATION_FILE, load_model

KITS_DIR = Path(__file__).parents[1] / "data" / "kits"
KIT_FILE = "kit.yaml"
ISSUE_FILE = "001.yaml"


class KitInfo(Record):
    """``kit.yaml``: what `newsletter kits` shows of a kit."""

    language: str = field(Choice(*LANGUAGES), "The language of its texts: fr or en.")
    description: str = field(Text("description"), "One line: the crisis it is written for.")


@dataclass(frozen=True)
class Kit:
    name: str
    folder: Path
    info: KitInfo

    def publication_text(self) -> str:
        return (self.folder / PUBLICATION_FILE).read_text(encoding="utf-8")

    def issue_text(self, now: dt.datetime) -> str:
        """The first issue, dated ``now``, the next one announced for the day after."""
        text = (self.folder / ISSUE_FILE).read_text(encoding="utf-8")
        return Template(text).safe_substitute(
            date=now.date().isoformat(),
            time=f"{now:%H:%M}",
            next_issue=(now.date() + dt.timedelta(days=1)).isoformat(),
        )


def available_kits() -> list[Kit]:
    """The built-in kits, by name."""
    return [_load(folder) for folder in sorted(KITS_DIR.iterdir()) if (folder / KIT_FILE).is_file()]


def find_kit(name: str) -> Kit:
    """A built-in kit by name, else the kit in the folder ``name``; an error says which kits there are."""
    folder = KITS_DIR / name if (KITS_DIR / name / KIT_FILE).is_file() else Path(name)
    if not (folder / KIT_FILE).is_file():
        names = ", ".join(kit.name for kit in available_kits())
        raise InputError(
            [
                Diagnostic(
                    name,
                    _(
                        "no such kit: a kit is a folder holding {files}",
                        files=f"{KIT_FILE}, {PUBLICATION_FILE}, {ISSUE_FILE}",
                    ),
                    hint=_("the built-in kits are {names} (`newsletter kits` lists them)", names=names),
                )
            ]
        )
    missing = [file for file in (PUBLICATION_FILE, ISSUE_FILE) if not (folder / file).is_file()]
    if missing:
        raise InputError(
            [
                Diagnostic(
                    str(folder / missing[0]),
                    _("this kit has no {file}", file=missing[0]),
                    hint=_("a kit holds {files}", files=f"{KIT_FILE}, {PUBLICATION_FILE}, {ISSUE_FILE}"),
                )
            ]
        )
    return _load(folder)


def _load(folder: Path) -> Kit:
    loaded, problems = load_model(KitInfo, folder / KIT_FILE, folder.parent)
    if loaded is None:
        raise InputError(problems)
    return Kit(folder.name, folder, loaded.model)
