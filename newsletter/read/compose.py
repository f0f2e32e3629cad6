"""YAML text to PyYAML's node tree, with no type resolved: every scalar stays a text node, and every node
keeps the marks of where it starts and ends.

libyaml's composer builds the tree about twenty times faster, but it words its errors differently
and, unlike the pure-Python parser, accepts tabs as separators, a U+FEFF inside the text, `|#` block
headers and undefined `!x!` tag handles; its tree also drops what these files refuse (anchors,
aliases, tags) and nothing of it is left when the parser stops on an error. So it only reads text
without those; any other text, or a tree with an anchor or a tag, is composed again in pure Python
by a composer that keeps them, and keeps the tree built up to an error: every machine gives the same
answer, with or without libyaml (the tests run under both).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

import yaml

MAX_DEPTH = 50

_BLOCK_HEADER_WITH_COMMENT = re.compile("[|>][-+0-9]*#")
_TAG_HANDLE = re.compile("!\\S*!")


class Alias(yaml.Node):
    """A ``*name`` where a value was expected: kept as a leaf at its own place, never as the node it names."""

    id = "alias"


class Composed(NamedTuple):
    """The root node (None for a file without a document), cut short where the parser stopped on ``error``:
    a mapping's last value may then be None, and a collection still open has no end mark. ``features``
    maps id(node) to its (anchor, tag) as typed, for the nodes that have one and for the aliases (which
    have neither): the YAML features these files refuse. A second document is only located."""

    root: yaml.Node | None
    features: dict[int, tuple[str | None, str | None]]
    error: yaml.YAMLError | None
    second_document: yaml.Mark | None


class _TooDeep(Exception):
    """The tree is nested more than MAX_DEPTH levels: composing it further would only recurse."""


_DEFAULT_TAGS = {
    yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}


if TYPE_CHECKING:  # the base of _FastLoader wherever it is used
    from yaml import CSafeLoader as _LibyamlLoader
else:  # without libyaml, _FastLoader is never used (_FAST_LOADER is None), but its class still needs a base
    _LibyamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_LibyamlLoader):
    """libyaml's composer, with no implicit resolvers: every scalar stays a text (``str``) node."""

    def __init__(self, text: str):
        super().__init__(text)
        self.depth = 0

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit) -> str:
        """The default tag of every node typed without one (what PyYAML's resolver gives when it has no
        implicit resolvers, in a single look-up: it runs for every node)."""
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, parent, index) -> None:
        """Counts the nodes being composed from the root down. Past MAX_DEPTH + 1 the tree builder refuses
        the file anyway, and composing on could only exhaust the C stack (older libyaml sets no limit)."""
        self.depth += 1
        if self.depth > MAX_DEPTH + 1:
            raise _TooDeep

    def ascend_resolver(self) -> None:
        self.depth -= 1


_FAST_LOADER: type[_FastLoader] | None = _FastLoader if yaml.__with_libyaml__ else None


class _ExactLoader(yaml.SafeLoader):
    """The pure-Python parser and a composer that keeps the anchors and tags as typed, each alias as an
    Alias leaf, and every node attached to its parent as soon as it starts, so that the tree is there
    up to where the parser stops."""

    def __init__(self, text: str):
        super().__init__(text)
        self.root: yaml.Node | None = None
        self.features: dict[int, tuple[str | None, str | None]] = {}
        self.depth = 0

    def compose(self) -> Composed:
        second_document = error = None
        try:
            self.get_event()  # the stream's start
            if not self.check_event(yaml.StreamEndEvent):
                self.compose_document()
                if self.check_event(yaml.DocumentStartEvent):
                    second_document = self.peek_event().start_mark
        except yaml.YAMLError as problem:
            error = problem
        except _TooDeep:
            pass  # the tree ends with the collection nested too deep, which the tree builder refuses
        return Composed(self.root, self.features, error, second_document)

    def compose_node(self, parent: yaml.Node | None, index: yaml.Node | int | None) -> yaml.Node:
        """The next node, attached to ``parent`` (a collection; None for the root). ``index`` is the key whose
        value it is, None for a key or an item of a list (PyYAML's own composer, whose signature this keeps,
        gives a list item's position instead)."""
        event = self.get_event()
        start, end = _marks(event)
        node: yaml.Node
        # A node's tag stays as typed, None when none (``features`` keeps it): the stubs want it resolved.
        if isinstance(event, yaml.AliasEvent):
            node = Alias(None, event.anchor, start, end)  # type: ignore[arg-type]  # an alias has no tag
        elif isinstance(event, yaml.ScalarEvent):
            node = yaml.ScalarNode(event.tag, event.value, start, end, style=event.style)  # type: ignore[arg-type]
        else:
            kind = yaml.MappingNode if isinstance(event, yaml.MappingStartEvent) else yaml.SequenceNode
            node = kind(event.tag, [], start, None, flow_style=event.flow_style)
        if isinstance(node, Alias):
            self.features[id(node)] = (None, None)
        elif event.anchor is not None or event.tag is not None:
            self.features[id(node)] = (event.anchor, event.tag)
        if parent is None:
            self.root = node
        elif isinstance(parent, yaml.SequenceNode):
            parent.value.append(node)
        elif index is None:
            parent.value.append([node, None])  # a key: its value comes next
        else:
            parent.value[-1][1] = node
        if isinstance(node, yaml.CollectionNode):
            self._compose_items(node)
        return node

    def _compose_items(self, node: yaml.CollectionNode) -> None:
        if self.depth >= MAX_DEPTH:
            raise _TooDeep
        self.depth += 1
        if isinstance(node, yaml.MappingNode):
            while not self.check_event(yaml.MappingEndEvent):
                key = self.compose_node(node, None)
                self.compose_node(node, key)
        else:
            while not self.check_event(yaml.SequenceEndEvent):
                self.compose_node(node, None)
        node.end_mark = self.get_event().end_mark
        self.depth -= 1


def _marks(event: yaml.Event) -> tuple[yaml.Mark, yaml.Mark]:
    """Where ``event`` starts and ends. The pure-Python parser marks each event it makes with its own
    ``yaml.Mark`` (the stubs also allow none, and libyaml's marks)."""
    start, end = event.start_mark, event.end_mark
    assert isinstance(start, yaml.Mark) and isinstance(end, yaml.Mark), "an event of the pure-Python parser"
    return start, end


def compose(text: str) -> Composed:
    """The node tree of ``text`` (one document, a second one only located), or as much of it as the
    parser read before an error."""
    if _FAST_LOADER is not None and not _libyaml_differs(text):
        try:
            root = _FAST_LOADER(text).get_single_node()
        except (yaml.YAMLError, _TooDeep):
            pass  # composed again below, for PyYAML's error messages and the tree up to the error
        else:
            if not (("&" in text or "!" in text) and _has_anchor_or_tag(root, text.split("\n"))):
                return Composed(root, {}, None, None)
    return _ExactLoader(text).compose()


def _libyaml_differs(text: str) -> bool:
    """Whether libyaml may read ``text`` otherwise than PyYAML (cheapest tests first: this runs on every file)."""
    if "\t" in text or "\ufeff" in text:
        return True
    return bool(_BLOCK_HEADER_WITH_COMMENT.search(text) or _TAG_HANDLE.search(text))


def _has_anchor_or_tag(root: yaml.Node | None, lines: list[str]) -> bool:
    """Whether a node starts with an anchor (`&`) or a tag (`!`), which libyaml's tree does not keep.

    A node that has one starts with it, and a text without one cannot (a block mapping whose first key
    has one starts with it too: a false alarm only costs the slower composer). An alias is the very
    node it names, which starts with its anchor: so no node is visited twice before the answer,
    however many aliases share it."""
    pending = [root] if root is not None else []
    while pending:
        node = pending.pop()
        mark = node.start_mark
        if lines[mark.line][mark.column : mark.column + 1] in ("&", "!"):
            return True
        if isinstance(node, yaml.MappingNode):
            for pair in node.value:
                pending.extend(pair)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
    return False
