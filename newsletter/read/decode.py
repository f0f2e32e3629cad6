"""A file's bytes to the text YAML reads: size limit, UTF-8 only, line breaks made ``\\n``, and no
invisible characters (refused where they are, before YAML miscounts lines or hides them in a text)."""

from __future__ import annotations

import codecs
import re
import unicodedata

from newsletter.errors import Diagnostic, InputError
from newsletter.i18n import N_, _, decimal

MAX_FILE_BYTES = 1_000_000  # an issue is a few kB of text; a bigger file is the wrong file

REFUSED_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SAVE_AS_UTF8 = N_("save it as UTF-8 (in Notepad: Save as → Encoding UTF-8)")


def yaml_text(text_or_bytes: str | bytes, file: str) -> str:
    """The text of a file given as UTF-8 bytes or as text, ready for the parser: without BOM, each line
    ended by ``\\n``; raise InputError with every problem found."""
    if len(text_or_bytes) > MAX_FILE_BYTES:
        raise InputError([too_big(file, len(text_or_bytes))])
    text = _decode(text_or_bytes, file) if isinstance(text_or_bytes, bytes) else text_or_bytes
    text = text.removeprefix(codecs.BOM_UTF8.decode()).replace("\r\n", "\n").replace("\r", "\n")
    _refuse_invisible_characters(text, file)
    if not text.endswith("\n"):
        text += "\n"  # libyaml reads a last line without its line break as if it had one
    return text


def too_big(file: str, size: int) -> Diagnostic:
    return Diagnostic(
        file=file,
        message=_(
            "the file is {size} MB; these files are limited to {limit:g} MB",
            size=decimal(size / 1e6),
            limit=MAX_FILE_BYTES / 1e6,
        ),
        hint=_("these files hold a few kB of text: check that this is the right file"),
    )


def _decode(data: bytes, file: str) -> str:
    """UTF-8 bytes to text, or an error that says how to save the file properly."""
    sample = data[:200]
    mostly_nul = sample.count(0) > len(sample) // 4  # UTF-16 without BOM: every other byte of ASCII is 0
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or mostly_nul:
        raise InputError([Diagnostic(file=file, message=_("the file is saved as UTF-16"), hint=_(_SAVE_AS_UTF8))])
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column(data[: error.start].decode("utf-8"))
        byte = data[error.start]
        as_latin = bytes([byte]).decode("cp1252", errors="ignore")
        message = _(
            "byte 0x{byte:02X} at line {line}, column {column} is not UTF-8", byte=byte, line=line, column=column
        )
        if not as_latin.isprintable() or not as_latin:
            hint = _("the file was probably saved as Windows-1252/Latin-1: {fix}", fix=_(_SAVE_AS_UTF8))
            hint += _("; `newsletter check --fix` saves it as UTF-8")
        elif data.decode("utf-8", errors="ignore").isascii():
            hint = _(
                "the file was probably saved as Windows-1252/Latin-1 (where this byte is '{character}'): {fix}",
                character=as_latin,
                fix=_(_SAVE_AS_UTF8),
            )
            hint += _("; `newsletter check --fix` saves it as UTF-8")
        else:  # accented letters in UTF-8 elsewhere: a text pasted from another file, not a file to save again
            hint = _(
                "the rest of the file is UTF-8: this text was probably pasted from a file saved as "
                "Windows-1252/Latin-1 (where this byte is '{character}'); `newsletter check --fix` makes it UTF-8 "
                "and changes nothing else",
                character=as_latin,
            )
        problem = Diagnostic(file=file, line=line, column=column, message=message, hint=hint)
        raise InputError([problem]) from None


def _line_column(before: str) -> tuple[int, int]:
    """1-based line and column of the character that follows ``before``, counting breaks as YAML does."""
    before = before.replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def _refuse_invisible_characters(text: str, file: str) -> None:
    """Control characters and line separators: refused where they are, before YAML miscounts lines."""
    problems = []
    for match in REFUSED_CHARACTER.finditer(text):
        character = match.group()
        name = unicodedata.name(character, "")
        line, column = _line_column(text[: match.start()])
        problems.append(
            Diagnostic(
                file=file,
                line=line,
                column=column,
                message=_(
                    "the invisible character {character} is not allowed in these files",
                    character=f"U+{ord(character):04X}" + (f" ({name})" if name else ""),
                ),
                hint=_("delete it (it usually comes from a copy and paste); if unsure, retype the text around it"),
            )
        )
    if problems:
        raise InputError(problems)
