"""Read the users' YAML files safely: every scalar stays text and every node keeps its position.

The tree is built from the parser's events rather than by a YAML loader, so nothing is converted
(``0241054000`` stays a phone number, ``no`` stays "no"), tags, anchors and aliases are refused,
and every value remembers the line and column where it was typed, for later error messages.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from newsletter.errors import Diagnostic, InputError, field_path

MAX_FILE_BYTES = 1_000_000  # an issue is a few kB of text; a bigger file is the wrong file
MAX_DEPTH = 50

# libyaml yields the same events and marks about twenty times faster, but it words its errors
# differently and, unlike the pure-Python parser, accepts tabs as separators, a U+FEFF inside the
# text, `|#` block headers and undefined `!x!` tag handles. So it only reads text without those,
# and any text it refuses is parsed again in pure Python, whose error messages the explanations
# below rely on: every machine gives the same answer, with or without libyaml (the tests run
# under both).
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_LIBYAML_DIFFERS = re.compile("\t|\ufeff|[|>][-+0-9]*#|!\\S*!")

_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
_REFUSED_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_COMMENT_AFTER_TEXT = re.compile(r"[ \t]+(#)(\S?)")
_KEY_WITHOUT_SPACE = re.compile(r"([A-Za-z_][\w-]*):(?!//)(\S.*)")
# A block line: indentation, list dashes, an optional `key: `, then the value as typed.
_BLOCK_LINE = re.compile(
    r"(?P<indent> *)(?P<dashes>(?:- +)*)(?:(?P<key>\w(?:[\w .-]*\w)?):(?: +|$))?(?P<value>.*)"
)
_FIX_BY_QUOTING = "put the whole text in quotes: {}"
_SAVE_AS_UTF8 = "save it as UTF-8 (in Notepad: Save as → Encoding UTF-8)"


@dataclass
class Source:
    """A parsed YAML file: its tree of texts, and where each part of it was typed."""

    file: str
    data: Any
    marks: dict[tuple, tuple[int, int]]
    key_marks: dict[tuple, tuple[int, int]]
    warnings: list[Diagnostic]
    lines: list[str] = dataclasses.field(default_factory=list)  # the file's text, line by line

    def position(self, path: tuple) -> tuple[int | None, int | None]:
        """Position of path, or of its nearest ancestor that has one (used for 'missing key' errors)."""
        for length in range(len(path), -1, -1):
            mark = self.marks.get(tuple(path[:length]))
            if mark is not None:
                return mark
        return None, None

    def position_in(self, path: tuple, typed: str) -> tuple[int | None, int | None]:
        """Where ``typed`` first appears in the value at ``path``, which may span several lines; the
        value's start when it is not typed as such (written as an escape, like ``\\u4e2d``)."""
        line, column = self.position(path)
        if line is None or column is None:
            return line, column
        # The value ends where the next one starts (a key's text, or the next item of a list).
        end = min((mark for mark in [*self.marks.values(), *self.key_marks.values()] if mark > (line, column)),
                  default=(len(self.lines) + 1, 1))
        for number in range(line, min(end[0], len(self.lines)) + 1):
            text = self.lines[number - 1][:end[1] - 1] if number == end[0] else self.lines[number - 1]
            found = text.find(typed, column - 1 if number == line else 0)
            if found >= 0:
                return number, found + 1
        return line, column


def read_yaml(path: Path, display: str | None = None) -> Source:
    """Read and parse the YAML file at ``path``; diagnostics name it ``display`` (default: path)."""
    file = display if display is not None else str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError([_too_big(file, size)])
        data = path.read_bytes()
    except OSError as error:
        message = f"cannot read the file ({error.strerror})"
        raise InputError([Diagnostic(file=file, message=message)]) from None
    return parse_yaml(data, file)


def parse_yaml(text_or_bytes: str | bytes, file: str) -> Source:
    """Parse YAML given as UTF-8 bytes or as text; raise InputError with every problem found."""
    if len(text_or_bytes) > MAX_FILE_BYTES:
        raise InputError([_too_big(file, len(text_or_bytes))])
    text = _decode(text_or_bytes, file) if isinstance(text_or_bytes, bytes) else text_or_bytes
    text = text.removeprefix(codecs.BOM_UTF8.decode()).replace("\r\n", "\n").replace("\r", "\n")
    _refuse_invisible_characters(text, file)
    if not text.endswith("\n"):
        text += "\n"  # libyaml reads a last line without its line break as if it had one
    return _TreeBuilder(text, file).build()


def _too_big(file: str, size: int) -> Diagnostic:
    return Diagnostic(
        file=file,
        message=f"the file is {size / 1e6:.1f} MB; these files are limited to {MAX_FILE_BYTES / 1e6:g} MB",
        hint="these files hold a few kB of text: check that this is the right file",
    )


def _decode(data: bytes, file: str) -> str:
    """UTF-8 bytes to text, or an error that says how to save the file properly."""
    sample = data[:200]
    mostly_nul = sample.count(0) > len(sample) // 4  # UTF-16 without BOM: every other byte of ASCII is 0
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or mostly_nul:
        raise InputError([Diagnostic(file=file, message="the file is saved as UTF-16", hint=_SAVE_AS_UTF8)])
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column(data[: error.start].decode("utf-8"))
        byte = data[error.start]
        as_latin = bytes([byte]).decode("cp1252", errors="ignore")
        seen_as = f" (where this byte is '{as_latin}')" if as_latin.isprintable() and as_latin else ""
        message = f"byte 0x{byte:02X} at line {line}, column {column} is not UTF-8"
        hint = f"the file was probably saved as Windows-1252/Latin-1{seen_as}: {_SAVE_AS_UTF8}"
        problem = Diagnostic(file=file, line=line, column=column, message=message, hint=hint)
        raise InputError([problem]) from None


def _line_column(before: str) -> tuple[int, int]:
    """1-based line and column of the character that follows ``before``, counting breaks as YAML does."""
    before = before.replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def _refuse_invisible_characters(text: str, file: str) -> None:
    """Control characters and line separators: refused where they are, before YAML miscounts lines."""
    problems = []
    for match in _REFUSED_CHARACTER.finditer(text):
        character = match.group()
        name = unicodedata.name(character, "")
        line, column = _line_column(text[: match.start()])
        problems.append(
            Diagnostic(
                file=file,
                line=line,
                column=column,
                message=f"the invisible character U+{ord(character):04X}{f' ({name})' if name else ''} "
                "is not allowed in these files",
                hint="delete it (it usually comes from a copy and paste); if unsure, retype the text "
                "around it",
            )
        )
    if problems:
        raise InputError(problems)


def _parse_events(text: str):
    if _FAST_LOADER is not None and not _LIBYAML_DIFFERS.search(text):
        try:
            return list(yaml.parse(text, Loader=_FAST_LOADER))
        except yaml.YAMLError:
            pass  # parsed again below for PyYAML's error messages
    return yaml.parse(text, Loader=yaml.SafeLoader)


@dataclass(frozen=True)
class _Position:
    """A 0-based place in the text, for problems found beside the parser's own marks."""

    line: int
    column: int


_NO_KEY = object()  # a mapping is waiting for its next key
_DROPPED = object()  # the next value of a mapping is not kept (its key was refused)


class _Container:
    """A mapping or list being filled while the events are read."""

    def __init__(self, node: dict | list, path: tuple | None, column: int | None):
        self.node = node
        self.path = path  # None inside a part of the tree that is dropped
        self.column = column  # indentation of a block collection; None for [...] and {...}
        self.key: Any = _NO_KEY
        self.key_lines: dict[str, int] = {}
        self.plain_items: list[yaml.ScalarEvent] = []  # list items typed as plain text

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.node, dict)

    def child_path(self) -> tuple | None:
        if self.path is None or self.key is _DROPPED:
            return None
        return self.path + ((self.key,) if self.is_mapping else (len(self.node),))

    def add(self, value: Any) -> None:
        if not self.is_mapping:
            self.node.append(value)
            return
        if self.key is not _DROPPED:
            self.node[self.key] = value
        self.key = _NO_KEY


class _TreeBuilder:
    """Builds the tree from parser events with an explicit stack, collecting every problem."""

    def __init__(self, text: str, file: str):
        self.text = text
        self.lines = text.split("\n")
        self.file = file
        self.stack: list[_Container] = []
        self.root: Any = None
        self.root_event: yaml.NodeEvent | None = None
        self.documents = 0
        self.marks: dict[tuple, tuple[int, int]] = {}
        self.key_marks: dict[tuple, tuple[int, int]] = {}
        self.errors: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []

    def build(self) -> Source:
        try:
            for event in _parse_events(self.text):
                if not self._take(event):
                    break
        except yaml.YAMLError as error:
            explained = self._with_field(_SyntaxExplainer(self.text, self.lines, error).diagnostic(self.file))
            if not any((e.line, e.column) == (explained.line, explained.column) for e in self.errors):
                self.errors.append(explained)  # else the same slip is already reported, more precisely
        else:
            self._check_root()
        if self.errors:
            self._raise()
        return Source(self.file, self.root, self.marks, self.key_marks, self.warnings, self.lines)

    def _with_field(self, diagnostic: Diagnostic) -> Diagnostic:
        """The syntax error with the field typed on its line, when the tree built so far tells it."""
        path = self._path_on_line(diagnostic.line) if diagnostic.line is not None and self.stack else None
        return dataclasses.replace(diagnostic, field=field_path(path)) if path else diagnostic

    def _path_on_line(self, number: int) -> tuple | None:
        """Path of the value typed on line ``number`` (1-based): the key the parser just read, or a
        `key:` or `- ` at the indentation of the collection being filled (the parser reads ahead)."""
        container = self.stack[-1]
        parts = _BLOCK_LINE.match(self.lines[number - 1] if number <= len(self.lines) else "")
        if container.path is None or container.column is None:  # inside [...] or {...}: that value
            return container.path or None
        if not container.is_mapping:
            return container.path + (len(container.node),) if parts["dashes"] else None
        if container.key not in (_NO_KEY, _DROPPED) and container.key_lines[container.key] == number:
            return container.child_path()
        if parts["key"] and not parts["dashes"] and parts.start("key") == container.column:
            return container.path + (parts["key"],)
        return None

    def _raise(self) -> None:
        diagnostics = self.errors + self.warnings
        diagnostics.sort(key=lambda d: (d.line or 0, d.column or 0))
        raise InputError(diagnostics)

    def _report(
        self, mark, message: str, hint: str | None = None, path: tuple | None = None, severity: str = "error"
    ) -> None:
        """Record a problem at ``mark`` (a parser mark or a _Position, both 0-based)."""
        diagnostic = Diagnostic(
            file=self.file,
            line=mark.line + 1,
            column=mark.column + 1,
            field=field_path(path) if path else None,
            message=message,
            hint=hint,
            severity=severity,
        )
        (self.warnings if severity == "warning" else self.errors).append(diagnostic)

    def _take(self, event: yaml.Event) -> bool:
        """Handle one event; False stops the reading."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._report(
                    event.start_mark,
                    "a second YAML document starts here; a file holds only one",
                    hint="remove the `---` line, or move what follows it to a file of its own",
                )
                return False
        elif isinstance(event, yaml.CollectionEndEvent):
            self._close(self.stack.pop())
        elif isinstance(event, yaml.NodeEvent):
            parent = self.stack[-1] if self.stack else None
            if parent is not None and parent.is_mapping and parent.key is _NO_KEY:
                self._key(parent, event)
            else:
                self._value(parent, event)
        return True

    def _key(self, mapping: _Container, event: yaml.NodeEvent) -> None:
        self._refuse_yaml_features(event, None)
        mapping.key = _DROPPED
        if not isinstance(event, yaml.ScalarEvent):
            if isinstance(event, yaml.CollectionStartEvent):
                self._report(
                    event.start_mark,
                    "a key must be a simple name, not a list or a mapping",
                    hint="write a plain name such as `title`; if it really starts with [ or {, "
                    "put it in quotes",
                )
                self._open({} if isinstance(event, yaml.MappingStartEvent) else [], None, event)
            return
        key = event.value
        path = mapping.path + (key,) if mapping.path is not None else None
        if key == "<<" and not event.style:
            self._report(
                event.start_mark,
                "`<<` (a YAML merge key) is not used in these files",
                hint="write the keys out in full",
            )
        first_line = mapping.key_lines.get(key)
        line = event.start_mark.line + 1
        if first_line is not None:
            self._report(
                event.start_mark,
                f"`{key}` appears twice: line {first_line} and line {line}; keep one",
                hint="merge the two if both hold something useful, then delete the other",
                path=path,
            )
            return
        mapping.key_lines[key] = line
        mapping.key = key
        if path is not None:
            self.key_marks[path] = (line, event.start_mark.column + 1)

    def _value(self, parent: _Container | None, event: yaml.NodeEvent) -> None:
        path = parent.child_path() if parent is not None else ()
        self._refuse_yaml_features(event, path)
        value = None
        if isinstance(event, yaml.ScalarEvent):
            value = self._scalar(event, parent, path)
        elif isinstance(event, yaml.CollectionStartEvent):
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
        if path is not None:
            self.marks[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if parent is None:
            self.root, self.root_event = value, event
        else:
            if isinstance(event, yaml.ScalarEvent) and not event.style and not parent.is_mapping:
                parent.plain_items.append(event)
            parent.add(value)
        if isinstance(event, yaml.CollectionStartEvent):
            self._open(value, path, event)

    def _open(self, node: dict | list, path: tuple | None, event: yaml.CollectionStartEvent) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self._report(
                event.start_mark,
                f"the file is nested more than {MAX_DEPTH} levels deep",
                hint="these files need only a few levels: check the indentation and the brackets",
            )
            self._raise()
        column = None if event.flow_style else event.start_mark.column
        self.stack.append(_Container(node, path, column))

    def _close(self, container: _Container) -> None:
        """A list mixing `key: value` items with a `key:value` text item: the space was forgotten."""
        if container.path is None or not any(isinstance(item, dict) for item in container.node):
            return
        for event in container.plain_items:
            self._check_space_after_colon(event)

    def _check_space_after_colon(self, event: yaml.ScalarEvent) -> bool:
        """Report a text typed as `key:value` (no space after the colon); True if it is one."""
        mark = event.start_mark
        match = _KEY_WITHOUT_SPACE.match(self.lines[mark.line], mark.column)
        if match:
            key, rest = match.groups()
            self._report(
                _Position(mark.line, match.end(1)),
                f"`{key}:{rest.strip()}` has no space after the colon, so YAML reads it as a text, "
                "not as a key and its value",
                hint=f"add a space after the colon: `{key}: {rest.strip()}`",
            )
        return bool(match)

    def _check_root(self) -> None:
        if self.root is None:
            hint = "write the file's keys in it, one `key: value` per line"
            self.errors.append(Diagnostic(file=self.file, message="the file is empty", hint=hint))
        elif isinstance(self.root, list):
            self._report(
                self.root_event.start_mark,
                "the file must be a list of `key: value` lines, not of `- ` items",
                hint="start the file with its keys, such as `title: …`, without `- ` in front",
            )
        elif isinstance(self.root, str):
            if self.root_event.style or not self._check_space_after_colon(self.root_event):
                self._report(
                    self.root_event.start_mark,
                    "the file must be a list of `key: value` lines; it holds only a text",
                    hint="write one `key: value` per line, with a space after the colon",
                )

    def _refuse_yaml_features(self, event: yaml.NodeEvent, path: tuple | None) -> None:
        """Aliases, anchors and tags: YAML features these files do not use, usually typed by mistake."""
        is_alias = isinstance(event, yaml.AliasEvent)
        tag = None if is_alias else event.tag
        if not (is_alias or event.anchor is not None or tag is not None):
            return
        mark = event.start_mark
        quoted = _quote_rest(self.lines[mark.line], mark.column)
        if is_alias or event.anchor is not None:
            message = _STARTS_WITH["*" if is_alias else "&"]
            self._report(mark, message, hint=_FIX_BY_QUOTING.format(quoted), path=path)
        if tag is not None:
            self._report(
                mark,
                f"YAML tags like `{_as_typed(tag)}` are not used in these files",
                hint=f"remove it, or put the text in quotes if it is meant literally: {quoted}",
                path=path,
            )

    def _scalar(self, event: yaml.ScalarEvent, parent: _Container | None, path: tuple | None) -> str | None:
        if not event.style:
            self._warn_cut_by_comment(event, path)
            self._warn_joined_list_item(event, path)
            if event.value in _NULL_WORDS:
                return None
        elif event.style in ("'", '"') and parent is not None and parent.column is not None:
            self._check_quote_closed(event, parent.column, path)
        return self._checked_text(event, path)

    def _checked_text(self, event: yaml.ScalarEvent, path: tuple | None) -> str:
        """The text, with escaped surrogate pairs joined; escaped control characters are refused."""
        text = event.value
        if _SURROGATE.search(text):
            try:
                text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            except UnicodeDecodeError:
                self._report(
                    event.start_mark,
                    "the text contains an escape sequence for half a character (a lone UTF-16 surrogate)",
                    hint="type the character itself instead of its \\u escape",
                    path=path,
                )
        control = _CONTROL_CHARACTER.search(text)
        if control:
            self._report(
                event.start_mark,
                f"the text contains the invisible control character U+{ord(control.group()):04X}, "
                "written as a \\ escape",
                hint="remove that escape sequence",
                path=path,
            )
        return text

    def _warn_cut_by_comment(self, event: yaml.ScalarEvent, path: tuple | None) -> None:
        """Plain text followed by ` #…` on its line: YAML dropped that part as a comment."""
        start, end = event.start_mark, event.end_mark
        line = self.lines[end.line]
        match = _COMMENT_AFTER_TEXT.match(line, end.column)
        if not match:
            return
        if event.value in _NULL_WORDS and not (event.value == "" and match.group(2)):
            return  # `key:  # note` or `key: ~ # note` is a deliberate comment; `key: #3` is not
        hint = "put the whole text in quotes if the # is part of it"
        if start.line == end.line:
            hint += ": " + _quote_rest(line, start.column)
        self._report(
            _Position(end.line, match.start(1)),
            "the text after ' #' is a YAML comment and will not be printed",
            hint=hint,
            path=path,
            severity="warning",
        )

    def _warn_joined_list_item(self, event: yaml.ScalarEvent, path: tuple | None) -> None:
        """A `- item` line indented too far is silently joined to the text above it."""
        for number in range(event.start_mark.line + 1, event.end_mark.line + 1):
            content = self.lines[number].lstrip(" ")
            if content == "-" or content.startswith("- "):
                column = len(self.lines[number]) - len(content)
                self._report(
                    _Position(number, column),
                    "this `- ` line is joined to the text above it: YAML reads it as more of that text, "
                    "not as a new list item",
                    hint="for a new item, start its `-` at the same column as the item above; "
                    "for a bulleted text, write `|` after the key and indent the lines under it",
                    path=path,
                    severity="warning",
                )
                return

    def _check_quote_closed(self, event: yaml.ScalarEvent, parent_column: int, path: tuple | None) -> None:
        """A quoted text running over lines that are not indented under its key: an unclosed quote."""
        start, end = event.start_mark, event.end_mark
        for number in range(start.line + 1, end.line + 1):
            line = self.lines[number]
            if line.strip() and _indentation(line) <= parent_column:
                message, hint = _quote_not_closed(event.style, end.line)
                self._report(start, message, hint=hint, path=path)
                return


_STARTS_WITH = {
    "*": "a value starting with `*` is read by YAML as a reference to something else",
    "&": "a value starting with `&` is read by YAML as a name given to the value (an anchor)",
    "!": "a value starting with `!` is read by YAML as a tag",
    "|": "a value starting with `|` is read by YAML as the start of a block of text on the lines below",
    ">": "a value starting with `>` is read by YAML as the start of a block of text on the lines below",
    "[": "a value starting with `[` is read by YAML as a list written on one line",
    "{": "a value starting with `{` is read by YAML as a group of `key: value` written on one line",
    "]": "a value cannot start with `]` in YAML",
    "}": "a value cannot start with `}` in YAML",
    ",": "a value cannot start with `,` in YAML",
    "@": "a value cannot start with `@` in YAML",
    "`": "a value cannot start with a backquote (`) in YAML",
    "?": "a value starting with `? ` is read by YAML as the start of a complex key",
    "%": "a value cannot start with `%` in YAML",
}
_INDENTATION_PROBLEMS = ("expected <block end>", "did not find expected key", "did not find expected '-'")


def _as_typed(tag: str) -> str:
    """A resolved tag the way it was typed: ``tag:yaml.org,2002:binary`` → ``!!binary``."""
    standard = "tag:yaml.org,2002:"
    return "!!" + tag[len(standard) :] if tag.startswith(standard) else tag


def _quote_not_closed(quote: str, last_line: int) -> tuple[str, str]:
    """Message and hint for a quote that runs on past its line (``last_line`` is 0-based)."""
    return (
        f"the quote opened here is not closed on its line: YAML reads the text on to line {last_line + 1}",
        f"add the closing {quote} at the end of the text; if the text really goes on over several lines, "
        "indent them more than its key",
    )


def _indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _quoted(text: str) -> str:
    """``text`` in YAML quotes: double ones unless the text needs escapes there."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return _single_quoted(text)


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _after_head(head: str, text: str) -> str:
    """``text`` after the ``key:`` or ``-`` that starts its line, as a line to type."""
    head = head.strip()
    return f"{head} {text}" if head else text


def _quote_rest(line: str, column: int) -> str:
    """``line`` with its text from ``column`` on put in quotes: the usual fix for a misread text."""
    return _after_head(line[:column], _quoted(line[column:].strip()))


class _SyntaxExplainer:
    """Turns a YAML parser error into a message a non-programmer can act on."""

    def __init__(self, text: str, lines: list[str], error: yaml.YAMLError):
        self.text = text
        self.lines = lines
        self.problem = getattr(error, "problem", None) or str(error)
        self.context = getattr(error, "context", None) or ""
        self.mark = getattr(error, "problem_mark", None)
        self.context_mark = getattr(error, "context_mark", None)

    def diagnostic(self, file: str) -> Diagnostic:
        if self.mark is None:
            return Diagnostic(file=file, message=f"YAML cannot read this file ({self.problem})")
        for explain in (
            self._tab,
            self._missing_space_after_colon,
            self._unclosed_or_escape,
            self._special_first_character,
            self._quote_inside_quotes,
            self._colon_in_text,
            self._line_without_key,
            self._dash_after_key,
            self._misaligned,
        ):
            found = explain()
            if found:
                break
        else:
            found = (
                self.mark.line,
                self.mark.column,
                f"YAML cannot read this line ({self.problem})",
                "check the quotes, the colons and the indentation of this line and of the line above",
            )
        line, column, message, hint = found
        return Diagnostic(file=file, line=line + 1, column=column + 1, message=message, hint=hint)

    def _line(self, number: int) -> str:
        return self.lines[number] if number < len(self.lines) else ""

    def _previous_content_line(self, number: int) -> int | None:
        for previous in range(number - 1, -1, -1):
            content = self.lines[previous].strip()
            if content and not content.startswith("#"):
                return previous
        return None

    def _tab(self):
        if "'\\t'" not in self.problem:
            return None
        line, column = self.mark.line, self.mark.column
        if self._line(line)[:column].strip():
            message = "a tab character is used here; YAML needs spaces"
        else:
            message = "a tab character is used for indentation; YAML needs spaces"
        return line, column, message, "replace the tab by spaces"

    def _missing_space_after_colon(self):
        candidates = [self.mark.line]
        if self.context_mark is not None:
            candidates.append(self.context_mark.line)
        if self._starts_with_key_at_problem():
            previous = self._previous_content_line(self.mark.line)
            if previous is not None:
                candidates.append(previous)
        for number in candidates:
            parts = _BLOCK_LINE.match(self._line(number))
            if parts["key"]:
                continue
            match = _KEY_WITHOUT_SPACE.fullmatch(parts["value"].rstrip())
            if match:
                key, rest = match.groups()
                return (
                    number,
                    parts.start("value") + len(key),
                    f"`{key}:{rest}` has no space after the colon, so YAML does not read it as a key",
                    f"add a space after the colon: `{key}: {rest}`",
                )
        return None

    def _starts_with_key_at_problem(self) -> bool:
        """Whether the problem is the colon right after the key that starts its line."""
        parts = _BLOCK_LINE.match(self._line(self.mark.line))
        return bool(parts["key"]) and parts.end("key") == self.mark.column

    def _unclosed_or_escape(self):
        if "quoted scalar" not in self.context or self.context_mark is None:
            return None
        opening = self.context_mark
        quote = self._line(opening.line)[opening.column]
        if "escape" in self.problem:
            line = self._line(self.mark.line)
            hint = "write \\\\ for a backslash, or put the text in single quotes instead of double quotes"
            text = line[opening.column :].strip() if opening.line == self.mark.line else ""
            if len(text) > 1 and text.endswith('"'):
                hint += ": " + _after_head(line[: opening.column], _single_quoted(text[1:-1]))
            return (
                self.mark.line,
                line.rfind("\\", 0, self.mark.column),
                "inside double quotes, a backslash \\ starts an escape sequence, and this one is not valid",
                hint,
            )
        return (
            opening.line,
            opening.column,
            "this quote is never closed",
            f"add the closing {quote} at the end of the text",
        )

    def _special_first_character(self):
        """A value starting with a character YAML reserves (`*`, `&`, `[`, `|` …)."""
        line_number = self.mark.line
        parts = _BLOCK_LINE.match(self._line(line_number))
        candidates = [(line_number, self.mark.column), (line_number, parts.start("value"))]
        if self.context_mark is not None:
            candidates.insert(0, (self.context_mark.line, self.context_mark.column))
        for number, column in candidates:
            line = self._line(number)
            if line[column : column + 1] in _STARTS_WITH and column == _BLOCK_LINE.match(line).start("value"):
                if number == line_number and column > self.mark.column:
                    continue
                message = _STARTS_WITH[line[column]]
                return number, column, message, _FIX_BY_QUOTING.format(_quote_rest(line, column))
        return None

    def _quote_inside_quotes(self):
        """Text left over after a quote: an inner quote, or a quote opened lines above and never closed."""
        if not self.problem.startswith(("expected", "did not find expected")):
            return None
        line = self._line(self.mark.line)
        before = line[: self.mark.column].rstrip()
        if not before or before[-1] not in "'\"":
            return None
        quote = before[-1]
        closing = self._offset(self.mark.line, len(before) - 1)
        opening = self._opening_quote(quote, closing)
        if opening is None:
            return None
        open_line, open_column = self._line_and_column(opening)
        if open_line != self.mark.line:
            return (open_line, open_column, *_quote_not_closed(quote, self.mark.line))
        head = line[:open_column]
        text = line[open_column:].strip()
        if text.endswith(quote) and len(text) > 1:
            text = text[1:-1]
        if quote == "'":
            message = "this apostrophe ends the text in single quotes, and the rest of the line is left"
            hint = f"inside '…' write each apostrophe twice: {_after_head(head, _single_quoted(text))}"
            if '"' not in text and "\\" not in text:
                hint += f", or use double quotes: {_after_head(head, _quoted(text))}"
        else:
            message = "this double quote ends the text in double quotes, and the rest of the line is left"
            hint = f"use single quotes around the text: {_after_head(head, _single_quoted(text))}"
        return self.mark.line, len(before) - 1, message, hint

    def _offset(self, line: int, column: int) -> int:
        return sum(len(text) + 1 for text in self.lines[:line]) + column

    def _line_and_column(self, offset: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, offset)
        return line, offset - (self.text.rfind("\n", 0, offset) + 1)

    def _opening_quote(self, quote: str, closing: int) -> int | None:
        """Offset of the quote that the quote at ``closing`` closes (skipping escaped or doubled ones)."""
        position = closing
        while True:
            position = self.text.rfind(quote, 0, position)
            if position < 0:
                return None
            if quote == "'" and self.text[position - 1 : position] == "'":
                position -= 1  # '' is an apostrophe inside single quotes
                continue
            backslashes = 0
            while quote == '"' and self.text[position - 1 - backslashes] == "\\":
                backslashes += 1
            if backslashes % 2 == 0:
                return position

    def _colon_in_text(self):
        if not self.problem.startswith("mapping values are not allowed"):
            return None
        number, column = self.mark.line, self.mark.column
        line = self._line(number)
        parts = _BLOCK_LINE.match(line)
        if self._starts_with_key_at_problem():
            key, indent = parts["key"], len(parts["indent"])
            above = self._previous_content_line(number) or 0
            return (
                number,
                indent,
                f"`{key}` is indented more than the line above, so YAML reads this line as more of the text "
                f"of line {above + 1}",
                "lines of the same level must start at the same column: "
                f"start `{key}` at column {self._key_column_above(number, indent) + 1}, "
                "like the other keys of its level",
            )
        message = "the text contains ': ', which YAML reads as the start of a new `key: value`"
        if parts["key"] and parts.start("value") < column:
            return number, column, message, _FIX_BY_QUOTING.format(_quote_rest(line, parts.start("value")))
        return number, column, message, "put the whole text in quotes, from its first line to its end"

    def _key_column_above(self, number: int, indent: int) -> int:
        """Indentation of the nearest `key:` line above ``number`` that is indented less than ``indent``."""
        for previous in range(number - 1, -1, -1):
            line = self.lines[previous]
            if _BLOCK_LINE.match(line)["key"] and _indentation(line) < indent:
                return _indentation(line)
        return 0

    def _line_without_key(self):
        if "could not find expected ':'" not in self.problem or self.context_mark is None:
            return None
        number = self.context_mark.line
        return (
            number,
            _indentation(self._line(number)),
            "this line is neither a `key: value` line nor a `- ` list item",
            "if it continues the text above, indent it more than its key; if it is a list item, start it "
            "with `- `; if it is a key, add ': ' after it",
        )

    def _dash_after_key(self):
        if not self.problem.startswith("sequence entries are not allowed"):
            return None
        line = self._line(self.mark.line)
        return (
            self.mark.line,
            self.mark.column,
            "a `- ` list item cannot be on the same line as its key, nor be indented under a text",
            "put each `- ` item on its own line, under its key and indented more than it; if the dash "
            f"belongs to the text, put the whole text in quotes: {_quote_rest(line, self.mark.column)}",
        )

    def _misaligned(self):
        if not self.problem.startswith(_INDENTATION_PROBLEMS):
            return None
        number = self.mark.line
        own = _indentation(self._line(number))
        if self._line(number)[own:].startswith(":"):
            return number, own, "this line starts with ':' but has no key", "write its key before the ':'"
        above = self._previous_content_line(number)
        hint = "lines of the same level must start at the same column"
        parts = _BLOCK_LINE.match(self.lines[above]) if above is not None else None
        if parts and (parts.start("key") if parts["key"] else len(parts["indent"])) != own:
            if parts["key"]:
                what, column = f"`{parts['key']}` on line {above + 1}", parts.start("key")
            else:
                what, column = f"line {above + 1}", len(parts["indent"])
            hint += f": this line starts at column {own + 1}, {what} at column {column + 1}"
        else:
            hint += "; check the indentation and the `- ` marks of this line and of the line above"
        return number, own, "the indentation of this line does not match the lines above it", hint
