"""Where a file named by the user may be: on this computer, inside the workspace.

Nothing is ever fetched or sent, and the workspace must hold everything a PDF is made from (to be
moved and archived whole), so an address (URL) or a path leaving the workspace is refused wherever
a file is expected.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsletter.errors import Diagnostic, InputError
from newsletter.i18n import _

OUT_FOLDER = "out"  # the PDFs, unless --out says otherwise
ARCHIVE_FOLDER = "archive"  # the record of what was distributed
MANIFEST_FILE = "manifest.json"  # the archive's record: a folder holding one is an archive

_URL = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]+:/|file:|data:|//|\\\\)")


def is_address(text: str) -> bool:
    """Whether a path typed by the user is an address (``https://…``, ``file:…``, ``//server/…``):
    nothing is ever fetched, so where a file is expected an address is an error."""
    return bool(_URL.match(text.strip()))


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, links followed, is in the folder ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


def display_path(path: Path, root: Path) -> str:
    """The path as the user should read it: relative to the workspace when possible."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def archive_holding(path: Path, root: Path) -> Path | None:
    """The archive that ``path`` (a folder or file to write) is in, if any: the workspace's ``archive/``
    or any folder holding an archive's manifest. Only ``archive`` writes there."""
    target = path.resolve()
    if is_inside(target, root / ARCHIVE_FOLDER):
        return root / ARCHIVE_FOLDER
    for folder in (target, *target.parents):
        if _is_manifest(folder / MANIFEST_FILE):
            return folder
    return None


def refuse_archive_output(path: Path, root: Path) -> None:
    """An :class:`InputError` when ``path``, where a command other than ``archive`` would write, is in an archive."""
    archive = archive_holding(path, root)
    if archive is not None:
        raise InputError(
            [
                Diagnostic(
                    str(path),
                    _(
                        "this is inside the archive (folder {archive}): only `newsletter archive` writes there, "
                        "and what it records is never written over; nothing was written",
                        archive=archive,
                    ),
                    hint=_("choose another --out, outside the archive folder"),
                )
            ]
        )


def _is_manifest(path: Path) -> bool:
    """An archive's manifest (not any ``manifest.json``: a web page's, a package's): an object with ``files``."""
    try:
        if not path.is_file() or path.stat().st_size > 100_000_000:
            return False
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return path.is_file()  # unreadable: taken for a damaged archive's, not written over
    return isinstance(found, dict) and "files" in found


def output_folder(root: Path, out: Path | None = None) -> Path:
    """Where a command writes its PDFs: ``--out`` when given, else ``out/`` in the workspace."""
    return out if out is not None else root / OUT_FOLDER


YAML_SUFFIXES = (".yaml", ".yml")
_LEFT_BY_SYSTEMS = ("thumbs.db", "desktop.ini")


def is_left_by_a_system(name: str) -> bool:
    """Files that systems and editors leave beside the user's: hidden ones (macOS ``._002.yaml`` copied
    to a USB key, ``.DS_Store``, vim's ``.002.yaml.swp``), Office's ``~$…`` locks, ``…~`` backups,
    Windows' ``Thumbs.db``; and the ``….bak`` copies of the originals that ``check --fix`` keeps. They are
    never the user's work, so they are passed over without a word."""
    lower = name.lower()
    return name.startswith((".", "~$")) or name.endswith("~") or lower.endswith(".bak") or lower in _LEFT_BY_SYSTEMS


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a folder (``.yaml`` or ``.yml``, as editors save them), in name order; none
    left by a system or an editor."""
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in YAML_SUFFIXES and not is_left_by_a_system(path.name) and path.is_file()
    )


def file_in_the_way(folder: Path) -> Diagnostic | None:
    """The message for a file standing where ``folder`` or one of its parents should be a folder, if any."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            if candidate.is_dir():
                return None
            return Diagnostic(
                str(candidate),
                _("the output folder is a file, not a folder"),
                hint=_("choose another folder with --out, or move or rename this file"),
            )
    return None
