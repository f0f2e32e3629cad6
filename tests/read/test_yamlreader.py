"""Tests of the YAML reader: texts stay as typed, and every slip is reported where it was typed."""

from __future__ import annotations

import json
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsletter.read import yamlreader
from newsletter.errors import InputError
from newsletter.read.yamlreader import MAX_DEPTH, MAX_FILE_BYTES, Source, parse_yaml, read_yaml


@pytest.fixture(autouse=True, params=["libyaml", "pure-python"])
def parser(request, monkeypatch):
    """Run every test with libyaml (when installed) and with the pure-Python parser: same answers."""
    if request.param == "libyaml" and yamlreader._FAST_LOADER is None:
        pytest.skip("libyaml is not installed")
    if request.param == "pure-python":
        monkeypatch.setattr(yamlreader, "_FAST_LOADER", None)
    return request.param


def parse(text: str | bytes) -> Source:
    return parse_yaml(text.encode() if isinstance(text, str) else text, "issues/003.yaml")


def problems(text: str | bytes) -> list:
    with pytest.raises(InputError) as raised:
        parse(text)
    return raised.value.diagnostics


def error(text: str | bytes):
    """The single diagnostic of a text that must be refused."""
    found = problems(text)
    assert len(found) == 1, [str(d) for d in found]
    assert found[0].is_error
    return found[0]


def where(diagnostic) -> tuple:
    return diagnostic.line, diagnostic.column


# Rule 1: every scalar stays the text typed; nulls; positions.


@pytest.mark.parametrize(
    "typed",
    ["0241054000", "010", "12:30", "18:30", "no", "yes", "on", "off", "1.10", "2021-02-05", "1e3", "0x1F",
     ".inf", "true", "+33 2 41 05 40 00", "14 h 30", "="],
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


def test_position_of_a_missing_key_is_its_nearest_ancestor():
    source = parse("title: Journal\nhotline:\n  label: Standard\n")
    assert source.position(("hotline", "phone")) == (3, 3)
    assert source.position(("contacts", 0, "name")) == (1, 1)
    assert source.position(("hotline", "label")) == (3, 10)


def test_empty_value_position_is_after_its_colon():
    assert parse("lead:\nnumber: 3\n").position(("lead",)) == (1, 6)


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 600])
def test_deep_nesting_is_a_clean_error(levels):
    block = "".join("  " * level + f"k{level}:\n" for level in range(levels)) + "  " * levels + "x\n"
    found = error(block)
    assert where(found) == (MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)
    assert f"more than {MAX_DEPTH} levels" in found.message
    flow = error("a: " + "[" * levels + "]" * levels + "\n")
    assert where(flow) == (1, 4 + MAX_DEPTH - 1)
    assert where(error("a: " + "[" * levels + "\n")) == (1, 4 + MAX_DEPTH - 1)


def test_nesting_up_to_the_limit_is_read():
    value = parse("a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1) + "\n").data["a"]
    for _ in range(MAX_DEPTH - 2):
        (value,) = value
    assert value == ["x"]


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


# Rule 3: tags.


@pytest.mark.parametrize(
    "value, shown",
    [
        ("!!binary aGk=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!!python/object/apply:os.system ['ls']", "!!python/object/apply:os.system"),
        ("!custom x", "!custom"),
        ("!!str 0241054000", "!!str"),
        ("! text", "!"),
    ],
)
def test_tags_are_refused(value, shown):
    found = error(f"title: Journal\nlogo: {value}\n")
    assert where(found) == (2, 7)
    assert found.message == f"YAML tags like `{shown}` are not used in these files"
    assert found.hint.startswith("remove it, or put the text in quotes if it is meant literally")
    assert found.field == "logo"


def test_tag_on_a_key_is_refused():
    assert where(error("!!str title: Journal\n")) == (1, 1)


# Rule 4: anchors, aliases, merge keys.


def test_alias_is_refused_with_a_quoting_hint():
    found = error("title: Journal\nheadline: *urgent\n")
    assert where(found) == (2, 11)
    assert found.message == "a value starting with `*` is read by YAML as a reference to something else"
    assert found.hint == 'put the whole text in quotes: headline: "*urgent"'


def test_anchor_is_refused_with_a_quoting_hint():
    found = error("organisation: &Co Mairie\n")
    assert where(found) == (1, 15)
    assert "starting with `&`" in found.message
    assert found.hint == 'put the whole text in quotes: organisation: "&Co Mairie"'


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


def test_merge_key_and_alias_bomb_are_refused_quickly():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    lines += ["c2:", "  <<: *a"]
    started = time.perf_counter()
    found = problems("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 2
    merge = [d for d in found if "`<<`" in d.message]
    assert [where(d) for d in merge] == [(11, 3)]
    assert len([d for d in found if "`&`" in d.message]) == 9
    assert len([d for d in found if "`*`" in d.message]) == 8 * 9 + 1


# Rule 5: one document whose root is a mapping; empty files.


def test_second_document_is_refused_at_its_line():
    found = error("---\nnumber: 3\n---\nnumber: 4\n")
    assert where(found) == (3, 1)
    assert "a second YAML document" in found.message


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


# Rule 6: encoding, size, line endings, invisible characters.


def test_utf8_bom_is_stripped_and_columns_stay_right():
    source = parse("\ufeffnumber: 3\n".encode())
    assert source.data == {"number": "3"}
    assert source.marks[("number",)] == (1, 9)


def test_latin1_byte_is_reported_where_it_is():
    found = error("number: 3\nheadline: Réseau\nlead: Le réseau est coupé\n".encode("cp1252"))
    assert where(found) == (2, 12)
    assert found.message == "byte 0xE9 at line 2, column 12 is not UTF-8"
    assert "Windows-1252/Latin-1" in found.hint and "'é'" in found.hint
    assert "save it as UTF-8 (in Notepad: Save as → Encoding UTF-8)" in found.hint


def test_latin1_byte_column_counts_characters_before_it():
    found = error("lead: déjà coupé\n".encode("utf-8")[:-1] + b" \xe9t\xe9\n")
    assert where(found) == (1, 18)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_is_refused(encoding):
    found = error("number: 3\nheadline: Réseau coupé\n".encode(encoding))
    assert found.message == "the file is saved as UTF-16"
    assert "save it as UTF-8" in found.hint


def test_too_big_is_refused_without_parsing(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: [" * (MAX_FILE_BYTES // 4 + 1))
    with pytest.raises(InputError) as raised:
        read_yaml(path, "issues/big.yaml")
    (found,) = raised.value.diagnostics
    assert found.file == "issues/big.yaml"
    assert f"limited to {MAX_FILE_BYTES / 1e6:g} MB" in found.message
    with pytest.raises(InputError):
        parse(path.read_bytes())


def test_crlf_line_endings_keep_lines_and_columns():
    source = parse(b"number: 3\r\nfaq:\r\n  - q: Paie ?\r\n    a: Oui # oui\r\n")
    assert source.data == {"number": "3", "faq": [{"q": "Paie ?", "a": "Oui"}]}
    assert source.marks[("faq", 0, "a")] == (4, 8)
    assert [where(w) for w in source.warnings] == [(4, 12)]


def test_crlf_line_endings_in_errors():
    assert where(error(b"number: 3\r\nheadline: Attention : coupe\r\n")) == (2, 21)


@pytest.mark.parametrize("character", ["\x07", "\x00", "\x1b", "\x7f", "\x85", "\u2028"])
def test_control_characters_are_refused_where_they_are(character):
    found = error(f"number: 3\nlead: ab{character}cd\n")
    assert where(found) == (2, 9)
    assert f"U+{ord(character):04X}" in found.message
    if unicodedata.name(character, ""):
        assert unicodedata.name(character) in found.message


def test_every_control_character_is_reported():
    assert [where(d) for d in problems("a: \x07\nb: x\x01\n")] == [(1, 4), (2, 5)]


def test_tab_inside_text_is_kept():
    assert parse('lead: "a\tb"\nbody: |\n  c\td\n').data == {"lead": "a\tb", "body": "c\td\n"}


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


def test_quote_never_closed():
    found = error('number: 3\nheadline: "Attention au réseau\n')
    assert where(found) == (2, 11)
    assert found.message == "this quote is never closed"
    assert found.hint == 'add the closing " at the end of the text'


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


def test_key_indented_more_than_the_one_above():
    found = error("title: Journal\n  tagline: Journal interne\n")
    assert where(found) == (2, 3)
    assert "indented more than the line above" in found.message
    assert "start `tagline` at column 1" in found.hint


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


def test_only_the_first_syntax_error_is_reported():
    found = error("headline: Attention : coupe\nlead: *x y\n")
    assert where(found) == (1, 21)


def test_no_syntax_message_is_the_parser_jargon_alone():
    for text in ["a: b: c\n", "a: [b\n", "a: 'b\n", "- a\nb: c\n", "a:\n  - b\n  c: d\n", "a: {b: c d: e}\n"]:
        found = error(text)
        assert found.line is not None and found.column is not None
        assert found.hint, text


# Rule 8: text silently cut at ' #'.


def warnings(text: str) -> list:
    return [(w.line, w.column, w.field) for w in parse(text).warnings]


def test_comment_cutting_a_plain_text_is_a_warning():
    source = parse("number: 3\nheadline: Réunion salle #3\n")
    assert source.data["headline"] == "Réunion salle"
    (warning,) = source.warnings
    assert (warning.line, warning.column, warning.severity) == (2, 25, "warning")
    assert warning.message == "the text after ' #' is a YAML comment and will not be printed"
    assert warning.hint == (
        'put the whole text in quotes if the # is part of it: headline: "Réunion salle #3"'
    )


def test_comment_in_list_items_and_continued_texts():
    text = "do:\n  - Appelez le 5000 # standard\n  - q: Paie # ok\nlead: Une phrase\n  qui continue # cut\n"
    assert warnings(text) == [(2, 21, "do[1]"), (3, 13, "do[2].q"), (5, 16, "lead")]


def test_hash_typed_as_the_whole_value_is_a_warning():
    source = parse("number: #3\n")
    assert source.data == {"number": None}
    assert [(w.line, w.column) for w in source.warnings] == [(1, 9)]
    assert source.warnings[0].hint.endswith(': number: "#3"')


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


# Rule 9: one pass collects every tree-level problem; warnings come along.


def test_tree_errors_are_collected_in_order_with_the_warnings():
    found = problems("a: !!str x\nb: y # cut\nb: *z\nc: &w v\n")
    assert [(d.line, d.column, d.severity) for d in found] == [
        (1, 4, "error"), (2, 6, "warning"), (3, 1, "error"), (3, 4, "error"), (4, 4, "error"),
    ]
    assert all(d.file == "issues/003.yaml" for d in found)


def test_errors_before_a_syntax_error_are_kept():
    found = problems("a: !!str x\nb: y: z\n")
    assert [where(d) for d in found] == [(1, 4), (2, 5)]


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


# Round trip of any text, and speed.


@settings(max_examples=300, deadline=None)
@given(st.text(), st.booleans())
def test_any_text_in_double_quotes_round_trips(text, ascii_only):
    typed = json.dumps(text, ensure_ascii=ascii_only)
    refused = yamlreader._CONTROL_CHARACTER.search(text) or yamlreader._REFUSED_CHARACTER.search(typed)
    try:
        source = parse(f"value: {typed}\n")
    except InputError:
        assert refused
    else:
        assert not refused
        assert source.data == {"value": text}


def sample_issue() -> str:
    head = "number: 3\ndate: 2021-02-05\ntime: '17:00'\nheadline: Le réseau revient pas à pas\nfaq:\n"
    question = (
        "  - q: Mon salaire sera-t-il versé le 28 février ?\n"
        "    a: >\n"
        "      Oui. La paie est calculée sur un poste isolé, hors réseau, et les bulletins\n"
        "      seront distribués sur papier. Appelez le 0241054000 entre 9:00 et 12:30.\n"
        "  - q: \"Puis-je poser un congé : comment faire ?\"\n"
        "    a: Oui, sur le formulaire papier, auprès de votre encadrant.\n"
    )
    return head + question * 50


def test_a_long_issue_is_read_once_by_libyaml_when_installed(parser, monkeypatch):
    """libyaml reads an ordinary issue about twenty times faster: it must be the parser used, once
    (speed itself is measured by bench/run.py, not asserted here)."""
    loaders = []
    real_parse = yamlreader.yaml.parse

    def recorded(text, Loader):  # noqa: N803 - PyYAML's own keyword
        loaders.append(Loader)
        return real_parse(text, Loader=Loader)

    monkeypatch.setattr(yamlreader.yaml, "parse", recorded)
    source = parse(sample_issue().encode())
    assert len(source.data["faq"]) == 100
    assert source.marks[("faq", 99, "a")] == (305, 8)
    assert loaders == [yamlreader._FAST_LOADER if parser == "libyaml" else yamlreader.yaml.SafeLoader]


_YAML_PIECES = [
    "a", "é", " ", "  ", "\n", "\n  ", "\n- ", "- ", ": ", ":", "k: ", "\n  k: ", "#", " #", "'", '"', "\\",
    "[", "]", "{", "}", ",", "?", "*", "&", "!", "!!", "|", ">", "-", "---", "...", "%", "@", "`", "~", "\t",
    "\r\n", "0241054000", "<<: ",
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
