"""The message catalogues as files: ``.po`` sources read and written, ``.mo`` compiled, and the message ids
found in the code.

``python -m newsletter.translations`` brings both ``.po`` files up to date with the code (new ids
added, untranslated in French; ids no longer used removed) and compiles the ``.mo`` files beside
them. After a merge or rebase that left conflict markers in a ``.po``, it keeps the translations of
both sides. The wheel's build compiles them too (``hatch_build.py``): the ``.mo`` files are not committed.
"""

from __future__ import annotations

import ast
import re
import string
import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
LOCALE_DIR = PACKAGE / "data" / "locale"
DOMAIN = "newsletter"
PLURAL_FORMS = {"en": "nplurals=2; plural=(n != 1);", "fr": "nplurals=2; plural=(n > 1);"}
TRANSLATING = {"_", "ngettext", "N_"}  # the functions of newsletter.i18n whose first arguments are ids
# Also ids, by the declaration kit's convention (newsletter/model/declare.py): a field's description,
# `field(kind, "description", ...)`, and the docstring of a record (a class deriving from Record), which
# the JSON Schemas show.
DESCRIBED = "field"
RECORD = "Record"


@dataclass
class Entry:
    """One message of a ``.po`` file: its id (and plural id), its translations (one per plural form)."""

    msgid: str
    msgstr: list[str] = field(default_factory=lambda: [""])
    msgid_plural: str | None = None
    comments: list[str] = field(default_factory=list)  # the lines starting with #, as written

    @property
    def fuzzy(self) -> bool:
        return any(line.startswith("#,") and "fuzzy" in line for line in self.comments)

    @property
    def translated(self) -> bool:
        return all(self.msgstr) and not self.fuzzy


# --- .po files ------------------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
_KEYWORD = re.compile(r"^(msgid|msgid_plural|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda match: _ESCAPES.get(match.group(1), match.group(1)), text.strip()[1:-1])


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    lines = escaped.split("\n")
    pieces = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if len(pieces) <= 1:
        return f'"{pieces[0] if pieces else ""}"'
    return '""\n' + "\n".join(f'"{piece}"' for piece in pieces)


def parse_po(text: str, origin: str = "<po>") -> list[Entry]:
    """The entries of a ``.po`` file's text (the header is the entry whose id is empty)."""
    entries: list[Entry] = []
    comments: list[str] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if current is not None:
                current, target = None, None
            comments.append(stripped)
            continue
        if stripped.startswith('"'):
            if current is None or target is None:
                raise ValueError(f"{origin}:{number}: a string continues nothing")
            key, index = target
            if key == "msgid":
                current.msgid += _unquote(stripped)
            elif key == "msgid_plural":
                current.msgid_plural = (current.msgid_plural or "") + _unquote(stripped)
            else:
                current.msgstr[index] += _unquote(stripped)
            continue
        match = _KEYWORD.match(stripped)
        if not match:
            raise ValueError(f"{origin}:{number}: not a line of a .po file: {line!r}")
        keyword, index_text, value = match.groups()
        if keyword == "msgid":
            current = Entry(_unquote(value), [], comments=comments)
            comments = []
            entries.append(current)
            target = ("msgid", 0)
            continue
        if current is None:
            raise ValueError(f"{origin}:{number}: {keyword} before any msgid")
        if keyword == "msgid_plural":
            current.msgid_plural = _unquote(value)
            target = ("msgid_plural", 0)
        else:
            index = int(index_text or 0)
            while len(current.msgstr) <= index:
                current.msgstr.append("")
            current.msgstr[index] = _unquote(value)
            target = ("msgstr", index)
    return entries


def read_po(path: Path) -> list[Entry]:
    return parse_po(path.read_text(encoding="utf-8"), str(path))


def conflict_sides(text: str) -> tuple[str, str]:
    """Both versions of a file that git left with conflict markers (``<<<<<<<``, ``=======``, ``>>>>>>>``)."""
    sides: tuple[list[str], list[str]] = ([], [])
    keep = (True, True)
    for line in text.splitlines(keepends=True):
        if line.startswith("<<<<<<<"):
            keep = (True, False)
        elif line.startswith("|||||||"):  # diff3's common ancestor: in neither side
            keep = (False, False)
        elif line.startswith("=======") and keep != (True, True):
            keep = (False, True)
        elif line.startswith(">>>>>>>"):
            keep = (True, True)
        else:
            for side, kept in zip(sides, keep, strict=True):
                if kept:
                    side.append(line)
    return "".join(sides[0]), "".join(sides[1])


def read_merged(path: Path) -> list[Entry]:
    """The entries of a ``.po`` file; of both its sides when a merge left conflict markers in it (the
    translations of both kept, the first side's where both translate the same id)."""
    text = path.read_text(encoding="utf-8")
    if "\n<<<<<<<" not in "\n" + text:
        return parse_po(text, str(path))
    first, second = (parse_po(side, str(path)) for side in conflict_sides(text))
    translated = {entry.msgid: entry for entry in second + first if entry.translated}
    return [translated.get(entry.msgid, entry) for entry in first + second]


def format_po(entries: list[Entry]) -> str:
    """The text of a ``.po`` file holding ``entries``, in their order."""
    blocks = []
    for entry in entries:
        lines = list(entry.comments) + [f"msgid {_quote(entry.msgid)}"]
        if entry.msgid_plural is not None:
            lines.append(f"msgid_plural {_quote(entry.msgid_plural)}")
            lines += [f"msgstr[{index}] {_quote(text)}" for index, text in enumerate(entry.msgstr)]
        else:
            lines.append(f"msgstr {_quote(entry.msgstr[0] if entry.msgstr else '')}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# --- .mo files ------------------------------------------------------------------------------------


def compile_mo(entries: list[Entry]) -> bytes:
    """The GNU ``.mo`` file of the translated entries (as ``msgfmt`` writes it, with no hash table)."""
    pairs = {}
    for entry in entries:
        if not entry.translated and entry.msgid:
            continue
        msgid = entry.msgid if entry.msgid_plural is None else f"{entry.msgid}\0{entry.msgid_plural}"
        pairs[msgid.encode("utf-8")] = "\0".join(entry.msgstr).encode("utf-8")
    keys = sorted(pairs)
    header_size, count = 7 * 4, len(keys)
    originals, translations = header_size, header_size + 8 * count
    data = header_size + 16 * count
    table_originals, table_translations, blob = [], [], b""
    for key in keys:
        table_originals += [len(key), data + len(blob)]
        blob += key + b"\0"
    for key in keys:
        table_translations += [len(pairs[key]), data + len(blob)]
        blob += pairs[key] + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, count, originals, translations, 0, data)
    return head + struct.pack(f"<{4 * count}I", *table_originals, *table_translations) + blob


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def compile_all() -> list[Path]:
    """Write the ``.mo`` beside each ``.po``; return them."""
    written = []
    for language in languages():
        source = po_path(language)
        target = source.with_suffix(".mo")
        target.write_bytes(compile_mo(read_po(source)))
        written.append(target)
    return written


# --- message ids in the code ----------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """A message id found in the code, where, and how it is used."""

    msgid: str
    plural: str | None
    place: str  # path:line
    values: frozenset[str] | None  # the names given to format it; None when it is not formatted here


def placeholders(text: str) -> set[str]:
    """The names of ``text``'s ``{placeholders}`` (``{count}``, ``{path}``)."""
    try:
        return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return {"<unbalanced braces>"}


def _described(tree: ast.Module) -> Iterator[tuple[str, int]]:
    """The descriptions of declared fields and records: ids, by the declaration kit's convention."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == DESCRIBED:
            if len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
                yield node.args[1].value, node.lineno
        elif isinstance(node, ast.ClassDef) and any(
            getattr(base, "id", getattr(base, "attr", None)) == RECORD for base in node.bases
        ):
            docstring = ast.get_docstring(node, clean=True)
            if docstring:
                yield docstring, node.lineno


def _command_docstrings(tree: ast.Module) -> Iterator[ast.FunctionDef]:
    """The functions registered as commands (``@app.command``, ``@app.callback``): their docstring is their help."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                call = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(call, ast.Attribute) and call.attr in ("command", "callback"):
                    yield node


def messages_in(path: Path, relative_to: Path = PACKAGE.parent) -> tuple[list[Message], list[str]]:
    """The message ids of a module, and the calls whose id is not a literal string (they cannot be found)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = path.relative_to(relative_to).as_posix()
    found, unreadable = [], []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in TRANSLATING):
            continue
        place = f"{name}:{node.lineno}"
        texts = node.args[: 2 if node.func.id == "ngettext" else 1]
        if not texts or not all(isinstance(t, ast.Constant) and isinstance(t.value, str) for t in texts):
            marked = (
                node.func.id == "_" and node.args and isinstance(node.args[0], (ast.Name, ast.Attribute, ast.Subscript))
            )
            if not marked:
                unreadable.append(f"{place}: {ast.unparse(node)[:80]}")
            continue  # _(variable): translates an id marked with N_ where it is written
        values: frozenset[str] | None = None
        if node.func.id == "_" and node.keywords:
            values = frozenset(k.arg for k in node.keywords if k.arg)
        elif node.func.id == "ngettext":
            values = frozenset({"count"} | {k.arg for k in node.keywords if k.arg})
        strings = [t.value for t in texts if isinstance(t, ast.Constant) and isinstance(t.value, str)]
        found.append(Message(strings[0], strings[1] if len(strings) > 1 else None, place, values))
    for function in _command_docstrings(tree):
        docstring = ast.get_docstring(function, clean=True)
        if docstring:
            found.append(Message(docstring, None, f"{name}:{function.lineno}", None))
    found += [Message(text, None, f"{name}:{line}", None) for text, line in _described(tree)]
    found.sort(key=lambda message: int(message.place.rpartition(":")[2]))
    return found, unreadable


def messages(package: Path = PACKAGE) -> tuple[list[Message], list[str]]:
    """Every message id of the package's code, in the order of the files and lines."""
    found: list[Message] = []
    unreadable: list[str] = []
    for path in sorted(package.rglob("*.py")):
        more, wrong = messages_in(path)
        found += more
        unreadable += wrong
    return found, unreadable


# --- bringing the catalogues up to date --------------------------------------------------------------


def header(language: str) -> Entry:
    lines = [
        "Project-Id-Version: newsletter",
        f"Language: {language}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
        f"Plural-Forms: {PLURAL_FORMS[language]}",
    ]
    return Entry("", ["".join(line + "\n" for line in lines)])


def updated(language: str, existing: list[Entry], found: list[Message]) -> list[Entry]:
    """The catalogue of ``language`` for the ids ``found`` (in their order, each once), keeping the
    translations already written. English translates each id to itself."""
    known = {entry.msgid: entry for entry in existing}
    result = [header(language)]
    seen: set[str] = set()
    wanted = [Entry(m.msgid, msgid_plural=m.plural, comments=[f"#: {m.place.split(':')[0]}"]) for m in found]
    for entry in wanted:
        if entry.msgid in seen or not entry.msgid:
            continue
        seen.add(entry.msgid)
        forms = 1 if entry.msgid_plural is None else 2
        old = known.get(entry.msgid)
        if language == "en":
            msgstr = [entry.msgid] if forms == 1 else [entry.msgid, entry.msgid_plural or ""]
        elif old is not None and len(old.msgstr) == forms:
            msgstr = old.msgstr
        else:
            msgstr = [""] * forms
        flags = [line for line in (old.comments if old else []) if not line.startswith("#:")]
        result.append(Entry(entry.msgid, msgstr, entry.msgid_plural, entry.comments + flags))
    return result


def update() -> list[str]:
    """Bring every ``.po`` up to date with the code, compile the ``.mo`` files; return what is left to translate."""
    found, unreadable = messages()
    if unreadable:
        raise SystemExit("message ids must be literal strings:\n" + "\n".join(unreadable))
    untranslated = []
    for language in languages():
        path = po_path(language)
        entries = updated(language, read_merged(path), found)
        path.write_text(format_po(entries), encoding="utf-8")
        untranslated += [f"{language}: {entry.msgid!r}" for entry in entries[1:] if not entry.translated]
    compile_all()
    return untranslated


if __name__ == "__main__":
    left = update()
    print("\n".join(["untranslated:", *left] if left else ["every message is translated"]), file=sys.stderr)
