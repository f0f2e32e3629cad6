"""A word longer than its line is cut only where it may be: an address after "@", "." or "/", a number
between its groups, never before a punctuation mark; the lines are read back from real PDFs."""

from __future__ import annotations

import io
import itertools
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from newsletter.model.layout import Layout
from newsletter.render.pdf import kit, wrapping
from newsletter.render.pdf.styles import Styles

ADDRESS = "securite.numerique@valdeloire-sur-mer.example"


@pytest.fixture(scope="module")
def text():
    family = kit.register_layout_fonts(Layout.parse({}), None)  # installs the wrapping
    return kit.UserText("fr", family), ParagraphStyle("body", fontName=family.regular, fontSize=10.5, leading=13)


def lines_of(markup: str, style: ParagraphStyle, width: float) -> list[str]:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=(width + 20, 900), leftMargin=4, rightMargin=4).build([Paragraph(markup, style)])
    return PdfReader(buffer).pages[0].extract_text().splitlines()


@pytest.mark.parametrize(
    "word, cuts",
    [
        ("a.b@c.fr.", [2, 4, 6]),  # never before the full stop that ends the sentence
        ("https://x.fr/a/", [10, 13]),
        ("02\u00a041\u00a005", [3, 6]),
        ("«\u00a0Anticonstitutionnellement\u00a0»", [2, 28]),
        ("abc,", [1, 2]),
        ("0241054000", []),
    ],
)
def test_cut_points(word, cuts):
    assert wrapping.cut_points(word) == cuts


@pytest.mark.parametrize("bold", [False, True])
def test_a_long_address_is_cut_only_after_at_dot_or_slash_and_no_line_starts_with_punctuation(text, bold):
    user, style = text
    typed = f"Pour toute question, écrivez à {'**' if bold else ''}{ADDRESS}{'**' if bold else ''}."
    seen = set()
    for width in range(42, 90, 3):  # the widest piece, "valdeloire-sur-mer.", is 39 mm wide
        lines = lines_of(user.inline(typed), style, width * mm)
        joined = "".join(line if line.endswith(("@", ".", "/")) else line + " " for line in lines)
        assert f"{ADDRESS}." in joined, (width, lines)
        for line, after in itertools.pairwise(lines):
            assert after[0] not in ".,;:!?»)", (width, lines)
            if ADDRESS.startswith(after.split(" ")[0]) and not line.rstrip().endswith(" à"):
                assert line.endswith(("@", ".")), (width, lines)  # a piece of the address ends there
        seen.add(len(lines))
    assert len(seen) >= 3


def test_a_phone_number_is_cut_between_its_pairs_only_when_it_is_wider_than_the_line(text):
    user, style = text
    lines = lines_of(user.inline("Appelez le 0241054000 ou le 0241054010"), style, 22 * mm)
    assert all(len(group) == 2 for line in lines for group in line.split("\u00a0") if group.isdigit())


def test_the_unbroken_width_is_the_widest_word(text):
    _, style = text
    paragraphs = [Paragraph("a@b.fr et plus", style), Paragraph(ADDRESS, style)]
    assert wrapping.unbroken_width(paragraphs) == pytest.approx(paragraphs[1].minWidth())
    assert wrapping.unbroken_width([]) == 0


HYPHENATED = "Les administrations territoriales réorganisent régulièrement leurs communications."


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_hyphenation_yes_hyphenates_running_text_in_the_publication_s_language(lang):
    layout = Layout.parse({"hyphenation": "yes"})
    family = kit.register_layout_fonts(layout, None)
    styles = Styles(layout, family, lang=lang)
    lines = lines_of(kit.UserText(lang, family).inline(HYPHENATED), styles.body, 40 * mm)
    hyphenated = [line for line in lines if line.endswith("-")]
    assert hyphenated, lines
    assert "".join(line[:-1] if line.endswith("-") else line + " " for line in lines).strip() == HYPHENATED
    assert not any(line.endswith("-") for line in lines_of(HYPHENATED, styles.heading, 40 * mm))


ELIDED = "Écrivez à l'administration, puis à l'organisation d'information, jusqu'à l'**établissement** territorial."


def test_a_word_with_an_apostrophe_is_hyphenated_after_its_elided_part_never_at_the_apostrophe():
    layout = Layout.parse({"hyphenation": "yes"})
    family = kit.register_layout_fonts(layout, None)
    styles = Styles(layout, family, lang="fr")
    typed = ELIDED.replace("'", "’").replace("**", "")
    seen = set()
    for width in (30, 34, 38, 42, 46):
        lines = lines_of(kit.UserText("fr", family).inline(ELIDED), styles.body, width * mm)
        assert "".join(line[:-1] if line.endswith("-") else line + " " for line in lines).strip() == typed
        hyphenated = [line.split()[-1] for line in lines if line.endswith("-")]
        assert all(re.fullmatch(r"(?:\w+’)+\w{2,}-", word) or "’" not in word for word in hyphenated), lines
        seen.update(word for word in hyphenated if "’" in word)
    assert {"l’ad-", "l’organi-", "d’infor-", "l’éta-"} <= seen  # bold or not


def test_no_hyphenation_unless_asked_nor_for_names():  # large print refuses `hyphenation: yes` (model/layout.py)
    for settings in ({}, {"hyphenation": "no"}):
        layout = Layout.parse(settings)
        styles = Styles(layout, kit.register_layout_fonts(layout, None), lang="fr")
        assert not any(line.endswith("-") for line in lines_of(HYPHENATED, styles.body, 40 * mm))
    points = wrapping.hyphenation("fr")["hyphenationLang"]
    assert next(iter(points("administrations"))) == ("administra", "tions")
    assert list(points("Valdeloire")) == []
