"""Tests of the numbering rules `check` applies to the whole series."""

from __future__ import annotations

import pytest

from conftest import issue


def reported(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("issues/")]


# A copy of an issue left beside it (Windows names it so), and the issue edited afterwards.
TWO_FILES_FOR_NUMBER_2 = {
    "en": [
        "issues/002 - Copie.yaml:1:9: number: issue number 2 is also the number of issues/002.yaml: neither file "
        "is built nor archived while two files have it",
        "    hint: if this file is an old copy, delete it or move it out of the issues folder; otherwise give it its "
        "own number (the next one, usually)",
        "issues/002.yaml:1:9: number: issue number 2 is also the number of issues/002 - Copie.yaml: neither file is "
        "built nor archived while two files have it",
        "    hint: if issues/002 - Copie.yaml is an old copy, delete it or move it out of the issues folder; otherwise "
        "give it its own number (the next one, usually)",
        "2 error(s), 0 warning(s)",
    ],
    "fr": [
        "issues/002 - Copie.yaml:1:9: number: le numéro 2 est aussi celui de issues/002.yaml\u00a0: aucun des deux "
        "fichiers n’est fabriqué ni archivé tant que deux fichiers portent ce numéro",
        "    conseil\u00a0: si ce fichier est une ancienne copie, supprimez-le ou sortez-le du dossier des "
        "numéros\u00a0; sinon, donnez-lui son propre numéro (en général le suivant)",
        "issues/002.yaml:1:9: number: le numéro 2 est aussi celui de issues/002 - Copie.yaml\u00a0: aucun des deux "
        "fichiers n’est fabriqué ni archivé tant que deux fichiers portent ce numéro",
        "    conseil\u00a0: si issues/002 - Copie.yaml est une ancienne copie, supprimez-la ou sortez-la du dossier "
        "des numéros\u00a0; sinon, donnez-lui son propre numéro (en général le suivant)",
        "2 erreurs, 0 avertissement",
    ],
}
BUILT_WITHOUT_2 = {
    "en": "built 1, refused 2: issues/002 - Copie.yaml, issues/002.yaml",
    "fr": "numéros faits\u00a0: 1\u00a0; refusés\u00a0: 2 (issues/002 - Copie.yaml, issues/002.yaml)",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_two_files_with_one_number_are_both_refused_and_the_others_built(cli, workspace, lang):
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    workspace.write("002 - Copie.yaml", issue(2, "2021-02-12", "L’ancien titre"))
    workspace.write("002.yaml", issue(2, "2021-02-12", "Le titre corrigé"))
    checked = cli("--lang", lang, "--root", workspace.root, "check")
    assert (checked.code, checked.err.splitlines()) == (1, TWO_FILES_FOR_NUMBER_2[lang])
    named = cli("--lang", lang, "--root", workspace.root, "build", "2")
    assert named.code == 1 and named.err.splitlines()[:-1] == TWO_FILES_FOR_NUMBER_2[lang]
    assert workspace.pdfs() == []
    built = cli("--lang", lang, "--root", workspace.root, "build")
    assert built.code == 1 and built.err.splitlines()[-1] == BUILT_WITHOUT_2[lang]
    assert [path.name for path in workspace.pdfs()] == ["20210205_lettre-de-crise_n01_a4.pdf"]


def test_a_gap_in_the_numbers_is_a_warning_at_the_number(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    workspace.write("004.yaml", issue(4, "2021-02-19"))
    result = cli("--root", workspace.root, "check")
    assert result.code == 0
    assert reported(result.err) == [
        "issues/004.yaml:1:9: warning: number: no issue n° 2 to 3 between issues/001.yaml (n° 1) and this one (n° 4)"
    ]


def test_one_missing_number_is_named_alone(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    workspace.write("003.yaml", issue(3, "2021-02-19"))
    assert "no issue n° 2 between" in cli("--root", workspace.root, "check").err


def test_a_date_going_backwards_is_a_warning_at_the_date(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-09"))
    workspace.write("002.yaml", issue(2, "2021-02-05"))
    result = cli("--root", workspace.root, "check")
    assert result.code == 0
    assert reported(result.err) == [
        "issues/002.yaml:2:7: warning: date: dated 2021-02-05, before issue n° 1 (2021-02-09, issues/001.yaml)"
    ]
    assert cli("--root", workspace.root, "check", "--strict").code == 1


def test_a_series_in_order_gets_no_numbering_warning(cli, workspace):
    for number, date in ((1, "2021-02-05"), (2, "2021-02-05"), (3, "2021-02-12")):
        workspace.write(f"{number:03d}.yaml", issue(number, date))
    result = cli("--root", workspace.root, "check")
    assert (result.code, reported(result.err)) == (0, [])


def test_checking_some_issues_does_not_report_the_others_as_missing(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    workspace.write("002.yaml", issue(2, "2021-02-09"))
    workspace.write("003.yaml", issue(3, "2021-02-12"))
    result = cli("--root", workspace.root, "check", "1", "3")
    assert (result.code, reported(result.err)) == (0, [])
