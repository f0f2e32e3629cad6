"""The journal's tables: the status board, the "do" and "don't" boxes, the contacts list, drawn on A4
pages and read back with pypdf (text, page and position)."""

from __future__ import annotations

import itertools

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from conftest import REPO
from newsletter.build.plan import plan
from newsletter.model.formats import STATES, Contact, SystemStatus
from newsletter.model.layout import Layout
from newsletter.render.pdf import kit
from newsletter.render.pdf.journal_tables import JournalTables
from newsletter.render.pdf.styles import Styles
from newsletter.text.labels import label
from tests.render.pdf import drawing
from tests.render.pdf.drawing import Printed

MARGIN = 20 * mm
WIDTH, HEIGHT = A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN
HEADER = [label("fr", key) for key in ("status_state", "status_system", "status_since", "status_note")]


@pytest.fixture(scope="module")
def document():
    [document] = plan(REPO, ["3"], [], render_checks=False).documents
    return document


def tables(layout: Layout | None = None) -> JournalTables:
    layout = layout or Layout.parse({})
    family = kit.register_layout_fonts(layout, None)
    return JournalTables(Styles(layout, family), kit.UserText("fr", family), WIDTH, HEIGHT)


def printed(flowables: list[Flowable]) -> list[Printed]:
    """The text of ``flowables`` drawn on A4 pages whose frame is WIDTH by HEIGHT."""
    return drawing.printed(flowables, A4, MARGIN)


def texts(pieces: list[Printed]) -> list[str]:
    return [piece.text for piece in pieces]


def find(pieces: list[Printed], text: str) -> Printed:
    return next(piece for piece in pieces if piece.text == text)


# --- the status board ----------------------------------------------------------------------------


def test_the_status_board_has_a_header_then_a_row_per_system_in_order(document):
    pieces = printed([tables().status_board(document.issue.status)])
    assert texts(pieces)[:4] == HEADER
    header, systems = pieces[0], find(pieces, HEADER[1])
    assert all(piece.y == pytest.approx(header.y) for piece in pieces[:4])
    column = [piece for piece in pieces[4:] if piece.x == pytest.approx(systems.x)]
    assert " ".join(texts(column)) == " ".join(entry.system for entry in document.issue.status)
    assert all(piece.y < header.y for piece in column)


def test_every_state_word_is_printed_whole_on_one_line():
    entries = [SystemStatus.parse({"system": f"Outil {n}", "state": state}) for n, state in enumerate(STATES)]
    lines = texts(printed([tables().status_board(entries)]))
    assert all(label("fr", f"state_{state}") in lines for state in STATES)


def test_an_iso_since_is_written_out_and_any_other_is_printed_as_typed():
    entries = [
        SystemStatus.parse({"system": "Paie", "state": "down", "since": "2021-02-15"}),
        SystemStatus.parse({"system": "Badgeuse", "state": "testing", "since": "lundi matin"}),
    ]
    lines = texts(printed([tables().status_board(entries)]))
    assert "15 février 2021" in lines and "lundi matin" in lines and "2021-02-15" not in lines


def test_a_long_system_name_breaks_between_words_never_inside_one():
    system = "Vidéoprotectionurbaine des bâtiments"  # the long word is wider than the column's least width
    pieces = printed([tables().status_board([SystemStatus.parse({"system": system, "state": "down"})])])
    assert "Vidéoprotectionurbaine" in texts(pieces)


def test_a_board_longer_than_a_page_repeats_its_header_on_every_page():
    entries = [SystemStatus.parse({"system": f"Outil {n}", "state": "down", "note": "Arrêté."}) for n in range(60)]
    pieces = printed([tables().status_board(entries)])
    pages = {piece.page for piece in pieces}
    assert len(pages) >= 2
    assert all(HEADER[0] in texts([piece for piece in pieces if piece.page == page]) for page in pages)
    assert [f"Outil {n}" for n in range(60)] == [text for text in texts(pieces) if text.startswith("Outil ")]


# --- the instruction boxes -----------------------------------------------------------------------


def test_do_and_don_t_are_side_by_side_each_with_its_items(document):
    pieces = printed([tables().instruction_boxes(document.instruction_lists())])
    do, dont = find(pieces, label("fr", "do")), find(pieces, label("fr", "dont"))
    assert do.y == pytest.approx(dont.y) and do.x < dont.x
    first_do, first_dont = find(pieces, "Attendez la pastille verte avant"), find(pieces, "N’allumez pas un poste sans")
    assert first_do.x == do.x and first_dont.x == dont.x
    assert first_do.y < do.y and first_dont.y < dont.y


def test_a_single_list_takes_the_whole_width(document):
    [do, dont] = document.instruction_lists()
    beside = find(printed([tables().instruction_boxes([do, dont])]), label("fr", "dont"))
    alone = find(printed([tables().instruction_boxes([dont])]), label("fr", "dont"))
    assert alone.x == pytest.approx(find(printed([tables().instruction_boxes([do])]), label("fr", "do")).x)
    assert alone.x < beside.x


def test_boxes_that_fit_a_page_never_split_and_longer_ones_flow_over_pages(document):
    assert tables().instruction_boxes(document.instruction_lists()).splitInRow == 0
    items = [f"Consigne numéro {n} à suivre." for n in range(80)]
    boxes = tables().instruction_boxes([("do", items)])
    assert boxes.splitInRow == 1
    pieces = printed([boxes])
    assert max(piece.page for piece in pieces) >= 2 and texts(pieces)[1:] == items


# --- the contacts --------------------------------------------------------------------------------


def test_each_contact_has_a_row_with_name_and_role_phone_and_e_mail():
    contact = Contact.parse({"name": "Cellule de crise", "role": "Astreinte", "phone": "0241054000", "email": "a@b.fr"})
    lines = texts(printed([tables().contacts([contact])]))
    assert lines == ["Cellule de crise", "Astreinte", "02 41 05 40 00", "a@b.fr"]


def test_a_phone_number_is_never_broken_across_lines_even_in_large_print():
    contacts = [Contact.parse({"name": "Standard", "phone": "+33241054000"}), Contact.parse({"name": "Sans numéro"})]
    large = tables(Layout.parse({"sizes": {"body": "16"}}))
    assert "+33 2 41 05 40 00" in texts(printed([large.contacts(contacts)]))


# --- stacked (large print) -----------------------------------------------------------------------

LARGE_PRINT = Layout.parse(
    {
        "large_print": "yes",
        "columns": "1",
        "leading": "1.5",
        "sizes": {"body": "16", "lead": "18", "headline": "34", "heading": "22", "title": "34", "small": "16"},
    }
)


def stacked() -> JournalTables:
    family = kit.register_layout_fonts(LARGE_PRINT, None)
    styles = Styles(LARGE_PRINT, family)
    return JournalTables(styles, kit.UserText("fr", family, italic=False), WIDTH, HEIGHT, stacked=True)


def test_stacked_the_status_board_is_a_list_of_systems_with_no_table_heads(document):
    """(The reading back turns no-break spaces into spaces.)"""
    pieces = printed([stacked().status_board(document.issue.status)])
    assert not set(HEADER) & set(texts(pieces))
    first = document.issue.status[0]
    head = find(pieces, f"{first.system} — {label('fr', 'state_' + first.state)}")
    since = next(piece for piece in pieces if piece.text.startswith(label("fr", "status_since")))
    assert since.x == head.x and since.y < head.y and since.text.startswith("Depuis : ")
    heads = [piece for piece in pieces if piece.x == head.x and " — " in piece.text]
    assert [piece.text.split(" — ")[0] for piece in heads] == [entry.system for entry in document.issue.status]


def test_stacked_the_don_t_box_is_under_the_do_box_across_the_width(document):
    pieces = printed([stacked().instruction_boxes(document.instruction_lists())])
    do, dont = find(pieces, label("fr", "do")), find(pieces, label("fr", "dont"))
    assert (
        do.x == pytest.approx(dont.x)
        and dont.y < find(pieces, "Attendez la pastille verte avant d’allumer votre").y < do.y
    )


def test_stacked_each_contact_is_its_lines_one_under_the_other():
    contact = Contact.parse({"name": "Cellule de crise", "role": "Astreinte", "phone": "0241054000", "email": "a@b.fr"})
    pieces = printed([stacked().contacts([contact, contact])])
    assert texts(pieces) == ["Cellule de crise", "Astreinte", "02 41 05 40 00", "a@b.fr"] * 2
    assert len({piece.x for piece in pieces}) == 1 and all(a.y > b.y for a, b in itertools.pairwise(pieces))


def test_stacked_an_entry_is_moved_whole_to_the_next_page_unless_taller_than_a_page():
    entries = [
        SystemStatus.parse({"system": f"Outil {n}", "state": "down", "since": "lundi", "note": "Arrêté."})
        for n in range(40)
    ]
    pieces = printed([stacked().status_board(entries)])
    for n in range(40):
        lines = [piece for piece in pieces if piece.text.startswith(f"Outil {n} ")]
        [note] = [piece for piece in pieces[pieces.index(lines[0]) :] if piece.text == "Arrêté."][:1]
        assert note.page == lines[0].page
    long = [SystemStatus.parse({"system": "Paie", "state": "down", "note": "Une phrase. " * 400})]
    assert (
        stacked().status_board(long).splitInRow == 1
        and max(p.page for p in printed([stacked().status_board(long)])) >= 2
    )


def test_a_long_address_narrows_the_names_column_then_goes_under_the_phone_but_is_never_broken():
    contacts = [
        Contact.parse({"name": "Cellule", "role": "Astreinte", "phone": "0241054000", "email": email})
        for email in ("securite.numerique@valdeloire-sur-mer.example", "lettre.crise@lorvannes.example")
    ]
    for width in (WIDTH, 124 * mm, 115 * mm):  # A4, A5 and narrower: the first address is 87 mm wide
        narrow = JournalTables(tables().styles, tables().text, width, HEIGHT)
        lines = texts(printed([narrow.contacts(contacts)]))
        assert all(contact.email in lines for contact in contacts), (width / mm, lines)
