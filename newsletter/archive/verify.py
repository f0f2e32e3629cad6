"""Checking the archive: every file the manifest records, hashed again."""

from __future__ import annotations

from pathlib import Path

from newsletter.archive.record import MANIFEST_FILE, Manifest
from newsletter.build.incremental import sha256_of
from newsletter.errors import Diagnostic
from newsletter.paths import ARCHIVE_FOLDER


def verify(archive_dir: Path) -> tuple[list[Diagnostic], int]:
    """Every recorded file hashed again: an error for each one missing or changed; and how many match."""
    if not (archive_dir / MANIFEST_FILE).exists():
        return [
            Diagnostic(
                str(archive_dir / MANIFEST_FILE),
                "no manifest: this folder is not an archive yet",
                hint="run `newsletter archive` to make it",
            )
        ], 0
    manifest = Manifest.load(archive_dir)
    found, matching = [], 0
    for name, record in sorted(manifest.files.items()):
        path = archive_dir / name
        digest = sha256_of(path)
        if not path.is_file():
            found.append(
                Diagnostic(
                    str(path),
                    "missing: this recorded file is not in the archive any more",
                    hint="restore it from a copy of the archive",
                )
            )
        elif digest != record.get("sha256"):
            found.append(
                Diagnostic(
                    str(path),
                    f"changed since it was archived (SHA-256 recorded "
                    f"{record.get('sha256', '?')[:16]}…, now {digest[:16]}…)",
                    hint="restore it from a copy of the archive: it is not the file recorded",
                )
            )
        else:
            matching += 1
    return found, matching


def verify_workspace(root: Path, out: Path | None = None) -> tuple[list[Diagnostic], int]:
    """`archive --verify`: the archive in ``out``, else ``archive/`` in the workspace."""
    return verify(out if out is not None else root / ARCHIVE_FOLDER)
