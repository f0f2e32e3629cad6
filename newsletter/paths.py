"""Where a file named by the user may be: on this computer, inside the workspace.

Nothing is ever fetched or sent, and the workspace must hold everything a PDF is made from (to be
moved and archived whole), so an address (URL) or a path leaving the workspace is refused wherever
a file is expected.
"""

from __future__ import annotations

import re
from pathlib import Path

OUT_FOLDER = "out"  # the PDFs, unless --out says otherwise
ARCHIVE_FOLDER = "archive"  # the record of what was distributed

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
