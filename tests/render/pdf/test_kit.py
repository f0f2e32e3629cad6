"""The PDF kit the journal and the poster are drawn with: page sizes, metadata, user text with its
print typography, tables that keep together or split."""

from __future__ import annotations

import pytest
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from conftest import REPO
from newsletter.build.plan import plan
from newsletter.model.layout import Layout
from newsletter.render.pdf import kit
from newsletter.render.pdf.styles import Styles


@pytest.fixture(scope="module")
def family():
    return kit.register_layout_fonts(Layout.parse({}), None)


@pytest.mark.parametrize(
    "page, expected",
    [
        ({"size": "A4"}, (210, 297)),
        ({"size": "A3", "orientation": "landscape"}, (420, 297)),
        ({"size": "Letter"}, (215.9, 279.4)),
    ],
)
def test_the_page_size_is_the_layout_s_in_points(page, expected):
    width, height = kit.page_size(Layout.parse({"page": page}))
    assert (round(width / mm, 1), round(height / mm, 1)) == expected


def test_the_metadata_names_the_journal_the_issue_and_its_publisher():
    [document] = plan(REPO, ["3"], [], render_checks=False).documents
    assert kit.metadata(document) == {
        "title": "Lettre de crise n°\u00a03 — mardi 16\u00a0février\u00a02021",
        "subject": "Les premiers outils reviennent, service par service",
        "author": "Ville et Métropole de Val-de-Loire-sur-Mer",
        "keywords": "Lettre de crise, N°\u00a03, Ville et Métropole de Val-de-Loire-sur-Mer",
    }
    assert kit.PDF_LANG[document.lang] == "fr-FR"


def test_user_text_is_escaped_and_only_the_tiny_markup_becomes_tags(family):
    text = kit.UserText("fr", family)
    assert text.inline("<b>a & b</b> **gras**") == "&lt;b&gt;a &amp; b&lt;/b&gt; <b>gras</b>"
    assert text.inline("étape 3", capitals=True) == "ÉTAPE 3"


def test_user_text_blocks_are_paragraphs_and_bullets(family):
    styles = Styles(Layout.parse({}), family)
    blocks = kit.UserText("fr", family).blocks("Un paragraphe.\n\n- un\n- deux", styles.body, styles.bullet)
    assert [(block.style.name, block.bulletText) for block in blocks] == [
        ("body", None),
        ("bullet", "•"),
        ("bullet", "•"),
    ]


@pytest.mark.parametrize(
    "kind, shape",
    [("restored", "check"), ("down", "cross"), ("testing", "testing"), ("degraded", "degraded"), ("check", "check")],
)
def test_each_state_has_its_own_drawn_icon(kind, shape):
    icon = kit.Icon(kind, 12, colors.black)
    assert (icon.kind, icon.wrap(100, 100)) == (shape, (12, 12))


def test_a_block_is_kept_together_only_when_it_fits_well_on_a_page():
    short = [Spacer(1, 100), Spacer(1, 100)]
    assert isinstance(kit.together_if_it_fits(short, 400, 300)[0], KeepTogether)
    assert kit.together_if_it_fits(short, 400, 240) == short


def test_a_column_block_is_one_table_unless_it_is_taller_than_a_column():
    block = [Spacer(1, 100), Spacer(1, 50)]
    [table] = kit.unbreakable(block, 200, 400)
    assert isinstance(table, Table)
    assert kit.unbreakable(block, 200, 120) == block


def test_a_panel_may_split_between_its_rows(family):
    styles = Styles(Layout.parse({}), family)
    table = kit.panel([[Paragraph("un", styles.body)], [Paragraph("deux", styles.body)]], styles.colour["panel"])
    assert table.splitInRow == 1


def test_french_ordinals_are_printed_as_superscripts_and_read_back_as_typed(family):
    import io
    import re

    from pypdf import PdfReader
    from reportlab.platypus import SimpleDocTemplate

    styles = Styles(Layout.parse({}), family)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(
        [
            Paragraph(kit.UserText("fr", family).inline("le **1er** mars, au XIXe siècle"), styles.body),
            Paragraph(kit.printed("lundi 1er\xa0mars\xa02021", "fr"), styles.body),
            Paragraph(kit.UserText("en", family).inline("the 1er stays"), styles.body),
        ]
    )
    page = PdfReader(buffer).pages[0]
    runs: list[tuple[str, float]] = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append((text.strip(), size)))
    body = styles.body.fontSize
    assert [(text, round(size / body, 2)) for text, size in runs if text and size < body] == [
        ("er", 0.62),
        ("e", 0.62),
        ("er", 0.62),
    ]
    rises = {float(rise) for rise in re.findall(rb"([\d.]+) Ts", page.get_contents().get_data())} - {0.0}
    assert rises == {round(body * 0.34, 2)}
    assert page.extract_text().splitlines()[:3] == [
        "le 1er mars, au XIXe siècle",
        "lundi 1er\xa0mars\xa02021",
        "the 1er stays",
    ]


def test_user_text_gets_narrow_no_break_spaces_in_french_only(family):
    assert kit.UserText("fr", family).inline("Pourquoi ? Oui !") == "Pourquoi\ufdd1? Oui\ufdd1!"
    assert kit.UserText("en", family).inline("Why ? Yes !") == "Why ? Yes !"
