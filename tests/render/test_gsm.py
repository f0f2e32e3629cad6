"""An SMS as phones count it, and the characters that would double its number of parts."""

from __future__ import annotations

import pytest

from newsletter.render import gsm


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("Lettre de crise N° 3", "Lettre de crise No 3"),
        ("l’accueil « fermé » …", 'l\'accueil "fermé" ...'),
        ("Noël, cœur, façade, être, île", "Noel, coeur, facade, etre, ile"),
        ("été, à, où, Ça", "été, à, où, Ça"),  # in GSM-7: kept
        ("14\u00a0h\u202f30 – 12 °C", "14 h 30 - 12 oC"),
    ],
)
def test_characters_outside_gsm7_are_replaced_by_their_plain_equivalents(typed, sent):
    assert gsm.to_gsm7(typed) == sent
    assert gsm.measure(gsm.to_gsm7(typed)).encoding == "GSM-7"


def test_one_character_outside_gsm7_sends_390_characters_in_6_parts_instead_of_3():
    text = "N° 3 " + "a" * 385
    assert gsm.measure(text) == gsm.Measure(390, "UCS-2", 6, "°")
    assert gsm.measure(gsm.to_gsm7(text)) == gsm.Measure(390, "GSM-7", 3)


def test_a_single_part_holds_160_characters_and_the_extension_table_counts_two():
    assert gsm.measure("a" * 160).parts == 1
    assert gsm.measure("a" * 161).parts == 2
    assert gsm.measure("€" * 80).parts == 1 and gsm.measure("€" * 81).parts == 2
    assert gsm.measure("漢" * 70) == gsm.Measure(70, "UCS-2", 1, "漢")
