"""A run's files staged, then moved in: a file of the archive is never written over unless it is what
the manifest records, and a run stopped or refused leaves the archive as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from archived import JOURNAL, N02, edit_headline, edit_manifest, manifest, refused, snapshot

from conftest import issue
from newsletter.paths import MANIFEST_FILE


def test_an_altered_file_is_never_replaced_and_a_missing_one_is_made_again(cli, root):
    """Issue 15: the archive never writes over a file whose bytes differ from what it would write."""
    original = (root / "archive" / N02).read_bytes()
    (root / "archive" / N02).write_bytes(b"%PDF-1.4 not the archived file")
    err = refused(cli, root)
    assert f"{root / 'archive' / N02}: this file no longer matches its record in the manifest" in err
    assert (root / "archive" / N02).read_bytes() == b"%PDF-1.4 not the archived file"
    (root / "archive" / N02).unlink()
    result = cli("--root", root, "archive", *JOURNAL)
    assert result.code == 0, result.err
    assert f"restored {N02}" in result.out
    assert (root / "archive" / N02).read_bytes() == original


@pytest.mark.parametrize("failure, code", [(RuntimeError("disk on fire"), 1), (KeyboardInterrupt(), 130)])
def test_an_archive_interrupted_while_rendering_leaves_the_previous_archive(cli, root, monkeypatch, failure, code):
    from newsletter.archive import record as archive

    real_render, calls = archive.render, []

    def render_then_fail(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise failure
        return real_render(*args, **kwargs)

    monkeypatch.setattr("newsletter.archive.record.render", render_then_fail)
    (root / "issues" / "003.yaml").write_text(issue(3, "2021-02-12"), encoding="utf-8")
    (root / "issues" / "004.yaml").write_text(issue(4, "2021-02-19"), encoding="utf-8")
    before = snapshot(root / "archive")
    result = cli("--root", root, "archive", *JOURNAL)
    assert (result.code, len(calls)) == (code, 2)
    assert snapshot(root / "archive") == before  # nor any staging folder left


def test_a_failure_while_moving_files_in_puts_everything_back(cli, root, monkeypatch):
    from newsletter.archive import journal

    real_replace = journal.os.replace

    def manifest_fails(source, destination):
        if Path(source).parent.name.startswith(".staging-") and Path(destination) == root / "archive" / MANIFEST_FILE:
            raise OSError("disk full")  # the new manifest, moved in last: the moves before are undone
        real_replace(source, destination)

    monkeypatch.setattr(journal.os, "replace", manifest_fails)
    before = snapshot(root / "archive")
    edit_headline(root, 1, "Les téléphones fonctionnent toujours")
    err = refused(cli, root, "--supersede", "1")
    assert "disk full" in err and "the archive was left as it was" in err
    assert snapshot(root / "archive") == before


def test_a_file_the_manifest_lost_is_not_replaced_by_other_bytes(cli, root):
    before = snapshot(root / "archive")
    edit_manifest(root, lambda files: files.pop(N02))
    edit_headline(root, 2, "Une autre manchette")
    err = refused(cli, root)
    assert (
        f"{root / 'archive' / N02}: this file is in the archive folder but the manifest does not record it, "
        "and this run would write other bytes there: it is not replaced"
    ) in err
    assert (root / "archive" / N02).read_bytes() == before[N02]


def test_a_file_the_manifest_lost_is_recorded_again_when_its_bytes_are_the_same(cli, root):
    before = manifest(root)
    edit_manifest(root, lambda files: files.pop(N02))
    result = cli("--root", root, "archive", *JOURNAL)
    assert result.code == 0, result.err
    assert manifest(root)[N02]["sha256"] == before[N02]["sha256"]


def test_a_read_only_archive_with_something_to_archive_names_the_folder_and_the_fix(cli, root, monkeypatch):
    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("newsletter.archive.staging.tempfile.mkdtemp", read_only)
    (root / "issues" / "003.yaml").write_text(issue(3, "2021-02-12"), encoding="utf-8")
    err = refused(cli, root)
    assert "internal error" not in err
    assert f"{root / 'archive'}: the archive cannot be written: Permission denied" in err
    assert "make the folder writable" in err
