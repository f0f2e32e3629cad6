"""Joining PDFs this tool wrote into one, with a bookmark per part: the archive's ``collection.pdf``.

reportlab writes PDFs but cannot read them, and the libraries that read any PDF are test
dependencies only. This reads exactly what reportlab writes (a classic cross-reference table, no
object streams, no encryption, a flat page tree), copies each part's objects renumbered under one
page tree, and adds an outline. The page objects and everything they use are copied byte for byte
except for their object numbers. Anything else is refused (``ValueError``) rather than copied wrong.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_START_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_OBJECT_HEAD = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
# Literal and hex strings are skipped (a reference inside a string is text); `stream` ends the dictionary.
_TOKEN = re.compile(rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|(?<![\w.+\-])(\d+)\s+(\d+)\s+R\b|\bstream\r?\n", re.DOTALL)
_INHERITABLE = (b"/Resources", b"/MediaBox", b"/CropBox", b"/Rotate")


@dataclass(frozen=True)
class Part:
    """One PDF to join, and the title of its bookmark."""

    title: str
    data: bytes


class _Source:
    """The objects of one PDF, by number."""

    def __init__(self, data: bytes):
        self.data = data
        match = _START_XREF.search(data[-256:])
        if not match:
            raise ValueError("not a PDF written by this tool: no cross-reference table at the end")
        xref = int(match.group(1))
        if data[xref:xref + 4] != b"xref":
            raise ValueError("cross-reference streams are not supported")
        trailer_at = data.index(b"trailer", xref)
        self.offsets = self._entries(data[xref + 4:trailer_at].split())
        trailer = data[trailer_at:]
        if b"/Encrypt" in trailer:
            raise ValueError("encrypted PDFs are not supported")
        self.root = _reference(trailer, b"/Root")
        starts = sorted(self.offsets.values())
        self._ends = dict(zip(starts, [*starts[1:], xref], strict=True))  # an object ends where the next begins

    @staticmethod
    def _entries(tokens: list[bytes]) -> dict[int, int]:
        offsets, index = {}, 0
        while index < len(tokens):
            first, count = int(tokens[index]), int(tokens[index + 1])
            index += 2
            for number in range(first, first + count):
                offset, _, kind = tokens[index:index + 3]
                index += 3
                if kind == b"n":
                    offsets[number] = int(offset)
        return offsets

    def body(self, number: int) -> bytes:
        """What lies between ``N 0 obj`` and ``endobj``."""
        start = self.offsets[number]
        head = _OBJECT_HEAD.match(self.data, start)
        if not head or int(head.group(1)) != number:
            raise ValueError(f"object {number} is not where the cross-reference table says")
        text = self.data[head.end():self._ends[start]]
        return text[:text.rindex(b"endobj")].strip(b"\r\n ")

    def pages(self) -> tuple[int, list[int]]:
        """The page tree's root and its pages, in order."""
        tree = _reference(self.body(self.root), b"/Pages")
        node = self.body(tree)
        if any(key in _dictionary(node) for key in _INHERITABLE):
            raise ValueError("pages inheriting attributes from the page tree are not supported")
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", node)
        pages = [int(number) for number in re.findall(rb"(\d+)\s+\d+\s+R", kids.group(1))] if kids else []
        if any(b"/Type /Pages" in self.body(page) for page in pages):
            raise ValueError("nested page trees are not supported")
        return tree, pages

    def references(self, number: int) -> list[int]:
        return [int(match.group(1)) for match in _TOKEN.finditer(_dictionary(self.body(number))) if match.group(1)]


def join(parts: list[Part], title: str, lang: str) -> bytes:
    """One PDF with every page of ``parts`` in order, and a bookmark to the first page of each part."""
    writer = _Writer()
    catalog, tree, outline, info = (writer.reserve() for _ in range(4))
    page_numbers, bookmarks = [], []
    for part in parts:
        source = _Source(part.data)
        old_tree, pages = source.pages()
        numbers = {old_tree: tree}
        pending = list(pages)
        while pending:  # every object the pages use, each copied once
            old = pending.pop(0)
            if old not in numbers:
                numbers[old] = writer.reserve()
                pending += source.references(old)
        for old, new in numbers.items():
            if old != old_tree:
                writer.put(new, _renumbered(source.body(old), numbers))
        if pages:
            bookmarks.append((part.title, numbers[pages[0]]))
        page_numbers += [numbers[page] for page in pages]
    kids = b" ".join(b"%d 0 R" % number for number in page_numbers)
    writer.put(tree, b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (len(page_numbers), kids))
    items = [writer.reserve() for _ in bookmarks]
    for index, ((text, page), number) in enumerate(zip(bookmarks, items, strict=True)):
        links = b"".join(b" /%s %d 0 R" % (key, items[index + step]) for key, step in ((b"Prev", -1), (b"Next", 1))
                         if 0 <= index + step < len(items))
        writer.put(number, b"<< /Title %s /Parent %d 0 R /Dest [ %d 0 R /Fit ]%s >>"
                   % (_text(text), outline, page, links))
    ends = b" /First %d 0 R /Last %d 0 R" % (items[0], items[-1]) if items else b""
    writer.put(outline, b"<< /Type /Outlines /Count %d%s >>" % (len(items), ends))
    writer.put(catalog, b"<< /Type /Catalog /Pages %d 0 R /Outlines %d 0 R /PageMode /UseOutlines /Lang %s >>"
               % (tree, outline, _text(lang)))
    writer.put(info, b"<< /Title %s >>" % _text(title))
    return writer.finish(catalog, info)


class _Writer:
    def __init__(self):
        self.objects: dict[int, bytes] = {}
        self.count = 0

    def reserve(self) -> int:
        self.count += 1
        return self.count

    def put(self, number: int, body: bytes) -> None:
        self.objects[number] = body

    def finish(self, catalog: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for number in range(1, self.count + 1):
            offsets[number] = len(out)
            out += b"%d 0 obj\n%s\nendobj\n" % (number, self.objects[number])
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (self.count + 1)
        out += b"".join(b"%010d 00000 n \n" % offsets[number] for number in range(1, self.count + 1))
        identifier = hashlib.md5(bytes(out), usedforsecurity=False).hexdigest().encode()
        out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [ <%s> <%s> ] >>\nstartxref\n%d\n%%%%EOF\n"
                % (self.count + 1, catalog, info, identifier, identifier, xref))
        return bytes(out)


def _dictionary(body: bytes) -> bytes:
    """The object without its stream data (which may hold any bytes, including what looks like references)."""
    for match in _TOKEN.finditer(body):
        if match.group(0).startswith(b"stream"):
            return body[:match.start()]
    return body


def _renumbered(body: bytes, numbers: dict[int, int]) -> bytes:
    head = _dictionary(body)

    def replace(match: re.Match) -> bytes:
        if match.group(1) is None:
            return match.group(0)
        return b"%d 0 R" % numbers[int(match.group(1))]

    return _TOKEN.sub(replace, head) + body[len(head):]


def _reference(text: bytes, key: bytes) -> int:
    match = re.search(re.escape(key) + rb"\s+(\d+)\s+\d+\s+R", text)
    if not match:
        raise ValueError(f"no {key.decode()} entry")
    return int(match.group(1))


def _text(text: str) -> bytes:
    """A PDF text string that holds any character: UTF-16 with its byte-order mark, in hex."""
    return b"<FEFF%s>" % text.encode("utf-16-be").hex().upper().encode()
