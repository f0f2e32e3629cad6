"""A run's new files: staged in a folder inside the archive, then moved in through the journal.

No file of the archive folder is ever replaced by other bytes unless it is exactly what the manifest
records (a catalogue to rebuild): a file the manifest does not record, or one that no longer matches
its record, is left as it is and the run refused with the way out (``--repair``, see ``repair.py``,
records the files present). The files are moved in through a journal (``journal.py``), the manifest
last: a crash at any moment leaves an archive the next run makes consistent.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from newsletter.archive import journal
from newsletter.archive.manifest import Manifest, not_replaced, refuse_unusable
from newsletter.build.incremental import sha256_of, sha256_of_bytes
from newsletter.errors import Diagnostic, InputError
from newsletter.files import replace_whole
from newsletter.i18n import _
from newsletter.lock import unwritable
from newsletter.paths import MANIFEST_FILE


class Staging:
    """The new manifest, edited as a run decides each file, and the files staged to be moved in."""

    def __init__(self, archive_dir: Path):
        self.dir = archive_dir
        self.old = Manifest.load(archive_dir)
        self.refusals: list[Diagnostic] = []  # files that may not be replaced
        refuse_unusable(archive_dir, self.old)
        self.files = copy.deepcopy(self.old.files)  # the new manifest
        self.folder: Path | None = None  # made when the first file is staged
        self.staged: list[str] = []
        self.renames: list[tuple[str, str]] = []  # (archived file, the name it is kept as)

    def stage(self, name: str, data: bytes, entry: dict | None = None) -> None:
        """Write ``name`` in the staging folder and, given its ``entry``, record it (when: now); refused
        when the file in the archive is neither what its record says nor these bytes."""
        if not self._replaceable(name, data):
            return
        try:
            if self.folder is None:
                self.folder = Path(tempfile.mkdtemp(prefix=journal.STAGING_PREFIX, dir=self.dir))
            (self.folder / name).parent.mkdir(parents=True, exist_ok=True)
            replace_whole(self.folder / name, data, durable=True)
        except OSError as error:
            raise InputError([unwritable(self.dir, _("the archive"), error)]) from error
        if entry is not None:
            self.files[name] = {**entry, "recorded": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
        self.staged.append(name)

    def _replaceable(self, name: str, data: bytes) -> bool:
        """Whether ``name`` may be written in the archive: absent, the same bytes, or exactly what the
        manifest records for it (a catalogue, a page, rebuilt as the series grows)."""
        path = self.dir / name
        if name == MANIFEST_FILE or (not path.exists() and not path.is_symlink()):
            return True
        record = self.old.files.get(name)
        on_disk = sha256_of(path) if path.is_file() and not path.is_symlink() else None
        if on_disk is not None and (on_disk == sha256_of_bytes(data) or (record and on_disk == record["sha256"])):
            return True
        self.refusals.append(not_replaced(path, recorded=bool(record)))
        return False

    def current(self, name: str) -> Path:
        """Where the file of ``name`` is now: staged by this run, or already in the archive."""
        return self.folder / name if self.folder is not None and name in self.staged else self.dir / name

    def commit(self) -> None:
        """Move the staged files in through the journal, the manifest last (see ``journal.py``)."""
        if self.refusals:
            raise InputError(self.refusals)
        if not self.staged and self.files == self.old.files:
            return
        self.stage(MANIFEST_FILE, Manifest(self.files).to_bytes())
        assert self.folder is not None
        renames = [(name, kept_as, self.old.files[name]["sha256"]) for name, kept_as in self.renames]
        try:
            journal.commit(self.dir, self.folder, renames, self.staged)
        except OSError as error:
            reason = error.strerror or error
            raise InputError(
                [
                    Diagnostic(
                        str(self.dir),
                        _("cannot move the new files in: {reason}", reason=reason)
                        if (self.dir / journal.JOURNAL_FILE).exists()
                        else _("cannot move the new files in: {reason}; the archive was left as it was", reason=reason),
                        hint=_(
                            "if a file of the archive is open in a viewer, close it, then run `newsletter archive` "
                            "again: it finishes this run"
                        ),
                    )
                ]
            ) from error

    def discard(self) -> None:
        """Remove the staging folder, unless the journal names it (the next run moves its files in)."""
        if self.folder is not None and not (self.dir / journal.JOURNAL_FILE).exists():
            shutil.rmtree(self.folder, ignore_errors=True)
