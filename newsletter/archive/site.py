"""The intranet space: an index of every issue (latest first), a page per issue, and a page of every question.

The pages are built with the HTML renderer's parts and returned as text; the archive writes them in ``html/``.
Like the issue pages, they take no ``href`` from user text: links only join the pages named here.
"""

from __future__ import annotations

from html import escape

from newsletter.model.document import IssueDocument
from newsletter.model.faqbook import gather
from newsletter.render import faqbook, issue_number, plain
from newsletter.render.html import render
from newsletter.render.html_page import FAQ_PAGE, INDEX_PAGE, page
from newsletter.render.html_text import HtmlText, html_list, unmarked, words
from newsletter.text import typography
from newsletter.text.labels import label


def page_name(document: IssueDocument) -> str:
    """``20210216_lettre-de-crise_n03_web.html``: the archivists' file name of an issue's page."""
    return document.file_name("web", extension="html")


def pages(documents: list[IssueDocument]) -> dict[str, str]:
    """File name → HTML of each page: one per issue, ``index.html`` (latest issue first) and ``faq.html``
    (the FAQ book: every question once, with its latest answer and the issue it comes from, see
    ``model/faqbook.py``).

    With no documents there is nothing to show and there are no pages.
    """
    ordered = sorted(documents, key=lambda d: (d.issue.number, d.issue.date), reverse=True)
    site = {page_name(document): render(document, links=True) for document in ordered}
    if ordered:
        site[INDEX_PAGE] = _index(ordered)
        book = gather(ordered)
        if book is not None:
            site[FAQ_PAGE] = faqbook.html(book, link=page_name)
    return site


def _title(what: str, document: IssueDocument) -> str:
    return unmarked(f"{what} — {plain(document.publication.title, document.lang)}", document.lang)


def _index(documents: list[IssueDocument]) -> str:
    latest = documents[0]
    lang, text = latest.lang, HtmlText(latest.lang)
    items = []
    for document in documents:
        issue = document.issue
        when = words(f"{issue_number(document)} · {typography.format_date(issue.date, lang)}", lang)
        parts = [
            f'<h2><a href="{page_name(document)}">{text.inline(issue.headline)}</a></h2>',
            f'<p class="meta">{when}</p>',
        ]
        if issue.essentials:
            parts.append(html_list("ul", [text.inline(item) for item in issue.essentials]))
        items.append("\n".join(parts))
    main = f"<h1>{escape(label(lang, 'all_issues'))}</h1>\n" + html_list("ol", items, "issues")
    return page(latest, _title(label(lang, "all_issues"), latest), main, INDEX_PAGE, stamp=False)
