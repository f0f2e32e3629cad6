"""`newsletter check --fix`: the slips mended in the files themselves, as linters do.

Only what is certain is mended, and no word of a value changes: a text YAML misreads is put in quotes,
tabs and no-break spaces typed as indentation become spaces, a key typed in French becomes the key it
names, and a file saved with a byte order mark, Windows line ends or as Windows-1252 is saved again as
UTF-8 (in a UTF-8 file with a line pasted from a Windows-1252 one, only the bytes UTF-8 cannot read are
read as Windows-1252). Each diagnostic says what it would change (``Diagnostic.mend``); a file is read
again after its lines are mended, since a mended slip may uncover the next one. Only the lines concerned
change, the original is kept beside the file (``001.yaml.bak``), and mending a mended file changes nothing.
"""

from __future__ import annotations

import codecs
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from newsletter.errors import Diagnostic, InputError
from newsletter.files import write_atomic
from newsletter.i18n import _, ngettext
from newsletter.model.declare import Invalid, Record
from newsletter.model.formats import Issue, Publication
from newsletter.model.load import beside, issue_files, publication_file
from newsletter.paths import display_path
from newsletter.read import SlipsFound, parse_yaml
from newsletter.read.decode import MAX_FILE_BYTES
from newsletter.read.locate import locate_all

MAX_ROUNDS = 10  # readings of one file: each mends what the previous one uncovered
BACKUP_SUFFIX = ".bak"


@dataclass
class Mended:
    """A file ``check --fix`` changed: the lines it changed (a unified diff), what else it did (saved as
    UTF-8 …) and where the original is kept (None with ``--no-backup``)."""

    path: Path
    file: str
    diff: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    backup: Path | None = None


def mend_workspace(root: Path, paths: list[Path] | None = None, backup: bool = True) -> list[Mended]:
    """Mend the publication and the issues (all of them, or those of ``paths``), each file changed
    written whole or not at all."""
    files: list[tuple[Path, type[Record]]] = []
    publication = publication_file(root / "issues")
    if publication.is_file():
        files.append((publication, Publication))
    files += [
        (path, Issue) for path in (paths if paths is not None else issue_files(root / "issues")) if path.is_file()
    ]
    done = []
    for path, model in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue  # `check` says why it cannot be read
        if len(data) > MAX_FILE_BYTES:
            continue
        mended, text = mend_text(data, model, display_path(path, root), path)
        if mended is None:
            continue
        if backup:
            mended.backup = path.with_name(path.name + BACKUP_SUFFIX)
            write_atomic(mended.backup, data)
        write_atomic(path, text.encode("utf-8"))
        done.append(mended)
    return done


def mend_text(data: bytes, model: type[Record], file: str, path: Path) -> tuple[Mended | None, str]:
    """The file's bytes mended, as text; None when nothing is to change. The diff shows a byte that was
    not UTF-8 as ``\\xe9``."""
    text, notes = as_utf8(data)
    if text is None:
        return None, ""
    typed = plain_line_ends(data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="backslashreplace"))
    lines = text.split("\n")
    for _round in range(MAX_ROUNDS):
        mends: dict[int, str] = {}
        for diagnostic in problems("\n".join(lines), model, file):
            mend = diagnostic.mend
            if mend is not None and mend.line <= len(lines) and lines[mend.line - 1] == mend.typed:
                mends.setdefault(mend.line, mend.text)
        if not mends:
            break
        for number, line in mends.items():
            lines[number - 1] = line
        lines = "\n".join(lines).split("\n")  # a mend may write several lines (a `[…]` list as `- ` lines)
    mended = "\n".join(lines)
    if mended == text and not notes:
        return None, ""
    diff = list(difflib.unified_diff(typed.split("\n"), lines, file, _("{file} (mended)", file=file), n=0, lineterm=""))
    return Mended(path, file, diff, notes), mended


def problems(text: str, model: type[Record], file: str) -> list[Diagnostic]:
    """What `check` finds in one file's text, as it reads the file: its warnings too (a text cut at ` #4012`
    is one, and is mended), whether the file has errors or not."""
    try:
        source = parse_yaml(text, file)
    except SlipsFound as error:
        return beside(model, error)
    except InputError as error:
        return error.diagnostics
    try:
        model.parse(source.data)
    except Invalid as error:
        return source.warnings + locate_all(error.problems, source)
    return source.warnings


def as_utf8(data: bytes) -> tuple[str | None, list[str]]:
    """The text of a file saved with a byte order mark, Windows line ends or as Windows-1252 (Latin-1),
    each way said in a note; None for a file saved otherwise (UTF-16: `check` says how to save it).

    Only the bytes that are not UTF-8 are read as Windows-1252: a UTF-8 file with one pasted line keeps
    every other character, and a file all in Windows-1252 is read as such (its accented letters are
    never valid UTF-8)."""
    notes = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or data[:200].count(0) > len(data[:200]) // 4:
        return None, []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        notes.append(_("saved without its byte order mark (BOM)"))
    text = data.decode("utf-8", errors=_WINDOWS_1252)
    utf8 = data.decode("utf-8", errors="ignore")
    if len(utf8) < len(text) and utf8.isascii():
        notes.append(_("saved as UTF-8: it was saved as Windows-1252 (Latin-1)"))
    elif len(utf8) < len(text):
        count = len(text) - len(utf8)
        notes.append(
            ngettext(
                "saved as UTF-8: {count} character of this UTF-8 file was in Windows-1252 (Latin-1), "
                "as in a line pasted from another file; the other characters are unchanged",
                "saved as UTF-8: {count} characters of this UTF-8 file were in Windows-1252 (Latin-1), "
                "as in a line pasted from another file; the other characters are unchanged",
                count,
            )
        )
    if "\r" in text:
        text = plain_line_ends(text)
        notes.append(_("saved with plain line ends: it had Windows line ends (CRLF)"))
    return text, notes


def plain_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_as_windows_1252(error: UnicodeError) -> tuple[str, int]:
    """The bytes UTF-8 cannot read, read as Windows-1252 (the five it leaves undefined: as Latin-1, which
    `check` then refuses)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in bad), error.end


_WINDOWS_1252 = "newsletter-windows-1252"
codecs.register_error(_WINDOWS_1252, _read_as_windows_1252)
