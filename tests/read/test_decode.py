"""Tests of the bytes read: UTF-8 only, a size limit, any line ending, and no invisible character."""

from __future__ import annotations

import unicodedata

import pytest

from newsletter.errors import InputError
from newsletter.read import read_yaml
from newsletter.read.decode import MAX_FILE_BYTES
from tests.read.parsing import error, parse, problems, where

pytestmark = pytest.mark.usefixtures("parser")  # every test with libyaml and with the pure-Python parser


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
    assert found.hint.endswith(
        "save it as UTF-8 (in Notepad: Save as → Encoding UTF-8); `newsletter check --fix` saves it as UTF-8"
    )


PASTED_HINT = {
    "en": "the rest of the file is UTF-8: this text was probably pasted from a file saved as Windows-1252/Latin-1 "
    "(where this byte is 'é'); `newsletter check --fix` makes it UTF-8 and changes nothing else",
    "fr": "le reste du fichier est en UTF-8\u00a0: ce texte a sans doute été collé depuis un fichier enregistré en "
    "Windows-1252/Latin-1 (où cet octet est «\u00a0é\u00a0»)\u00a0; `newsletter check --fix` le met en UTF-8 et "
    "ne change rien d’autre",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_latin1_line_pasted_into_a_utf8_file_is_said_to_be_pasted(lang, request):
    if lang == "fr":
        request.getfixturevalue("french")
    found = error("headline: Reprise des logiciels métiers\n".encode() + "dont: Ne répondez pas.\n".encode("cp1252"))
    assert (where(found), found.hint) == ((2, 11), PASTED_HINT[lang])


def test_latin1_byte_column_counts_characters_before_it():
    found = error("lead: déjà coupé\n".encode()[:-1] + b" \xe9t\xe9\n")
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
