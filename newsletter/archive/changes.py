"""Why an issue's archived PDF is not replaced: what changed since it was recorded, and the way out."""

from __future__ import annotations

from pathlib import Path

from newsletter import __version__
from newsletter.errors import Diagnostic, Problem
from newsletter.i18n import _
from newsletter.read import Source
from newsletter.read.locate import locate


def refused_change(
    number: int, name: str, record: dict, entry: dict, intact: bool, archive_dir: Path, source: Source
) -> Diagnostic:
    """The refusal to replace ``name``, issue n° ``number``'s archived PDF recorded as ``record``, by the
    PDF described by ``entry``, located at the number in the issue file's ``source``. ``intact``: the
    archived file still matches its record (else only a copy of the archive can restore it)."""
    before = {item["path"]: item for item in record["sources"]}
    after = {item["path"]: item for item in entry["sources"]}
    changes = [
        _change(path, before, after)
        for path in sorted(before.keys() | after.keys())
        if before.get(path, {}).get("sha256") != after.get(path, {}).get("sha256")
    ]
    if record.get("tool_version") != __version__:
        changes.append(
            _(
                "the tool's version changed ({before} → {after})",
                before=record.get("tool_version"),
                after=__version__,
            )
        )
    if not intact:
        changes.append(_("the archived file is missing or was altered, and rendering it again gives other bytes"))
        return locate(
            Problem(
                ("number",),
                _(
                    "issue n° {number} is archived as {name}, which is missing or no longer the file recorded, "
                    "and its PDF would change: {changes}",
                    number=number,
                    name=name,
                    changes="; ".join(changes),
                ),
                _(
                    "restore {path} from a copy of the archive (`newsletter archive --verify` lists what "
                    "differs), then run `newsletter archive --supersede {number}` to publish a correction",
                    path=archive_dir / name,
                    number=number,
                ),
            ),
            source,
        )
    return locate(
        Problem(
            ("number",),
            _(
                "issue n° {number} is archived as {name} and its PDF would change: {changes}",
                number=number,
                name=name,
                changes="; ".join(changes),
            ),
            _(
                "to publish a correction, run `newsletter archive --supersede {number}` (the archived file is "
                "kept); to keep the archive as it is, undo the change",
                number=number,
            ),
        ),
        source,
    )


def _change(path: str, before: dict, after: dict) -> str:
    """How one source of an archived PDF changed since it was archived."""
    role = (after.get(path) or before[path])["role"]
    if path not in before:
        return _("{path} ({role}) was added", path=path, role=role)
    if path not in after:
        return _("{path} ({role}) was removed", path=path, role=role)
    return _("{path} ({role}) changed", path=path, role=role)
