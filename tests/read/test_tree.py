"""Tests of the tree of texts: texts stay as typed, every value keeps its position, and the problems of
the tree (duplicate keys, keys that are not names, a root that is not a mapping) are all reported."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsletter.errors import InputError
from newsletter.read import decode, read_yaml
from tests.read.parsing import error, parse, problems, where

pytestmark = pytest.mark.usefixtures("parser")  # every test with libyaml and with the pure-Python parser


# Rule 1: every scalar stays the text typed; nulls; positions.


@pytest.mark.parametrize(
    "typed",
    [
        "0241054000",
        "010",
        "12:30",
        "18:30",
        "no",
        "yes",
        "on",
        "off",
        "1.10",
        "2021-02-05",
        "1e3",
        "0x1F",
        ".inf",
        "true",
        "+33 2 41 05 40 00",
        "14 h 30",
        "=",
    ],
)
def test_plain_scalars_stay_the_text_typed(typed):
    source = parse(f"value: {typed}\nlist:\n  - {typed}\n")
    assert source.data == {"value": typed, "list": [typed]}


@pytest.mark.parametrize("typed", ["'0241054000'", '"12:30"', "'no'", '"null"', "'~'", "''"])
def test_quoted_scalars_are_text(typed):
    assert parse(f"value: {typed}\n").data["value"] == typed[1:-1]


@pytest.mark.parametrize(
    "typed", ["lead:", "lead: ", "lead: ~", "lead: null", "lead: Null", "lead: NULL", "lead: # note"]
)
def test_empty_value_and_plain_null_words_are_none(typed):
    assert parse(f"{typed}\nnumber: 3\n").data == {"lead": None, "number": "3"}


def test_keys_are_text_as_typed():
    assert parse("no: 1\nnull: 2\n3: 3\n").data == {"no": "1", "null": "2", "3": "3"}


def test_block_scalars_keep_their_lines():
    source = parse("lead: |\n  Ligne 1 # pas un commentaire\n\n  - puce\nbody: >\n  un\n  deux\n")
    assert source.data == {"lead": "Ligne 1 # pas un commentaire\n\n- puce\n", "body": "un deux\n"}
    assert source.warnings == []


@pytest.mark.parametrize("quote", ["", "'"])
def test_a_blank_line_in_a_text_typed_over_lines_is_a_paragraph_break_as_in_a_bar_text(quote):
    typed = (
        f"lead: {quote}Onze jours après l'attaque,\n  les logiciels reviennent.\n\n\n  Deuxième paragraphe.{quote}\n"
    )
    expected = "Onze jours après l'attaque, les logiciels reviennent.\n\nDeuxième paragraphe."
    assert parse(typed.replace("l'a", "l''a") if quote else typed).data["lead"] == expected


def test_marks_point_at_values_and_key_marks_at_keys():
    source = parse("number: 3\nfaq:\n  - q: Paie ?\n    a: Oui.\n  - q: Congés ?\n    a:   Non.\n")
    assert source.marks[()] == (1, 1)
    assert source.marks[("number",)] == (1, 9)
    assert source.marks[("faq",)] == (3, 3)
    assert source.marks[("faq", 1)] == (5, 5)
    assert source.marks[("faq", 1, "a")] == (6, 10)
    assert source.key_marks[("faq", 1, "a")] == (6, 5)
    assert source.key_marks[("faq",)] == (2, 1)
    assert ("faq", 1) not in source.key_marks


# Rule 2: duplicate keys, non-scalar keys.


def test_duplicate_key_names_the_key_and_both_lines():
    found = error("number: 3\ndate: 2021-02-05\nfaq: []\nlead: x\nfaq:\n  - q: a\n")
    assert where(found) == (5, 1)
    assert found.message == "`faq` appears twice: line 3 and line 5; keep one"
    assert found.field == "faq"


def test_duplicate_keys_at_every_level_are_all_reported():
    found = problems("faq:\n  - q: a\n    a: b\n    q: c\nhotline:\n  phone: 1\n  phone: 2\n")
    assert [(d.line, d.column, d.field) for d in found] == [(4, 5, "faq[1].q"), (7, 3, "hotline.phone")]
    assert "line 2 and line 4" in found[0].message
    assert "line 6 and line 7" in found[1].message


def test_duplicate_keeps_the_first_value_in_flow_mappings_too():
    found = error("hotline: {phone: 1, phone: 2}\n")
    assert where(found) == (1, 21)
    assert "`phone` appears twice" in found.message


@pytest.mark.parametrize(
    "text, position", [("? [a]\n: x\n", (1, 3)), ("{[a]: x}\n", (1, 2)), ("? {a: b}\n: x\n", (1, 3))]
)
def test_non_scalar_key_is_refused(text, position):
    found = error(text)
    assert where(found) == position
    assert "a key must be a simple name" in found.message


# Rule 5: one document whose root is a mapping; empty files.


def test_one_explicit_document_is_fine():
    assert parse("---\nnumber: 3\n...\n").data == {"number": "3"}


def test_top_level_list_is_refused():
    found = error("# issue\n- number: 3\n")
    assert where(found) == (2, 1)
    assert "the file must be a list of `key: value` lines" in found.message


def test_top_level_text_is_refused():
    found = error("Bonjour à tous\n")
    assert where(found) == (1, 1)
    assert "the file must be a list of `key: value` lines" in found.message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n  # another\n", "---\n", "~\n"])
def test_empty_file(text):
    assert error(text).message == "the file is empty"


# Rule 9: one pass collects every tree-level problem; warnings come along.


def test_tree_errors_are_collected_in_order_with_the_warnings():
    found = problems("a: !!str x\nb: y # cut\nb: *z\nc: &w v\n")
    assert [(d.line, d.column, d.severity) for d in found] == [
        (1, 4, "error"),
        (2, 6, "warning"),
        (3, 1, "error"),
        (3, 4, "error"),
        (4, 4, "error"),
    ]
    assert all(d.file == "issues/003.yaml" for d in found)


# Escapes in double quotes.


def test_escaped_control_character_is_refused():
    found = error('lead: "a\\u0007b"\n')
    assert where(found) == (1, 7)
    assert "U+0007" in found.message


def test_surrogate_pair_escapes_make_one_character():
    assert parse('a: "\\ud83d\\ude00 \\u00e9\\t"\n').data == {"a": "😀 é\t"}


def test_lone_surrogate_escape_is_refused():
    assert "lone UTF-16 surrogate" in error('a: "\\ud83d"\n').message


# read_yaml


def test_read_yaml_reads_bytes_and_names_the_file(tmp_path):
    path = tmp_path / "003.yaml"
    path.write_bytes("\ufeffnumber: 3\r\nheadline: Réseau coupé\r\n".encode())
    source = read_yaml(path, "issues/003.yaml")
    assert (source.file, source.data) == ("issues/003.yaml", {"number": "3", "headline": "Réseau coupé"})
    assert read_yaml(path).file == str(path)


def test_read_yaml_of_a_missing_file(tmp_path):
    with pytest.raises(InputError) as raised:
        read_yaml(tmp_path / "missing.yaml", "issues/missing.yaml")
    (found,) = raised.value.diagnostics
    assert found.file == "issues/missing.yaml"
    assert "cannot read the file" in found.message


# Round trip of any text, and any file.


@settings(max_examples=300, deadline=None)
@given(st.text(), st.booleans())
def test_any_text_in_double_quotes_round_trips(text, ascii_only):
    typed = json.dumps(text, ensure_ascii=ascii_only)
    refused = decode.CONTROL_CHARACTER.search(text) or decode.REFUSED_CHARACTER.search(typed)
    try:
        source = parse(f"value: {typed}\n")
    except InputError:
        assert refused
    else:
        assert not refused
        assert source.data == {"value": text}


_YAML_PIECES = [
    "a",
    "é",
    " ",
    "  ",
    "\n",
    "\n  ",
    "\n- ",
    "- ",
    ": ",
    ":",
    "k: ",
    "\n  k: ",
    "#",
    " #",
    "'",
    '"',
    "\\",
    "[",
    "]",
    "{",
    "}",
    ",",
    "?",
    "*",
    "&",
    "!",
    "!!",
    "|",
    ">",
    "-",
    "---",
    "...",
    "%",
    "@",
    "`",
    "~",
    "\t",
    "\r\n",
    "0241054000",
    "<<: ",
]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(_YAML_PIECES), max_size=25).map("".join)))
def test_any_file_gives_a_tree_or_input_errors_that_point_inside_it(text):
    try:
        parse(text)
    except InputError as raised:
        line_count = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        for diagnostic in raised.diagnostics:
            assert diagnostic.message and (diagnostic.hint or diagnostic.line is None)
            assert diagnostic.line is None or 1 <= diagnostic.line <= line_count + 1  # +1: end of file
            assert diagnostic.column is None or diagnostic.column >= 1
