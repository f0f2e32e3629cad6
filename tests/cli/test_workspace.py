"""`init`, `kits`, `new` and `schema` as the command says them: what was written, what to do next, a date refused
as a usage error; what they write: tests/scaffold/."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsletter.model.schema import dumps


def test_init_writes_a_workspace_and_says_what_to_do_next(cli, tmp_path):
    root = tmp_path / "journal"
    result = cli("init", root)
    assert result.code == 0
    issues = root / "issues"
    assert result.out.splitlines() == [
        f"wrote {issues / 'publication.yaml'}",
        f"wrote {issues / '001.yaml'}",
        f"wrote {root / '.gitignore'}",
        f"wrote {issues / 'publication.schema.json'}",
        f"wrote {issues / 'issue.schema.json'}",
        f"wrote {issues / 'layout.schema.json'}",
    ]
    assert "À ÉCRIRE" in result.err and "newsletter check" in result.err
    assert (root / "layouts").is_dir() and (root / "assets").is_dir()
    gitignore = (root / ".gitignore").read_text(encoding="utf-8")
    assert "out/" in gitignore.splitlines() and "archive/" not in [line.strip() for line in gitignore.splitlines()]


INIT_NEXT = {
    "en": 'next: in the two files of {issues}, replace each text starting with "À ÉCRIRE", then run '
    "`newsletter check` in {root} (not in its issues folder)",
    "fr": "ensuite\u00a0: dans les deux fichiers de {issues}, remplacez chaque texte qui commence par «\u00a0À "
    "ÉCRIRE\u00a0», puis lancez `newsletter check` dans {root} (pas dans son dossier issues)",
}
IN_ISSUES = {
    "en": [
        "issues/publication.yaml: the publication file is missing",
        "    hint: this is the issues folder of the workspace {root}: run the command in the folder above (cd ..), "
        "or give it with --root",
    ],
    "fr": [
        "issues/publication.yaml: le fichier de la publication manque",
        "    conseil\u00a0: ceci est le dossier issues de l’espace de travail {root}\u00a0: lancez la commande dans "
        "le dossier au-dessus (cd ..), ou indiquez-le avec --root",
    ],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_init_says_to_check_in_the_workspace_and_check_in_its_issues_folder_says_to_go_up(
    cli, tmp_path, monkeypatch, lang
):
    monkeypatch.chdir(tmp_path)
    result = cli("--lang", lang, "init", "ws2fr")
    assert result.err.splitlines() == [INIT_NEXT[lang].format(issues=Path("ws2fr") / "issues", root="ws2fr")]
    monkeypatch.chdir(tmp_path / "ws2fr" / "issues")
    inside = cli("--lang", lang, "check")
    assert inside.code == 1
    assert inside.err.splitlines()[:2] == [line.format(root=tmp_path / "ws2fr") for line in IN_ISSUES[lang]]
    monkeypatch.chdir(tmp_path / "ws2fr")
    there = cli("--lang", lang, "check")  # the placeholders left are errors, but the workspace is found
    assert there.code == 1 and IN_ISSUES[lang][0] not in there.err


def test_kits_lists_each_kit_with_its_language_and_description(cli):
    result = cli("kits")
    assert result.code == 0
    assert result.out.splitlines() == [
        "cyber-attack     en   Cyber-attack (ransomware) — the first issue and poster for the first hours",
        "cyberattaque     fr   Cyberattaque (rançongiciel) — le premier numéro et l'affiche des premières heures",
    ]


def test_a_wrong_date_is_a_usage_error(cli, workspace):
    result = cli("--root", workspace.root, "new", "--date", "5/2/2021")
    assert result.code == 2
    assert "YYYY-MM-DD" in result.err
    assert not (workspace.issues / "001.yaml").exists()


def test_a_date_not_on_the_calendar_is_named_as_such_not_as_a_wrong_format(cli, workspace):
    result = cli("--lang", "fr", "--root", workspace.root, "new", "--date", "2026-02-30")
    assert result.code == 2
    assert (
        "Erreur\u00a0: Valeur incorrecte pour '--date'\u00a0: "
        "2026-02-30 n’existe pas dans le calendrier\u00a0: le mois 02 a 28 jours"
    ) in result.err
    assert not (workspace.issues / "001.yaml").exists()


def test_schema_command_writes_next_to_the_issues(cli, workspace, tmp_path):
    result = cli("--root", workspace.root, "schema")
    assert result.code == 0 and "wrote" in result.out
    assert (workspace.issues / "issue.schema.json").read_text(encoding="utf-8") == dumps("issue")
    assert "# yaml-language-server: $schema=issue.schema.json" in result.err
    elsewhere = cli("--root", workspace.root, "schema", "--out", tmp_path / "schemas")
    assert elsewhere.code == 0 and (tmp_path / "schemas" / "layout.schema.json").is_file()


def test_schema_command_outside_a_workspace(cli, tmp_path):
    result = cli("--root", tmp_path, "schema")
    assert result.code == 1 and "no issues/ folder here" in result.err
    assert not (tmp_path / "issues").exists()
