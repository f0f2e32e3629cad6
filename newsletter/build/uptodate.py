"""The answer to a build where nothing changed, from the record of the last whole build.

After every ``build`` of the whole workspace, the output folder keeps the SHA-256 of every file that
build read (issue files, publication, layouts, images, custom fonts) and of every PDF it left. When
the same build is asked again and all of those still hash the same, nothing can have changed: the
answer comes from hashing files, without reading any YAML or loading any PDF code. Anything else
(a file added, changed or removed, another layout or option, a new version of the tool) falls back
to the full check, which is always safe.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from newsletter import __version__

LAST_BUILD_FILE = ".newsletter-last-build.json"
ABSENT = "absent"  # the "hash" of a file that does not exist, so its later arrival is a change


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return ABSENT
    return digest.hexdigest()


def sha256_of_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _request(root: Path, layouts: list[str], options: dict) -> dict:
    """What was asked, and which files the workspace holds (a new issue or layout changes the answer)."""
    listing = sorted(str(path.relative_to(root)) for folder in ("issues", "layouts")
                     for path in (root / folder).glob("*.yaml"))
    return {"version": __version__, "layouts": sorted(layouts), "options": options,
            "root": str(root.resolve()), "files": listing}


def record(root: Path, layouts: list[str], options: dict, inputs: dict[Path, str], outputs: dict[str, str]) -> bytes:
    """The record of a whole build, to be written to :data:`LAST_BUILD_FILE` in its output folder:
    the SHA-256 of each file it read (by path) and of each PDF it left (by name)."""
    data = {
        "request": _request(root, layouts, options),
        "inputs": {str(path.resolve()): sha for path, sha in inputs.items()},
        "outputs": outputs,
    }
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode()


def unchanged_outputs(out_dir: Path, root: Path, layouts: list[str], options: dict) -> int | None:
    """How many PDFs are up to date if nothing changed since the last whole build; None otherwise."""
    try:
        data = json.loads((out_dir / LAST_BUILD_FILE).read_text(encoding="utf-8"))
        if data["request"] != _request(root, layouts, options):
            return None
        files = [(Path(path), sha) for path, sha in data["inputs"].items()]
        files += [(out_dir / name, sha) for name, sha in data["outputs"].items()]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if all(sha256_of(path) == sha for path, sha in files):
        return len(data["outputs"])
    return None
