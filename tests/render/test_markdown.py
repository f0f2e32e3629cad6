"""The Markdown export: CommonMark that renders the issue's structure, and user text as text."""

from __future__ import annotations

import re
from itertools import pairwise

import markdown_it

from conftest import MINIMAL_ISSUE, REPO
from newsletter.build.plan import plan
from newsletter.render import markdown

HOSTILE = MINIMAL_ISSUE.replace(
    "headline: Les téléphones fonctionnent",
    """\
headline: "# Titre [lien](javascript:alert(1)) <script>alert(1)</script>"
lead: |
  1. pas une liste, _pas d'italique_, `pas de code`, <b>pas de gras</b> &amp; ![img](http://x.example/a.png)

  ---

  - une vraie puce avec **du gras** et *de l'italique*
essentials:
  - "> pas une citation | pas une table ~~pas barré~~ \\\\"
  - "+ pas une puce"
faq:
  - q: "Titre ## fermé ?"
    a: "<http://evil.example> et [x]: http://evil.example"
""",
)


def load(root, number: str = "1"):
    result = plan(root, [number], [], render_checks=False)
    assert not result.errors, [str(d) for d in result.errors]
    return result.documents[0]


def as_html(text: str) -> str:
    return markdown_it.MarkdownIt("commonmark").render(text)


def test_user_text_never_becomes_markup(workspace):
    workspace.write("001.yaml", HOSTILE)
    html = as_html(markdown.render(load(workspace.root)))
    tags = set(re.findall(r"<(\w+)", html))
    assert tags <= {"p", "h1", "h2", "h3", "ul", "ol", "li", "strong", "em", "hr", "br", "blockquote"}
    assert "<a " not in html and "<img" not in html and "<code" not in html and "<script" not in html
    assert html.count("<h1>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "[lien](javascript:alert(1))" in html
    assert "<p>1. pas une liste, _pas d’italique_, `pas de code`, &lt;b&gt;pas de gras&lt;/b&gt; &amp;amp" in html
    assert "![img](http://x.example/a.png)" in html and "<p>---</p>" in html
    assert "&gt; pas une citation | pas une table ~~pas barré~~ \\" in html
    assert "+ pas une puce" in html and "Titre ## fermé\u202f?" in html


def test_the_tiny_markup_becomes_markdown(workspace):
    workspace.write("001.yaml", HOSTILE)
    html = as_html(markdown.render(load(workspace.root)))
    assert "<li>une vraie puce avec <strong>du gras</strong> et <em>de l’italique</em></li>" in html


def test_sample_issue_structure():
    text = markdown.render(load(REPO, "3"))
    html = as_html(text)
    levels = [int(level) for level in re.findall(r"<h(\d)>", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in pairwise(levels))
    assert "# Les premiers outils reviennent, service par service" in text
    assert re.search(r"## L’essentiel\n\n1\. N’allumez", text)
    assert re.search("- \\*\\*Messagerie\\*\\* — En test, depuis 15[ \u00a0]février", text)
    assert "**Numéro d’appel\u00a0:** Numéro unique agents, **02\u00a061\u00a091\u00a040\u00a000**" in text
    assert "<strong>Numéro d’appel\u00a0:</strong>" in html
    assert text.endswith("*Document interne — ne pas afficher à l’accueil*\n")


def test_escape_keeps_ordinary_text_readable():
    assert markdown.escape("Point à 14 h : « bonjour » !") == "Point à 14 h : « bonjour » !"
    assert markdown.escape("a*b_c[d]<e>&f#g|h~i`j\\k") == r"a\*b\_c\[d\]\<e\>\&f\#g\|h\~i\`j\\k"


def test_export_markdown_command(cli):
    result = cli("--root", REPO, "export", "6", "--format", "markdown")
    assert result.code == 0 and result.out.startswith("**Lettre de crise** · N°\u00a06")


def test_french_gets_the_narrow_no_break_space_of_print():
    text = markdown.render(load(REPO, "5"))
    assert re.search("\u202f[;!?]", text) and not re.search("[\u00a0 ][;!?]", text)
    assert "lundi 1er\u00a0mars\u00a02021" in text  # no superscript in plain text
