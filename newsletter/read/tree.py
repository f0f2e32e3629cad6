"""Read the users' YAML files safely: every scalar stays text and every value keeps its position.

The tree of texts is made from PyYAML's node tree with no type resolved (see ``compose``), so nothing
is converted (``0241054000`` stays a phone number, ``no`` stays "no"), tags, anchors and aliases are
refused, and every value remembers the line and column where it was typed, for later error messages.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import yaml

from newsletter.errors import Diagnostic, InputError, Severity, field_path, in_file_order
from newsletter.i18n import _
from newsletter.read import slips
from newsletter.read.compose import MAX_DEPTH, Alias, compose
from newsletter.read.decode import CONTROL_CHARACTER, MAX_FILE_BYTES, too_big, yaml_text
from newsletter.read.flow import split_sentences
from newsletter.read.slips import FIX_BY_QUOTING, NULL_WORDS, STARTS_WITH, as_typed, block_line, quote_rest, quoting
from newsletter.read.source import SlipsFound, Source

_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile("\n+")


def read_yaml(path: Path, display: str | None = None) -> Source:
    """Read and parse the YAML file at ``path``; diagnostics name it ``display`` (default: path)."""
    file = display if display is not None else str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError([too_big(file, size)])
        data = path.read_bytes()
    except OSError as error:
        message = _("cannot read the file ({reason})", reason=error.strerror)
        raise InputError([Diagnostic(file=file, message=message)]) from None
    return parse_yaml(data, file)


def parse_yaml(text_or_bytes: str | bytes, file: str) -> Source:
    """Parse YAML given as UTF-8 bytes or as text; raise SlipsFound with every problem found (after a
    syntax error, the reading goes on at the next key: see ``resume``) and the tree of the rest of the file."""
    text = yaml_text(text_or_bytes, file)
    reading = _TreeBuilder(text, file).build()
    if reading.syntax_error is not None:
        # Imported here: only for a file YAML cannot read (compiling it would slow every `check`).
        from newsletter.read.resume import read_on

        resumed = read_on(text, reading, lambda edited: _TreeBuilder(edited, file, False).build())
        last = resumed.last.source if resumed.last is not None else None
        _raise_slips(resumed.diagnostics, last, reading.source.lines, {line + 1 for line in resumed.set_aside})
    if reading.errors:
        _raise_slips(reading.errors + reading.warnings, reading.source, reading.source.lines, set())
    return reading.source


def _raise_slips(diagnostics: list[Diagnostic], tree: Source | None, lines: list[str], set_aside: set[int]) -> NoReturn:
    """Raise the problems found with the tree read around them, when it holds `key: value` lines; the tree
    lacks the values of the lines set aside, and holds wrongly those of the lines of the errors."""
    recovered = None
    if tree is not None and isinstance(tree.data, dict):
        errors = {(d.line, d.column or 1) for d in diagnostics if d.is_error and d.line is not None}
        set_aside |= {line for line, _column in errors}
        recovered = dataclasses.replace(tree, lines=lines, set_aside=frozenset(set_aside), slips=frozenset(errors))
    raise SlipsFound(in_file_order(diagnostics), recovered)


@dataclass
class Reading:
    """What one reading of a text found: the tree (cut short where YAML stopped on a syntax error), every
    problem (the syntax error among them, unless the tree already reports that slip) and where YAML stopped."""

    source: Source
    errors: list[Diagnostic]
    warnings: list[Diagnostic]
    syntax_error: Diagnostic | None


_NO_KEY = object()  # a mapping is waiting for its next key
_DROPPED = object()  # the next value of a mapping is not kept (its key was refused)


class _Container:
    """A mapping or list being filled while the nodes are read."""

    def __init__(self, node: dict | list, path: tuple | None, column: int | None):
        self.node = node
        self.path = path  # None inside a part of the tree that is dropped
        self.column = column  # indentation of a block collection; None for [...] and {...}
        self.key: Any = _NO_KEY
        self.key_lines: dict[str, int] = {}
        self.plain_items: list[yaml.ScalarNode] = []  # list items typed as plain text

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.node, dict)

    def child_path(self) -> tuple | None:
        if self.path is None or self.key is _DROPPED:
            return None
        return self.path + ((self.key,) if self.is_mapping else (len(self.node),))

    def add(self, value: Any) -> None:
        if isinstance(self.node, list):
            self.node.append(value)
            return
        if self.key is not _DROPPED:
            self.node[self.key] = value
        self.key = _NO_KEY


class _TreeBuilder:
    """Builds the tree of texts from the node tree, in the order the nodes were typed, collecting every
    problem. The stack holds the collections being filled: at the end, those the parser left open."""

    def __init__(self, text: str, file: str, as_typed: bool = True):
        self.text = text
        self.as_typed = as_typed  # False: a copy with slips set aside, whose root says nothing of the file
        self.lines = text.split("\n")
        self.file = file
        self.stack: list[_Container] = []
        self.features: dict[int, tuple[str | None, str | None]] = {}
        self.root: Any = None
        self.root_node: yaml.Node | None = None
        self.marks: dict[tuple, tuple[int, int]] = {}
        self.key_marks: dict[tuple, tuple[int, int]] = {}
        self.errors: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []

    def build(self) -> Reading:
        composed = compose(self.text)
        self.features = composed.features
        if composed.root is not None:
            self._value(composed.root, None, ())
        if composed.second_document is not None:
            self._report(
                composed.second_document,
                _("a second YAML document starts here; a file holds only one"),
                hint=_("remove the `---` line, or move what follows it to a file of its own"),
            )
        explained = None
        if composed.error is not None:
            # Imported here: only for a file YAML cannot read (compiling it would slow every `check`).
            from newsletter.read.explain import SyntaxExplainer

            explained = self._with_field(SyntaxExplainer(self.text, self.lines, composed.error).diagnostic(self.file))
            if not any((e.line, e.column) == (explained.line, explained.column) for e in self.errors):
                self.errors.append(explained)  # else the same slip is already reported, more precisely
        elif self.as_typed:
            self._check_root()
        source = Source(self.file, self.root, self.marks, self.key_marks, self.warnings, self.lines)
        return Reading(source, self.errors, self.warnings, explained)

    def _with_field(self, diagnostic: Diagnostic) -> Diagnostic:
        """The syntax error with the field typed on its line, when the tree built so far tells it."""
        path = self._path_on_line(diagnostic.line) if diagnostic.line is not None and self.stack else None
        return dataclasses.replace(diagnostic, field=field_path(path)) if path else diagnostic

    def _path_on_line(self, number: int) -> tuple | None:
        """Path of the value typed on line ``number`` (1-based): the key the parser just read, or a
        `key:` or `- ` at the indentation of the collection being filled (the parser reads ahead)."""
        container = self.stack[-1]
        parts = block_line(self.lines[number - 1] if number <= len(self.lines) else "")
        if container.path is None or container.column is None:  # inside [...] or {...}: that value
            return container.path or None
        if not container.is_mapping:  # the item of this line, if the parser has read it, or the next one
            index = len(container.node)
            index -= bool(index) and self.marks.get(container.path + (index - 1,), (0,))[0] == number
            return container.path + (index,) if parts["dashes"] else None
        if container.key not in (_NO_KEY, _DROPPED) and container.key_lines[container.key] == number:
            return container.child_path()
        if parts["key"] and not parts["dashes"] and parts.start("key") == container.column:
            return container.path + (parts["key"],)
        return None

    def _raise(self) -> None:
        raise InputError(in_file_order(self.errors + self.warnings))

    def _report(self, mark, message: str, hint=None, path=None, severity: Severity = "error", mend=None) -> None:
        """Record a problem at ``mark`` (a parser mark or a Slip, both 0-based), its fix, its field path, and
        what `check --fix` changes to mend it."""
        field = field_path(path) if path else None
        diagnostic = Diagnostic(self.file, message, mark.line + 1, mark.column + 1, field, hint, severity, mend)
        (self.warnings if severity == "warning" else self.errors).append(diagnostic)

    def _slip(self, slip: slips.Slip | None, path: tuple | None = None) -> bool:
        """Record ``slip`` if there is one; whether there is."""
        if slip is not None:
            self._report(slip, slip.message, slip.hint, path, slip.severity, slip.mend)
        return slip is not None

    def _key(self, mapping: _Container, node: yaml.Node) -> None:
        if id(node) in self.features:
            self._refuse_yaml_features(node, None)
        mapping.key = _DROPPED
        if not isinstance(node, yaml.ScalarNode):
            if isinstance(node, yaml.CollectionNode):
                self._report(
                    node.start_mark,
                    _("a key must be a simple name, not a list or a mapping"),
                    hint=_("write a plain name such as `title`; if it really starts with [ or {, put it in quotes"),
                )
                self._open({} if isinstance(node, yaml.MappingNode) else [], None, node)
            return
        key = node.value
        path = mapping.path + (key,) if mapping.path is not None else None
        if not key.isascii():  # a no-break space is not: a cheap test, as this runs for every key
            self._slip(slips.no_break_space_in_key(self.lines, node))
        if key == "<<" and not node.style:
            self._report(
                node.start_mark,
                _("`<<` (a YAML merge key) is not used in these files"),
                hint=_("write the keys out in full"),
            )
        first_line = mapping.key_lines.get(key)
        line = node.start_mark.line + 1
        if first_line is not None:
            self._report(
                node.start_mark,
                _(
                    "`{key}` appears twice: line {first_line} and line {line}; keep one",
                    key=key,
                    first_line=first_line,
                    line=line,
                ),
                hint=_("merge the two if both hold something useful, then delete the other"),
                path=path,
            )
            return
        mapping.key_lines[key] = line
        mapping.key = key
        if path is not None:
            self.key_marks[path] = (line, node.start_mark.column + 1)

    def _value(self, node: yaml.Node, parent: _Container | None, path: tuple | None) -> None:
        if id(node) in self.features:
            self._refuse_yaml_features(node, path)
        if isinstance(node, yaml.CollectionNode):
            collection: dict | list = {} if isinstance(node, yaml.MappingNode) else []
            self._place(node, collection, parent, path)
            self._open(collection, path, node)
        elif isinstance(node, yaml.ScalarNode):
            self._place(node, self._scalar(node, parent, path), parent, path)
        else:
            self._place(node, None, parent, path)  # an alias, refused above

    def _place(
        self, node: yaml.Node, value: str | dict | list | None, parent: _Container | None, path: tuple | None
    ) -> None:
        """Record where ``node`` was typed, and put its ``value`` in ``parent`` (or at the root)."""
        if path is not None:
            self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if parent is None:
            self.root, self.root_node = value, node
        else:
            if isinstance(node, yaml.ScalarNode) and not node.style and not parent.is_mapping:
                parent.plain_items.append(node)
            parent.add(value)

    def _open(self, data: dict | list, path: tuple | None, node: yaml.CollectionNode) -> None:
        """Fill ``data`` from the items of ``node``; it stays on the stack if the parser stopped inside."""
        if len(self.stack) >= MAX_DEPTH:
            self._report(
                node.start_mark,
                _("the file is nested more than {depth} levels deep", depth=MAX_DEPTH),
                hint=_("these files need only a few levels: check the indentation and the brackets"),
            )
            self._raise()
        container = _Container(data, path, None if node.flow_style else node.start_mark.column)
        self.stack.append(container)
        if container.is_mapping:
            for key, value in node.value:
                self._key(container, key)
                if value is None:
                    return  # the parser stopped before this key's value
                self._value(value, container, container.child_path())
        else:
            for item in node.value:
                self._value(item, container, container.child_path())
            if node.flow_style and container.path is not None:
                for index, slip in split_sentences(self.lines, node):
                    self._slip(slip, container.path + (index,))
        if node.end_mark is not None:
            self._close(self.stack.pop())

    def _close(self, container: _Container) -> None:
        """A list mixing `key: value` items with a `key:value` text item: the space was forgotten."""
        if container.path is None or not any(isinstance(item, dict) for item in container.node):
            return
        for node in container.plain_items:
            self._slip(slips.no_space_after_colon(self.lines, node))

    def _check_root(self) -> None:
        node = self.root_node  # the root is a list when this is a sequence, a text when it is a scalar
        if self.root is None:
            hint = _("write the file's keys in it, one `key: value` per line")
            self.errors.append(Diagnostic(file=self.file, message=_("the file is empty"), hint=hint))
        elif isinstance(node, yaml.SequenceNode):
            self._report(
                node.start_mark,
                _("the file must be a list of `key: value` lines, not of `- ` items"),
                hint=_("start the file with its keys, such as `title: …`, without `- ` in front"),
            )
        elif isinstance(node, yaml.ScalarNode) and (
            node.style or not self._slip(slips.no_space_after_colon(self.lines, node))
        ):
            self._report(
                node.start_mark,
                _("the file must be a list of `key: value` lines; it holds only a text"),
                hint=_("write one `key: value` per line, with a space after the colon"),
            )

    def _refuse_yaml_features(self, node: yaml.Node, path: tuple | None) -> None:
        """Aliases, anchors and tags: YAML features these files do not use, usually typed by mistake."""
        is_alias = isinstance(node, Alias)
        anchor, tag = self.features[id(node)]
        mark = node.start_mark
        quoted = quote_rest(self.lines[mark.line], mark.column)
        mend = quoting(self.lines, mark.line, mark.column) if self._meant_as_text(node, anchor, tag) else None
        if is_alias or anchor is not None:
            message = _(STARTS_WITH["*" if is_alias else "&"])
            self._report(mark, message, _(FIX_BY_QUOTING, text=quoted), path, mend=mend)
        if tag is not None:
            self._report(
                mark,
                _("YAML tags like `{tag}` are not used in these files", tag=as_typed(tag)),
                hint=_("remove it, or put the text in quotes if it is meant literally: {quoted}", quoted=quoted),
                path=path,
                mend=mend,
            )

    def _meant_as_text(self, node: yaml.Node, anchor: str | None, tag: str | None) -> bool:
        """Whether a text was meant (`*Important*`, `! Attention`), not YAML (`!!binary`, an anchor and an alias
        of the same name, one in a list typed `[…]`): only a text's line is mended by quoting it."""
        mark, name = node.start_mark, node.value if isinstance(node, Alias) else anchor
        if not isinstance(node, (Alias, yaml.ScalarNode)) or (tag or "").startswith("tag:yaml.org,2002:"):
            return False
        used = name is not None and len(re.findall(f"[*&]{re.escape(name)}(?![^\\s,\\]}}])", self.text)) > 1
        return not used and mark.column == block_line(self.lines[mark.line]).start("value")

    def _scalar(self, node: yaml.ScalarNode, parent: _Container | None, path: tuple | None) -> str | None:
        if not node.style:
            self._slip(slips.cut_by_comment(self.lines, node), path)
            self._slip(slips.joined_list_item(self.lines, node), path)
            if node.value in NULL_WORDS:
                return None
        elif node.style in ("'", '"') and parent is not None and parent.column is not None:
            self._slip(slips.quote_running_on(self.lines, node, parent.column), path)
        text = self._checked_text(node, path)
        if node.style in (None, "", "'") and "\n" in text:
            # YAML joins the lines of a text typed over several lines, and keeps a line break for each blank
            # line: a blank line is a paragraph break, as in a `|` text
            text = _LINE_BREAKS.sub("\n\n", text)
        return text

    def _checked_text(self, node: yaml.ScalarNode, path: tuple | None) -> str:
        """The text, with escaped surrogate pairs joined; escaped control characters are refused."""
        text = node.value
        if _SURROGATE.search(text):
            try:
                text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            except UnicodeDecodeError:
                self._report(
                    node.start_mark,
                    _("the text contains an escape sequence for half a character (a lone UTF-16 surrogate)"),
                    hint=_("type the character itself instead of its \\u escape"),
                    path=path,
                )
        control = CONTROL_CHARACTER.search(text)
        if control:
            self._report(
                node.start_mark,
                _(
                    "the text contains the invisible control character U+{code:04X}, written as a \\ escape",
                    code=ord(control.group()),
                ),
                hint=_("remove that escape sequence"),
                path=path,
            )
        return text
