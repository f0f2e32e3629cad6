"""Checking the archive: every recorded file hashed again, and every file present recorded.

Each disagreement between the folder and its manifest is told in plain words: a recorded file
missing, changed (SHA-256) or cut short (size), a file present that the manifest does not record,
a record naming a path outside the archive (never read), a record that cannot be checked, a run
stopped before it finished (``journal.py``).
"""

from __future__ import annotations

from pathlib import Path

from newsletter.archive.journal import interrupted, is_recordable
from newsletter.archive.manifest import Manifest, malformed, outside
from newsletter.build.incremental import sha256_of_bytes
from newsletter.errors import Diagnostic
from newsletter.files import read_regular
from newsletter.i18n import N_, _
from newsletter.paths import ARCHIVE_FOLDER, MANIFEST_FILE, is_inside

_REPAIR = N_("run `newsletter archive --repair`: it records the files present as they are and says what it changed")
_RESTORE = N_("restore it from a copy of the archive: it is not the file recorded")


def verify(archive_dir: Path) -> tuple[list[Diagnostic], int]:
    """Every disagreement between the archive folder and its manifest; and how many files match."""
    if not (archive_dir / MANIFEST_FILE).exists():
        return [
            Diagnostic(
                str(archive_dir / MANIFEST_FILE),
                _("no manifest: this folder is not an archive yet, or its record was lost"),
                hint=_(
                    "run `newsletter archive` to make it; if the folder already holds archived files, {repair}",
                    repair=_(_REPAIR),
                ),
            )
        ], 0
    manifest = Manifest.load(archive_dir)
    found = [problem for problem in [interrupted(archive_dir)] if problem is not None]
    matching = 0
    for name, record in sorted(manifest.files.items()):
        problem = record_problem(archive_dir, name, record)
        if problem is None:
            matching += 1
        else:
            found.append(problem)
    found += [
        Diagnostic(
            str(archive_dir / name),
            _("this file is in the archive folder but the manifest does not record it"),
            hint=_(
                "if it belongs to the archive, {repair}; otherwise move it out of the archive folder",
                repair=_(_REPAIR),
            ),
        )
        for name in unrecorded(archive_dir, manifest)
    ]
    return found, matching


def record_problem(archive_dir: Path, name: str, record: object) -> Diagnostic | None:
    path = archive_dir / name
    if outside(name) or not is_inside(path, archive_dir):
        return Diagnostic(
            str(archive_dir / MANIFEST_FILE),
            _("the manifest records {name}, a path outside the archive folder: it was not read", name=repr(name)),
            hint=_(
                "the manifest was edited by hand: restore it from a copy of the archive, or {repair}",
                repair=_(_REPAIR),
            ),
        )
    why = malformed(record)
    if why is not None:
        return Diagnostic(
            str(archive_dir / MANIFEST_FILE),
            _("the record of {name} cannot be checked: {why}", name=name, why=why),
            hint=_("restore manifest.json from a copy of the archive, or {repair}", repair=_(_REPAIR)),
        )
    assert isinstance(record, dict)
    if not path.exists() and not path.is_symlink():
        return Diagnostic(
            str(path),
            _("missing: this recorded file is not in the archive any more"),
            hint=_("restore it from a copy of the archive"),
        )
    try:
        data = read_regular(path)
    except OSError:
        return Diagnostic(str(path), _("this is not an ordinary file (a link, a folder or a device)"), hint=_(_RESTORE))
    digest = sha256_of_bytes(data)
    if len(data) != record["size"]:
        return Diagnostic(
            str(path),
            _(
                "changed since it was archived: {size} bytes, {recorded} recorded",
                size=len(data),
                recorded=record["size"],
            ),
            hint=_(_RESTORE),
        )
    if digest != record["sha256"]:
        return Diagnostic(
            str(path),
            _(
                "changed since it was archived (SHA-256 recorded {recorded}…, now {now}…)",
                recorded=record["sha256"][:16],
                now=digest[:16],
            ),
            hint=_(_RESTORE),
        )
    return None


def unrecorded(archive_dir: Path, manifest: Manifest) -> list[str]:
    """The files of the archive folder the manifest does not record (its own working files aside)."""
    return sorted(
        name
        for name in (path.relative_to(archive_dir).as_posix() for path in archive_dir.rglob("*") if not path.is_dir())
        if name not in manifest.files and all(is_recordable(part) for part in name.split("/"))
    )


def verify_workspace(root: Path, out: Path | None = None) -> tuple[list[Diagnostic], int]:
    """`archive --verify`: the archive in ``out``, else ``archive/`` in the workspace."""
    return verify(out if out is not None else root / ARCHIVE_FOLDER)
