"""The frame of every web page (an issue, the intranet's index and FAQ): the masthead, the navigation,
the footer, and the inline style sheet; pictures embedded as ``data:`` URIs.

A page makes no request of any kind: the style sheet is inline, images are embedded, there is no script
and no external address; no ``href`` or ``src`` is ever taken from user text (links only join the pages
of the intranet space). Text colours have a contrast of at least 4.5:1 against their background.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from newsletter.model.document import IssueDocument
from newsletter.model.layout import Colours
from newsletter.render import issue_number, web_images
from newsletter.render.html_text import HtmlText, words
from newsletter.text import typography
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
sup {{ line-height: 0; }}
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


def embedded_image(path: Path, alt: str, css: str = "") -> str:
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


def page(document: IssueDocument, title: str, main: str, current: str | None, stamp: bool = True) -> str:
    """A whole HTML page around ``main`` (already HTML) with the masthead of ``document``'s journal.

    ``current`` is None for a page on its own, else the site's navigation is added and ``current``
    names the page it is on; ``stamp`` puts the issue's number and date in the masthead.
    """
    publication, lang = document.publication, document.lang
    logo_path = document.logo_path()
    logo = embedded_image(logo_path, "", "logo") if logo_path else ""
    name = [f'<p class="title">{HtmlText(lang).inline(publication.title)}</p>']
    if publication.tagline:
        name.append(f'<p class="tagline">{HtmlText(lang).inline(publication.tagline)}</p>')
    parts = [part for part in (logo, '<div class="name">' + "".join(name) + "</div>") if part]
    if stamp:
        issue = document.issue
        parts.append(
            f'<p class="issue">{words(issue_number(document), lang)}<br>'
            f'<time datetime="{issue.date.isoformat()}">'
            f"{words(typography.format_date(issue.date, lang), lang)}</time></p>"
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
