"""The HTML export and the intranet space: valid, accessible, self-contained, nothing executable."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import MINIMAL_ISSUE, REPO
from newsletter.build.plan import plan
from newsletter.model.colours import MINIMUM_TEXT_CONTRAST, contrast, hex_to_rgb
from newsletter.render import html

VOID = {"meta", "img", "br", "hr", "link", "input"}
ALLOWED_TAGS = VOID | {
    "html", "head", "title", "style", "body", "a", "header", "nav", "main", "article", "section", "footer", "div",
    "p", "h1", "h2", "h3", "ul", "ol", "li", "strong", "em", "span", "time", "table", "thead", "tbody", "tr",
    "th", "td", "figure", "figcaption", "blockquote",
}
HUGE = "A" * 20_000

HOSTILE = f"""\
number: 1
date: 2021-02-05
headline: "<script>alert('titre')</script> **gras**"
edition: "<img src=x onerror=alert(1)>"
lead: |
  <a href="javascript:alert(1)">lien</a> et <a href='http://evil.example/'>autre</a> &amp; <!-- commentaire -->

  - "><svg onload=alert(1)>
essentials:
  - "<iframe src=http://evil.example></iframe>"
  - {HUGE}
status:
  - system: "<b onmouseover=alert(1)>x</b>"
    state: down
    since: '"><script>alert(2)</script>'
    note: "javascript:alert(3)"
do: ["<style>body {{ display: none }}</style>"]
dont: ["</ul></section><script>alert(4)</script>"]
news:
  - title: "</h3><script>alert(5)</script>"
    body: "<base href='http://evil.example/'>"
    image: ../assets/logo.png
    caption: '" onload="alert(6)'
tips:
  - "<meta http-equiv=refresh content='0;url=http://evil.example'>"
faq:
  - q: "<object data=http://evil.example></object> ?"
    a: "<form action=http://evil.example><input></form>"
testimonials:
  - quote: "<link rel=stylesheet href=http://evil.example/x.css>"
    name: "<svg onload=alert(7)>"
    role: "{{{{7*7}}}}"
next_issue: 2021-02-12
"""


class Page(HTMLParser):
    """What a browser would see: every tag with its attributes, the text, and whether tags nest properly."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.text: list[str] = []
        self.style = ""
        self.in_style = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.style += data
        else:
            self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def load(root, number: str = "1"):
    result = plan(root, [number], [], render_checks=False)
    assert not result.errors, [str(d) for d in result.errors]
    return result.documents[0]


def assert_nothing_executable_or_external(text: str) -> Page:
    page = Page(text)
    assert not page.open, f"unclosed: {page.open}"
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "action", "data", "srcset"):
                assert re.fullmatch(r"#main|[\w.-]+\.html|data:image/(png|jpeg);base64,[A-Za-z0-9+/=]+", value or ""), \
                    (tag, name, value[:80] if value else value)
    assert [tag for tag, _ in page.tags].count("style") == 1
    assert "url(" not in page.style and "@import" not in page.style and "http" not in page.style
    return page


@pytest.fixture
def hostile(workspace):
    workspace.write("001.yaml", HOSTILE)
    return html.render(load(workspace.root))


def test_a_hostile_issue_gives_nothing_executable(hostile):
    assert_nothing_executable_or_external(hostile)
    assert "<script" not in hostile and "<svg" not in hostile and "<iframe" not in hostile


def test_hostile_text_is_shown_as_typed(hostile):
    text = Page(hostile).all_text
    for typed in ("<script>alert('titre')</script>", "<img src=x onerror=alert(1)>", "javascript:alert(3)",
                  "<iframe src=http://evil.example></iframe>", "<b onmouseover=alert(1)>x</b>",
                  "</h3><script>alert(5)</script>", "<svg onload=alert(7)>", "{{7*7}}", "&amp",
                  "<!-- commentaire -->", HUGE):
        assert typed in text, typed
    assert "\" onload=\"alert(6)" in Page(hostile).named("img")[1]["alt"]  # an attribute, escaped


def test_markup_is_the_only_thing_that_becomes_tags(hostile):
    page = Page(hostile)
    [h1] = [index for index, (tag, _) in enumerate(page.tags) if tag == "h1"]
    assert page.tags[h1 + 1][0] == "strong"  # **gras**


def test_accessible_structure(workspace):
    document = load(REPO, "3")
    page = assert_nothing_executable_or_external(html.render(document))
    assert page.named("html") == [{"lang": "fr"}]
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in page.named("meta")
    levels = [int(tag[1]) for tag, _ in page.tags if re.fullmatch(r"h\d", tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in pairwise(levels)), levels
    assert [attrs["scope"] for attrs in page.named("th")].count("col") == 4
    assert [attrs["scope"] for attrs in page.named("th")].count("row") == len(document.issue.status)
    assert len(page.named("ol")) == 1 and len(page.named("li")) > 15
    assert all(attrs.get("alt") is not None for attrs in page.named("img"))
    assert "@media print" in page.style and "@media (max-width" in page.style
    for state in ("Rétabli", "Perturbé", "En test", "Arrêté"):  # states are told by words, not only colours
        assert state in page.all_text


def test_sample_sections_are_all_there():
    page = Page(html.render(load(REPO, "3")))
    text = page.all_text
    for expected in ("L’essentiel", "Où en sont les outils", "À faire", "À ne pas faire", "Actualités",
                     "Conseils pratiques", "Vos questions", "Contacts", "02\u00a061\u00a091\u00a040\u00a000",
                     "Prochain numéro\u00a0: mardi 23\u00a0février 2021", "Document interne"):
        assert expected in text, expected
    assert any(attrs["src"].startswith("data:image/png;base64,") for attrs in page.named("img"))


def test_every_text_colour_has_its_background_and_enough_contrast():
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", html.STYLE)
    checked = 0
    for selector, body in rules:
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", body)
        if colour is None:
            continue
        background = re.search(r"background-color:\s*(#[0-9A-Fa-f]{6})", body)
        assert background, f"{selector.strip()}: a text colour without its background"
        ratio = contrast(hex_to_rgb(colour.group(1)), hex_to_rgb(background.group(1)))
        assert ratio >= MINIMUM_TEXT_CONTRAST, (selector.strip(), round(ratio, 2))
        checked += 1
    assert checked > 15


# --- the intranet space ------------------------------------------------------------------------


def sample_documents():
    result = plan(REPO, [], [], render_checks=False)
    assert not result.errors
    return result.documents


def test_the_site_has_an_index_latest_first_a_page_per_issue_and_a_faq(tmp_path):
    documents = sample_documents()
    written = html.write_site(documents, tmp_path)
    assert sorted(path.name for path in written) == sorted(
        [html.INDEX_PAGE, html.FAQ_PAGE] + [html.page_name(document) for document in documents])
    index = assert_nothing_executable_or_external((tmp_path / html.INDEX_PAGE).read_text(encoding="utf-8"))
    issue_links = [attrs["href"] for attrs in index.named("a") if attrs["href"].endswith("_web.html")]
    assert issue_links == [html.page_name(document) for document in sorted(
        documents, key=lambda d: d.issue.number, reverse=True)]
    for path in written:
        page = assert_nothing_executable_or_external(path.read_text(encoding="utf-8"))
        for attrs in page.named("a"):
            assert attrs["href"] == "#main" or (tmp_path / attrs["href"]).is_file(), attrs["href"]
        assert page.named("html") == [{"lang": "fr"}]
    current = [attrs for attrs in index.named("a") if attrs.get("aria-current") == "page"]
    assert [attrs["href"] for attrs in current] == [html.INDEX_PAGE]


def test_the_faq_page_keeps_the_latest_answer_of_each_question(workspace, tmp_path):
    workspace.write("001.yaml", MINIMAL_ISSUE + "faq:\n  - q: Dois-je venir lundi ?\n    a: Oui, à 9 h.\n"
                                                "  - q: Et la paie ?\n    a: Elle est versée.\n")
    workspace.write("002.yaml", MINIMAL_ISSUE.replace("number: 1", "number: 2").replace("2021-02-05", "2021-02-12")
                    + "faq:\n  - q: dois-je  venir LUNDI?\n    a: Non, restez chez vous.\n")
    result = plan(workspace.root, [], [], render_checks=False)
    assert not result.errors
    html.write_site(result.documents, tmp_path)
    page = Page((tmp_path / html.FAQ_PAGE).read_text(encoding="utf-8"))
    questions = [text for text in page.text if "?" in text]
    assert len(questions) == 2
    text = page.all_text
    assert "Non, restez chez vous." in text and "Oui, à 9" not in text and "Elle est versée." in text
    assert text.index("Non, restez chez vous.") < text.index("Elle est versée.")  # latest issue first
    sources = [attrs["href"] for attrs in page.named("a") if attrs["href"].endswith("_web.html")]
    assert sources == [html.page_name(result.documents[1]), html.page_name(result.documents[0])]
    assert "Réponse du n°\u00a02, 12\u00a0février 2021" in text


def test_no_documents_writes_nothing(tmp_path):
    assert html.write_site([], tmp_path / "site") == []
    assert not (tmp_path / "site").exists()


def test_export_html_command(cli, tmp_path):
    target = tmp_path / "page.html"
    result = cli("--root", REPO, "export", "2", "--format", "html", "--out", target)
    assert result.code == 0
    assert_nothing_executable_or_external(target.read_text(encoding="utf-8"))
    assert Path(target).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
