"""Writing the JSON Schemas where editors find them, and the first line that points a YAML file at its schema.

`init`, `new` and `schema` write them next to the issues: the schemas of the tool's version in use.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsletter.errors import Diagnostic, InputError
from newsletter.files import write_atomic
from newsletter.i18n import _
from newsletter.model.schema import KINDS, dumps, file_name
from newsletter.paths import refuse_archive_output


def write_schemas(directory: Path) -> list[Path]:
    """Write ``publication.schema.json``, ``issue.schema.json`` and ``layout.schema.json`` in ``directory``."""
    written = []
    for kind in KINDS:
        path = directory / file_name(kind)
        write_atomic(path, dumps(kind).encode("utf-8"))
        written.append(path)
    return written


def modeline(kind: str, schema_dir: Path, yaml_dir: Path) -> str:
    """The first line of a YAML file in ``yaml_dir`` that points editors at its schema in ``schema_dir``.

    The path is relative, with ``/`` on every system, so the workspace can move or be copied.
    """
    relative = Path(os.path.relpath(schema_dir / file_name(kind), yaml_dir)).as_posix()
    return f"# yaml-language-server: $schema={relative}"


def for_editors(kind: str, issues_dir: Path, text: str) -> str:
    """``text``, a file of the issues folder, after the line that points editors at its schema (in that folder)."""
    return f"{modeline(kind, issues_dir, issues_dir)}\n{text}"


def write_workspace_schemas(root: Path, out: Path | None = None) -> tuple[Path, list[Path]]:
    """`newsletter schema`: the schemas in ``out``, else next to the issues (``issues/``), and the files."""
    folder = out if out is not None else root / "issues"
    if out is None and not folder.is_dir():
        raise InputError(
            [
                Diagnostic(
                    str(folder),
                    _("no issues/ folder here"),
                    hint=_("run the command in a workspace (or use --root), or choose a folder with --out"),
                )
            ]
        )
    refuse_archive_output(folder, root)
    return folder, write_schemas(folder)
