"""Renderers: the same issue as a PDF journal or poster, e-mail text, Markdown, HTML, a phone script."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Any, ClassVar

from newsletter.model.document import IssueDocument
from newsletter.model.formats import Contact, Hotline, Testimonial
from newsletter.text import markup, typography
from newsletter.text.labels import label

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})\s*")


# --- what every text channel (e-mail, SMS, Markdown, HTML, phone) says the same way -------------


def issue_number(document: IssueDocument) -> str:
    """``N° 3`` / ``No. 3``."""
    return label(document.lang, "issue_number").format(number=document.issue.number)


def since(text: str, lang: str) -> str:
    """A status ``since`` as readers expect it: an ISO date is written out, other text is typeset."""
    match = _ISO_DATE.fullmatch(text)
    if match:
        try:
            return typography.format_short_date(_dt.date(*(int(part) for part in match.groups())), lang)
        except ValueError:
            pass
    return typography.apply(text, lang)


def since_phrase(text: str, lang: str) -> str:
    """``depuis le 3 décembre`` / ``since 3 December`` after a system's state: the word once, whether or not
    the user typed it."""
    word = label(lang, "status_since").lower()
    typed = since(text, lang)
    return typed if typed.lower().startswith(word + " ") else f"{word} {typed}"


def plain(text: str, lang: str) -> str:
    """One line of user text, typeset, without markup."""
    return markup.plain_line(markup.inline(typography.apply(text, lang)))


def introducing(word: str, lang: str) -> str:
    """``Question : `` / ``Question: ``: a word introducing text, with the language's colon."""
    return f"{word}\u00a0: " if lang == "fr" else f"{word}: "


# --- the writers ----------------------------------------------------------------------------------


class IssueWriter:
    """What every renderer of a whole issue shares: its labels, and one function per section.

    ``SECTION_DRAWERS`` maps the name of every section of the registry (``model/sections.py``) to
    the function drawing it, written out in each renderer's class; tests/render/test_render.py
    names any section a renderer lacks.
    """

    SECTION_DRAWERS: ClassVar[dict[str, Callable[[Any], Any]]] = {}

    def __init__(self, document: IssueDocument):
        self.document = document
        self.issue = document.issue
        self.lang = document.lang

    def label(self, key: str, **values) -> str:
        return label(self.lang, key).format(**values)

    def section(self, name: str):
        return self.SECTION_DRAWERS[name](self)


class BlockWriter(IssueWriter):
    """A writer of text blocks (e-mail text, Markdown): each says how it sets a heading, a title
    under it, a caption, a list, the user's paragraphs, one essential point, one testimonial, the
    hotline and the contacts; the sections themselves are built here, alike for both."""

    def heading(self, key: str) -> str:
        raise NotImplementedError

    def subheading(self, text: str) -> str:
        raise NotImplementedError

    def caption(self, text: str) -> str:
        raise NotImplementedError

    def bullets(self, items: list[str]) -> str:
        raise NotImplementedError

    def blocks(self, text: str) -> list[str]:
        raise NotImplementedError

    def essential(self, number: int, text: str) -> str:
        raise NotImplementedError

    def testimonial(self, testimonial: Testimonial) -> str:
        raise NotImplementedError

    def hotline(self, hotline: Hotline) -> str:
        raise NotImplementedError

    def contact_blocks(self, contacts: list[Contact]) -> list[str]:
        raise NotImplementedError

    def _news(self) -> list[str]:
        if not self.issue.news:
            return []
        blocks = [self.heading("news")]
        for item in self.issue.news:
            blocks.append(self.subheading(item.title))
            if item.image and item.caption:
                blocks.append(self.caption(item.caption))
            blocks += self.blocks(item.body)
        return blocks

    def _tips(self) -> list[str]:
        """Tips with a title under it; those without, together as one list."""
        if not self.issue.tips:
            return []
        blocks = [self.heading("tips")]
        for tip in self.issue.tips:
            if tip.title:
                blocks += [self.subheading(tip.title), *self.blocks(tip.body)]
        untitled = [tip.body for tip in self.issue.tips if not tip.title]
        if untitled:
            blocks.append(self.bullets(untitled))
        return blocks

    def _essentials(self) -> list[str]:
        if not self.issue.essentials:
            return []
        items = [self.essential(number, text) for number, text in enumerate(self.issue.essentials, start=1)]
        return [self.heading("essentials"), "\n".join(items)]

    def _testimonials(self) -> list[str]:
        if not self.issue.testimonials:
            return []
        return [self.heading("testimonials"), *(self.testimonial(item) for item in self.issue.testimonials)]

    def _contacts(self) -> list[str]:
        """The hotline first, then whom to call."""
        contacts, hotline = self.document.contacts, self.document.hotline
        if not contacts and hotline is None:
            return []
        blocks = [self.heading("contacts")]
        if hotline is not None:
            blocks.append(self.hotline(hotline))
        return blocks + self.contact_blocks(contacts)

    def _situation(self) -> list[str]:
        return self._titled_lists(self.document.situation_lists())

    def _do_dont(self) -> list[str]:
        return self._titled_lists(self.document.instruction_lists())

    def _titled_lists(self, lists: list[tuple[str, list[str]]]) -> list[str]:
        return [block for key, items in lists for block in (self.heading(key), self.bullets(items))]

    # The sections drawn alike in every text of blocks; each writer adds its own drawers to these.
    SHARED_DRAWERS: ClassVar[dict[str, Callable]] = {
        "essentials": _essentials,
        "situation": _situation,
        "do_dont": _do_dont,
        "news": _news,
        "tips": _tips,
        "testimonials": _testimonials,
        "contacts": _contacts,
    }
