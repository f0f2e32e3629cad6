"""Joining PDFs into one, with a bookmark per part: the archive's ``collection.pdf``.

reportlab writes PDFs but cannot read them; pypdf copies each part's pages, and everything they use,
under one page tree. It is imported only when a collection is made, so that checking and building
never load it. The bytes depend on the parts, the title and the language only (no file identifier,
date or producer): the same parts give the same collection, on any computer and in any run.
"""

from __future__ import annotations

import io
from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """One PDF to join, and the title of its bookmark."""

    title: str
    data: bytes


def join(parts: list[Part], title: str, lang: str) -> bytes:
    """One PDF with every page of ``parts`` in order, and a bookmark to the first page of each part.

    A part pypdf cannot read, or an encrypted one, is refused (``ValueError``) rather than copied wrong.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    for part in parts:
        try:
            reader = PdfReader(io.BytesIO(part.data), strict=True)  # a damaged part is refused, not repaired
            if reader.is_encrypted:
                raise ValueError(f"{part.title}: an encrypted PDF is not joined")
            writer.append(reader, outline_item=part.title if reader.pages else None, import_outline=False)
        except PyPdfError as error:
            raise ValueError(f"{part.title}: not a PDF that can be joined ({error})") from error
    writer.page_mode = "/UseOutlines"
    writer.metadata = {"/Title": title}  # in place of pypdf's /Producer
    writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
