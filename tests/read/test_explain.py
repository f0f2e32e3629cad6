"""Tests of the syntax errors explained: in plain words, where the slip was typed, with the fix."""

from __future__ import annotations

import pytest

from tests.read.parsing import error, problems, where

pytestmark = pytest.mark.usefixtures("parser")  # every test with libyaml and with the pure-Python parser


# Rule 7: syntax slips explained.


def test_tab_indentation():
    found = error("faq:\n\t- q: Paie ?\n")
    assert where(found) == (2, 1)
    assert found.message == "a tab character is used for indentation; YAML needs spaces"
    assert found.hint == "replace the tab by spaces"


def test_tab_after_colon():
    found = error("number:\t3\n")
    assert where(found) == (1, 8)
    assert "a tab character" in found.message and "replace the tab by spaces" in found.hint


def test_colon_inside_text():
    found = error("number: 3\nheadline: Attention : réseau coupé\n")
    assert where(found) == (2, 21)
    assert "the text contains ': '" in found.message
    assert found.hint == 'put the whole text in quotes: headline: "Attention : réseau coupé"'


def test_colon_inside_a_list_item():
    found = error("faq:\n  - q: Appelez : le 5000\n")
    assert where(found) == (2, 16)
    assert found.hint == 'put the whole text in quotes: - q: "Appelez : le 5000"'


def test_colon_inside_a_continued_text():
    found = error("lead: Une phrase\n  qui continue : ici\n")
    assert where(found) == (2, 16)
    assert "put the whole text in quotes" in found.hint


@pytest.mark.parametrize(
    "value, message",
    [
        ("@mairie", "cannot start with `@`"),
        ("`cmd`", "cannot start with a backquote"),
        ("%50 des agents", "cannot start with `%`"),
        ("> 50 agents", "starting with `>` is read by YAML as the start of a block"),
        ("| texte", "starting with `|`"),
        ("[URGENT] Réseau coupé", "starting with `[` is read by YAML as a list"),
        ("[URGENT Réseau coupé", "starting with `[`"),
        ("{URGENT} Réseau coupé", "starting with `{`"),
        ("!Attention! réseau", "starting with `!` is read by YAML as a tag"),
    ],
)
def test_value_starting_with_a_special_character(value, message):
    found = error(f"number: 3\nheadline: {value}\nlead: x\n")
    assert where(found) == (2, 11)
    assert message in found.message
    assert found.hint == f'put the whole text in quotes: headline: "{value}"'


def test_star_text_is_a_syntax_slip_explained():
    found = error("title: Journal\nheadline: *Important* : restez chez vous\n")
    assert where(found) == (2, 11)
    assert "starting with `*` is read by YAML as a reference" in found.message
    assert found.hint == 'put the whole text in quotes: headline: "*Important* : restez chez vous"'


def test_ampersand_text_is_a_syntax_slip_explained():
    found = error("do:\n  - & associés\n")
    assert where(found) == (2, 5)
    assert "starting with `&`" in found.message
    assert found.hint == 'put the whole text in quotes: - "& associés"'


def test_quote_never_closed():
    found = error('number: 3\nheadline: "Attention au réseau\n')
    assert where(found) == (2, 11)
    assert found.message == "this quote is never closed"
    assert found.hint == 'add the closing " at the end of the text'


def test_apostrophe_inside_single_quotes():
    found = error("headline: 'L'agent est là'\n")
    assert where(found) == (1, 13)
    assert "apostrophe ends the text" in found.message
    assert found.hint == (
        "inside '…' write each apostrophe twice: headline: 'L''agent est là', "
        'or use double quotes: headline: "L\'agent est là"'
    )


def test_double_quotes_inside_double_quotes():
    found = error('headline: "Il a dit "non" hier"\n')
    assert where(found) == (1, 21)
    assert "double quote ends the text" in found.message
    assert found.hint == "use single quotes around the text: headline: 'Il a dit \"non\" hier'"


def test_backslash_inside_double_quotes():
    found = error('logo: "C:\\images\\logo.png"\n')
    assert where(found) == (1, 10)
    assert "backslash" in found.message
    assert found.hint.endswith(": logo: 'C:\\images\\logo.png'")


def test_key_indented_more_than_the_one_above():
    found = error("title: Journal\n  tagline: Journal interne\n")
    assert where(found) == (2, 3)
    assert "indented more than the line above" in found.message
    assert "start `tagline` at column 1" in found.hint


def test_a_list_items_key_indented_too_far_is_told_the_column_of_the_items_first_key():
    found = error("contacts:\n  - name: Support informatique\n     role: Postes et mots de passe\n")
    assert where(found) == (3, 6)
    assert found.message == (
        "`role` is indented more than the line above, so YAML reads this line as more of the text of line 2"
    )
    assert found.hint == (
        "lines of the same level must start at the same column: start `role` at column 5, "
        "like the other keys of its level"
    )


@pytest.mark.parametrize(
    "text, position, columns",
    [
        ("hotline:\n  label: X\n phone: Y\n", (3, 2), "starts at column 2, `label` on line 2 at column 3"),
        ("do:\n  - a\n - b\n", (3, 2), "starts at column 2, line 2 at column 3"),
        ("faq:\n  - q: a\n    a: b\n   x: c\n", (4, 4), "starts at column 4, `a` on line 3 at column 5"),
        ("status:\n  - system: X\n   state: x\n", (3, 4), "starts at column 4, `system` on line 2 at column 5"),
    ],
)
def test_misaligned_lines(text, position, columns):
    found = error(text)
    assert where(found) == position
    assert "indentation" in found.message
    assert found.hint == f"lines of the same level must start at the same column: this line {columns}"


def test_line_that_is_neither_key_nor_item():
    found = error("do:\n  - Eteindre\n  Redemarrer\nx: 1\n")
    assert where(found) == (3, 3)
    assert "neither a `key: value` line nor a `- ` list item" in found.message


def test_list_item_on_the_line_of_its_key():
    found = error("do: - Eteindre\n")
    assert where(found) == (1, 5)
    assert "put each `- ` item on its own line" in found.hint


def test_line_starting_with_a_colon():
    found = error("number: 3\n: x\n")
    assert where(found) == (2, 1)
    assert found.message == "this line starts with ':' but has no key"


def test_every_syntax_error_is_reported():
    found = problems("headline: Attention : coupe\nlead: *x y\n")
    assert [(where(d), d.message) for d in found] == [
        ((1, 21), "the text contains ': ', which YAML reads as the start of a new `key: value`"),
        ((2, 7), "a value starting with `*` is read by YAML as a reference to something else"),
    ]


def test_no_syntax_message_is_the_parser_jargon_alone():
    for text in ["a: b: c\n", "a: [b\n", "a: 'b\n", "- a\nb: c\n", "a:\n  - b\n  c: d\n", "a: {b: c d: e}\n"]:
        found = error(text)
        assert found.line is not None and found.column is not None
        assert found.hint, text


# Issue 13, item 6: hints that point at the line to correct.


def test_the_missing_colon_of_a_list_items_first_key_is_pointed_at_its_line():
    found = error("faq:\n  - q Mes fichiers sont-ils perdus ?\n    a: Non, ils sont sauvegardés.\n")
    assert (where(found), found.field) == ((2, 6), "faq[1]")
    assert found.message == (
        "the colon after `q` is missing: YAML reads this list item as a text, not as `key: value` lines"
    )
    assert found.hint == "add the colon after the key: `- q: Mes fichiers sont-ils perdus ?`"


@pytest.mark.parametrize(
    "text, position, fixed",
    [
        ("number 3\ndate: 2021-02-16\nheadline: Titre\nlead: Texte\n", (1, 7), "number: 3"),
        (
            "number: 3\nposter:\n  headline Ordinateurs éteints\n  do:\n    - Attendez\n",
            (3, 11),
            "headline: Ordinateurs éteints",
        ),
    ],
)
def test_the_missing_colon_of_a_groups_first_key_is_one_slip_at_its_line(text, position, fixed):
    """Not each key below it, which YAML cannot read after a text."""
    found = error(text)
    assert where(found) == position
    key = fixed.split(":")[0]
    assert found.message == (
        f"the colon after `{key}` is missing: YAML reads this line as a text, not as a `key: value` line"
    )
    assert found.hint == f"add the colon after the key: `{fixed}`"


def test_a_list_item_of_text_with_a_key_under_it_is_not_taken_for_a_missing_colon():
    found = error("faq:\n  - Mes fichiers sont-ils perdus ?\n    a: Non.\n")
    assert where(found) == (3, 5)
    assert found.message.startswith("`a` is indented more than the line above")


@pytest.mark.parametrize(
    "text, at",
    [
        ("faq:\n\u00a0\u00a0- q: Paie ?\n    a: Oui.\n", (2, 1)),
        ("situation:\n  known:\n\u00a0\u00a0\u00a0\u00a0- Le réseau est coupé\n", (3, 1)),
        ("faq:\n  -\u00a0q: Paie ?\n    a: Oui.\n", (2, 4)),
    ],
)
def test_a_no_break_space_used_for_indentation_is_named_at_its_line(text, at):
    found = error(text)
    assert where(found) == at
    assert found.message == "a no-break space (U+00A0) is used for indentation; YAML needs ordinary spaces"
    assert found.hint == "replace it by an ordinary space"


def test_a_no_break_space_after_a_key_is_named():
    found = error("number: 3\nheadline:\u00a0Les premiers outils reviennent\nlead: x\n")
    assert where(found) == (2, 10)
    assert found.message == (
        "a no-break space (U+00A0) follows the colon of `headline`; YAML needs an ordinary space there"
    )


def test_a_narrow_no_break_space_is_named_as_such():
    found = error("number: 3\nheadline:\u202fTitre\nlead: x\n")
    assert found.message.startswith("a narrow no-break space (U+202F) follows the colon of `headline`")
