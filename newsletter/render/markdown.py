"""The issue as CommonMark, for tools that take Markdown.

User text is text: every character Markdown would read as markup (``*``, ``_``, ``#``, ``[``,
``<``, ``&``, a ``1.`` or ``-`` starting a line …) is escaped with a backslash, so a YAML value
can never become a link, an HTML block, a heading or a list. Only the tiny markup becomes
Markdown: ``**bold**`` and ``*italic*``, paragraphs, ``- `` lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar

from newsletter.model.document import IssueDocument
from newsletter.model.formats import Contact, Hotline, Testimonial
from newsletter.model.sections import SECTION_NAMES
from newsletter.render import BlockWriter, introducing, issue_number, since_phrase
from newsletter.text import markup, typography
from newsletter.text.labels import label

# Backslash-escapable characters (CommonMark §2.4) that can start markup anywhere in a line;
# `|` and `~` are markup in GitHub's dialect (tables, strikethrough).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&#|~])")
# What makes a line a block of another kind: "-", "+", "=", "1." or "1)" at its start.
_BLOCK_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """Text that CommonMark renders exactly as written (one line; blocks are the caller's)."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def _escape_block_start(text: str) -> str:
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), text, 1)


def _runs(runs: markup.Line) -> str:
    """Styled runs as ``**…**`` / ``*…*``; spaces stay outside the markers so that they always close."""
    parts = []
    for run in runs:
        stripped = run.text.strip(" \u00a0")
        if not stripped or not (run.bold or run.italic):
            parts.append(escape(run.text))
            continue
        marker = ("**" if run.bold else "") + ("*" if run.italic else "")
        start = run.text.index(stripped)
        parts.append(run.text[:start] + marker + escape(stripped) + marker[::-1] + run.text[start + len(stripped) :])
    return _escape_block_start("".join(parts))


class MarkdownWriter(BlockWriter):
    def inline(self, text: str, bold: bool = False, italic: bool = False) -> str:
        return _runs(markup.inline(typography.apply(text, self.lang).strip(), bold, italic))

    def blocks(self, text: str) -> list[str]:
        found = []
        for block in markup.parse(typography.apply(text, self.lang)):
            if isinstance(block, markup.Paragraph):
                found.append(_runs(block.runs))
            else:
                found.append("\n".join("- " + _runs(item) for item in block.items))
        return found

    def bullets(self, items: list[str]) -> str:
        return "\n".join("- " + self.inline(item) for item in items)

    def _introduced(self, key: str, text: str) -> str:
        """``**Label :** text``; the space stays outside the bold, or the ``**`` would not close."""
        return f"**{escape(introducing(self.label(key), self.lang).rstrip())}** {text}"

    def heading(self, key: str) -> str:
        return "## " + escape(self.label(key))

    def subheading(self, text: str) -> str:
        return "### " + self.inline(text)

    def caption(self, text: str) -> str:
        return self._introduced("image", self.inline(text, italic=True))

    def render(self) -> str:
        blocks = self._masthead()
        for name in SECTION_NAMES:
            blocks += self.section(name)
        if self.document.publication.footer:
            blocks += ["---", self.inline(self.document.publication.footer, italic=True)]
        return "\n\n".join(blocks) + "\n"

    def _masthead(self) -> list[str]:
        publication, issue = self.document.publication, self.issue
        first = " · ".join(
            [
                self.inline(publication.title, bold=True),
                escape(issue_number(self.document)),
                escape(typography.format_date(issue.date, self.lang)),
            ]
        )
        about = [self.inline(text) for text in (publication.tagline, publication.organisation) if text]
        blocks = [first + ("  \n" + " · ".join(about) if about else "")]
        if issue.edition:
            blocks.append(self.inline(issue.edition, italic=True))
        blocks.append("# " + self.inline(issue.headline))
        if issue.time:
            blocks.append(escape(self.label("written_at", time=typography.format_time(issue.time, self.lang))))
        if issue.lead:
            blocks += self.blocks(issue.lead)
        return blocks

    def essential(self, number: int, text: str) -> str:
        return f"{number}. {self.inline(text)}"

    def _status(self) -> list[str]:
        if not self.issue.status:
            return []
        rows = []
        for entry in self.issue.status:
            state = label(self.lang, "state_" + entry.state)
            if entry.since:
                state += f", {since_phrase(entry.since, self.lang)}"
            parts = [self.inline(entry.system, bold=True), escape(state)]
            if entry.note:
                parts.append(self.inline(entry.note))
            rows.append("- " + " — ".join(parts))
        return [self.heading("status"), "\n".join(rows)]

    def testimonial(self, testimonial: Testimonial) -> str:
        quote = typography.quoted(self.inline(testimonial.quote), self.lang)
        who = self.inline(testimonial.name, bold=True)
        if testimonial.role:
            who += ", " + self.inline(testimonial.role)
        return f"> {quote}\n>\n> — {who}"

    def _faq(self) -> list[str]:
        if not self.issue.faq:
            return []
        blocks = [self.heading("faq")]
        for question in self.issue.faq:
            blocks += [self.subheading(question.q), *self.blocks(question.a)]
        return blocks

    def hotline(self, hotline: Hotline) -> str:
        line = self._introduced(
            "hotline",
            f"{self.inline(hotline.label)}, **{escape(typography.format_phone(hotline.phone, self.lang))}**",
        )
        if hotline.hours:
            line += "  \n" + self.inline(hotline.hours)
        return line

    def contact_blocks(self, contacts: list[Contact]) -> list[str]:
        """Every contact, one line each, in one list."""
        rows = []
        for contact in contacts:
            parts = [self.inline(contact.name, bold=True)]
            if contact.role:
                parts.append(self.inline(contact.role))
            if contact.phone:
                parts.append(
                    escape(f"{self.label('contact_phone')} {typography.format_phone(contact.phone, self.lang)}")
                )
            if contact.email:
                parts.append(escape(typography.normalize(contact.email).strip()))
            rows.append("- " + " — ".join(parts))
        return ["\n".join(rows)] if rows else []

    def _next_issue(self) -> list[str]:
        if self.issue.next_issue is None:
            return []
        when = typography.format_date(self.issue.next_issue, self.lang)
        return ["**" + escape(self.label("next_issue", date=when)) + "**"]

    SECTION_DRAWERS: ClassVar[dict[str, Callable]] = {
        **BlockWriter.SHARED_DRAWERS,
        "status": _status,
        "faq": _faq,
        "next_issue": _next_issue,
    }


def render(document: IssueDocument) -> str:
    """The whole issue as CommonMark text, French typography as in print (a narrow no-break space
    before ``; ! ?``)."""
    return typography.fine_spaces(MarkdownWriter(document).render(), document.lang)
