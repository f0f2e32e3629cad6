"""The fixed parts of the poster: the masthead band, and the next issue, hotline band and footer
under the text, drawn on an A3 page and read back with pypdf (text, position and size)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A3
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from conftest import MINIMAL_ISSUE, REPO
from newsletter.build.plan import plan
from newsletter.model.document import IssueDocument
from newsletter.render.pdf import kit
from newsletter.render.pdf.drawn_text import SUPERSCRIPT_SIZE
from newsletter.render.pdf.poster_furniture import PageFurniture, text_style
from tests.render.pdf import drawing
from tests.render.pdf.drawing import Printed
from tests.render.pdf.test_journal import pdf_text, render

MARGIN = 12 * mm


@pytest.fixture(scope="module")
def poster():
    result = plan(REPO, ["3"], ["poster-a3"], render_checks=False)
    [document] = result.documents
    [(_, layout)] = result.layouts
    return document, layout.model


def furniture(poster, document: IssueDocument | None = None, width: float | None = None) -> PageFurniture:
    sample, layout = poster
    colour = {name: colors.HexColor(value) for name, value in layout.colours.dump().items()}
    family = kit.register_layout_fonts(layout, None)
    return PageFurniture(document or sample, layout.poster, family, colour, width or A3[0] - 2 * MARGIN)


def printed(flowables: list[Flowable]) -> list[Printed]:
    """The text of ``flowables`` drawn on one A3 page."""
    pieces = drawing.printed(flowables, A3, MARGIN)
    assert {piece.page for piece in pieces} <= {1}
    return pieces


def find(pieces: list[Printed], text: str) -> Printed:
    [piece] = [piece for piece in pieces if piece.text == text]
    return piece


def test_a_style_s_leading_is_a_multiple_of_its_size():
    style = text_style("x", "DejaVuSans-Bold", 20, colors.red, leading=1.1, alignment=TA_CENTER)
    assert (style.fontName, style.fontSize, style.leading, style.textColor, style.alignment) == (
        "DejaVuSans-Bold",
        20,
        pytest.approx(22),
        colors.red,
        TA_CENTER,
    )
    assert text_style("y", "DejaVuSans", 10, colors.black).leading == pytest.approx(12)


def test_the_masthead_holds_title_and_tagline_then_issue_number_and_date_at_the_right(poster):
    pieces = printed([furniture(poster).masthead()])
    title, tagline = find(pieces, "Lettre de crise"), find(pieces, "Journal interne des agents")
    number, date = find(pieces, "N° 3"), find(pieces, "mardi 16 février 2021")
    assert title.y > tagline.y and number.y > date.y
    assert min(number.x, date.x) > max(title.x, tagline.x)


def test_the_title_makes_room_for_the_logo(poster):
    document, _ = poster
    without_logo = dataclasses.replace(document, publication=document.publication.replace(logo=None))
    beside_logo = find(printed([furniture(poster).masthead()]), "Lettre de crise")
    alone = find(printed([furniture(poster, without_logo).masthead()]), "Lettre de crise")
    assert alone.x == pytest.approx(MARGIN + 6 * mm, abs=1)
    assert beside_logo.x > alone.x + poster[1].poster.title  # the logo is at least a title line high


def test_a_title_shrinks_to_stay_on_one_line_down_to_60_percent_then_wraps(poster):
    document, layout = poster
    size = layout.poster.title
    assert size * 0.6 < find(printed([furniture(poster).masthead()]), "Lettre de crise").size < size
    title = "Lettre d’information de crise de la Ville et Métropole"
    long_title = dataclasses.replace(document, publication=document.publication.replace(title=title))
    lines = [piece for piece in printed([furniture(poster, long_title).masthead()]) if piece.size == size * 0.6]
    assert len(lines) > 1 and " ".join(piece.text for piece in lines) == title


def test_a_long_tagline_leaves_no_word_alone_on_its_last_line(poster):
    document, _ = poster
    tagline = "Journal interne des agents de la Ville et de la Métropole"
    friday = document.issue.replace(date=dt.date(2021, 2, 5))  # a long date: a narrower title
    publication = document.publication.replace(tagline=tagline)
    long_tagline = dataclasses.replace(document, publication=publication, issue=friday)
    pieces = printed([furniture(poster, long_tagline).masthead()])
    lines = [piece.text for piece in pieces if piece.text.split()[0] in tagline.split()]
    assert " ".join(lines) == tagline and len(lines) > 1
    assert all(len(line.split()) > 1 for line in lines)


def test_the_bottom_reads_next_issue_then_hotline_then_footer(poster):
    pieces = printed(furniture(poster).bottom())
    texts = [piece.text for piece in sorted(pieces, key=lambda piece: -piece.y)]
    assert texts == [
        "Prochain numéro : mardi 23 février 2021",
        "Numéro unique agents",
        "02 61 91 40 00",
        "Du lundi au vendredi, de 8 h à 18 h",
        "Lettre de crise · N° 3 · mardi 16 février 2021",
    ]
    assert find(pieces, "02 61 91 40 00").size == poster[1].poster.phone


def test_the_poster_prints_the_poster_footer_never_the_journals(poster):
    document, _ = poster
    assert document.publication.footer == "Document interne — ne pas afficher à l'accueil"
    posted = dataclasses.replace(
        document, publication=document.publication.replace(poster_footer="Affiche à apposer dans les ascenseurs")
    )
    texts = [piece.text for piece in sorted(printed(furniture(poster, posted).bottom()), key=lambda p: -p.y)]
    assert texts[-2:] == ["Lettre de crise · N° 3 · mardi 16 février 2021", "Affiche à apposer dans les ascenseurs"]
    assert not any("Document interne" in text for text in texts)


def test_without_next_issue_or_hotline_only_the_footer_is_left(poster):
    document, _ = poster
    bare = IssueDocument(
        document.publication.replace(hotline=None, footer=None),
        document.issue.replace(next_issue=None),
        document.issue_path,
        document.publication_path,
    )
    assert [piece.text for piece in printed(furniture(poster, bare).bottom())] == [
        "Lettre de crise · N° 3 · mardi 16 février 2021"
    ]


def test_a_phone_number_too_wide_for_the_band_shrinks_rather_than_breaks(poster):
    document, layout = poster
    hotline = document.publication.hotline.replace(phone="+33241054000")
    international = dataclasses.replace(document, publication=document.publication.replace(hotline=hotline))
    narrow = furniture(poster, international, width=200 * mm)
    phone = find(printed(narrow.bottom()), "+33 2 41 05 40 00")
    assert layout.poster.phone * 0.5 < phone.size < layout.poster.phone


def test_the_footer_raises_the_ordinal_of_a_first_of_the_month(poster):
    document, layout = poster
    first = dataclasses.replace(document, issue=document.issue.replace(date=dt.date(2021, 3, 1)))
    pieces = printed(furniture(poster, first).bottom())
    [footer] = [piece for piece in pieces if piece.text.startswith("Lettre de crise")]
    assert footer.text == "Lettre de crise · N° 3 · lundi 1"
    assert find(pieces, "er").size == pytest.approx(layout.poster.small * SUPERSCRIPT_SIZE)


def test_the_title_gets_the_typography_of_a_headline(workspace):
    publication = workspace.issues / "publication.yaml"
    text = publication.read_text(encoding="utf-8").replace("layout: journal-a4", "layout: poster-a3")
    publication.write_text(text.replace("Lettre de crise", "Alerte 1er niveau !"), encoding="utf-8")
    workspace.write("001.yaml", MINIMAL_ISSUE)
    data = render(workspace.root)[0]
    assert pdf_text(data).startswith("Alerte 1er niveau\u202f!")  # a narrow no-break space, as in the body
    pieces = drawing.read_back(data)
    assert [piece.text for piece in pieces[:2]] == ["Alerte 1", "er"] and pieces[1].size < pieces[0].size
