"""The message catalogues: every message of the code in French and in English, with the same
placeholders; the .po files read, written and compiled as gettext does."""

from __future__ import annotations

import gettext
import io
import re

import pytest

from newsletter import translations
from newsletter.translations import (
    Entry,
    compile_mo,
    format_po,
    messages,
    messages_in,
    parse_po,
    placeholders,
    po_path,
    read_po,
    updated,
)

FOUND, UNREADABLE = messages()
LANGUAGES = translations.languages()
HOW = "run `python -m newsletter.translations`, then write the French in newsletter/data/locale/fr/LC_MESSAGES/"
NBSP = "\u00a0\u202f"


def catalogue(language: str) -> dict[str, Entry]:
    return {entry.msgid: entry for entry in read_po(po_path(language))}


def test_both_languages_have_a_catalogue():
    assert LANGUAGES == ["en", "fr"]


def test_every_message_id_is_a_literal_string():
    assert not UNREADABLE, "write the message as a literal string, values as {named} placeholders:\n" + "\n".join(
        UNREADABLE
    )


def test_the_code_has_messages_to_find():
    ids = {message.msgid for message in FOUND}
    assert "hint: {hint}" in ids  # errors.py
    assert "Validate the publication and issues: every error and warning at once." in ids  # a command's docstring


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_of_the_code_is_translated(language):
    entries = catalogue(language)
    missing = [f"{m.place}: {m.msgid!r}" for m in FOUND if m.msgid not in entries]
    untranslated = [f"{m.place}: {m.msgid!r}" for m in FOUND if m.msgid in entries and not entries[m.msgid].translated]
    assert not missing, f"not in the {language} catalogue ({HOW}):\n" + "\n".join(missing)
    assert not untranslated, f"not translated in {language} ({HOW}):\n" + "\n".join(untranslated)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translation_has_the_placeholders_of_its_message(language):
    wrong = []
    for entry in catalogue(language).values():
        if not entry.msgid:
            continue
        expected = [placeholders(entry.msgid), placeholders(entry.msgid_plural or entry.msgid)]
        for index, text in enumerate(entry.msgstr):
            found = placeholders(text)
            if found not in (expected[min(index, 1)], expected[0] | expected[1]):
                wrong.append(f"{entry.msgid!r}: {text!r} has {sorted(found)}, the message {sorted(expected[0])}")
    assert not wrong, "\n".join(wrong)


def test_the_values_given_are_the_placeholders_of_the_message():
    wrong = [
        f"{m.place}: {m.msgid!r} gets {sorted(m.values)}"
        for m in FOUND
        if m.values is not None and placeholders(m.msgid) | placeholders(m.plural or "") != set(m.values)
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogues_hold_only_the_messages_of_the_code(language):
    path = po_path(language)
    expected = format_po(updated(language, read_po(path), FOUND))
    assert path.read_text(encoding="utf-8") == expected, f"{path.name} ({language}) is not up to date: {HOW}"


def french_slips(text: str) -> bool:
    """Whether ``text`` lacks a no-break space (U+00A0 or U+202F) before : ; ! ?, inside « » or in
    "n° 3"."""
    text = re.sub(r"\{[^{}]*\}", "{}", text)  # a placeholder's {name!r} is no punctuation
    text = re.sub(r"`[^`]*`", "``", text)  # nor is YAML as typed: `clé: valeur`
    return bool(
        re.search(r" [:;!?]| »|« ", text)  # an ordinary space where a no-break one belongs
        or re.search("[\\w)»][;!?]|[\\w)»]:(?= |$)", text)  # no space at all (English style)
        or re.search(f"«(?![{NBSP}])|(?<![{NBSP}])»", text)
        or re.search(r"\b[nN]° (?=\{|\d|N\b)", text)  # "n° 3" held together
    )


@pytest.mark.parametrize(
    "text, slip",
    [
        ("conseil\u00a0: écrivez «\u00a0fr\u00a0»\u202f; voilà\u00a0!", False),
        ("{field}: attendu une date", False),  # a field path, as typed in the file
        ("trouvé\u00a0: {value!r}", False),
        ("une ligne `clé: valeur`", False),
        ("https://exemple.fr, 10:30", False),
        ("conseil : écrivez", True),
        ("conseil: écrivez", True),
        ("vraiment?", True),
        ("«fr»", True),
        ("le n°\u00a0{number}, le n°\u00a0N, N°\u00a03", False),
        ("le n° {number}", True),
        ("jusqu’au n° N", True),
    ],
)
def test_french_slips(text, slip):
    assert french_slips(text) is slip


def test_french_typography():
    wrong = [
        repr(text) for entry in catalogue("fr").values() if entry.msgid for text in entry.msgstr if french_slips(text)
    ]
    assert not wrong, "French typography (no-break space before : ; ! ? and inside « »):\n" + "\n".join(wrong)


def test_the_english_catalogue_says_each_message_as_written():
    for entry in catalogue("en").values():
        if entry.msgid:
            assert entry.msgstr == [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])


# --- the .po and .mo files ---------------------------------------------------------------------

PO = r"""# a comment
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#: newsletter/cli/app.py
msgid "wrote {path}"
msgstr "écrit\u00a0: {path}"

msgid ""
"two lines\n"
"and a \"quote\""
msgstr "deux lignes\net une «\u00a0citation\u00a0»"

msgid "{count} file"
msgid_plural "{count} files"
msgstr[0] "{count} fichier"
msgstr[1] "{count} fichiers"

#, fuzzy
msgid "unsure"
msgstr "pas sûr"

msgid "untranslated"
msgstr ""
""".replace("\\u00a0", "\u00a0")


def test_a_po_file_is_read():
    header, wrote, lines, files, fuzzy, empty = parse_po(PO)
    assert header.msgid == "" and "nplurals=2" in header.msgstr[0]
    assert (wrote.msgid, wrote.msgstr, wrote.comments) == (
        "wrote {path}",
        ["écrit\u00a0: {path}"],
        ["#: newsletter/cli/app.py"],
    )
    assert lines.msgid == 'two lines\nand a "quote"'
    assert (files.msgid_plural, files.msgstr) == ("{count} files", ["{count} fichier", "{count} fichiers"])
    assert fuzzy.fuzzy and not fuzzy.translated
    assert not empty.translated


def test_a_po_file_is_written_as_it_is_read():
    entries = parse_po(PO)
    assert parse_po(format_po(entries)) == entries


def test_a_line_that_is_not_po_is_refused_with_its_line():
    with pytest.raises(ValueError, match=r"x\.po:2: not a line"):
        parse_po('msgid "a"\nmsgstring "b"\n', "x.po")


def test_the_compiled_catalogue_is_what_gettext_reads():
    reader = gettext.GNUTranslations(io.BytesIO(compile_mo(parse_po(PO))))
    assert reader.gettext("wrote {path}") == "écrit\u00a0: {path}"
    assert reader.gettext('two lines\nand a "quote"') == "deux lignes\net une «\u00a0citation\u00a0»"
    assert [reader.ngettext("{count} file", "{count} files", n) for n in (1, 2)] == [
        "{count} fichier",
        "{count} fichiers",
    ]
    assert reader.gettext("unsure") == "unsure"  # a fuzzy translation is not used, as msgfmt does
    assert reader.gettext("untranslated") == "untranslated"


def test_the_shipped_catalogues_compile_to_what_their_po_says(tmp_path, monkeypatch):
    for language in LANGUAGES:
        reader = gettext.GNUTranslations(io.BytesIO(compile_mo(read_po(po_path(language)))))
        for entry in read_po(po_path(language))[1:]:
            if entry.msgid_plural is None:
                assert reader.gettext(entry.msgid) == entry.msgstr[0]


def test_compile_all_writes_a_mo_beside_each_po(tmp_path, monkeypatch):
    for language in ("en", "fr"):
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "newsletter.po").write_text(PO, encoding="utf-8")
    monkeypatch.setattr(translations, "LOCALE_DIR", tmp_path)
    written = translations.compile_all()
    assert written == [tmp_path / lang / "LC_MESSAGES" / "newsletter.mo" for lang in ("en", "fr")]
    assert written[1].read_bytes() == compile_mo(parse_po(PO))


# --- finding the messages in the code -------------------------------------------------------------


def test_messages_are_found_in_calls_and_in_commands_docstrings(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "from newsletter.i18n import N_, _, ngettext\n"
        "HELP = N_('marked')\n"
        "def f(n, x):\n"
        "    _('wrote {path}', path=x)\n"
        "    ngettext('{count} file', '{count} files', n)\n"
        "    _(HELP)\n"
        "    _(f'{x} lost')\n"
        "    _('a ' + x)\n"
        "@app.command()\n"
        "def check():\n"
        "    '''Validate\n\n    everything.'''\n",
        encoding="utf-8",
    )
    found, unreadable = messages_in(module, tmp_path)
    assert [(m.msgid, m.plural, m.place, m.values) for m in found] == [
        ("marked", None, "module.py:2", None),
        ("wrote {path}", None, "module.py:4", frozenset({"path"})),
        ("{count} file", "{count} files", "module.py:5", frozenset({"count"})),
        ("Validate\n\neverything.", None, "module.py:10", None),
    ]
    assert unreadable == ["module.py:7: _(f'{x} lost')", "module.py:8: _('a ' + x)"]


def test_placeholders_are_the_names_of_the_fields():
    assert placeholders("{count} issue(s) in {folder.name}") == {"count", "folder"}
    assert placeholders("write {{ and }}") == set()
    assert placeholders("a { lone brace") == {"<unbalanced braces>"}


def test_updating_keeps_translations_adds_new_ids_and_drops_old_ones():
    existing = [Entry("kept", ["gardé"]), Entry("gone", ["parti"])]
    found = [
        translations.Message("new", None, "newsletter/a.py:3", None),
        translations.Message("kept", None, "newsletter/b.py:9", None),
    ]
    french = updated("fr", existing, found)
    assert [(e.msgid, e.msgstr, e.comments) for e in french[1:]] == [
        ("new", [""], ["#: newsletter/a.py"]),
        ("kept", ["gardé"], ["#: newsletter/b.py"]),
    ]
    assert [e.msgstr for e in updated("en", existing, found)[1:]] == [["new"], ["kept"]]
    assert "Language: fr" in french[0].msgstr[0]


def test_a_po_left_with_conflict_markers_keeps_the_translations_of_both_sides(tmp_path):
    path = tmp_path / "newsletter.po"
    path.write_text(
        'msgid "kept"\nmsgstr "gardé"\n\n'
        "<<<<<<< HEAD\n"
        'msgid "theirs"\nmsgstr "le leur"\n\nmsgid "both"\nmsgstr ""\n'
        "=======\n"
        'msgid "mine"\nmsgstr "le mien"\n\nmsgid "both"\nmsgstr "les deux"\n'
        ">>>>>>> 5c56eae (a commit)\n",
        encoding="utf-8",
    )
    merged = {entry.msgid: entry.msgstr for entry in translations.read_merged(path)}
    assert merged == {"kept": ["gardé"], "theirs": ["le leur"], "both": ["les deux"], "mine": ["le mien"]}


def test_the_sides_of_a_conflict_with_its_common_ancestor():
    text = "a\n<<<<<<< ours\nb\n||||||| base\nc\n=======\nd\n>>>>>>> theirs\ne\n"
    assert translations.conflict_sides(text) == ("a\nb\ne\n", "a\nd\ne\n")
