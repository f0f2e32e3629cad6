"""`newsletter archive --repair`: the manifest made to agree with the files present, no file changed."""

from __future__ import annotations

from pathlib import Path

from archived import N01, N02, edit_manifest, manifest

from newsletter.archive.record import MANIFEST_FILE


def files_of(folder: Path) -> dict[str, bytes]:
    """The archive's files but the manifest, with their bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != MANIFEST_FILE
    }


def test_a_lost_manifest_is_made_again_from_the_files_present(cli, root):
    before, old = files_of(root / "archive"), manifest(root)
    (root / "archive" / MANIFEST_FILE).unlink()
    result = cli("--root", root, "archive", "--repair")
    assert result.code == 0, result.err
    assert f"recorded {N01} as it is (it was in the folder, not in the manifest)" in result.out
    assert files_of(root / "archive") == before
    now = manifest(root)
    assert set(now) == set(old)
    assert all(now[name]["sha256"] == old[name]["sha256"] and now[name]["size"] == old[name]["size"] for name in old)
    assert cli("--root", root, "archive", "--verify").code == 0
    again = cli("--root", root, "archive", "--layout", "journal-a4")
    assert again.code == 0, again.err  # the issues' own records come back: same bytes, same sources
    assert manifest(root)[N01]["issue"] == 1 and manifest(root)[N01]["pages"] == 1
    assert files_of(root / "archive") == before


def test_a_damaged_manifest_is_kept_aside_and_made_again(cli, root):
    (root / "archive" / MANIFEST_FILE).write_text('{"files": [', encoding="utf-8")
    result = cli("--root", root, "archive", "--repair")
    assert result.code == 0, result.err
    assert "the manifest could not be read: kept aside as .manifest.damaged-1.json, and made again" in result.out
    assert (root / "archive" / ".manifest.damaged-1.json").read_text(encoding="utf-8") == '{"files": ['
    assert cli("--root", root, "archive", "--verify").code == 0


def test_malformed_and_outside_records_are_dropped_or_made_again_and_changed_files_left(cli, root):
    edit_manifest(root, lambda files: files[N01].update(sha256=None))
    edit_manifest(root, lambda files: files.update({"/etc/hostname": {"sha256": "0" * 64, "size": 1}}))
    (root / "archive" / N02).write_bytes(b"%PDF-1.4 altered")
    result = cli("--root", root, "archive", "--repair")
    assert result.code == 1  # a recorded file changed: only a copy can bring it back
    assert "removed the record of /etc/hostname: a path outside the archive folder" in result.out
    assert f"removed the record of {N01}: its SHA-256 is null, not 64 hexadecimal characters" in result.out
    assert f"recorded {N01} as it is" in result.out
    assert f"left as recorded: {N02}: changed since it was archived" in result.err
    assert b"altered" in (root / "archive" / N02).read_bytes()
    verified = cli("--root", root, "archive", "--verify")
    assert verified.code == 1 and f"{root / 'archive' / N02}: changed since it was archived" in verified.err
    assert verified.err.count("error(s)") == 1 and "1 error(s)" in verified.err


def test_a_sound_archive_has_nothing_to_repair(cli, root):
    before = (root / "archive" / MANIFEST_FILE).read_bytes()
    result = cli("--root", root, "archive", "--repair")
    assert result.code == 0 and result.out == "nothing to repair: the manifest records the files present\n"
    assert (root / "archive" / MANIFEST_FILE).read_bytes() == before
