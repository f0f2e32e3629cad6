"""Tests of `newsletter archive --verify`: every recorded file hashed again against the manifest."""

from __future__ import annotations

import json
from pathlib import Path

from archived import edit_manifest

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


def test_verify_reports_a_file_present_but_not_recorded(cli, root):
    (root / "archive" / "stray.pdf").write_bytes(b"%PDF-1.4 dropped here")
    (root / "archive" / ".DS_Store").write_bytes(b"left by macOS")  # a system's file: passed over
    result = cli("--root", root, "archive", "--verify")
    assert result.code == 1
    assert (
        f"{root / 'archive' / 'stray.pdf'}: this file is in the archive folder but the manifest does not record it"
        in (result.err)
    )
    assert ".DS_Store" not in result.err and "1 error(s)" in result.err


def test_verify_reports_a_record_removed_a_size_edited_and_a_record_without_file(cli, root):
    first, second = journals(root)
    edit_manifest(root, lambda files: files.pop(first.name))
    edit_manifest(root, lambda files: files[second.name].update(size=12))
    edit_manifest(root, lambda files: files.update({"lost.pdf": {**files[second.name], "size": 3}}))
    result = cli("--root", root, "archive", "--verify")
    assert result.code == 1
    assert f"{first}: this file is in the archive folder but the manifest does not record it" in result.err
    assert f"{second}: changed since it was archived: {second.stat().st_size} bytes, 12 recorded" in result.err
    assert f"{root / 'archive' / 'lost.pdf'}: missing: this recorded file is not in the archive any more" in result.err
    assert "3 error(s)" in result.err


def test_verify_never_reads_a_path_outside_the_archive(cli, root, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not the archive's", encoding="utf-8")
    (root / "archive" / "link.pdf").symlink_to(secret)
    sha = "0" * 64
    edit_manifest(root, lambda files: files.update({"/etc/hostname": {"sha256": sha, "size": 1}}))
    edit_manifest(root, lambda files: files.update({"../secret.txt": {"sha256": sha, "size": 1}}))
    edit_manifest(root, lambda files: files.update({"link.pdf": {"sha256": sha, "size": 1}}))
    result = cli("--root", root, "archive", "--verify")
    assert result.code == 1
    manifest = root / "archive" / MANIFEST_FILE
    for name in ("/etc/hostname", "../secret.txt", "link.pdf"):
        assert f"{manifest}: the manifest records {name!r}, a path outside the archive folder: it was not read" in (
            result.err
        )


def test_verify_says_what_is_wrong_with_a_malformed_record(cli, root):
    first, second = journals(root)
    edit_manifest(root, lambda files: files[first.name].update(sha256=None))
    edit_manifest(root, lambda files: files.update({second.name: "a PDF"}))
    result = cli("--root", root, "archive", "--verify")
    assert result.code == 1 and "internal error" not in result.err
    manifest = root / "archive" / MANIFEST_FILE
    assert (
        f"{manifest}: the record of {first.name} cannot be checked: its SHA-256 is null, not 64 hexadecimal characters"
    ) in result.err
    assert f"the record of {second.name} cannot be checked: its record is not a set of fields" in result.err
    assert "hint: restore manifest.json from a copy of the archive, or run `newsletter archive --repair`" in result.err


def test_verify_of_a_damaged_manifest_says_so(cli, root):
    (root / "archive" / MANIFEST_FILE).write_text('{"files": [', encoding="utf-8")
    result = cli("--root", root, "archive", "--verify")
    assert result.code == 1 and "the manifest cannot be read" in result.err and "--repair" in result.err
