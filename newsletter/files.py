"""Writing a file whole or not at all: the one way this tool writes the files it makes (PDFs, exports,
records, schemas, the cache), and what to tell the user when the file system refuses."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from newsletter.errors import Diagnostic, InputError
from newsletter.i18n import _


def replace_whole(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to a temporary file in ``path``'s folder, then rename it over ``path``: a failure
    (disk full, Ctrl-C) leaves the old file intact and no temporary file behind. The file is readable
    as any new file of the user's, or by the user alone when ``private``. Raises OSError."""
    import tempfile  # here: a build with nothing changed writes nothing, and answers quicker without it

    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if not private:  # mkstemp makes it readable by the user alone
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


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
    in_the_way = _file_in_the_way(path.parent)
    if in_the_way is not None:
        return Diagnostic(
            str(in_the_way),
            _("the output folder is a file, not a folder"),
            hint=_("choose another folder with --out, or move or rename this file"),
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


def _file_in_the_way(folder: Path) -> Path | None:
    """The file standing where ``folder`` or one of its parents should be a folder, if any."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None
