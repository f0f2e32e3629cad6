"""Which PDFs are up to date: the SHA-256 of everything each one is made from, kept next to them.

A PDF is up to date when its file holds the bytes recorded when it was written and the fingerprint
of its inputs (issue, publication, layout, images, custom fonts, tool version, render options) is
unchanged. Deciding this hashes files and nothing else: it never loads reportlab.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsletter import __version__
from newsletter.model.document import IssueDocument
from newsletter.render.pdf.fonts import BUNDLED_DIR, STYLES, font_file
from newsletter.model.layout import Layout, LayoutRef
from newsletter.model.load import display_path
from newsletter.model.print_options import RenderOptions
from newsletter.read.paths import is_inside
from newsletter.build.uptodate import sha256_of, sha256_of_bytes

STATE_FILE = ".newsletter-state.json"
MISSING, OUTDATED, UP_TO_DATE = "missing", "outdated", "up to date"


@dataclass(frozen=True)
class Input:
    """One file a PDF is made from: what it is for, where it is (as the user reads it), its SHA-256."""

    role: str  # issue, publication, layout, image or font
    path: str
    sha256: str


def inputs_of(document: IssueDocument, ref: LayoutRef, layout: Layout, root: Path,
              sha256: Callable[[Path], str] = sha256_of) -> list[Input]:
    """Every file the PDF of ``document`` in this layout is drawn from, with its hash (``sha256``: a
    plan's, which hashes each file once)."""
    return [Input(role, _shown(path, ref, root), sha256(path))
            for role, path in input_paths(document, ref, layout, root)]


def input_paths(document: IssueDocument, ref: LayoutRef, layout: Layout, root: Path) -> list[tuple[str, Path]]:
    """Every file the PDF of ``document`` in this layout is drawn from (bundled fonts ship with the tool)."""
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
