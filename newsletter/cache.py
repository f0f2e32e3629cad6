"""Work kept between runs in the user's cache folder: parsed fonts, images reduced for print.

Like a system's font cache, it only ever saves time: each entry is named after everything its
content depends on (the source file's path, size and date, the versions of the code that made
it), an entry that cannot be read is made again, and a cache folder that cannot be written means
the work is redone at every run, nothing more. Nothing in it is needed to build, and it may be
deleted at any time. Each kind of work keeps its :data:`LIMIT` most recently used entries
(photos change from issue to issue; the folder stays a few tens of megabytes at most).

``NEWSLETTER_CACHE`` names another cache folder; ``NEWSLETTER_CACHE=off`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

LIMIT = 200  # entries of each kind: a series' logos and photos, a few layouts' fonts


def cache_dir() -> Path | None:
    """Where work is kept: ``NEWSLETTER_CACHE``, else the platform's cache folder for the user."""
    chosen = os.environ.get("NEWSLETTER_CACHE")
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "newsletter"


def entry(kind: str, source: Path, *depends_on: object) -> Path | None:
    """The cache file for work of ``kind`` made from the file ``source`` as it is now and from
    ``depends_on`` (sizes, versions…); None when the cache is off or the source cannot be read."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        status = source.stat()
    except OSError:
        return None
    key = "|".join(map(str, (source.resolve(), status.st_size, status.st_mtime_ns, sys.version_info[:2],
                             *depends_on)))
    return folder / kind / f"{source.stem}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def read(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        os.utime(path)  # recently used: the least recently used entries are the first to go
    except OSError:
        pass
    return data


def keep(path: Path | None, data: bytes) -> None:
    """Write ``data`` whole or not at all (temporary file, then rename); failures are ignored."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
        _prune(path.parent)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    """Remove the least recently used entries beyond :data:`LIMIT`."""
    entries = [path for path in folder.iterdir() if path.suffix != ".tmp"]
    if len(entries) <= LIMIT:
        return
    entries.sort(key=lambda path: path.stat().st_mtime_ns)
    for old in entries[:len(entries) - LIMIT]:
        old.unlink(missing_ok=True)
