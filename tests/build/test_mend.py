"""Tests of `check --fix`'s mending: what it changes in the files, and all that it leaves alone."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_ISSUE
from newsletter.build.mend import as_utf8, mend_workspace
from newsletter.model.formats import Issue
from newsletter.read import parse_yaml

SLIPS = """\
number: 1
date: 2021-02-05
next_issue: 2021-02-12
titre: Reprise : les premiers postes rendus
lead: *Important* restez chez vous
questions:
  - question: Ma paie sera-t-elle versée ?
    réponse: Oui : à la date habituelle.
  - q: Qui appeler ?
    a: Le poste #4012 (cellule)
\t- q: Et le télétravail ?
\t  a: Pas encore.
status:
  - system: Paie
    state:\u00a0restored
à faire:
  - @tous : gardez vos justificatifs
"""

MENDED = """\
number: 1
date: 2021-02-05
next_issue: 2021-02-12
headline: "Reprise : les premiers postes rendus"
lead: "*Important* restez chez vous"
faq:
  - q: Ma paie sera-t-elle versée ?
    a: "Oui : à la date habituelle."
  - q: Qui appeler ?
    a: "Le poste #4012 (cellule)"
  - q: Et le télétravail ?
    a: Pas encore.
status:
  - system: Paie
    state: restored
do:
  - "@tous : gardez vos justificatifs"
"""


def test_every_slip_that_can_be_mended_for_sure_is_mended_in_place(workspace):
    path = workspace.write("001.yaml", SLIPS)
    [mended] = mend_workspace(workspace.root)
    assert path.read_text(encoding="utf-8") == MENDED
    assert (workspace.issues / "001.yaml.bak").read_text(encoding="utf-8") == SLIPS
    assert mended.diff[:3] == ["--- issues/001.yaml", "+++ issues/001.yaml (mended)", "@@ -4,5 +4,5 @@"]
    assert "-\t- q: Et le télétravail ?" in mended.diff and "+  - q: Et le télétravail ?" in mended.diff
    assert mended.notes == []
    assert Issue.parse(parse_yaml(path.read_bytes(), "issues/001.yaml").data).headline.startswith("Reprise")


def test_a_text_cut_at_a_number_is_mended_in_a_file_with_no_error(workspace):
    typed = MINIMAL_ISSUE + "faq:\n  - q: Où trouver le bureau #4 ?\n    a: Au deuxième étage.\n"
    path = workspace.write("001.yaml", typed)
    [mended] = mend_workspace(workspace.root)
    assert mended.diff[3:] == ["-  - q: Où trouver le bureau #4 ?", '+  - q: "Où trouver le bureau #4 ?"']
    assert path.read_text(encoding="utf-8") == typed.replace(
        "q: Où trouver le bureau #4 ?", 'q: "Où trouver le bureau #4 ?"'
    )


def test_mending_a_mended_file_changes_nothing(workspace):
    path = workspace.write("001.yaml", SLIPS)
    mend_workspace(workspace.root)
    before = path.read_bytes()
    assert mend_workspace(workspace.root, backup=False) == []
    assert path.read_bytes() == before


def test_french_keys_are_renamed_beside_a_slip_left_to_the_user_in_one_run(workspace):
    """A list item's missing colon is left as typed (which key was meant?), and YAML cannot read the file:
    the keys around it are renamed all the same, and a second `--fix` changes nothing."""
    typed = (
        "number: 1\ndate: 2021-02-05\ntitre: Reprise : les postes\nquestions:\n  - q Mes fichiers ?\n"
        "    a: Non.\nà faire:\n  - Gardez vos justificatifs.\n"
    )
    path = workspace.write("001.yaml", typed)
    [mended] = mend_workspace(workspace.root, backup=False)
    assert path.read_text(encoding="utf-8") == (
        'number: 1\ndate: 2021-02-05\nheadline: "Reprise : les postes"\nfaq:\n  - q Mes fichiers ?\n'
        "    a: Non.\ndo:\n  - Gardez vos justificatifs.\n"
    )
    assert mended.diff[2:] == [
        "@@ -3,2 +3,2 @@",
        "-titre: Reprise : les postes",
        "-questions:",
        '+headline: "Reprise : les postes"',
        "+faq:",
        "@@ -7 +7 @@",
        "-à faire:",
        "+do:",
    ]
    assert mend_workspace(workspace.root, backup=False) == []


def test_a_windows_file_is_saved_again_as_utf8_with_plain_line_ends(workspace):
    path = workspace.write("001.yaml", b"\xef\xbb\xbf" + MINIMAL_ISSUE.replace("\n", "\r\n").encode("utf-8"))
    [mended] = mend_workspace(workspace.root, backup=False)
    assert path.read_text(encoding="utf-8") == MINIMAL_ISSUE
    assert mended.notes == [
        "saved without its byte order mark (BOM)",
        "saved with plain line ends: it had Windows line ends (CRLF)",
    ]
    assert mended.diff == [] and mended.backup is None
    assert not (workspace.issues / "001.yaml.bak").exists()


def test_a_windows_1252_file_is_read_as_such():
    text, notes = as_utf8("headline: Réunion à l’accueil\n".encode("cp1252"))
    assert text == "headline: Réunion à l’accueil\n"
    assert notes == ["saved as UTF-8: it was saved as Windows-1252 (Latin-1)"]


# A UTF-8 issue with one line pasted from a file saved in Windows-1252 (a new user's case)
PASTED = MINIMAL_ISSUE.encode("utf-8") + "dont:\n  - Ne répondez pas aux SMS.\n".encode("cp1252")


def test_a_line_pasted_in_windows_1252_into_a_utf8_file_is_mended_alone(workspace):
    path = workspace.write("001.yaml", PASTED)
    [mended] = mend_workspace(workspace.root, backup=False)
    assert path.read_text(encoding="utf-8") == MINIMAL_ISSUE + "dont:\n  - Ne répondez pas aux SMS.\n"
    assert mended.diff[2:] == ["@@ -6 +6 @@", "-  - Ne r\\xe9pondez pas aux SMS.", "+  - Ne répondez pas aux SMS."]
    assert mended.notes == [
        "saved as UTF-8: 1 character of this UTF-8 file was in Windows-1252 (Latin-1), as in a line pasted "
        "from another file; the other characters are unchanged"
    ]
    assert mend_workspace(workspace.root, backup=False) == []


def test_a_text_with_a_colon_and_a_hash_against_a_word_is_quoted_whole(workspace):
    """`check` says to quote the whole text; `--fix` does it, the `#4` being text (not a note)."""
    typed = MINIMAL_ISSUE + "faq:\n  - q: Et mon téléphone ?\n    a: Oui : appelez et demandez le bureau #4\n"
    path = workspace.write("001.yaml", typed)
    [mended] = mend_workspace(workspace.root)
    assert path.read_text(encoding="utf-8").endswith('    a: "Oui : appelez et demandez le bureau #4"\n')
    assert mended.diff[-2:] == [
        "-    a: Oui : appelez et demandez le bureau #4",
        '+    a: "Oui : appelez et demandez le bureau #4"',
    ]


def test_what_cannot_be_mended_for_sure_is_left_as_typed(workspace):
    """A comment after a value may be meant; a text going on over lines is not quoted line by line; a
    misspelt key or a state in French are for the user to confirm (the hint suggests them)."""
    text = (
        MINIMAL_ISSUE + "lead: Le réseau # à vérifier\n"
        "essentials:\n  - Les postes : pas encore\n    rendus\n"
        "status:\n  - system: Paie\n    state: en panne\n"
        "edtion: Spécial\n"
    )
    path = workspace.write("001.yaml", text)
    assert mend_workspace(workspace.root) == []
    assert path.read_text(encoding="utf-8") == text


def test_only_the_files_named_are_mended(workspace):
    workspace.write("001.yaml", SLIPS)
    other = workspace.write("002.yaml", SLIPS.replace("number: 1", "number: 2"))
    assert [mended.file for mended in mend_workspace(workspace.root, [other])] == ["issues/002.yaml"]


# The words of a value are never changed: quoting keeps each character, whatever the text holds.
TEXT = st.text(alphabet=string.ascii_letters + "éàç’ :#*&!%@`|>[{}]-?,'\"\\", min_size=1, max_size=30)


@settings(max_examples=150, deadline=None)
@given(TEXT)
@example("#3")  # the comment alone: quoted after the key's space, not against its colon
@example("[a, b c]")  # a sentence cut at its comma in [ ]: written as a `- ` line
def test_a_mended_text_reads_as_it_was_typed_and_a_second_mend_changes_nothing(tmp_path_factory, typed):
    root = tmp_path_factory.mktemp("ws")
    (root / "issues").mkdir()
    path = root / "issues" / "001.yaml"
    path.write_text(MINIMAL_ISSUE + f"lead: {typed}\n", encoding="utf-8")
    mend_workspace(root, backup=False)
    once = path.read_bytes()
    assert mend_workspace(root, backup=False) == []
    assert path.read_bytes() == once
    if once != (MINIMAL_ISSUE + f"lead: {typed}\n").encode():
        lead = parse_yaml(once, "issues/001.yaml").data["lead"]
        if isinstance(lead, list):  # a `[…]` list: its items, each sentence whole, as `- ` lines
            assert _commas("[" + ", ".join(lead) + "]") == _commas(typed.strip())
        else:
            assert lead == typed.strip()


def _commas(text: str) -> str:
    """``text`` with one space after each comma and none before (a `[…]` list's items are read so)."""
    return re.sub(r"\s*,\s*", ", ", re.sub(r"\[\s*|\s*\]", lambda bracket: bracket.group().strip(), text))


def test_a_sentence_cut_in_brackets_is_written_as_dash_lines_and_the_lines_below_are_still_mended(workspace):
    typed = MINIMAL_ISSUE + (
        "situation:\n  known: [Les serveurs de fichiers, de paie et d'état civil, Les postes pas encore]\n"
        "lead: *Important* restez chez vous\n"
    )
    path = workspace.write("001.yaml", typed)
    [mended] = mend_workspace(workspace.root, backup=False)
    assert path.read_text(encoding="utf-8") == MINIMAL_ISSUE + (
        "situation:\n  known:\n    - Les serveurs de fichiers, de paie et d'état civil\n"
        '    - Les postes pas encore\nlead: "*Important* restez chez vous"\n'
    )
    assert "+    - Les serveurs de fichiers, de paie et d'état civil" in mended.diff
    assert mend_workspace(workspace.root, backup=False) == []


def test_a_french_yes_is_replaced_by_the_word_meant_but_not_in_quotes(workspace):
    path = workspace.write("001.yaml", MINIMAL_ISSUE + "draft: oui # à relire\n")
    quoted = workspace.write("002.yaml", MINIMAL_ISSUE.replace("number: 1", "number: 2") + 'draft: "non"\n')
    [mended] = mend_workspace(workspace.root, backup=False)
    assert mended.diff[3:] == ["-draft: oui # à relire", "+draft: yes # à relire"]
    assert path.read_text(encoding="utf-8").endswith("draft: yes # à relire\n")
    assert quoted.read_text(encoding="utf-8").endswith('draft: "non"\n')


@pytest.mark.parametrize(
    "typed, mended",
    [
        ("faq:\n  - q: Puis-je imprimer ?\n\ta: Oui.\n", "faq:\n  - q: Puis-je imprimer ?\n    a: Oui.\n"),
        ("faq:\n  - q: Où ?\n    a: Ici.\n\tid: ici\n", "faq:\n  - q: Où ?\n    a: Ici.\n    id: ici\n"),
        ("faq:\n  - q:\n\ta: Oui.\n", "faq:\n  - q:\n\ta: Oui.\n"),  # a sibling of `q`, or the text of `q`?
    ],
)
def test_a_key_indented_with_a_tab_is_aligned_with_the_key_above_or_left_when_unsure(workspace, typed, mended):
    """A tab as wide as the file's step (2 spaces) would put `a` left of `q`: a new error."""
    path = workspace.write("001.yaml", MINIMAL_ISSUE + typed)
    mend_workspace(workspace.root, backup=False)
    assert path.read_text(encoding="utf-8") == MINIMAL_ISSUE + mended


def test_a_language_written_as_a_word_is_replaced_by_its_code(workspace):
    publication = workspace.issues / "publication.yaml"
    publication.write_text(
        publication.read_text(encoding="utf-8").replace("language: fr", "language: français"), encoding="utf-8"
    )
    [mended] = mend_workspace(workspace.root, backup=False)
    assert mended.diff[3:] == ["-language: français", "+language: fr"]
