"""The issue as plain text: for an e-mail (wrapped at 72 columns) and as one SMS.

E-mail readers get the whole issue: section titles in capitals and underlined, do and don't told
apart by the words of their titles, markup removed, French typography applied. Its no-break
spaces stay: they keep "14 h 30", "N° 3" and phone numbers on one line when the text is wrapped,
and mail clients show them as ordinary spaces.

An SMS carries the headline, the essentials and the hotline in at most 480 characters, in the
plainest characters (straight apostrophes, ordinary spaces) that every phone and gateway shows, and
in the GSM-7 alphabet (``N°`` is ``No``) unless told otherwise: one character outside it doubles the
number of parts (see ``gsm``).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from newsletter.i18n import _
from newsletter.model.document import IssueDocument
from newsletter.model.formats import Contact, Hotline, Testimonial
from newsletter.model.sections import SECTION_NAMES
from newsletter.render import BlockWriter, gsm, introducing, issue_number, plain, since_phrase
from newsletter.text import markup, typography
from newsletter.text.labels import label

WIDTH = 72
SMS_LIMIT = 480


# --- e-mail --------------------------------------------------------------------------------------


def _wrap(text: str, first: str = "", rest: str = "") -> str:
    """Wrap at :data:`WIDTH`; never inside a word, an e-mail address or a no-break space."""
    return textwrap.fill(
        text, WIDTH, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False
    )


class _Email(BlockWriter):
    """Builds the e-mail text block by block; blocks are joined by blank lines."""

    def render(self) -> str:
        blocks = self._masthead() + self._headline()
        for name in SECTION_NAMES:
            blocks += self.section(name)
        if self.document.publication.footer:
            blocks += ["-" * WIDTH + "\n" + _wrap(plain(self.document.publication.footer, self.lang))]
        return "\n\n".join(blocks) + "\n"

    # --- pieces ------------------------------------------------------------------------------

    def blocks(self, text: str, first: str = "") -> list[str]:
        """User text with markup: wrapped paragraphs and ``- `` lists; ``first`` starts the text."""
        found = []
        for block in markup.parse(typography.apply(text, self.lang)):
            if isinstance(block, markup.Paragraph):
                found.append(_wrap(first + markup.plain_line(block.runs)))
            else:
                items = [markup.plain_line(item) for item in block.items]
                found.extend([_wrap(first)] if first else [])
                found.append("\n".join(_wrap(item, "- ", "  ") for item in items))
            first = ""
        return found

    def bullets(self, items: list[str]) -> str:
        return "\n".join(_wrap(plain(item, self.lang), "- ", "  ") for item in items)

    def heading(self, key: str) -> str:
        return _underlined(self.label(key).upper(), "=")

    def subheading(self, text: str) -> str:
        return _underlined(plain(text, self.lang), "-")

    def caption(self, text: str) -> str:
        return _wrap(f"[{introducing(self.label('image'), self.lang)}{plain(text, self.lang)}]")

    # --- masthead and headline ---------------------------------------------------------------

    def _masthead(self) -> list[str]:
        publication, issue = self.document.publication, self.issue
        first = " — ".join(
            [
                plain(publication.title, self.lang),
                issue_number(self.document),
                typography.format_date(issue.date, self.lang),
            ]
        )
        lines = [_wrap(first)]
        second = [plain(text, self.lang) for text in (publication.tagline, publication.organisation) if text]
        if second:
            lines.append(_wrap(" · ".join(second)))
        return ["\n".join(lines) + "\n" + "=" * WIDTH]

    def _headline(self) -> list[str]:
        issue = self.issue
        blocks = []
        if issue.edition:
            blocks.append(_wrap(plain(issue.edition, self.lang)))
        headline = _underlined(plain(issue.headline, self.lang), "=")
        if issue.time:
            headline += "\n" + self.label("written_at", time=typography.format_time(issue.time, self.lang))
        blocks.append(headline)
        if issue.lead:
            blocks += self.blocks(issue.lead)
        return blocks

    # --- sections ----------------------------------------------------------------------------

    def essential(self, number: int, text: str) -> str:
        return _wrap(plain(text, self.lang), f"{number}. ", "   ")

    def _status(self) -> list[str]:
        if not self.issue.status:
            return []
        states = [label(self.lang, "state_" + entry.state).upper() for entry in self.issue.status]
        indent = " " * (max(len(state) for state in states) + 2)
        rows = []
        for state, entry in zip(states, self.issue.status, strict=True):
            what = plain(entry.system, self.lang)
            if entry.since:
                what += f" — {since_phrase(entry.since, self.lang)}"
            row = _wrap(what, state.ljust(len(indent)), indent)
            if entry.note:
                row += "\n" + _wrap(plain(entry.note, self.lang), indent, indent)
            rows.append(row)
        return [self.heading("status"), "\n".join(rows)]

    def testimonial(self, testimonial: Testimonial) -> str:
        quote = typography.quoted(plain(testimonial.quote, self.lang), self.lang)
        who = plain(testimonial.name, self.lang)
        if testimonial.role:
            who += ", " + plain(testimonial.role, self.lang)
        return _wrap(quote) + "\n" + _wrap(who, "— ", "  ")

    def _faq(self) -> list[str]:
        if not self.issue.faq:
            return []
        blocks = [self.heading("faq")]
        question_word, answer_word = (introducing(self.label(key), self.lang) for key in ("faq_question", "faq_answer"))
        for question in self.issue.faq:
            answer = self.blocks(question.a, first=answer_word)
            answer[0] = _wrap(question_word + plain(question.q, self.lang)) + "\n" + answer[0]
            blocks += answer
        return blocks

    def hotline(self, hotline: Hotline) -> str:
        line = introducing(self.label("hotline"), self.lang) + plain(hotline.label, self.lang)
        line += ", " + typography.format_phone(hotline.phone, self.lang)
        text = _wrap(line)
        if hotline.hours:
            text += "\n" + _wrap(plain(hotline.hours, self.lang))
        return text

    def contact_blocks(self, contacts: list[Contact]) -> list[str]:
        """Every contact, a block each."""
        blocks = []
        for contact in contacts:
            who = plain(contact.name, self.lang)
            if contact.role:
                who += " — " + plain(contact.role, self.lang)
            reach = []
            if contact.phone:
                reach.append(f"{self.label('contact_phone')} {typography.format_phone(contact.phone, self.lang)}")
            if contact.email:
                reach.append(typography.normalize(contact.email).strip())
            text = _wrap(who)
            if reach:
                text += "\n" + _wrap(" · ".join(reach), "  ", "  ")
            blocks.append(text)
        return blocks

    def _next_issue(self) -> list[str]:
        if self.issue.next_issue is None:
            return []
        return [_wrap(self.label("next_issue", date=typography.format_date(self.issue.next_issue, self.lang)))]

    SECTION_DRAWERS: ClassVar[dict[str, Callable]] = {
        **BlockWriter.SHARED_DRAWERS,
        "status": _status,
        "faq": _faq,
        "next_issue": _next_issue,
    }


def _underlined(title: str, rule: str) -> str:
    lines = _wrap(title)
    return f"{lines}\n{rule * max(len(line) for line in lines.splitlines())}"


def render(document: IssueDocument) -> str:
    """The whole issue as plain text for an e-mail: UTF-8, lines of at most 72 characters, French
    typography as in print (a narrow no-break space before ``; ! ?``)."""
    return typography.fine_spaces(_Email(document).render(), document.lang)


# --- SMS -----------------------------------------------------------------------------------------

_SMS_CHARACTERS = str.maketrans(
    {
        "\u00a0": " ",
        "’": "'",
        "‘": "'",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "…": "...",
        "–": "-",
        "—": "-",
    }
)


@dataclass(frozen=True)
class Sms:
    """The SMS text, and what had to be left out to fit (empty when everything fits)."""

    text: str
    cut: list[str] = field(default_factory=list)


def _sms_plain(text: str, lang: str, gsm7: bool = True) -> str:
    return re.sub(r" {2,}", " ", _sms_characters(plain(text, lang), gsm7)).strip()


def _sms_characters(text: str, gsm7: bool) -> str:
    """The plainest characters; with ``gsm7``, none that would send the SMS as UCS-2 (see ``gsm``)."""
    text = text.translate(_SMS_CHARACTERS)
    return gsm.to_gsm7(text) if gsm7 else text


def render_sms(document: IssueDocument, limit: int = SMS_LIMIT, gsm7: bool = True) -> Sms:
    """Headline, essentials and hotline in at most ``limit`` characters; in the GSM-7 alphabet unless
    ``gsm7`` is false (then as typed, sent as UCS-2 when a character needs it).

    What is left out to fit, in this order: the hotline's hours, the essentials from the last one,
    then the end of the headline (cut at a word, marked ``...``). The journal's name, the issue
    number and the hotline's number always stay.
    """
    issue, lang = document.issue, document.lang
    head = (
        f"{_sms_plain(document.publication.title, lang, gsm7)} {_sms_characters(issue_number(document), gsm7)}"
        f" - {_sms_characters(typography.format_short_date(issue.date, lang), gsm7)}"
    )
    headline = _sms_plain(issue.headline, lang, gsm7)
    essentials = [f"{index}. {_sms_plain(text, lang, gsm7)}" for index, text in enumerate(issue.essentials, start=1)]
    hotline, hours = "", ""
    if document.hotline is not None:
        phone = _sms_characters(typography.format_phone(document.hotline.phone, lang), gsm7)
        label = introducing(_sms_plain(document.hotline.label, lang, gsm7), lang)
        hotline = _sms_characters(label, gsm7) + phone
        hours = _sms_plain(document.hotline.hours, lang, gsm7) if document.hotline.hours else ""
    cut: list[str] = []

    def compose() -> str:
        return "\n".join(part for part in [head, headline, *essentials, hotline, hours] if part)

    while len(compose()) > limit and hours:
        hours = ""
        cut.append(_("the hotline's hours"))
    while len(compose()) > limit and essentials:
        cut.append(_("essential {number}", number=len(essentials)))
        essentials.pop()
    if len(compose()) > limit:
        room = max(0, limit - (len(compose()) - len(headline)) - 3)
        headline = (headline[:room].rsplit(" ", 1)[0] if " " in headline[:room] else headline[:room]) + "..."
        cut.append(_("the end of the headline"))
    text = compose()
    if len(text) > limit:
        cut.append(_("the end of the message (the journal's name or the hotline is too long)"))
    return Sms(text[:limit], cut)
