"""Moving a run's files into the archive so that a crash at any moment leaves it consistent.

A run renders into a staging folder inside the archive. When everything is staged (the new manifest
included, all on the disk), it writes the journal, ``.journal.json``: the renames of superseded
files, the files to move in and the SHA-256 each must have. The journal on the disk is the point of
no return: before it, a crash leaves the archive as it was (the staging folder is removed by the
next run); after it, the next run (or ``--repair``) finishes the same operation, step by step, each
step done only if not done yet, then removes the journal. Only then is the archive consistent
again, and ``--verify`` says so until it is. A file a move replaces (a catalogue rebuilt) is first
moved into the staging folder, so that a move the system refuses (a file open in a viewer on
Windows) is undone at once, every step in reverse: the archive is left as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsletter.build.incremental import sha256_of
from newsletter.errors import Diagnostic, InputError
from newsletter.files import fault_point, remove_abandoned, replace_whole, sync_folder
from newsletter.i18n import _
from newsletter.lock import LOCK_FILE, unwritable
from newsletter.paths import MANIFEST_FILE, is_left_by_a_system

JOURNAL_FILE = ".journal.json"
STAGING_PREFIX = ".staging-"
DAMAGED_PREFIX = ".manifest.damaged-"  # a manifest --repair could not read, kept aside
_REPLACED = ".replaced"  # in the staging folder: the files the moves replaced, until the journal is removed
_TEMPORARY = re.compile(r"^\..+\.\d+\.[A-Za-z0-9_]+\.tmp$")


def is_own(name: str) -> bool:
    """The archive's own working files (not part of the record): lock, journal, staging, kept manifests."""
    return (
        name in (MANIFEST_FILE, LOCK_FILE, LOCK_FILE + ".pid", JOURNAL_FILE)
        or name.startswith((STAGING_PREFIX, DAMAGED_PREFIX))
        or bool(_TEMPORARY.match(name))
    )


def is_recordable(name: str) -> bool:
    """A file of the archive folder that the manifest should record: neither the archive's own working
    files nor what systems leave beside files (``.DS_Store``, ``Thumbs.db``)."""
    return not is_own(name) and not is_left_by_a_system(name)


@dataclass
class Journal:
    """What a run moves in, decided before the first move."""

    staging: str  # the staging folder's name
    renames: list[tuple[str, str, str]] = field(default_factory=list)  # (file, its new name, its SHA-256)
    moves: list[tuple[str, str]] = field(default_factory=list)  # (file staged, its SHA-256), the manifest last

    @classmethod
    def load(cls, archive_dir: Path) -> Journal | None:
        path = archive_dir / JOURNAL_FILE
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                str(data["staging"]),
                [tuple(item) for item in data["renames"]],
                [tuple(item) for item in data["moves"]],
            )
        except (OSError, ValueError, KeyError, TypeError) as error:
            why = _("the journal {path} cannot be read ({error})", path=path, error=error)
            raise InputError([_unfinishable(archive_dir, why)]) from None


def commit(archive_dir: Path, staging: Path, renames: list[tuple[str, str, str]], staged: list[str]) -> None:
    """Move the staged files in (the manifest, staged last, after them), through the journal."""
    sync_folder(staging)
    for folder in {(staging / name).parent for name in staged}:
        sync_folder(folder)
    journal = Journal(staging.name, renames, [(name, sha256_of(staging / name)) for name in staged])
    replace_whole(archive_dir / JOURNAL_FILE, json.dumps(asdict(journal)).encode("utf-8"), durable=True)
    fault_point("journal")
    done: list[tuple[Path, Path]] = []
    try:
        finish(archive_dir, journal, done)
    except OSError:
        for source, destination in reversed(done):
            os.replace(destination, source)
        (archive_dir / JOURNAL_FILE).unlink()
        raise


def finish(archive_dir: Path, journal: Journal, done: list[tuple[Path, Path]] | None = None) -> None:
    """Do each step of the journal not done yet (each move made is added to ``done``), then remove the
    journal and the staging folder."""
    staging = archive_dir / journal.staging
    done = [] if done is None else done

    def move(source: Path, destination: Path) -> None:
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, destination)
        done.append((source, destination))

    for name, kept_as, digest in journal.renames:
        if not (archive_dir / kept_as).exists():
            if sha256_of(archive_dir / name) != digest:
                raise InputError([_unfinishable(archive_dir, _("{name} is not the file the journal moves", name=name))])
            move(archive_dir / name, archive_dir / kept_as)
            fault_point("rename")
    for name, digest in journal.moves:
        final = archive_dir / name
        if (staging / name).is_file() and sha256_of(staging / name) == digest:
            if final.exists():
                move(final, staging / _REPLACED / name)
            move(staging / name, final)
            fault_point("move")
        elif sha256_of(final) != digest:
            raise InputError([_unfinishable(archive_dir, _("{name} is neither staged nor in the archive", name=name))])
    for folder in {(archive_dir / name).parent for name, _digest in journal.moves}:
        sync_folder(folder)
    fault_point("moved")
    (archive_dir / JOURNAL_FILE).unlink()
    sync_folder(archive_dir)
    shutil.rmtree(staging, ignore_errors=True)


def recover(archive_dir: Path) -> Journal | None:
    """Finish a run that was stopped after its journal was written, and remove the staging folders and
    temporary files of runs stopped before (the lock is held: no other run is using them). Returns the
    journal finished."""
    try:
        journal = Journal.load(archive_dir)
        if journal is not None:
            finish(archive_dir, journal)
    except OSError as error:
        raise InputError([unwritable(archive_dir, _("the archive"), error)]) from error
    for leftover in archive_dir.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)
    remove_abandoned(archive_dir)
    return journal


def interrupted(archive_dir: Path) -> Diagnostic | None:
    """For ``--verify``: a run stopped before it finished moving its files in."""
    if not (archive_dir / JOURNAL_FILE).exists():
        return None
    return Diagnostic(
        str(archive_dir / JOURNAL_FILE),
        _(
            "an `archive` run was stopped while it moved its files in: the archive is not consistent until it is "
            "finished"
        ),
        hint=_("run `newsletter archive` (or `newsletter archive --repair`): it finishes that run first"),
    )


def _unfinishable(archive_dir: Path, why: str) -> Diagnostic:
    return Diagnostic(
        str(archive_dir / JOURNAL_FILE),
        _("the interrupted `archive` run cannot be finished: {why}; nothing more was changed", why=why),
        hint=_("restore the archive folder from a copy; `newsletter archive --verify` lists what differs"),
    )
