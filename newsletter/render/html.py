"""The issue as one self-contained web page (the archive makes the intranet space of such pages).

Every piece of user text goes through :func:`html.escape` (``html_text``), so ``<script>`` typed in the
YAML is shown, never run; the page's frame (``html_page``) makes no request of any kind.

Accessible by construction: ``lang``, headings in order (h1 headline, h2 sections, h3 articles and
questions), lists as lists, the status board as a table with header cells, states told by words,
text contrast of at least 4.5:1 (the journal's default colours), a layout that fits a phone and a
print style sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import ClassVar

from newsletter.model.document import IssueDocument
from newsletter.model.sections import SECTION_NAMES
from newsletter.render import IssueWriter, introducing, issue_number, plain, since
from newsletter.render.html_page import embedded_image, page
from newsletter.render.html_text import HtmlText, html_list, unmarked, words
from newsletter.text import typography
from newsletter.text.labels import label

# --- one issue ---------------------------------------------------------------------------------


class _Page(IssueWriter):
    """The HTML of one issue; ``links`` adds the site's navigation (index and FAQ pages)."""

    def __init__(self, document: IssueDocument, links: bool = False):
        super().__init__(document)
        self.text = HtmlText(self.lang)
        self.links = links

    def label(self, key: str, **values) -> str:
        return words(super().label(key, **values), self.lang)

    def render(self) -> str:
        title = (
            f"{plain(self.issue.headline, self.lang)} — {plain(self.document.publication.title, self.lang)} "
            f"{issue_number(self.document)}"
        )
        body = [self._headline()] + [self.section(name) for name in SECTION_NAMES]
        article = "<article>\n" + "\n".join(part for part in body if part) + "\n</article>"
        return page(self.document, unmarked(title, self.lang), article, "" if self.links else None)

    def _headline(self) -> str:
        issue = self.issue
        parts = []
        if issue.edition:
            parts.append(f'<p class="kicker">{self.text.inline(issue.edition)}</p>')
        parts.append(f"<h1>{self.text.inline(issue.headline)}</h1>")
        if issue.time:
            stamp = self.label("written_at", time=typography.format_time(issue.time, self.lang))
            parts.append(f'<p class="meta">{stamp}</p>')
        if issue.lead:
            parts.append(f'<div class="lead">\n{self.text.blocks(issue.lead)}\n</div>')
        return "<header>\n" + "\n".join(parts) + "\n</header>"

    def _section(self, key: str, content: str, css: str = "") -> str:
        attribute = f' class="{css}"' if css else ""
        return (
            f'<section{attribute} aria-labelledby="{key}">\n<h2 id="{key}">{self.label(key)}</h2>\n'
            f"{content}\n</section>"
        )

    def _bullets(self, items: list[str]) -> str:
        return html_list("ul", [self.text.inline(item) for item in items])

    def _essentials(self) -> str:
        if not self.issue.essentials:
            return ""
        items = html_list("ol", [self.text.inline(item) for item in self.issue.essentials])
        return self._section("essentials", items, "panel essentials")

    def _situation(self) -> str:
        return "\n".join(self._section(key, self._bullets(items)) for key, items in self.document.situation_lists())

    def _status(self) -> str:
        if not self.issue.status:
            return ""
        head = "".join(
            f'<th scope="col">{self.label(key)}</th>'
            for key in ("status_system", "status_state", "status_since", "status_note")
        )
        rows = []
        for entry in self.issue.status:
            state = f'<span class="state state-{entry.state}">{self.label("state_" + entry.state)}</span>'
            when = words(since(entry.since, self.lang), self.lang) if entry.since else ""
            rows.append(
                f'<tr><th scope="row">{self.text.inline(entry.system)}</th><td>{state}</td>'
                f'<td class="since" data-label="{unmarked(label(self.lang, "status_since"), self.lang)}">{when}</td>'
                f'<td class="note">{self.text.inline(entry.note or "")}</td></tr>'
            )
        table = (
            f'<div class="table-wrap" role="region" aria-labelledby="status" tabindex="0">\n'
            f'<table class="status">\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>"
        )
        return self._section("status", table)

    def _do_dont(self) -> str:
        boxes = [self._section(key, self._bullets(items), key) for key, items in self.document.instruction_lists()]
        return '<div class="instructions">\n' + "\n".join(boxes) + "\n</div>" if boxes else ""

    def _news(self) -> str:
        if not self.issue.news:
            return ""
        articles = []
        for item in self.issue.news:
            parts = [f"<h3>{self.text.inline(item.title)}</h3>"]
            if item.image:
                caption = self.text.inline(item.caption) if item.caption else ""
                image = embedded_image(
                    self.document.issue_asset(item.image), unmarked(plain(item.caption or "", self.lang), self.lang)
                )
                if image:
                    parts.append(
                        f"<figure>{image}" + (f"<figcaption>{caption}</figcaption>" if caption else "") + "</figure>"
                    )
            parts.append(self.text.blocks(item.body))
            articles.append("<article>\n" + "\n".join(parts) + "\n</article>")
        return self._section("news", "\n".join(articles))

    def _tips(self) -> str:
        if not self.issue.tips:
            return ""
        parts = [
            f"<h3>{self.text.inline(tip.title)}</h3>\n{self.text.blocks(tip.body)}"
            for tip in self.issue.tips
            if tip.title
        ]
        untitled = [tip.body for tip in self.issue.tips if not tip.title]
        if untitled:
            parts.append(self._bullets(untitled))
        return self._section("tips", "\n".join(parts))

    def _testimonials(self) -> str:
        if not self.issue.testimonials:
            return ""
        quotes = []
        for testimonial in self.issue.testimonials:
            quote = typography.quoted(self.text.inline(testimonial.quote), self.lang)
            who = f"<strong>{self.text.inline(testimonial.name)}</strong>"
            if testimonial.role:
                who += ", " + self.text.inline(testimonial.role)
            quotes.append(
                f'<figure class="testimonial">\n<blockquote><p>{quote}</p></blockquote>\n'
                f"<figcaption>{who}</figcaption>\n</figure>"
            )
        return self._section("testimonials", "\n".join(quotes))

    def _faq(self) -> str:
        if not self.issue.faq:
            return ""
        return self._section(
            "faq",
            "\n".join(
                f"<h3>{self.text.inline(question.q)}</h3>\n{self.text.blocks(question.a)}"
                for question in self.issue.faq
            ),
        )

    def _contacts(self) -> str:
        contacts, hotline = self.document.contacts, self.document.hotline
        if not contacts and hotline is None:
            return ""
        parts = []
        if hotline is not None:
            phone = escape(typography.format_phone(hotline.phone, self.lang))
            called = words(introducing(label(self.lang, "hotline"), self.lang).rstrip(), self.lang)
            lines = [
                f"<p>{called} <strong>{self.text.inline(hotline.label)}</strong></p>",
                f'<p class="phone">{phone}</p>',
            ]
            if hotline.hours:
                lines.append(f"<p>{self.text.inline(hotline.hours)}</p>")
            parts.append('<div class="hotline">\n' + "\n".join(lines) + "\n</div>")
        items = []
        for contact in contacts:
            lines = [f"<strong>{self.text.inline(contact.name)}</strong>"]
            if contact.role:
                lines.append(self.text.inline(contact.role))
            reach = []
            if contact.phone:
                reach.append(
                    f'{self.label("contact_phone")} <span class="nowrap">'
                    f"{escape(typography.format_phone(contact.phone, self.lang))}</span>"
                )
            if contact.email:
                reach.append(escape(typography.normalize(contact.email).strip()))
            if reach:
                lines.append(" · ".join(reach))
            items.append("<br>".join(lines))
        if items:
            parts.append(html_list("ul", items, "contacts"))
        return self._section("contacts", "\n".join(parts))

    def _next_issue(self) -> str:
        if self.issue.next_issue is None:
            return ""
        when = typography.format_date(self.issue.next_issue, self.lang)
        return f'<p class="next">{self.label("next_issue", date=when)}</p>'

    SECTION_DRAWERS: ClassVar[dict[str, Callable]] = {
        "essentials": _essentials,
        "situation": _situation,
        "status": _status,
        "do_dont": _do_dont,
        "news": _news,
        "tips": _tips,
        "testimonials": _testimonials,
        "faq": _faq,
        "contacts": _contacts,
        "next_issue": _next_issue,
    }


def render(document: IssueDocument, links: bool = False) -> str:
    """The issue as one self-contained HTML page; ``links`` adds the navigation of the intranet space."""
    return _Page(document, links).render()
