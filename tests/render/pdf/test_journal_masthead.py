"""The journal's masthead and headline (render/pdf/journal_masthead.py), read back from the PDF."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_ISSUE
from tests.render.pdf.test_journal import pdf_lines, pdf_text, render


def test_the_kicker_is_in_capitals_only_where_the_font_has_them(workspace):
    # DejaVu draws Georgian letters and ɡ, not their capitals (U+1C90…, U+A7AC): no empty box for them
    workspace.write("001.yaml", MINIMAL_ISSUE + 'edition: "Spécial R&D *crise* საქართველო ɡ"\n')
    data, _ = render(workspace.root)
    text = pdf_text(data)
    assert "SPÉCIAL R&D CRISE საქართველო ɡ" in text
    assert "\x00" not in text  # what pypdf reads for a character drawn without a glyph


def test_the_masthead_then_the_kicker_headline_time_and_lead_open_page_one(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + "edition: Étape 2\ntime: '17:00'\nlead: La reprise commence.\n")
    lines = pdf_lines(render(workspace.root)[0])
    top = lines[: lines.index("La reprise commence.") + 1]
    assert top[0] == "Lettre de crise" and "N° 1" in top and "vendredi 5 février 2021" in top
    assert top[-4:] == ["ÉTAPE 2", "Les téléphones fonctionnent", "Point à 17 h", "La reprise commence."]


LAYOUTS = ["journal-a4", "journal-letter", "journal-a5", "large-print-a4"]


def masthead_lines(workspace, layout: str, tagline: str) -> list[str]:
    publication = workspace.issues / "publication.yaml"
    text = publication.read_text(encoding="utf-8").replace("layout: journal-a4", f"layout: {layout}")
    publication.write_text(text.replace("tagline: Journal interne des agents", f"tagline: {tagline}"), "utf-8")
    workspace.write("001.yaml", MINIMAL_ISSUE)
    return pdf_lines(render(workspace.root)[0])[:8]  # the masthead and the headline


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_tagline_is_on_one_line_and_a_long_one_leaves_no_word_alone(workspace, layout):
    assert "Journal interne des agents" in masthead_lines(workspace, layout, "Journal interne des agents")
    long = "Journal interne des agents de la Ville et de la Métropole du"
    top = masthead_lines(workspace, layout, long + " Val")
    tagline = [line for line in top if line.split()[0] in long.split()]
    assert " ".join(tagline) == long + " Val"
    assert all(len(line.split()) > 1 for line in tagline)


@pytest.mark.parametrize("layout", ["journal-a5", "large-print-a4"])
def test_the_title_gets_the_typography_of_a_headline(workspace, layout):
    publication = workspace.issues / "publication.yaml"
    publication.write_text(
        publication.read_text(encoding="utf-8")
        .replace("layout: journal-a4", f"layout: {layout}")
        .replace("Lettre de crise", "Alerte !"),
        "utf-8",
    )
    workspace.write("001.yaml", MINIMAL_ISSUE)
    assert pdf_text(render(workspace.root)[0]).splitlines()[0] == "Alerte\u202f!"  # not U+00A0 nor a space
