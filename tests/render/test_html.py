"""The HTML export: valid, accessible, self-contained, nothing executable (the intranet space: tests/archive)."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from webpage import Page, assert_nothing_executable_or_external

from conftest import MINIMAL_ISSUE, REPO
from newsletter.build.plan import plan
from newsletter.render import html

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


def load(root, number: str = "1"):
    result = plan(root, [number], [], render_checks=False)
    assert not result.errors, [str(d) for d in result.errors]
    return result.documents[0]


@pytest.fixture
def hostile(workspace):
    workspace.write("001.yaml", HOSTILE)
    return html.render(load(workspace.root))


def test_a_hostile_issue_gives_nothing_executable(hostile):
    assert_nothing_executable_or_external(hostile)
    assert "<script" not in hostile and "<svg" not in hostile and "<iframe" not in hostile


def test_hostile_text_is_shown_as_typed(hostile):
    text = Page(hostile).all_text
    for typed in (
        "<script>alert('titre')</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(3)",
        "<iframe src=http://evil.example></iframe>",
        "<b onmouseover=alert(1)>x</b>",
        "</h3><script>alert(5)</script>",
        "<svg onload=alert(7)>",
        "{{7*7}}",
        "&amp",
        "<!-- commentaire -->",
        HUGE,
    ):
        assert typed in text, typed
    assert '" onload="alert(6)' in Page(hostile).named("img")[1]["alt"]  # an attribute, escaped


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
    for expected in (
        "L’essentiel",
        "Où en sont les outils",
        "À faire",
        "À ne pas faire",
        "Actualités",
        "Conseils pratiques",
        "Vos questions",
        "Contacts",
        "02\u00a061\u00a091\u00a040\u00a000",
        "Prochain numéro\u00a0: mardi 23\u00a0février\u00a02021",
        "Document interne",
    ):
        assert expected in text, expected
    assert any(attrs["src"].startswith("data:image/png;base64,") for attrs in page.named("img"))


def test_export_html_command(cli, tmp_path):
    target = tmp_path / "page.html"
    result = cli("--root", REPO, "export", "2", "--format", "html", "--out", target)
    assert result.code == 0
    assert_nothing_executable_or_external(target.read_text(encoding="utf-8"))
    assert Path(target).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_french_gets_the_typography_of_print_ordinals_raised_and_narrow_spaces():
    html_text = html.render(load(REPO, "5"))
    page = Page(html_text)
    assert "lundi 1<sup>er</sup>\u00a0mars\u00a02021" in html_text  # the masthead's date
    assert re.search("\u202f[;!?]", page.all_text) and not re.search("[\u00a0 ][;!?]", page.all_text)


def test_english_is_left_as_typed(workspace):
    publication = (workspace.issues / "publication.yaml").read_text(encoding="utf-8")
    workspace.write("publication.yaml", publication.replace("language: fr", "language: en"))
    workspace.write("001.yaml", MINIMAL_ISSUE + "edition: Is it the 1er? Yes!\n")
    page = Page(html.render(load(workspace.root)))
    assert "Is it the 1er? Yes!" in page.all_text and "sup" not in [tag for tag, _ in page.tags]
