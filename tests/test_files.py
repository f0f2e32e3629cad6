"""Writing a file whole or not at all, and what the user is told when it cannot be written."""

import os

import pytest

from newsletter import files
from newsletter.errors import InputError


def test_a_file_is_replaced_whole_readable_as_the_users_files_or_by_the_user_alone(tmp_path):
    shared, private = tmp_path / "a.pdf", tmp_path / "entry"
    files.replace_whole(shared, b"PDF")
    files.replace_whole(private, b"cache", private=True)
    mask = os.umask(0)
    os.umask(mask)
    assert (shared.read_bytes(), private.read_bytes()) == (b"PDF", b"cache")
    assert shared.stat().st_mode & 0o777 == 0o666 & ~mask
    assert private.stat().st_mode & 0o777 == 0o600


def test_a_failure_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"printed on Monday")

    def interrupted(source, destination):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.replace_whole(target, b"new")
    assert [path.name for path in tmp_path.iterdir()] == ["a.pdf"] and target.read_bytes() == b"printed on Monday"


def test_write_atomic_replaces_the_file_with_ordinary_permissions(tmp_path):
    target = tmp_path / "sub" / "a.pdf"
    files.write_atomic(target, b"first")
    files.write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in target.parent.iterdir()] == ["a.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"printed on Monday")

    def disk_full(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(InputError) as raised:
        files.write_atomic(target, b"new")
    assert target.read_bytes() == b"printed on Monday"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
    assert "cannot write the file" in raised.value.diagnostics[0].message
