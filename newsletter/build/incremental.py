"""Incremental builds: which PDFs are up to date, from the SHA-256 of everything each one is made from.

Two records are kept in the output folder, and deciding from them hashes files and nothing else (it
never loads reportlab):

- the state (:data:`STATE_FILE`): for each PDF, the fingerprint of its inputs (issue, publication,
  layout, images, custom fonts, tool version, render options) and its own hash. A PDF is up to date
  when its file holds the bytes recorded when it was written and its fingerprint is unchanged.
- the record of the last whole build (:data:`LAST_BUILD_FILE`): the SHA-256 of every file that build
  read and of every PDF it left. When the same build is asked again and all of those still hash the
  same, nothing can have changed: the answer comes without reading any YAML. Anything else (a file
  added, changed or removed, another layout or option, a new version of the tool) falls back to the
  full check, which is always safe.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsletter import __version__
from newsletter.i18n import N_
from newsletter.paths import display_path, is_inside, yaml_files

if TYPE_CHECKING:  # the answer to a build with nothing changed imports nothing more (bench/run.py)
    from newsletter.model.document import IssueDocument
    from newsletter.model.layout import Layout
    from newsletter.model.load import LayoutRef
    from newsletter.model.print_options import RenderOptions

STATE_FILE = ".newsletter-state.json"
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
    listing = sorted(
        str(path.relative_to(root)) for folder in ("issues", "layouts") for path in yaml_files(root / folder)
    )
    return {
        "version": __version__,
        "layouts": sorted(layouts),
        "options": options,
        "root": str(root.resolve()),
        "files": listing,
    }


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


# --- the state of each PDF ----------------------------------------------------------------------

MISSING, OUTDATED, UP_TO_DATE = N_("missing"), N_("outdated"), N_("up to date")  # shown translated by `list`


@dataclass(frozen=True)
class Input:
    """One file a PDF is made from: what it is for, where it is (as the user reads it), its SHA-256."""

    role: str  # issue, publication, layout, image or font
    path: str
    sha256: str


def inputs_of(
    document: IssueDocument, ref: LayoutRef, layout: Layout, root: Path, sha256: Callable[[Path], str] = sha256_of
) -> list[Input]:
    """Every file the PDF of ``document`` in this layout is drawn from, with its hash (``sha256``: a
    plan's, which hashes each file once)."""
    return [
        Input(role, _shown(path, ref, root), sha256(path)) for role, path in input_paths(document, ref, layout, root)
    ]


def input_paths(document: IssueDocument, ref: LayoutRef, layout: Layout, root: Path) -> list[tuple[str, Path]]:
    """Every file the PDF of ``document`` in this layout is drawn from (bundled fonts ship with the tool)."""
    from newsletter.render.pdf.fonts import BUNDLED_DIR, STYLES, font_file  # not for an unchanged build

    files = [("issue", document.issue_path), ("publication", document.publication_path), ("layout", ref.path)]
    logo = document.logo_path()
    images = [logo] if logo is not None else []
    images += [document.issue_asset(item.image) for item in document.issue.news if item.image]
    files += [("image", path) for path in images if is_inside(path, root)]  # others are refused, never read
    fonts = (font_file(getattr(layout.fonts, style), ref.path.parent) for style in STYLES)
    files += [("font", path) for path in fonts if path.parent != BUNDLED_DIR]
    return files


def _shown(path: Path, ref: LayoutRef, root: Path) -> str:
    """Relative to the workspace; a built-in layout by name, as its folder differs from one install to another."""
    if path == ref.path and ref.origin == "built-in":
        return f"built-in layout {path.name}"
    return display_path(path, root)


def fingerprint(inputs: list[Input], options: RenderOptions) -> str:
    """One hash for everything that decides a PDF's bytes."""
    payload = {
        "version": __version__,
        "options": dataclasses.asdict(options),
        "inputs": [dataclasses.asdict(item) for item in inputs],
    }
    return sha256_of_bytes(json.dumps(payload, sort_keys=True).encode())


@dataclass
class BuildState:
    """The record of an output folder: for each PDF, the fingerprint of its inputs and its own hash."""

    out_dir: Path
    entries: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.out_dir / STATE_FILE

    @classmethod
    def load(cls, out_dir: Path) -> BuildState:
        """The recorded state; an unreadable or missing record means every PDF is rebuilt, which is always safe."""
        try:
            entries = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))["outputs"]
        except (OSError, ValueError, KeyError, TypeError):
            return cls(out_dir)
        return cls(out_dir, entries if isinstance(entries, dict) else {})

    def status(self, target: Path, current: str) -> str:
        if not target.is_file():
            return MISSING
        entry = self.entries.get(target.name)
        if not isinstance(entry, dict) or entry.get("fingerprint") != current:
            return OUTDATED
        return UP_TO_DATE if sha256_of(target) == entry.get("sha256") else OUTDATED

    def record(self, target: Path, current: str, data: bytes) -> None:
        self.entries[target.name] = {"fingerprint": current, "sha256": sha256_of_bytes(data)}

    def to_bytes(self) -> bytes:
        return (json.dumps({"outputs": self.entries}, indent=2, sort_keys=True) + "\n").encode()
