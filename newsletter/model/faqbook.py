"""The FAQ book: every question of the series once, with its latest answer, gathered from the issues.

One gathering serves the intranet's page of every question (``archive/site.py``) and `newsletter faq`
(the hotline's PDF, the HTML page, the phone script, Markdown). A question is the same from one issue
to the next when it has the same ``id:``, else the same wording once case, spaces and punctuation are
set aside. The latest issue that asks it gives the wording, the answer and the theme; an answer that
differs from the one first given is marked with the issue that changed it; ``retired: yes`` in the
latest issue that asks it leaves it out of the book.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from newsletter.model.document import IssueDocument, slug
from newsletter.model.formats import Publication, Question
from newsletter.text import markup


def question_key(question: str) -> str:
    """Questions asked again with other spaces, case or punctuation are the same question."""
    return re.sub(r"[\W_]+", " ", markup.plain(question).casefold()).strip()


def _same_answer(first: str, second: str) -> bool:
    """Answers differing only by spaces are the same answer (a line broken elsewhere is no update)."""
    return " ".join(first.split()) == " ".join(second.split())


@dataclass
class Entry:
    """One question of the book: its latest form, the issue that gave it, and the one that changed it."""

    item: Question  # the latest item asking it (wording, answer, theme)
    source: IssueDocument  # the latest issue asking it
    first: IssueDocument  # the issue that first asked it
    answered_in: IssueDocument  # the issue whose answer is the current one (first given there)
    ids: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)

    @property
    def updated_in(self) -> IssueDocument | None:
        """The issue that changed the answer since it was first given (None: never changed)."""
        return None if self.answered_in is self.first else self.answered_in

    @property
    def retired(self) -> bool:
        return self.item.retired


@dataclass(frozen=True)
class Theme:
    """Questions under one theme (``name`` None: those without one)."""

    name: str | None
    entries: list[Entry]


@dataclass
class FaqBook:
    publication: Publication
    latest: IssueDocument  # the newest issue: its date names the files and dates the book
    entries: list[Entry]  # newest answer first; retired questions left out

    @property
    def lang(self) -> str:
        return self.publication.language

    @property
    def date(self) -> dt.date:
        return self.latest.issue.date

    def themes(self) -> list[Theme]:
        """The entries by theme, themes in the order they first come; questions without one last."""
        names = list(dict.fromkeys(entry.item.theme for entry in self.entries if entry.item.theme))
        groups = [Theme(name, [e for e in self.entries if e.item.theme == name]) for name in names]
        rest = [entry for entry in self.entries if not entry.item.theme]
        return groups + ([Theme(None, rest)] if rest else [])

    def file_name(self, kind: str, extension: str) -> str:
        """Named like the issues' files, dated by the newest issue: ``20210323_lettre-de-crise_faq.pdf``."""
        return f"{self.date:%Y%m%d}_{slug(self.publication.title)}_{kind}.{extension}"


def gather(documents: list[IssueDocument]) -> FaqBook | None:
    """The book of the series' questions (None when there is no issue)."""
    if not documents:
        return None
    ordered = sorted(documents, key=lambda d: (d.issue.number, d.issue.date))
    entries: list[Entry] = []
    for document in ordered:
        for item in document.issue.faq:
            key = question_key(item.q)
            entry = next((e for e in entries if item.id in e.ids), None) if item.id else None
            entry = entry or next((e for e in entries if key in e.keys and (not item.id or not e.ids)), None)
            if entry is None:
                entry = Entry(item, document, document, document)
                entries.append(entry)
            elif not _same_answer(entry.item.a, item.a):
                entry.answered_in = document
            if entry.item is not item:  # a later item that does not repeat the theme keeps the one given before
                entry.item = item if item.theme else item.replace(theme=entry.item.theme)
                entry.source = document
            entry.keys.add(key)
            if item.id:
                entry.ids.add(item.id)
    latest = ordered[-1]
    kept = [entry for entry in entries if not entry.retired]
    # Newest answer first (a hotline reads what changed first); within an issue, in its order.
    rank = {id(document): index for index, document in enumerate(ordered)}
    kept.sort(key=lambda entry: -rank[id(entry.source)])
    return FaqBook(latest.publication, latest, kept)
