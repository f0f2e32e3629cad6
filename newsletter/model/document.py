"""The document model: one issue of a publication, with everything renderers need resolved."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from newsletter.model.formats import Contact, Hotline, Issue, Publication
from newsletter.model.print_options import RenderOptions

# Letters that Unicode does not decompose into a base letter and an accent: spelled out, not dropped.
_LIGATURES = str.maketrans(
    {
        "œ": "oe",
        "Œ": "OE",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "TH",
    }
)


def slug(text: str) -> str:
    """A file-name part that survives any file system: lower case ASCII, words joined by ``-``."""
    spelled = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    # Accents go; any other non-ASCII character (’ — °) separates words like a space.
    ascii_text = "".join(c if c.isascii() else "" if unicodedata.combining(c) else " " for c in spelled)
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "journal"


def layout_suffix(layout_name: str) -> str:
    """``journal-a4`` → ``a4``; other layout names are kept (``poster-a3``)."""
    return layout_name.removeprefix("journal-")


@dataclass(frozen=True)
class IssueDocument:
    publication: Publication
    issue: Issue
    issue_path: Path
    publication_path: Path

    @property
    def lang(self) -> str:
        return self.publication.language

    @property
    def contacts(self) -> list[Contact]:
        return self.issue.contacts if self.issue.contacts is not None else self.publication.contacts

    @property
    def hotline(self) -> Hotline | None:
        return self.publication.hotline

    def situation_lists(self) -> list[tuple[str, list[str]]]:
        """The situation's lists that have items, with their label keys, in reading order."""
        situation = self.issue.situation
        if situation is None:
            return []
        return [
            (key, items)
            for key, items in (
                ("situation_known", situation.known),
                ("situation_unknown", situation.unknown),
                ("situation_doing", situation.doing),
            )
            if items
        ]

    def instruction_lists(self) -> list[tuple[str, list[str]]]:
        """``("do", items)`` and ``("dont", items)``, those that have items."""
        return [(key, items) for key, items in (("do", self.issue.do), ("dont", self.issue.dont)) if items]

    def file_name(self, layout_name: str, options: RenderOptions = RenderOptions(), extension: str = "pdf") -> str:
        """Archivists' rule: date first, no accents or spaces (``20210205_lettre-de-crise_n03_a4.pdf``)."""
        return (
            f"{self.issue.date:%Y%m%d}_{slug(self.publication.title)}_n{self.issue.number:02d}"
            f"_{slug(layout_suffix(layout_name))}{options.suffix()}.{extension}"
        )

    def issue_asset(self, relative: str) -> Path:
        return self.issue_path.parent / relative

    def logo_path(self) -> Path | None:
        logo = self.publication.logo
        return self.publication_path.parent / logo if logo else None
