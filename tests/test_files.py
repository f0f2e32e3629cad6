"""Writing a file whole or not at all, and what the user is told when it cannot be written."""

import errno
import os
import subprocess
import sys
from pathlib import Path

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


def test_a_temporary_file_is_named_after_its_process(tmp_path, monkeypatch):
    names = []
    real_replace = files.os.replace

    def seen(source, destination):
        names.append(Path(source).name)
        real_replace(source, destination)

    monkeypatch.setattr(files.os, "replace", seen)
    files.replace_whole(tmp_path / "a.pdf", b"PDF", durable=True)
    assert names[0].startswith(f".a.pdf.{os.getpid()}.") and names[0].endswith(".tmp")


def test_the_temporary_files_of_killed_runs_are_removed_and_nothing_else(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f".a.pdf.{int(dead.stdout)}.k2j4h_x1.tmp"
    running = tmp_path / f".b.pdf.{os.getppid()}.abcdefgh.tmp"
    mine = tmp_path / f".c.pdf.{os.getpid()}.abcdefgh.tmp"
    users = [tmp_path / "notes.tmp", tmp_path / ".notes.tmp", tmp_path / ".x.12.tmp", tmp_path / "a.pdf"]
    for path in [left, running, mine, *users]:
        path.write_bytes(b"")
    assert files.remove_abandoned(tmp_path) == [left]
    assert sorted(tmp_path.iterdir()) == sorted([running, mine, *users])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_only_a_regular_file_is_read_never_a_pipe_or_a_link(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "file").write_bytes(b"data")
    (tmp_path / "link").symlink_to(tmp_path / "file")
    assert files.read_regular(tmp_path / "file") == b"data"
    with pytest.raises(OSError, match="not a regular file"):
        files.read_regular(tmp_path / "pipe")
    with pytest.raises(OSError, match="Too many levels of symbolic links"):  # O_NOFOLLOW
        files.read_regular(tmp_path / "link")


def test_a_read_only_output_folder_is_named_with_the_fix(tmp_path, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files, "replace_whole", read_only)
    with pytest.raises(InputError) as raised:
        files.write_atomic(tmp_path / "out" / "a.pdf", b"PDF")
    (problem,) = raised.value.diagnostics
    assert (problem.file, problem.message) == (
        str(tmp_path / "out"),
        "cannot write in this folder: Read-only file system",
    )
    assert problem.hint == "make the folder writable, or choose another folder with --out"


@pytest.mark.parametrize("chosen, killed", [("replace", True), ("replace#2", False), ("other", False), ("", False)])
def test_the_fault_point_kills_only_where_the_tests_ask(tmp_path, chosen, killed):
    code = "from pathlib import Path; from newsletter import files; files.replace_whole(Path('a'), b'x')"
    env = {**os.environ, files.FAULT_VARIABLE: chosen}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True)
    assert result.returncode == (137 if killed else 0)
    assert (tmp_path / "a").exists() is not killed
