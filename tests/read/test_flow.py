"""Tests of a sentence typed in a `[…]` list, cut at its commas: refused where the cut is."""

from __future__ import annotations

import pytest

from tests.read.parsing import error, parse, where

pytestmark = pytest.mark.usefixtures("parser")  # every test with libyaml and with the pure-Python parser

KNOWN = "situation:\n  known: [Les serveurs de fichiers, de paie et d'état civil ont été chiffrés.]\n"
POSTER = (
    "poster:\n  do: [Appelez le 02 99 12 34 20 si vous recevez un message suspect, un appel inhabituel, "
    "même de la part d’un collègue, et notez l’heure, le numéro et le contenu du message.]\n"
)


def test_a_sentence_cut_at_its_comma_in_brackets_is_an_error_at_the_cut():
    found = error(KNOWN)
    assert (found.line, found.column, found.field) == (2, 37, "situation.known[2]")
    assert found.message == (
        "in a list written in [ ], commas separate the items: YAML cuts this text at its commas into 2 items"
    )
    assert found.hint == (
        "write one item per line, each after `- `, on the lines below `known:`, "
        "like `- Les serveurs de fichiers, de paie et d'état civil…`"
    )
    assert str(found).endswith("(`newsletter check --fix` does it)")


def test_a_long_poster_instruction_cut_into_five_is_one_error():
    found = error(POSTER)
    assert (where(found), found.field) == ((2, 70), "poster.do[2]")
    assert found.message.endswith("into 5 items")


def test_the_message_in_french(french):
    found = error(KNOWN)
    assert found.message == (
        "dans une liste écrite entre [ ], les virgules séparent les éléments\u00a0: "
        "YAML coupe ce texte à ses virgules en 2 éléments"
    )
    assert found.hint.startswith("écrivez un élément par ligne, chacun après `- `, sur les lignes sous `known:`")


def test_a_decimal_comma_cuts_a_number():
    found = error("do: [Réglez le chauffage à 19,5 degrés.]\n")
    assert (where(found), found.field) == ((1, 31), "do[2]")


@pytest.mark.parametrize(
    "text",
    [
        "do: [Attendez le technicien.]\n",
        "do: [Appelez le 17, Notez l'heure.]\n",
        "do: [fichiers, paie, congés]\n",
        "do: [Ouvert de 9 h à 12 h, 14 h à 17 h]\n",
        "do: ['Les serveurs de fichiers', 'de paie et de congés']\n",
        "do:\n  - Les serveurs de fichiers, de paie et d'état civil.\n",
        "contacts: []\n",
    ],
)
def test_lists_whose_items_are_whole_are_accepted(text):
    assert parse(text).warnings == []


def test_a_list_left_open_to_the_end_of_the_file_is_a_located_error():
    """`[A,A` never closed (what the mend's property test found): the quoting hint, not an internal error."""
    found = error("lead: [A,A\n")
    assert found.line == 1
    assert 'lead: "[A,A"' in found.hint
