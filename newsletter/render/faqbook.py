"""The FAQ book as text: the intranet page, Markdown and the phone message in dialogue form (the PDF is
``render/pdf/faqbook.py``). Each entry says which issue gave its answer, and which one changed it."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from newsletter.model.document import IssueDocument
from newsletter.model.faqbook import Entry, FaqBook
from newsletter.render import markdown as md
from newsletter.render import plain
from newsletter.render.html_page import FAQ_PAGE, page
from newsletter.render.html_text import HtmlText, unmarked, words
from newsletter.render.phone import PhoneScript, mid_sentence, say, speakable, spoken_phone, timed
from newsletter.text import typography
from newsletter.text.labels import label


def source_line(entry: Entry, lang: str) -> str:
    """``Réponse du n° 5, 16 mars 2021 · mis à jour dans le n° 4``: where the answer comes from, and the issue
    that changed it since it was first given (``Réponse mise à jour dans le n° 5, …`` when that is the same)."""
    issue, updated = entry.source.issue, entry.updated_in
    key = "faq_source_updated" if updated is entry.source else "faq_source"
    line = label(lang, key).format(number=issue.number, date=typography.format_short_date(issue.date, lang))
    if updated is not None and updated is not entry.source:
        line += " · " + label(lang, "faq_updated").format(number=updated.issue.number)
    return line


def as_of(book: FaqBook) -> str:
    """``À jour du n° 6, 23 mars 2021``."""
    issue = book.latest.issue
    return label(book.lang, "faq_book_as_of").format(
        number=issue.number, date=typography.format_date(issue.date, book.lang)
    )


def theme_name(name: str | None, book: FaqBook) -> str:
    """A theme's heading as written (typeset); questions without one are "other questions"."""
    return typography.apply(name, book.lang) if name else label(book.lang, "faq_other_questions")


def _grouped(book: FaqBook) -> bool:
    """Themes are headings only when some question has one."""
    return any(theme.name for theme in book.themes())


def html(book: FaqBook, link: Callable[[IssueDocument], str] | None = None) -> str:
    """The page of every question; with ``link`` (the intranet space) each source links to its issue's page."""
    lang, text = book.lang, HtmlText(book.lang)
    grouped = _grouped(book)
    question_tag = "h3" if grouped else "h2"
    parts = [f"<h1>{escape(label(lang, 'faq_all'))}</h1>", f'<p class="meta">{words(as_of(book), lang)}</p>']
    for theme in book.themes():
        if grouped:
            parts.append(f"<h2>{words(plain(theme_name(theme.name, book), lang), lang)}</h2>")
        for entry in theme.entries:
            source = words(source_line(entry, lang), lang)
            if link is not None:
                source = f'<a href="{link(entry.source)}">{source}</a>'
            parts.append(
                f"<{question_tag}>{text.inline(entry.item.q)}</{question_tag}>\n{text.blocks(entry.item.a)}\n"
                f'<p class="source">{source}</p>'
            )
    title = unmarked(f"{label(lang, 'faq_all')} — {plain(book.publication.title, lang)}", lang)
    return page(book.latest, title, "\n".join(parts), FAQ_PAGE if link is not None else None, stamp=False)


def markdown(book: FaqBook) -> str:
    """The book as CommonMark: title, date, themes as sections, each question with its answer and source."""
    writer = md.MarkdownWriter(book.latest)  # for its user text: every markup character escaped
    lang = book.lang
    blocks = [
        "# " + writer.inline(f"{book.publication.title} — {label(lang, 'faq_book')}"),
        md.escape(as_of(book)),
    ]
    grouped = _grouped(book)
    for theme in book.themes():
        if grouped:
            blocks.append("## " + md.escape(plain(theme_name(theme.name, book), lang)))
        for entry in theme.entries:
            blocks.append(("### " if grouped else "## ") + writer.inline(entry.item.q))
            blocks += writer.blocks(entry.item.a)
            blocks.append("*" + md.escape(source_line(entry, lang)) + "*")
    return typography.fine_spaces("\n\n".join(blocks) + "\n", lang)


def phone(book: FaqBook) -> PhoneScript:
    """The recorded message: every question and its answer as a dialogue (« — Ma paie ? — Oui … »)."""
    lang, publication = book.lang, book.publication
    title = typography.apply(publication.title, lang)
    greeting = label(lang, "phone_faq_greeting").format(
        title=title, date=typography.format_date(book.latest.issue.date, lang)
    )
    paragraphs = [speakable(greeting, lang)]
    for entry in book.entries:
        question = " ".join(say(entry.item.q, lang).splitlines())
        answer = " ".join(say(entry.item.a, lang).splitlines())
        paragraphs.append(f"— {question}\n— {answer}")
    hotline = publication.hotline
    if hotline is not None:
        phone_number = spoken_phone(typography.format_phone(hotline.phone, lang), lang)
        name = mid_sentence(typography.apply(hotline.label, lang))
        call = label(lang, "phone_hotline").format(label=name, phone=phone_number)
        paragraphs.append(speakable(call, lang))
    paragraphs.append(label(lang, "phone_goodbye"))
    return timed(paragraphs, lang)
