"""`archive --repair`: the manifest made consistent with the files present, without touching one of them.

A run stopped while it moved its files in is finished first (``journal.py``). Then: a manifest that
cannot be read is kept aside (``.manifest.damaged-K.json``) and started again; each file present
that the manifest does not record is recorded as it is (SHA-256, size, "repaired": when); each
record that cannot be checked or names a path outside the archive is dropped, or made again from
the file present. Records of files that are missing or changed are kept as they are: they say
what was distributed, and ``--verify`` keeps reporting them until the file is restored. No file of
the archive is ever changed; the report says every change made to the manifest.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from newsletter.archive.journal import DAMAGED_PREFIX, recover
from newsletter.archive.manifest import Manifest, malformed, outside, read_files
from newsletter.archive.verify import record_problem, unrecorded
from newsletter.build.incremental import sha256_of_bytes
from newsletter.errors import InputError
from newsletter.files import read_regular, replace_whole
from newsletter.i18n import _
from newsletter.lock import exclusive, unwritable
from newsletter.paths import ARCHIVE_FOLDER, MANIFEST_FILE


@dataclass
class RepairReport:
    """What ``--repair`` found and changed, each line for the user."""

    finished: bool = False  # a stopped run was finished
    kept_aside: str | None = None  # where the unreadable manifest was moved
    recorded: list[str] = field(default_factory=list)  # files present, now recorded as they are
    dropped: list[str] = field(default_factory=list)  # records that could not be checked (why)
    left: list[str] = field(default_factory=list)  # recorded files missing or changed: restore them

    @property
    def changed(self) -> bool:
        return bool(self.finished or self.kept_aside or self.recorded or self.dropped)


def repair(archive_dir: Path) -> RepairReport:
    """See the module's docstring."""
    report = RepairReport()
    with exclusive(archive_dir, "archive --repair", _("the archive")):
        try:
            report.finished = recover(archive_dir) is not None
            files = _readable_manifest(archive_dir, report)
            _check_records(archive_dir, files, report)
            for name in unrecorded(archive_dir, Manifest(files)):
                _record_as_found(archive_dir, name, files, report)
            if report.kept_aside or report.recorded or report.dropped:
                replace_whole(archive_dir / MANIFEST_FILE, Manifest(files).to_bytes(), durable=True)
        except OSError as error:
            raise InputError([unwritable(archive_dir, _("the archive"), error)]) from error
    return report


def repair_workspace(root: Path, out: Path | None = None) -> RepairReport:
    return repair(out if out is not None else root / ARCHIVE_FOLDER)


def _readable_manifest(archive_dir: Path, report: RepairReport) -> dict[str, dict]:
    path = archive_dir / MANIFEST_FILE
    if not path.exists():
        return {}
    files = read_files(path)
    if files is not None:
        return files
    count = 1
    while (archive_dir / f"{DAMAGED_PREFIX}{count}.json").exists():
        count += 1
    report.kept_aside = f"{DAMAGED_PREFIX}{count}.json"
    os.replace(path, archive_dir / report.kept_aside)
    return {}


def _check_records(archive_dir: Path, files: dict[str, dict], report: RepairReport) -> None:
    for name in sorted(files):
        if outside(name):
            del files[name]
            report.dropped.append(_("{name}: a path outside the archive folder", name=name))
        elif (why := malformed(files[name])) is not None:
            del files[name]  # made again from the file, when it is there
            report.dropped.append(f"{name}: {why}")  # a name, and a message already translated
        elif (problem := record_problem(archive_dir, name, files[name])) is not None:
            report.left.append(f"{name}: {problem.message}")


def _record_as_found(archive_dir: Path, name: str, files: dict[str, dict], report: RepairReport) -> None:
    try:
        data = read_regular(archive_dir / name)
    except OSError:
        report.left.append(_("{name}: not an ordinary file, not recorded", name=name))
        return
    files[name] = {
        "sha256": sha256_of_bytes(data),
        "size": len(data),
        "sources": [],
        "repaired": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    report.recorded.append(name)
