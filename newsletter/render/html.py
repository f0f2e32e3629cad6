"""The issue as one self-contained web page (the archive makes the intranet space of such pages).

A page makes no request of any kind: the style sheet is inline, images are embedded as ``data:``
URIs, there is no script and no external address. Every piece of user text goes through
:func:`html.escape`, so ``<script>`` typed in the YAML is shown, never run; no ``href`` or ``src``
is ever taken from user text (links only join the pages of the intranet space).

Accessible by construction: ``lang``, headings in order (h1 headline, h2 sections, h3 articles and
questions), lists as lists, the status board as a table with header cells, states told by words,
text contrast of at least 4.5:1 (the journal's default colours), a layout that fits a phone and a
print style sheet.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import ClassVar

from newsletter.model.document import IssueDocument
from newsletter.model.layout import Colours
from newsletter.model.sections import SECTION_NAMES
from newsletter.render import IssueWriter, introducing, issue_number, plain, since, web_images
from newsletter.text import markup, typography
from newsletter.text.labels import label

PALETTE = Colours().dump()
WHITE = "#FFFFFF"
INDEX_PAGE = "index.html"
FAQ_PAGE = "faq.html"
_CURRENT = ' aria-current="page"'

# Every rule that sets a text colour also sets its background, so that contrast can be checked
# rule by rule (tests do).
STYLE = """
*, *::before, *::after {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; color-scheme: light; }}
body {{ margin: 0 auto; max-width: 50rem; padding: 0 1rem 2rem; color: {text}; background-color: {white};
  font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif;
  overflow-wrap: break-word; }}
a {{ color: {accent}; background-color: {white}; }}
a:focus-visible {{ outline: 3px solid {text}; outline-offset: 2px; }}
.skip {{ position: absolute; left: -999rem; }}
.skip:focus {{ position: static; display: inline-block; margin: .5rem 0; }}
.masthead {{ display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; margin: 0 -1rem;
  padding: 1rem; color: {on_accent}; background-color: {accent}; }}
.masthead .logo {{ width: 4.5rem; height: auto; background-color: {white}; border-radius: .25rem; }}
.masthead .name {{ flex: 1 1 14rem; }}
.masthead p {{ margin: 0; }}
.masthead .title {{ font-size: 2rem; font-weight: 700; line-height: 1.15; }}
.masthead .issue {{ text-align: right; font-weight: 700; }}
nav ul {{ display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; list-style: none; margin: .75rem 0 0; padding: 0; }}
.kicker {{ margin: 1.5rem 0 .25rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
  color: {accent}; background-color: {white}; }}
h1 {{ margin: .25rem 0 .5rem; font-size: 2.1rem; line-height: 1.15; }}
h2 {{ margin: 2rem 0 .75rem; font-size: 1.4rem; line-height: 1.25; color: {accent}; background-color: {white}; }}
h3 {{ margin: 1.5rem 0 .5rem; font-size: 1.15rem; line-height: 1.3; }}
.meta {{ margin-top: 0; font-style: italic; color: {muted}; background-color: {white}; }}
.lead {{ font-size: 1.2rem; }}
.panel {{ margin: 1.5rem 0; padding: .25rem 1.25rem 1rem; border-left: .4rem solid {accent};
  color: {text}; background-color: {panel}; }}
.panel h2 {{ margin-top: 1rem; color: {accent}; background-color: {panel}; }}
.essentials li {{ margin: .4rem 0; font-weight: 700; font-size: 1.1rem; }}
.table-wrap {{ overflow-x: auto; }}
table {{ width: 100%; border-collapse: collapse; font-size: .95rem; }}
th, td {{ padding: .45rem .5rem; text-align: left; vertical-align: top; border-bottom: 1px solid {muted}; }}
thead th {{ border-bottom: 2px solid {accent}; }}
.since {{ min-width: 6.5em; }}
.state {{ font-weight: 700; white-space: nowrap; }}
.state::before {{ display: inline-block; width: 1.1em; }}
.state-restored {{ color: {do}; background-color: {white}; }}
.state-restored::before {{ content: "\\2713"; }}
.state-testing, .state-degraded {{ color: {warning}; background-color: {white}; }}
.state-testing::before {{ content: "\\25D0"; }}
.state-degraded::before {{ content: "\\26A0"; }}
.state-down {{ color: {dont}; background-color: {white}; }}
.state-down::before {{ content: "\\2715"; }}
.instructions {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem;
  margin: 1.5rem 0; }}
.instructions section {{ border: 3px solid {do}; border-radius: .25rem; }}
.instructions section.dont {{ border-color: {dont}; }}
.instructions h2 {{ margin: 0; padding: .4rem 1rem; color: {on_accent}; background-color: {do}; }}
.instructions .dont h2 {{ color: {on_accent}; background-color: {dont}; }}
.instructions ul {{ margin: .75rem 0; }}
figure {{ margin: 1rem 0; }}
figure img {{ display: block; max-width: 100%; max-height: 28rem; width: auto; height: auto; }}
figcaption {{ font-size: .95rem; font-style: italic; color: {muted}; background-color: {white}; }}
.testimonial {{ margin: 1.25rem 0; padding-left: 1rem; border-left: .3rem solid {accent}; }}
.testimonial blockquote {{ margin: 0; font-size: 1.1rem; font-style: italic; }}
.testimonial figcaption {{ font-style: normal; }}
.hotline {{ margin: 1rem 0; padding: 1rem 1.25rem; border-radius: .25rem; color: {on_accent};
  background-color: {accent}; }}
.hotline p {{ margin: .2rem 0; }}
.hotline .phone {{ font-size: 1.8rem; font-weight: 700; white-space: nowrap; }}
.contacts {{ list-style: none; padding: 0; }}
.contacts li {{ padding: .6rem 0; border-bottom: 1px solid {muted}; }}
.nowrap {{ white-space: nowrap; }}
.next {{ margin: 2rem 0; padding: .9rem 1.25rem; border: 3px solid {accent}; font-weight: 700;
  font-size: 1.15rem; color: {accent}; background-color: {white}; }}
.source {{ font-size: .95rem; color: {muted}; background-color: {white}; }}
.issues {{ list-style: none; padding: 0; }}
.issues > li {{ padding: .5rem 0 1rem; border-bottom: 1px solid {muted}; }}
.issues h2 {{ margin: .25rem 0; }}
body > footer {{ margin-top: 2.5rem; padding-top: .75rem; border-top: 2px solid {accent}; font-size: .95rem;
  color: {muted}; background-color: {white}; }}
@media (max-width: 30rem) {{
  body {{ font-size: 1rem; }}
  h1 {{ font-size: 1.7rem; }}
  .masthead .issue {{ text-align: left; }}
  .status thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }}
  .status tr {{ display: grid; grid-template-columns: 1fr auto; padding: .4rem 0; border-bottom: 1px solid {muted}; }}
  .status th, .status td {{ display: block; padding: .1rem .25rem; border: 0; }}
  .status td.since, .status td.note {{ grid-column: 1 / -1; }}
  .status td.since:not(:empty)::before {{ content: attr(data-label) " "; }}
}}
@media print {{
  @page {{ margin: 15mm; }}
  body {{ max-width: none; padding: 0; font-size: 11pt; color: #000000; background-color: {white}; }}
  .skip, nav {{ display: none; }}
  .masthead {{ margin: 0; color: #000000; background-color: {white}; border-bottom: 3pt solid #000000; }}
  .hotline {{ color: #000000; background-color: {white}; border: 2pt solid #000000; }}
  .panel, .panel h2 {{ color: #000000; background-color: {white}; }}
  .panel {{ border: 1pt solid #000000; }}
  .instructions h2, .instructions .dont h2 {{ color: #000000; background-color: {white};
    border-bottom: 1pt solid #000000; }}
  a {{ color: #000000; background-color: {white}; text-decoration: none; }}
  h2, h3 {{ break-after: avoid; }}
  li, tr, figure, .hotline, .next, .instructions section {{ break-inside: avoid; }}
}}
""".format(white=WHITE, **PALETTE)


# --- user text ---------------------------------------------------------------------------------


def _runs(runs: markup.Line) -> str:
    return markup.tagged(runs, escape, ("<strong>", "</strong>"), ("<em>", "</em>"))


class HtmlText:
    """User text → escaped HTML, typography applied; the tiny markup becomes tags, nothing else does."""

    def __init__(self, lang: str):
        self.lang = lang

    def inline(self, text: str) -> str:
        return _runs(markup.inline(typography.apply(text, self.lang).strip()))

    def blocks(self, text: str) -> str:
        parts = []
        for block in markup.parse(typography.apply(text, self.lang)):
            if isinstance(block, markup.Paragraph):
                parts.append(f"<p>{_runs(block.runs)}</p>")
            else:
                parts.append(html_list("ul", [_runs(item) for item in block.items]))
        return "\n".join(parts)


def html_list(tag: str, items: list[str], css: str = "") -> str:
    attribute = f' class="{css}"' if css else ""
    return f"<{tag}{attribute}>\n" + "\n".join(f"<li>{item}</li>" for item in items) + f"\n</{tag}>"


def _image(path: Path, alt: str, css: str = "") -> str:
    """An embedded PNG or JPEG (``alt`` already escaped), upright and reduced for a screen (see
    ``web_images``); nothing if the file is not one."""
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    if web_images.mime_type(data) is None:
        return ""
    data, kind = web_images.web_ready(data)
    attribute = f' class="{css}"' if css else ""
    return f'<img{attribute} src="data:{kind};base64,{base64.b64encode(data).decode("ascii")}" alt="{alt}">'


# --- one issue ---------------------------------------------------------------------------------


class _Page(IssueWriter):
    """The HTML of one issue; ``links`` adds the site's navigation (index and FAQ pages)."""

    def __init__(self, document: IssueDocument, links: bool = False):
        super().__init__(document)
        self.text = HtmlText(self.lang)
        self.links = links

    def label(self, key: str, **values) -> str:
        return escape(super().label(key, **values))

    def render(self) -> str:
        title = (
            f"{plain(self.issue.headline, self.lang)} — {plain(self.document.publication.title, self.lang)} "
            f"{issue_number(self.document)}"
        )
        body = [self._headline()] + [self.section(name) for name in SECTION_NAMES]
        article = "<article>\n" + "\n".join(part for part in body if part) + "\n</article>"
        return page(self.document, escape(title), article, "" if self.links else None)

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
            when = escape(since(entry.since, self.lang)) if entry.since else ""
            rows.append(
                f'<tr><th scope="row">{self.text.inline(entry.system)}</th><td>{state}</td>'
                f'<td class="since" data-label="{self.label("status_since")}">{when}</td>'
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
                image = _image(self.document.issue_asset(item.image), escape(plain(item.caption or "", self.lang)))
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
            called = escape(introducing(label(self.lang, "hotline"), self.lang).rstrip())
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


def page(document: IssueDocument, title: str, main: str, current: str | None, stamp: bool = True) -> str:
    """A whole HTML page around ``main`` (already HTML) with the masthead of ``document``'s journal.

    ``current`` is None for a page on its own, else the site's navigation is added and ``current``
    names the page it is on; ``stamp`` puts the issue's number and date in the masthead.
    """
    publication, lang = document.publication, document.lang
    logo_path = document.logo_path()
    logo = _image(logo_path, "", "logo") if logo_path else ""
    name = [f'<p class="title">{HtmlText(lang).inline(publication.title)}</p>']
    if publication.tagline:
        name.append(f'<p class="tagline">{HtmlText(lang).inline(publication.tagline)}</p>')
    parts = [part for part in (logo, '<div class="name">' + "".join(name) + "</div>") if part]
    if stamp:
        issue = document.issue
        parts.append(
            f'<p class="issue">{escape(issue_number(document))}<br>'
            f'<time datetime="{issue.date.isoformat()}">'
            f"{escape(typography.format_date(issue.date, lang))}</time></p>"
        )
    masthead = '<header class="masthead">\n' + "\n".join(parts) + "\n</header>"
    navigation = ""
    if current is not None:
        items = "".join(
            f'<li><a href="{href}"{_CURRENT if href == current else ""}>{escape(label(lang, key))}</a></li>'
            for href, key in ((INDEX_PAGE, "all_issues"), (FAQ_PAGE, "faq_all"))
        )
        navigation = f"<nav>\n<ul>{items}</ul>\n</nav>"
    footer = f"<footer><p>{HtmlText(lang).inline(publication.footer)}</p></footer>\n" if publication.footer else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<a class="skip" href="#main">{escape(label(lang, "skip_to_content"))}</a>\n'
        f'{masthead}\n{navigation}\n<main id="main">\n{main}\n</main>\n{footer}</body>\n</html>\n'
    )


def render(document: IssueDocument, links: bool = False) -> str:
    """The issue as one self-contained HTML page; ``links`` adds the navigation of the intranet space."""
    return _Page(document, links).render()
