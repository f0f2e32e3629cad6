"""A sentence typed in a list written on one line, `known: [Les serveurs de fichiers, de paie …]`: in
[ ] a comma separates two items, so YAML cuts the sentence at its commas into points printed apart."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import yaml

from newsletter.errors import Mend
from newsletter.i18n import N_, _, ngettext
from newsletter.read.slips import Slip, block_line

HINT_ITEM_WIDTH = 50  # characters of the first item the hint shows
ONE_ITEM_PER_LINE = N_("write one item per line, each after `- `, on the lines below `{key}:`, like `- {item}`")


def split_sentences(lines: list[str], node: yaml.CollectionNode) -> Iterator[tuple[int, Slip]]:
    """Each sentence of a `[…]` list cut at its commas, at the first of its pieces (with that piece's index
    in the list): a piece that starts with a small letter and holds a space (`de paie et d'état civil`), or
    that follows a comma with no space after it (`20,5`), goes on the text before it."""
    pieces = [item for item in node.value if isinstance(item, yaml.ScalarNode) and not item.style]
    if len(pieces) != len(node.value) or len(pieces) < 2:
        return
    groups = _sentences(lines, pieces)
    mend = _block_list(lines, node, groups)
    index = 0
    for group in groups:
        if len(group) > 1:
            first = group[1].start_mark
            yield index + 1, Slip(first.line, first.column, _message(len(group)), _hint(lines, node, groups), mend=mend)
        index += len(group)


def _sentences(lines: list[str], pieces: list[yaml.ScalarNode]) -> list[list[yaml.ScalarNode]]:
    groups = [[pieces[0]]]
    for before, piece in itertools.pairwise(pieces):
        text, mark = piece.value, piece.start_mark
        glued = mark.line == before.end_mark.line and lines[mark.line][mark.column - 1] == ","
        if (text[:1].islower() and " " in text) or (glued and text[:1].isdigit()):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def _message(count: int) -> str:
    return ngettext(
        "in a list written in [ ], commas separate the items: YAML cuts this text at its commas into {count} item",
        "in a list written in [ ], commas separate the items: YAML cuts this text at its commas into {count} items",
        count,
    )


def _hint(lines: list[str], node: yaml.CollectionNode, groups: list[list[yaml.ScalarNode]]) -> str:
    item = _typed(lines, groups[0])
    if len(item) > HINT_ITEM_WIDTH:
        item = item[:HINT_ITEM_WIDTH].rstrip() + "…"
    key = block_line(lines[node.start_mark.line])["key"] or "…"
    return _(ONE_ITEM_PER_LINE, key=key, item=item)


def _typed(lines: list[str], group: list[yaml.ScalarNode]) -> str:
    """The text of a sentence as typed, its commas and all (as YAML read it when it runs over lines)."""
    start, end = group[0].start_mark, group[-1].end_mark
    if start.line != end.line:
        return ", ".join(piece.value for piece in group)
    return lines[start.line][start.column : end.column]


def _block_list(lines: list[str], node: yaml.CollectionNode, groups: list[list[yaml.ScalarNode]]) -> Mend | None:
    """The `key: […]` line as `key:` and one `- ` line per sentence: only for a list typed on the line of
    its key, with nothing after it."""
    number = node.start_mark.line
    line = lines[number]
    parts = block_line(line)
    if node.end_mark is None:  # a list left open ("[A, B" to the end of the file): no line to mend
        return None
    if not parts["key"] or parts.start("value") != node.start_mark.column or node.end_mark.line != number:
        return None
    if line[node.end_mark.column :].strip():
        return None
    indent = " " * (parts.start("key") + 2)
    items = [_typed(lines, group) for group in groups]  # plain in [ ], so plain after `- `
    return Mend(number + 1, line, line[: parts.end("key") + 1] + "".join(f"\n{indent}- {item}" for item in items))
