"""Tests of `newsletter archive --verify`: every recorded file hashed again against the manifest."""

from __future__ import annotations

import json
from pathlib import Path

from newsletter.archive.record import MANIFEST_FILE


def journals(root: Path) -> list[Path]:
    """The archived journal PDFs of issues n° 1 and n° 2, in number order."""
    return sorted((root / "archive").glob("*_a4.pdf"))


def test_verify_confirms_an_intact_archive(cli, root):
    recorded = json.loads((root / "archive" / MANIFEST_FILE).read_text(encoding="utf-8"))["files"]
    result = cli("--root", root, "archive", "--verify")
    assert result.code == 0
    assert result.err.strip() == f"ok: {len(recorded)} file(s) match the manifest"


def test_verify_reports_each_changed_and_missing_file(cli, root):
    first, second = journals(root)
    first.write_bytes(first.read_bytes().replace(b"/Title", b"/Titel", 1))
    second.unlink()
    result = cli("--root", root, "archive", "--verify")
    assert result.code == 1
    assert f"{first}: changed since it was archived" in result.err
    assert f"{second}: missing: this recorded file is not in the archive any more" in result.err
    assert "2 error(s)" in result.err


def test_verify_without_an_archive_says_so(cli, workspace):
    result = cli("--root", workspace.root, "archive", "--verify")
    assert result.code == 1 and "no manifest" in result.err
