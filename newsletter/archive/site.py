"""The intranet space: an index of every issue (latest first), a page per issue, and a page of every question.

The pages are built with the HTML renderer's parts and returned as text; the archive writes them in ``html/``.
Like the issue pages, they take no ``href`` from user text: links only join the pages named here.
"""

from __future__ import annotations

import re
from html import escape

from newsletter.model.document import IssueDocument
from newsletter.render import issue_number, plain
from newsletter.render.html import FAQ_PAGE, INDEX_PAGE, HtmlText, html_list, page, render
from newsletter.text import markup, typography
from newsletter.text.labels import label


def page_name(document: IssueDocument) -> str:
    """``20210216_lettre-de-crise_n03_web.html``: the archivists' file name of an issue's page."""
    return document.file_name("web", extension="html")


def pages(documents: list[IssueDocument]) -> dict[str, str]:
    """File name → HTML of each page: one per issue, ``index.html`` (latest issue first) and ``faq.html``
    (every question once, with its latest answer and the issue it comes from).

    With no documents there is nothing to show and there are no pages.
    """
    ordered = sorted(documents, key=lambda d: (d.issue.number, d.issue.date), reverse=True)
    site = {page_name(document): render(document, links=True) for document in ordered}
    if ordered:
        site[INDEX_PAGE] = _index(ordered)
        site[FAQ_PAGE] = _faq(ordered)
    return site


def _question_key(question: str) -> str:
    """Questions asked again with other spaces, case or punctuation are the same question."""
    return re.sub(r"[\W_]+", " ", markup.plain(question).casefold()).strip()


def _title(what: str, document: IssueDocument) -> str:
    return escape(f"{what} — {plain(document.publication.title, document.lang)}")


def _index(documents: list[IssueDocument]) -> str:
    latest = documents[0]
    lang, text = latest.lang, HtmlText(latest.lang)
    items = []
    for document in documents:
        issue = document.issue
        when = escape(f"{issue_number(document)} · {typography.format_date(issue.date, lang)}")
        parts = [
            f'<h2><a href="{page_name(document)}">{text.inline(issue.headline)}</a></h2>',
            f'<p class="meta">{when}</p>',
        ]
        if issue.essentials:
            parts.append(html_list("ul", [text.inline(item) for item in issue.essentials]))
        items.append("\n".join(parts))
    main = f"<h1>{escape(label(lang, 'all_issues'))}</h1>\n" + html_list("ol", items, "issues")
    return page(latest, _title(label(lang, "all_issues"), latest), main, INDEX_PAGE, stamp=False)


def _faq(documents: list[IssueDocument]) -> str:
    latest = documents[0]
    lang, text = latest.lang, HtmlText(latest.lang)
    seen: set[str] = set()
    entries = []
    for document in documents:
        issue = document.issue
        for question in issue.faq:
            key = _question_key(question.q)
            if key in seen:
                continue
            seen.add(key)
            source = label(lang, "faq_source").format(
                number=issue.number, date=typography.format_short_date(issue.date, lang)
            )
            entries.append(
                f"<h2>{text.inline(question.q)}</h2>\n{text.blocks(question.a)}\n"
                f'<p class="source"><a href="{page_name(document)}">{escape(source)}</a></p>'
            )
    main = f"<h1>{escape(label(lang, 'faq_all'))}</h1>\n" + "\n".join(entries)
    return page(latest, _title(label(lang, "faq_all"), latest), main, FAQ_PAGE, stamp=False)
