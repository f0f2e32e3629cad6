"""What the archive tests share (tests/archive/): the names of the issues' archived journals, a folder's
files, the manifest's records read and edited, an issue's headline edited, a refused run (the workspace:
tests/archive/conftest.py)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from newsletter.paths import MANIFEST_FILE

N01 = "20210205_lettre-de-crise_n01_a4.pdf"
N02 = "20210209_lettre-de-crise_n02_a4.pdf"
N03 = "20210212_lettre-de-crise_n03_a4.pdf"
JOURNAL = ("--layout", "journal-a4")  # the poster is left out where it adds nothing to what is tested


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the folder, hidden ones included, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


def manifest(root: Path) -> dict[str, dict]:
    """The records of the workspace's archive, by file name."""
    return json.loads((root / "archive" / MANIFEST_FILE).read_text(encoding="utf-8"))["files"]


def edit_manifest(root: Path, change: Callable[[dict[str, dict]], object]) -> None:
    """Rewrite the workspace's archive manifest, its records edited in place by ``change``."""
    path = root / "archive" / MANIFEST_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["files"])
    path.write_text(json.dumps(data), encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit_headline(root: Path, number: int, headline: str) -> None:
    path = root / "issues" / f"{number:03d}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(text.splitlines()[2], f"headline: {headline}"), encoding="utf-8")


def refused(cli, root: Path, *options: str) -> str:
    """What `archive` (the journal only, with ``options``) says as it refuses to run: exit code 1."""
    result = cli("--root", root, "archive", *JOURNAL, *options)
    assert result.code == 1, result.out
    return result.err
