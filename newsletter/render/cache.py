"""Work kept between runs in the user's cache folder: parsed fonts, images reduced for print.

Like a system's font cache, it only ever saves time. An entry is named after everything its
content depends on: the source file's bytes (not its date: a copy that keeps dates is still
seen), this tool's version and what else the caller names. It holds a checksum of its content,
so an entry damaged or cut short (a power cut) is removed and the work redone; a cache folder
that cannot be written means the work is redone at every run, nothing more. Nothing in it is
needed to build, and it may be deleted at any time. Each kind of work keeps its most recently
used entries, up to :data:`LIMIT_BYTES`.

``NEWSLETTER_CACHE`` names another cache folder; ``NEWSLETTER_CACHE=off`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
from pathlib import Path

from newsletter import __version__
from newsletter.files import replace_whole

LIMIT_BYTES = 100_000_000  # of each kind: a series' logos and photos, a few layouts' fonts
_CHECKSUM_BYTES = 16
_ABANDONED_SECONDS = 3600  # a temporary file this old was left by a run that was stopped


def cache_dir() -> Path | None:
    """Where work is kept: ``NEWSLETTER_CACHE``, else the platform's cache folder for the user; None
    when the cache is off or the user has no home folder to hold it."""
    chosen = os.environ.get("NEWSLETTER_CACHE")
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen)
    try:
        if sys.platform == "win32":
            base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        elif sys.platform == "darwin":
            base = Path.home() / "Library" / "Caches"
        else:
            base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except (RuntimeError, KeyError):  # no home folder (a service account, a container's user)
        return None
    return base / "newsletter"


def entry(kind: str, name: str, content: bytes, *depends_on: object) -> Path | None:
    """The cache file for work of ``kind`` made from ``content`` (a file's bytes; ``name`` makes the
    entry recognisable) and ``depends_on`` (sizes, versions…); None when the cache is off."""
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.blake2b(content, digest_size=16)
    key.update(repr((__version__, sys.version_info[:2], *depends_on)).encode())
    return folder / kind / f"{Path(name).stem}-{key.hexdigest()}"


def read(path: Path | None) -> bytes | None:
    """The entry's content, or None: missing, unreadable, or damaged (then removed)."""
    if path is None:
        return None
    try:
        stored = path.read_bytes()
    except OSError:
        return None
    checksum, data = stored[:_CHECKSUM_BYTES], stored[_CHECKSUM_BYTES:]
    if checksum != hashlib.blake2b(data, digest_size=_CHECKSUM_BYTES).digest():
        path.unlink(missing_ok=True)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: the least recently used entries are the first to go
    return data


def keep(path: Path | None, data: bytes) -> None:
    """Write the entry whole or not at all, readable by the user alone; failures are ignored (an
    entry cut short by a power cut fails its checksum and is made again)."""
    if path is None:
        return
    try:
        for folder in (path.parent.parent, path.parent):  # the user's own: others cannot read or plant entries
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        replace_whole(path, hashlib.blake2b(data, digest_size=_CHECKSUM_BYTES).digest() + data, private=True)
        _prune(path.parent)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    """Remove the least recently used entries beyond :data:`LIMIT_BYTES`, and abandoned temporary files."""
    entries, now = [], time.time()
    for path in folder.iterdir():
        status = path.stat()
        if path.suffix != ".tmp":
            entries.append((status.st_mtime, status.st_size, path))
        elif now - status.st_mtime > _ABANDONED_SECONDS:
            path.unlink(missing_ok=True)
    total = 0
    for _, size, path in sorted(entries, reverse=True):
        total += size
        if total > LIMIT_BYTES:
            path.unlink(missing_ok=True)
