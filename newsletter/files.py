"""Writing a file whole or not at all: the one way this tool writes the files it makes (PDFs, exports,
records, schemas, the cache), and what to tell the user when the file system refuses."""

from __future__ import annotations

import contextlib
import errno
import os
import re
from pathlib import Path

from newsletter.errors import Diagnostic, InputError
from newsletter.i18n import _
from newsletter.lock import process_alive
from newsletter.paths import file_in_the_way

# ``.NAME.<pid>.<random>.tmp``: the temporary file of a write in progress, named after its process
_TEMPORARY = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]+\.tmp$")
# The hook of the fault-injection tests (tests/archive/test_journal.py): ``NAME`` or ``NAME#K`` stops the process
# as `kill -9` would at the K-th (first) passage through the point of that name. Never set otherwise.
FAULT_VARIABLE = "NEWSLETTER_TEST_KILL_AT"
_passages: dict[str, int] = {}


def fault_point(name: str) -> None:
    """A point where the tests may kill this process (see :data:`FAULT_VARIABLE`)."""
    chosen = os.environ.get(FAULT_VARIABLE)
    if not chosen:
        return
    point, _hash, count = chosen.partition("#")
    if point != name:
        return
    _passages[name] = _passages.get(name, 0) + 1
    if _passages[name] == int(count or 1):
        os._exit(137)  # as killed: no cleanup, no flush


def replace_whole(path: Path, data: bytes, private: bool = False, durable: bool = False) -> None:
    """Write ``data`` to a temporary file in ``path``'s folder, then rename it over ``path``: a failure
    (disk full, Ctrl-C) leaves the old file intact and no temporary file behind. The file is readable
    as any new file of the user's, or by the user alone when ``private``; ``durable``: on the disk
    (not only in the system's memory) when this returns, as a record must be. Raises OSError."""
    import tempfile  # here: a build with nothing changed writes nothing, and answers quicker without it

    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
        temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        if not private:  # mkstemp makes it readable by the user alone
            os.chmod(temporary, 0o666 & ~_umask())
        fault_point("replace")
        os.replace(temporary, path)
        if durable:
            sync_folder(path.parent)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def sync_folder(folder: Path) -> None:
    """Make the folder's names (renames, new files) durable; where folders cannot be opened (Windows),
    the system does it with the files' own flush."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def remove_abandoned(folder: Path) -> list[Path]:
    """Remove the temporary files this tool left in ``folder`` when a run was killed: its own naming
    only, and only those whose process is gone. Returns those removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        found = _TEMPORARY.match(name)
        if found and int(found.group(1)) != os.getpid() and not process_alive(int(found.group(1))):
            with contextlib.suppress(OSError):
                (folder / name).unlink()
                removed.append(folder / name)
    return removed


def read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file (not a link, a pipe, a device: reading a pipe would
    wait for ever); OSError otherwise."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return stream.read()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename: a failure leaves the old file intact.

    File-system failures (folder is a file, no permission, disk full, a PDF locked by a viewer on
    Windows) become an :class:`InputError` that says what to do.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_whole(path, data)
    except OSError as error:
        raise InputError([_write_problem(path, error)]) from error


def _write_problem(path: Path, error: OSError) -> Diagnostic:
    reason = error.strerror or str(error)
    in_the_way = file_in_the_way(path.parent)
    if in_the_way is not None:
        return in_the_way
    if error.errno == errno.EROFS or (isinstance(error, PermissionError) and not os.access(path.parent, os.W_OK)):
        return Diagnostic(
            str(path.parent),
            _("cannot write in this folder: {reason}", reason=reason),
            hint=_("make the folder writable, or choose another folder with --out"),
        )
    if isinstance(error, PermissionError) and path.exists():
        hint = _("if the file is open in a PDF viewer, close the PDF and retry")
    elif isinstance(error, PermissionError):
        hint = _("choose a folder you can write to with --out")
    elif error.errno == errno.ENOSPC:
        hint = _("free some disk space and retry; the previous file is intact")
    else:
        hint = _("check that the output folder exists and is a folder, or choose another with --out")
    return Diagnostic(str(path), _("cannot write the file: {reason}", reason=reason), hint=hint)
