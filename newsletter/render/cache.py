"""Work kept between runs in the user's cache folder: parsed fonts, images reduced for print.

Like a system's font cache, it only ever saves time. An entry is named after everything its
content depends on: the source file's bytes (not its date: a copy that keeps dates is still
seen), this tool's version and what else the caller names. It holds a checksum of its content,
so an entry damaged or cut short (a power cut) is removed and the work redone; a cache folder
that cannot be written means the work is redone at every run, nothing more. Nothing in it is
needed to build, and it may be deleted at any time. Each kind of work keeps its most recently
used entries, up to :data:`LIMIT_BYTES`.

It touches only its own files: an entry is named ``NAME-<32 hex digits>``, and only entries and the
temporary files of its own runs that were killed are ever removed. Only regular files are read
(a pipe in place of an entry would make a build wait for ever). A cache folder that holds other
files (``NEWSLETTER_CACHE`` pointing at a folder of the user's) is only read, never written or
cleaned, and a warning says so once.

``NEWSLETTER_CACHE`` names another cache folder; ``NEWSLETTER_CACHE=off`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import time
from pathlib import Path

from newsletter import __version__
from newsletter.files import read_regular, remove_abandoned, replace_whole
from newsletter.i18n import _
from newsletter.paths import is_left_by_a_system

LIMIT_BYTES = 100_000_000  # of each kind: a series' logos and photos, a few layouts' fonts
_CHECKSUM_BYTES = 16
_ENTRY = re.compile(r"^.+-[0-9a-f]{32}$")
_TEMPORARY = re.compile(r"^\..+-[0-9a-f]{32}\.(?:\d+\.)?[a-z0-9_]+\.tmp$")  # before 0.2 (no process number) too
_ABANDONED_SECONDS = 3600  # a temporary file of an older version this old was left by a run that was stopped
_warned: set[Path] = set()


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
        stored = read_regular(path)
    except OSError:  # missing, unreadable, or not a regular file (a pipe, a link): skipped
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
        foreign = _foreign(path.parent)
        if foreign:
            _warn(path.parent, foreign)
            return
        replace_whole(path, hashlib.blake2b(data, digest_size=_CHECKSUM_BYTES).digest() + data, private=True)
        _prune(path.parent)
    except OSError:
        pass


def _foreign(folder: Path) -> list[str]:
    """The files of ``folder`` that are not the cache's own (nor left there by a system)."""
    return sorted(
        name
        for name in os.listdir(folder)
        if not _ENTRY.match(name) and not _TEMPORARY.match(name) and not is_left_by_a_system(name)
    )


def _warn(folder: Path, foreign: list[str]) -> None:
    if folder in _warned:
        return
    _warned.add(folder)
    print(  # the cache has no other way to tell: it is below everything that reports
        _(
            "warning: the cache folder {folder} holds files that are not the cache's ({names}): it is only read, "
            "never written or cleaned\n    hint: set NEWSLETTER_CACHE to an empty folder of its own, or to off",
            folder=folder,
            names=", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else ""),
        ),
        file=sys.stderr,
    )


def _prune(folder: Path) -> None:
    """Remove the least recently used entries beyond :data:`LIMIT_BYTES`, and the temporary files of runs
    that were killed: the cache's own files only."""
    remove_abandoned(folder)
    entries, now = [], time.time()
    for name in os.listdir(folder):
        path = folder / name
        with contextlib.suppress(OSError):
            status = path.lstat()
            if _ENTRY.match(name):
                entries.append((status.st_mtime, status.st_size, path))
            elif _TEMPORARY.match(name) and now - status.st_mtime > _ABANDONED_SECONDS:
                path.unlink()
    total = 0
    for _modified, size, path in sorted(entries, reverse=True):
        total += size
        if total > LIMIT_BYTES:
            path.unlink(missing_ok=True)
