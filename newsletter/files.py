"""Writing a file whole or not at all: the one way this tool replaces a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_whole(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to a temporary file in ``path``'s folder, then rename it over ``path``: a failure
    (disk full, Ctrl-C) leaves the old file intact and no temporary file behind. The file is readable
    as any new file of the user's, or by the user alone when ``private``. Raises OSError."""
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
