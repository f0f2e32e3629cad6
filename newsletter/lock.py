"""One writer at a time: an exclusive lock on a folder this tool writes (the archive, a build's output).

The lock is the operating system's own on a file of the folder, ``.newsletter.lock`` (``fcntl`` on
Linux and macOS, ``msvcrt`` on Windows): the system releases it when its process ends, however it
ends, so a lock is never left behind by a killed command. Where the file system offers no such lock
(some network shares), the file itself is the lock, created only if absent; it is taken over when
the process named in it, on this computer, is gone. Either way the file says who holds the lock
(process, computer, command), for the message of the command that has to wait.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from newsletter.errors import Diagnostic, InputError
from newsletter.i18n import _
from newsletter.paths import file_in_the_way

LOCK_FILE = ".newsletter.lock"
WAIT_SECONDS = 5.0  # a second command waits this long for the first one, then says who holds the lock
_POLL_SECONDS = 0.1
_WINDOWS = sys.platform == "win32"
_WINDOWS_LOCKED_BYTE = 1 << 30  # Windows locks bytes for reading too: the one locked is far past the holder's text


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` of this computer is running (when it cannot be told: yes)."""
    if pid <= 0:
        return False
    if _WINDOWS:  # pragma: no cover - os.kill would end the process there
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: it exists
        return True
    return True


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def holder_text(what: str) -> str:
    """What the lock file says about the process that holds it."""
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    return json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "command": what, "since": started})


def _read_holder(path: Path) -> dict:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _describe(holder: dict) -> str:
    if not holder:
        return _("another newsletter command")
    where = (
        _("this computer")
        if holder.get("host") == socket.gethostname()
        else _("the computer {host}", host=holder.get("host"))
    )
    return _(
        "`newsletter {command}` (process {pid} on {where}, since {since})",
        command=holder.get("command", "?"),
        pid=holder.get("pid", "?"),
        where=where,
        since=holder.get("since", "?"),
    )


class _SystemLock:
    """The operating system's lock on the open lock file (released by the system when the process ends).

    The file is removed when the lock is released, so that no file is left in the folder: a command
    that opened it before then may hold a lock on a removed file, so a lock counts only while its file
    is still the one at the path."""

    def __init__(self, path: Path):
        self.path = path
        self.handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)

    def try_acquire(self) -> bool:
        try:
            _lock_os(self.handle)
        except (BlockingIOError, PermissionError):  # Windows says a locked region is denied
            return False
        if self._still_at_path():
            return True
        _unlock_os(self.handle)  # the file was removed by the holder that just released it: open the new one
        os.close(self.handle)
        self.handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        return False

    def _still_at_path(self) -> bool:
        try:
            named = os.stat(self.path)
        except FileNotFoundError:
            return False
        held = os.fstat(self.handle)
        return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)

    def hold(self, text: str) -> None:
        os.ftruncate(self.handle, 0)
        os.lseek(self.handle, 0, os.SEEK_SET)
        os.write(self.handle, text.encode("utf-8"))

    def release(self) -> None:
        with contextlib.suppress(OSError):  # Windows keeps an open file: it stays, empty
            os.ftruncate(self.handle, 0)
            self.path.unlink()
        with contextlib.suppress(OSError):
            _unlock_os(self.handle)
        self.close()

    def close(self) -> None:
        os.close(self.handle)


def _lock_os(handle: int) -> None:
    """Raise BlockingIOError when another process holds the lock; OSError(ENOLCK…) when there is none here."""
    if _WINDOWS:  # tested here through a stand-in msvcrt (tests/test_lock.py)
        _msvcrt_lock(handle, unlock=False)
    else:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock_os(handle: int) -> None:
    if _WINDOWS:
        _msvcrt_lock(handle, unlock=True)
    else:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_UN)


def _msvcrt_lock(handle: int, unlock: bool) -> None:
    import msvcrt  # type: ignore[import-not-found,unused-ignore]

    position = os.lseek(handle, 0, os.SEEK_CUR)
    os.lseek(handle, _WINDOWS_LOCKED_BYTE, os.SEEK_SET)
    try:
        msvcrt.locking(handle, msvcrt.LK_UNLCK if unlock else msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
    except OSError as error:
        if not unlock and error.errno in (errno.EACCES, errno.EDEADLK):
            raise BlockingIOError(errno.EAGAIN, "locked") from error
        raise
    finally:
        os.lseek(handle, position, os.SEEK_SET)


class _FileLock:
    """Where the system has no lock: the lock file itself, created only if absent (``O_EXCL``), holding
    the process and computer; taken over when that process, on this computer, is gone."""

    def __init__(self, path: Path, holder: str):
        self.path, self.holder = path, holder

    def try_acquire(self) -> bool:
        try:
            handle = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            os.write(handle, self.holder.encode("utf-8"))  # at once: an empty lock file would never go stale
        except FileExistsError:
            holder = _read_holder(self.path)
            if holder and holder.get("host") == socket.gethostname() and not process_alive(int(holder.get("pid", 0))):
                with contextlib.suppress(FileNotFoundError):  # stale: its process is gone
                    self.path.unlink()
            return False
        os.close(handle)
        return True

    def hold(self, text: str) -> None:
        pass  # written as the file was made

    def release(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()

    def close(self) -> None:
        pass


_NO_SYSTEM_LOCK = (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL)


def _first_try(path: Path, holder: str) -> tuple[_SystemLock | _FileLock, bool]:
    """The system's lock when the file system has one, else the lock file; and whether it was acquired."""
    lock = _SystemLock(path)
    try:
        return lock, lock.try_acquire()
    except OSError as error:
        os.close(lock.handle)
        if error.errno not in _NO_SYSTEM_LOCK:
            raise
    fallback = _FileLock(path.with_name(path.name + ".pid"), holder)
    return fallback, fallback.try_acquire()


@contextlib.contextmanager
def exclusive(folder: Path, what: str, label: str, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of ``folder`` (made if missing) while the block runs: ``what`` is the command holding
    it, ``label`` how the message names the folder ("the archive"). After ``wait`` seconds
    (:data:`WAIT_SECONDS`) the lock still held by another command is an :class:`InputError` that says
    who holds it. A folder that cannot be made is an InputError naming it and the fix; one that exists
    but is read-only needs no lock (no command of this user can write there: the block may only read,
    and its first write says what to do)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        holder = holder_text(what)
        lock, acquired = _first_try(folder / LOCK_FILE, holder)
    except OSError as error:
        if folder.is_dir() and (isinstance(error, PermissionError) or error.errno == errno.EROFS):
            yield
            return
        raise InputError([unwritable(folder, label, error)]) from error
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    while not acquired:
        if time.monotonic() >= deadline:
            lock.close()
            raise InputError(
                [
                    Diagnostic(
                        str(folder),
                        _(
                            "{folder} is being written by {holder}; nothing was done",
                            folder=label,
                            holder=_describe(_read_holder(lock.path)),
                        ),
                        hint=_("wait for that command to finish, then run this one again"),
                    )
                ]
            )
        time.sleep(_POLL_SECONDS)
        acquired = lock.try_acquire()
    try:
        lock.hold(holder)
        yield
    finally:
        lock.release()


def unwritable(folder: Path, label: str, error: OSError) -> Diagnostic:
    """The message for a folder this tool must write in and cannot."""
    in_the_way = file_in_the_way(folder)
    if in_the_way is not None:
        return in_the_way
    if isinstance(error, PermissionError) or error.errno == errno.EROFS:
        return Diagnostic(
            str(folder),
            _("{folder} cannot be written: {reason}", folder=label, reason=error.strerror or error),
            hint=_(
                "make the folder writable (or copy it somewhere you can write) and run the command again; "
                "nothing was changed"
            ),
        )
    return Diagnostic(
        str(folder),
        _("{folder} cannot be used: {reason}", folder=label, reason=error.strerror or error),
        hint=_("check that it is a folder on a disk that is connected and not full; nothing was changed"),
    )
