"""``manifest.json``: the archive's record of each file (its SHA-256, size, sources, issue), and what a
well-formed record is, for ``archive``, ``--verify`` and ``--repair`` alike."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from newsletter.archive.journal import is_recordable
from newsletter.errors import Diagnostic, InputError
from newsletter.i18n import _
from newsletter.paths import MANIFEST_FILE

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class Manifest:
    """``manifest.json``: file name (relative to the archive) → its record."""

    files: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, archive_dir: Path) -> Manifest:
        """The archive's manifest (empty when there is none); an InputError when it cannot be read."""
        path = archive_dir / MANIFEST_FILE
        if not path.exists():
            return cls()
        files = read_files(path)
        if files is None:
            raise InputError(
                [
                    Diagnostic(
                        str(path),
                        _("the manifest cannot be read: the archive's record is damaged; nothing was changed"),
                        hint=_(
                            "restore manifest.json from a copy of the archive, or run `newsletter archive --repair`: "
                            "it keeps the damaged file aside and records the files present as they are"
                        ),
                    )
                ]
            )
        return cls(files)

    def to_bytes(self) -> bytes:
        return (
            json.dumps({"format": 1, "files": self.files}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        ).encode("utf-8")


def read_files(path: Path) -> dict[str, dict] | None:
    """The ``files`` of a manifest file, or None when it is not a manifest that can be read."""
    try:
        files = json.loads(path.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return files if isinstance(files, dict) else None


def outside(name: str) -> bool:
    """Whether a manifest's file name leaves the archive folder (absolute, a drive, ``..``): never read."""
    path = PurePosixPath(name.replace("\\", "/"))
    return not name or path.is_absolute() or ":" in name or ".." in path.parts


def malformed(record: object) -> str | None:
    """What is wrong with one file's record, in plain words; None when it can be checked."""
    if not isinstance(record, dict):
        return _("its record is not a set of fields")
    digest = record.get("sha256")
    if not isinstance(digest, str) or not _SHA256.match(digest):
        return _("its SHA-256 is {value}, not 64 hexadecimal characters", value=json.dumps(digest))
    size = record.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return _("its size is {value}, not a number of bytes", value=json.dumps(size))
    if not isinstance(record.get("sources", []), list):
        return _("its sources are not a list")
    return None


def refuse_unusable(archive_dir: Path, manifest: Manifest) -> None:
    """Nothing is written in an archive whose record cannot be relied on: a manifest with records that
    cannot be checked, or none while the folder holds files (its record was lost)."""
    wrong = [name for name, record in sorted(manifest.files.items()) if outside(name) or malformed(record)]
    if wrong:
        raise InputError(
            [
                Diagnostic(
                    str(archive_dir / MANIFEST_FILE),
                    _(
                        "the manifest has {count} record(s) that cannot be checked ({names}); nothing was changed",
                        count=len(wrong),
                        names=_some(wrong),
                    ),
                    hint=_(
                        "`newsletter archive --verify` says what is wrong with each; restore manifest.json from a "
                        "copy of the archive, or run `newsletter archive --repair`"
                    ),
                )
            ]
        )
    if (archive_dir / MANIFEST_FILE).exists():
        return
    found = sorted(
        path.relative_to(archive_dir).as_posix()
        for path in archive_dir.rglob("*")
        if path.is_file() and is_recordable(path.name)
    )
    if found:
        raise InputError(
            [
                Diagnostic(
                    str(archive_dir / MANIFEST_FILE),
                    _(
                        "the manifest is missing, but the archive folder holds {count} file(s) ({names}); "
                        "nothing was changed",
                        count=len(found),
                        names=_some(found),
                    ),
                    hint=_(
                        "restore manifest.json from a copy of the archive, or run `newsletter archive --repair`: "
                        "it records the files present as they are; then run `newsletter archive` again"
                    ),
                )
            ]
        )


def not_replaced(path: Path, recorded: bool) -> Diagnostic:
    """Why ``archive`` leaves a file of the archive folder as it is, and the way out."""
    return Diagnostic(
        str(path),
        _(
            "this file no longer matches its record in the manifest, and this run would write other bytes there: "
            "it is not replaced"
        )
        if recorded
        else _(
            "this file is in the archive folder but the manifest does not record it, and this run would write "
            "other bytes there: it is not replaced"
        ),
        hint=_(
            "restore it from a copy of the archive, or move it out of the archive folder; if it is a "
            "file the archive holds, `newsletter archive --repair` records it as it is"
        ),
    )


def _some(names: list[str]) -> str:
    """The first three names, and an ellipsis for the others."""
    return ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
