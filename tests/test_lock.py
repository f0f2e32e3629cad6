"""One writer at a time: the lock of a folder, its message, a dead holder's lock taken over, and the
fallbacks (the lock file where the system has no lock; Windows' msvcrt, through a stand-in)."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import textwrap
import time
import types
from pathlib import Path

import pytest

from newsletter import lock
from newsletter.errors import InputError

HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from newsletter.lock import exclusive
    with exclusive(Path(sys.argv[1]), "archive", "the archive"):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def holder(folder: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the lock of ``folder`` for ``seconds``."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(folder), str(seconds)], stdout=subprocess.PIPE)
    assert process.stdout is not None and process.stdout.readline() == b"held\n"
    return process


def refusal(folder: Path, wait: float = 0.2) -> str:
    """The message of a command that waited ``wait`` seconds for the lock of ``folder`` in vain."""
    with pytest.raises(InputError) as raised, lock.exclusive(folder, "build", "the archive", wait=wait):
        pass
    return str(raised.value)


def test_the_lock_is_held_during_the_block_and_leaves_no_file(tmp_path):
    with lock.exclusive(tmp_path / "archive", "archive", "the archive"):
        held = json.loads((tmp_path / "archive" / lock.LOCK_FILE).read_text(encoding="utf-8"))
        assert (held["pid"], held["host"], held["command"]) == (os.getpid(), socket.gethostname(), "archive")
    assert list((tmp_path / "archive").iterdir()) == []


def test_a_second_command_waits_then_says_who_holds_the_lock(tmp_path):
    process = holder(tmp_path, 30)
    try:
        started = time.monotonic()
        with pytest.raises(InputError) as raised, lock.exclusive(tmp_path, "build", "the archive", wait=0.5):
            pass
        assert time.monotonic() - started >= 0.5
        message = str(raised.value)
        assert (
            f"the archive is being written by `newsletter archive` (process {process.pid} on this computer" in message
        )
        assert "wait for that command to finish" in message
    finally:
        process.kill()
        process.wait()


def test_a_second_command_goes_on_when_the_first_ends_within_the_wait(tmp_path):
    process = holder(tmp_path, 0.3)
    with lock.exclusive(tmp_path, "archive", "the archive", wait=10):
        assert process.poll() is not None  # it had to end first
    process.wait()


def test_the_lock_of_a_killed_process_is_taken_over_at_once(tmp_path):
    process = holder(tmp_path, 30)
    process.kill()  # SIGKILL: no chance to release anything
    process.wait()
    started = time.monotonic()
    with lock.exclusive(tmp_path, "archive", "the archive", wait=5):
        assert time.monotonic() - started < 1


def test_two_blocks_of_one_process_exclude_each_other(tmp_path):
    with lock.exclusive(tmp_path, "archive", "the archive"):
        assert "the archive is being written by `newsletter archive`" in refusal(tmp_path)


def test_a_folder_that_cannot_be_made_is_named_with_the_fix(tmp_path):
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(InputError) as raised, lock.exclusive(tmp_path / "file" / "archive", "archive", "the archive"):
        pass
    (problem,) = raised.value.diagnostics
    assert (problem.file, problem.message) == (str(tmp_path / "file"), "the output folder is a file, not a folder")


def test_a_folder_on_a_disk_that_fails_is_named_with_the_fix(tmp_path):
    problem = lock.unwritable(tmp_path / "archive", "the archive", OSError(errno.EIO, "Input/output error"))
    assert (problem.file, problem.message) == (
        str(tmp_path / "archive"),
        "the archive cannot be used: Input/output error",
    )
    assert problem.hint == "check that it is a folder on a disk that is connected and not full; nothing was changed"


def test_a_read_only_folder_is_read_without_a_lock(tmp_path, monkeypatch):
    def read_only(*args):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(lock, "_first_try", read_only)
    with lock.exclusive(tmp_path, "archive", "the archive"):
        assert list(tmp_path.iterdir()) == []


def test_unwritable_names_the_folder_and_the_fix(tmp_path):
    problem = lock.unwritable(tmp_path, "the archive", PermissionError(errno.EACCES, "Permission denied"))
    assert (problem.file, problem.message) == (str(tmp_path), "the archive cannot be written: Permission denied")
    assert problem.hint == (
        "make the folder writable (or copy it somewhere you can write) and run the command again; nothing was changed"
    )


# --- where the file system has no lock: the lock file ------------------------------------------


@pytest.fixture
def no_system_lock(monkeypatch):
    def unsupported(handle):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock, "_lock_os", unsupported)


def test_without_a_system_lock_the_lock_file_is_made_and_removed(tmp_path, no_system_lock):
    with lock.exclusive(tmp_path, "archive", "the archive"):
        held = json.loads((tmp_path / (lock.LOCK_FILE + ".pid")).read_text(encoding="utf-8"))
        assert held["pid"] == os.getpid()
        assert f"process {os.getpid()} on this computer" in refusal(tmp_path)
    assert not (tmp_path / (lock.LOCK_FILE + ".pid")).exists()


def test_a_lock_file_of_a_dead_process_is_taken_over(tmp_path, no_system_lock):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = {"pid": int(dead.stdout), "host": socket.gethostname(), "command": "archive", "since": "yesterday"}
    (tmp_path / (lock.LOCK_FILE + ".pid")).write_text(json.dumps(stale), encoding="utf-8")
    with lock.exclusive(tmp_path, "archive", "the archive", wait=2):
        assert json.loads((tmp_path / (lock.LOCK_FILE + ".pid")).read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_a_lock_file_of_another_computer_is_not_taken_over(tmp_path, no_system_lock):
    other = {"pid": 1, "host": "poste-accueil", "command": "archive", "since": "2021-02-05 09:00:00"}
    (tmp_path / (lock.LOCK_FILE + ".pid")).write_text(json.dumps(other), encoding="utf-8")
    assert "process 1 on the computer poste-accueil, since 2021-02-05 09:00:00" in refusal(tmp_path)


# --- Windows: msvcrt, through a stand-in that locks as Windows does (one byte, refused at once) -


def test_the_windows_lock_takes_one_byte_past_the_text_and_excludes_a_second_holder(tmp_path, monkeypatch):
    held: dict[tuple[int, int], int] = {}  # (file, byte) → the handle holding it, as Windows keeps them

    def locking(handle, mode, length):
        key = (os.fstat(handle).st_ino, os.lseek(handle, 0, os.SEEK_CUR))
        if mode == 0:
            del held[key]
        elif held.setdefault(key, handle) != handle:
            raise PermissionError(errno.EACCES, "Permission denied")  # what msvcrt raises for a locked region

    monkeypatch.setitem(sys.modules, "msvcrt", types.SimpleNamespace(LK_UNLCK=0, LK_NBLCK=2, locking=locking))
    monkeypatch.setattr(lock, "_WINDOWS", True)
    with lock.exclusive(tmp_path, "archive", "the archive"):
        assert [byte for _, byte in held] == [lock._WINDOWS_LOCKED_BYTE]
        assert f"process {os.getpid()} on this computer" in refusal(tmp_path)
    assert held == {}
    with lock.exclusive(tmp_path, "archive", "the archive", wait=0):
        pass


def test_process_alive(tmp_path):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    assert lock.process_alive(os.getpid())
    assert not lock.process_alive(int(finished.stdout))
    assert not lock.process_alive(0)
