"""What a browser would see of a page this tool writes, and what every such page must pass: the HTML export's
tests (tests/render/test_html.py) and the intranet space's (tests/archive/test_site.py) share them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

VOID = {"meta", "img", "br", "hr", "link", "input"}
ALLOWED_TAGS = VOID | {
    "html",
    "head",
    "title",
    "style",
    "body",
    "a",
    "header",
    "nav",
    "main",
    "article",
    "section",
    "footer",
    "div",
    "p",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "sup",
    "span",
    "time",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "blockquote",
}


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


def assert_nothing_executable_or_external(text: str) -> Page:
    page = Page(text)
    assert not page.open, f"unclosed: {page.open}"
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "action", "data", "srcset"):
                assert re.fullmatch(r"#main|[\w.-]+\.html|data:image/(png|jpeg);base64,[A-Za-z0-9+/=]+", value or ""), (
                    tag,
                    name,
                    value[:80] if value else value,
                )
    assert [tag for tag, _ in page.tags].count("style") == 1
    assert "url(" not in page.style and "@import" not in page.style and "http" not in page.style
    return page
