"""Tests of the slips YAML accepts silently: each is reported where it was typed."""

from __future__ import annotations

import pytest

from newsletter.errors import InputError
from tests.read.parsing import error, parse, problems, where

pytestmark = pytest.mark.usefixtures("parser")  # every test with libyaml and with the pure-Python parser


# Rule 8: text silently cut at ' #'.


def problems_and_warnings(text: str) -> list:
    try:
        return parse(text).warnings
    except InputError as refused:
        return refused.diagnostics


def warnings(text: str) -> list:
    return [(w.line, w.column, w.field) for w in parse(text).warnings]


def test_a_comment_after_a_text_is_a_warning():
    source = parse("number: 3\nheadline: Réunion salle 3 # au fond du couloir\n")
    assert source.data["headline"] == "Réunion salle 3"
    (warning,) = source.warnings
    assert (warning.line, warning.column, warning.severity) == (2, 27, "warning")
    assert warning.message == "the text after ' #' is a YAML comment and will not be printed"
    assert warning.hint == (
        'put the whole text in quotes if the # is part of it: headline: "Réunion salle 3 # au fond du couloir"'
    )
    assert warning.mend is None  # a note may be meant


def test_a_hash_before_a_word_is_text_cut_short_an_error_mended_by_quoting():
    found = error("number: 3\nfaq:\n  - q: Où ?\n    a: Oui, rendez-vous salle #3 au fond du couloir.\n")
    assert (where(found), found.field) == ((4, 31), "faq[1].a")
    assert found.message == (
        "YAML reads ' #' as the start of a comment, so `#3 au fond du couloir.` would not be printed"
    )
    assert str(found).endswith(
        'hint: put the whole text in quotes: a: "Oui, rendez-vous salle #3 au fond du couloir." '
        "(`newsletter check --fix` does it)"
    )


def test_a_hash_before_a_word_in_french(french):
    found = error("number: 3\nheadline: Réunion salle #3\n")
    assert found.message == (
        "YAML lit «\u00a0#\u00a0» précédé d’une espace comme le début d’un commentaire\u00a0: "
        "`#3` ne serait pas imprimé"
    )


def test_a_hash_before_a_word_in_a_text_over_lines_is_an_error_left_to_the_user():
    found = error("number: 3\nlead: Une phrase\n  qui continue salle #3\n")
    assert (where(found), found.mend) == ((3, 22), None)
    assert found.hint == "put the whole text in quotes, from its first line to its end, or write `|` after its key"


def test_comment_in_list_items_and_continued_texts():
    text = "do:\n  - Appelez le 5000 # standard\n  - q: Paie # ok\nlead: Une phrase\n  qui continue # cut\n"
    assert warnings(text) == [(2, 21, "do[1]"), (3, 13, "do[2].q"), (5, 16, "lead")]


def test_hash_typed_as_the_whole_value_is_an_error():
    found = error("number: #3\n")
    assert where(found) == (1, 9)
    assert found.hint.startswith('put the whole text in quotes: number: "#3"')


@pytest.mark.parametrize(
    "text",
    [
        "# a full-line comment\nnumber: 3\n",
        "number: 3\n   # indented comment\n",
        "headline: 'Réunion salle' # quoted\n",
        'headline: "Réunion salle #3"\n',
        "faq: # the questions\n  - q: a\n",
        "do: # to do\n  - a\n",
        "faq:\n  - # first\n    q: a\n",
        "lead: # to write\n",
        "lead: ~ # to write\n",
        "headline: Salle n°#3\n",
        "lead: |\n  texte # gardé\n",
    ],
)
def test_comments_that_cut_nothing_are_not_warned(text):
    assert parse(text).warnings == []


def test_list_item_joined_to_the_text_above_is_a_warning():
    source = parse("do:\n  - Eteindre\n   - Débrancher\n")
    assert source.data == {"do": ["Eteindre - Débrancher"]}
    assert [(w.line, w.column, w.field) for w in source.warnings] == [(3, 4, "do[1]")]
    assert "joined to the text above" in source.warnings[0].message


# A quote left open.


@pytest.mark.parametrize("quote", ['"', "'"])
def test_quote_not_closed_on_its_line_points_where_it_opened(quote):
    found = error(f"number: 3\nheadline: {quote}Attention\nlead: ok\nfooter: {quote}x{quote}\nedition: y\n")
    assert where(found) == (2, 11)
    assert "the quote opened here is not closed on its line" in found.message
    assert f"add the closing {quote}" in found.hint


def test_quote_not_closed_that_yaml_would_accept():
    found = error('headline: "Attention\nlead: ok\nfooter: "\n')
    assert where(found) == (1, 11)
    assert "reads the text on to line 3" in found.message
    assert found.field == "headline"


def test_quoted_text_over_several_indented_lines_is_fine():
    assert parse('lead: "Une longue\n  phrase"\n').data == {"lead": "Une longue phrase"}


# A colon without its space.


@pytest.mark.parametrize(
    "text, position, typed",
    [
        ("number: 3\ndate:2021-02-05\nheadline: X\n", (2, 5), "date: 2021-02-05"),
        ("hotline:\n  label:Standard\n  phone: 0241054000\n", (2, 8), "label: Standard"),
        ("number:3\n", (1, 7), "number: 3"),
        ("number:3\nheadline:Réseau\n", (1, 7), "number: 3"),
        ("faq:\n  - q: Paie ?\n    a: Oui\n  - q:Congés ?\n", (4, 6), "q: Congés ?"),
    ],
)
def test_missing_space_after_colon(text, position, typed):
    found = error(text)
    assert where(found) == position
    assert "no space after the colon" in found.message
    assert found.hint == f"add a space after the colon: `{typed}`"


def test_text_with_a_colon_in_a_list_of_texts_is_fine():
    source = parse("do:\n  - Note:voir\n  - https://ville.fr\n")
    assert source.data == {"do": ["Note:voir", "https://ville.fr"]}


def test_a_key_indented_with_no_break_spaces_is_refused_at_them():
    found = error("faq:\n  - q: Paie ?\n\u00a0\u00a0\u00a0\u00a0a: Oui.\n")
    assert where(found) == (3, 1)
    assert found.message == "a no-break space (U+00A0) is used for indentation; YAML needs ordinary spaces"


def test_a_no_break_space_before_a_keys_colon_is_refused_at_it():
    """French typography puts one before a colon; in a key, YAML keeps it and no key has it."""
    found = error("number: 3\nheadline\u00a0: Titre\n")
    assert where(found) == (2, 9)
    assert found.message == (
        "a no-break space (U+00A0) is typed between `headline` and its colon, so YAML reads it as part of the key"
    )
    assert found.hint == "remove it: `headline:`"


# What `check --fix` changes: each mendable slip's diagnostic carries its line as mended.


@pytest.mark.parametrize(
    "typed, mended",
    [
        ("headline: Attention : réseau coupé", 'headline: "Attention : réseau coupé"'),
        ("headline: *Important* restez chez vous", 'headline: "*Important* restez chez vous"'),
        ("headline: [URGENT] Réseau coupé", 'headline: "[URGENT] Réseau coupé"'),
        ('headline: @tous : le "plan" démarre', "headline: '@tous : le \"plan\" démarre'"),
        ("headline: Appelez le poste #4012", 'headline: "Appelez le poste #4012"'),
        ("headline: ! Attention aux faux courriels", 'headline: "! Attention aux faux courriels"'),
        ("headline: &associés Cabinet", 'headline: "&associés Cabinet"'),
        ("headline:\u00a0Réseau coupé", "headline: Réseau coupé"),
        ("headline\u202f: Réseau coupé", "headline: Réseau coupé"),
        ("headline:\tRéseau coupé", "headline: Réseau coupé"),
    ],
)
def test_a_slip_mended_for_sure_carries_its_line_mended(typed, mended):
    found = [d for d in problems_and_warnings(f"number: 3\n{typed}\nlead: x\n") if d.mend is not None]
    assert [(d.mend.line, d.mend.typed, d.mend.text) for d in found] == [(2, typed, mended)]


def test_tabs_of_indentation_become_the_files_indentation_step():
    found = problems("faq:\n    - q: Paie ?\n      a: Oui.\n\t-\tq: Congés ?\n")
    assert [d.mend.text for d in found if d.mend] == ["    - q: Congés ?"]


@pytest.mark.parametrize(
    "text",
    [
        "number: 3\nheadline: Réseau # à vérifier\n",  # a comment may be meant
        "number: 3\nheadline: Attention : réseau\n  coupé\n",  # the text goes on below: quoted by hand
        "number: 3\nheadline: - Point de situation\n",  # a list item or a text: the user says which
        "headline: &titre Les téléphones\nlead: *titre\n",  # an anchor and its alias: YAML meant, not a text
        "a: &a x\nb: [*a, *a]\n",  # an alias in a list typed on one line
        "data: !!binary aGVsbG8=\n",  # a YAML tag, not a text starting with `!`
    ],
)
def test_what_is_not_certain_is_not_mended(text):
    assert all(d.mend is None for d in problems_and_warnings(text))
