"""Replacing a file whole or not at all."""

import os

import pytest

from newsletter import files


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
