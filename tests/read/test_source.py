"""Tests of a file as read: where its parts were typed, and, for a file with slips, the tree of the rest."""

from __future__ import annotations

import pytest

from newsletter.read import SlipsFound
from tests.read.parsing import parse

pytestmark = pytest.mark.usefixtures("parser")  # every test with libyaml and with the pure-Python parser


def test_position_of_a_missing_key_is_its_nearest_ancestor():
    source = parse("title: Journal\nhotline:\n  label: Standard\n")
    assert source.position(("hotline", "phone")) == (3, 3)
    assert source.position(("contacts", 0, "name")) == (1, 1)
    assert source.position(("hotline", "label")) == (3, 10)


def test_empty_value_position_is_after_its_colon():
    assert parse("lead:\nnumber: 3\n").position(("lead",)) == (1, 6)


def recovered(text: str):
    with pytest.raises(SlipsFound) as raised:
        parse(text)
    return raised.value.recovered


def test_the_tree_read_around_a_slip_holds_the_rest_of_the_file():
    typed = "number: 3\nheadline: Reprise : les postes\nstatus:\n  - system: Paie\n    state: en panne\n"
    source = recovered(typed)
    assert source.data == {"number": "3", "headline": None, "status": [{"system": "Paie", "state": "en panne"}]}
    assert source.marks[("status", 0, "state")] == (5, 12)
    assert (source.set_aside, source.slips) == ({2}, {(2, 19)})
    assert source.lines == typed.split("\n")  # the lines as typed, not as set aside to read on


def test_the_lines_set_aside_are_those_of_the_slip_and_what_it_holds():
    source = recovered(
        "number: 3\nheadline: Reprise : les postes\n  rendus ce matin\nlead: Texte\n"
        "faq:\n  - q: Paie : quand ?\n    a: Oui.\n"
    )
    assert source.data == {"number": "3", "headline": None, "lead": "Texte", "faq": [{"q": None, "a": "Oui."}]}
    assert source.set_aside == {2, 3, 6}


def test_no_tree_when_the_reading_cannot_go_to_the_end_of_the_file():
    colons = "".join(f"k{n}: a : b\n" for n in range(25))  # more slips than a file is read for
    assert recovered(colons) is None


def test_no_tree_when_the_file_is_not_key_value_lines():
    assert recovered("- number: 3\n") is None
