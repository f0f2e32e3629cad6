"""The tiny text markup users may type, and nothing else.

Paragraphs are separated by a blank line; lines starting with ``- `` form a bullet list;
``**bold**`` and ``*italic*`` style words. Every other character is text: ``<``, ``&``, a lone
``*`` or an unclosed ``**`` print exactly as typed. Renderers escape the runs for their format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


Line = tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
    runs: Line


@dataclass(frozen=True)
class BulletList:
    items: tuple[Line, ...]


Block = Paragraph | BulletList

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
_ITALIC = re.compile(r"(?<!\*)\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?!\*)", re.DOTALL)
_BULLET = re.compile(r"^\s*[-•]\s+")


def parse(text: str) -> list[Block]:
    """Split text into paragraphs and bullet lists of styled runs."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n(?:[ \t]*\n)+", text.strip()):  # one blank line or several
        items: list[list[str]] = []
        prose: list[str] = []
        for line in chunk.splitlines():
            if _BULLET.match(line):
                _flush_prose(prose, blocks)
                items.append([_BULLET.sub("", line)])
            elif items and line[:1].isspace():
                items[-1].append(line.strip())
            else:
                _flush_items(items, blocks)
                prose.append(line.strip())
        _flush_prose(prose, blocks)
        _flush_items(items, blocks)
    return blocks


def _flush_prose(prose: list[str], blocks: list[Block]) -> None:
    text = " ".join(line for line in prose if line)  # a line of spaces is not a paragraph
    if text:
        blocks.append(Paragraph(inline(text)))
    prose.clear()


def _flush_items(items: list[list[str]], blocks: list[Block]) -> None:
    if items:
        blocks.append(BulletList(tuple(inline(" ".join(parts)) for parts in items)))
        items.clear()


def inline(text: str, bold: bool = False, italic: bool = False) -> Line:
    """Styled runs of one line of text; unmatched markers stay as literal characters."""
    runs: list[Run] = []
    position = 0
    while position < len(text):
        found = [m for m in (_BOLD.search(text, position), _ITALIC.search(text, position)) if m]
        if not found:
            break
        match = min(found, key=lambda m: m.start())
        if match.start() > position:
            runs.append(Run(text[position : match.start()], bold, italic))
        is_bold = match.re is _BOLD
        runs.extend(inline(match.group(1), bold or is_bold, italic or not is_bold))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:], bold, italic))
    return tuple(runs)


def escape_xml(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, for reportlab's paragraph markup (``xml.sax.saxutils.escape``
    does the same, but importing it loads ``urllib.request``: 15 ms at every start)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tagged(runs: Line, escape, bold: tuple[str, str], italic: tuple[str, str]) -> str:
    """Runs as escaped text wrapped in a format's tags, e.g. ``("<b>", "</b>")``: only the markup
    becomes tags, every character of the text itself is escaped by ``escape``."""
    parts = []
    for run in runs:
        piece = escape(run.text)
        if run.italic:
            piece = italic[0] + piece + italic[1]
        if run.bold:
            piece = bold[0] + piece + bold[1]
        parts.append(piece)
    return "".join(parts)


def plain_line(runs: Line) -> str:
    return "".join(run.text for run in runs)


def plain(text: str) -> str:
    """The text without markup: paragraphs separated by blank lines, bullets as ``- ``."""
    parts = []
    for block in parse(text):
        if isinstance(block, Paragraph):
            parts.append(plain_line(block.runs))
        else:
            parts.append("\n".join("- " + plain_line(item) for item in block.items))
    return "\n\n".join(parts)
