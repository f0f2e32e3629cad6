"""The commands: what each one prints, on which stream, with which exit code (`init` and `new`: tests/scaffold/,
`archive`: tests/archive/, `watch`: tests/build/test_watch.py, `schema`: tests/scaffold/test_schemas.py)."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_ISSUE, REPO

# --- check ----------------------------------------------------------------------------------------


def test_the_sample_series_checks_clean(cli):
    result = cli("--root", REPO, "check")
    assert result.code == 0
    assert result.err.strip() == "ok: 6 issue(s) checked"


def test_check_one_issue_by_number_or_path(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    broken = workspace.write("002.yaml", "number: 2\n")
    assert cli("--root", workspace.root, "check", "1").code == 0
    result = cli("--root", workspace.root, "check", broken)
    assert result.code == 1 and "the required key `date` is missing" in result.err


def test_warnings_do_not_fail_unless_strict(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("next_issue: 2021-02-12\n", ""))
    result = cli("--root", workspace.root, "check")
    assert result.code == 0 and "issues/001.yaml:1:1: warning: next_issue: no `next_issue` date" in result.err
    assert cli("--root", workspace.root, "check", "--strict").code == 1


def test_check_writes_nothing_and_prints_nothing_on_stdout(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "check", "--layout", "poster-a3")
    assert (result.code, result.out, result.err) == (0, "", "ok: 1 issue(s) checked\n")
    assert sorted(path.name for path in workspace.root.iterdir()) == ["assets", "issues"]


def test_check_says_which_problems_fix_mends_and_fix_mends_them(cli, workspace):
    path = workspace.write("001.yaml", MINIMAL_ISSUE.replace("headline:", "titre:") + "lead: Réseau : coupé\n")
    result = cli("--root", workspace.root, "check")
    assert result.code == 1
    assert result.err.splitlines() == [  # the keys are checked beside the YAML slip: `--fix` mends both in one run
        "issues/001.yaml:3:1: titre: unknown key `titre`",
        "    hint: did you mean `headline`? (`newsletter check --fix` does it)",
        "issues/001.yaml:5:14: lead: the text contains ': ', which YAML reads as the start of a new `key: value`",
        '    hint: put the whole text in quotes: lead: "Réseau : coupé" (`newsletter check --fix` does it)',
        "2 error(s), 0 warning(s)",
    ]
    fixed = cli("--root", workspace.root, "check", "--fix")
    assert (fixed.code, fixed.out) == (
        0,
        "--- issues/001.yaml\n+++ issues/001.yaml (mended)\n"
        "@@ -3 +3 @@\n-titre: Les téléphones fonctionnent\n+headline: Les téléphones fonctionnent\n"
        '@@ -5 +5 @@\n-lead: Réseau : coupé\n+lead: "Réseau : coupé"\n',
    )
    assert fixed.err == "mended issues/001.yaml; the original is kept as 001.yaml.bak\nok: 1 issue(s) checked\n"
    assert path.read_text(encoding="utf-8") == MINIMAL_ISSUE + 'lead: "Réseau : coupé"\n'
    again = cli("--root", workspace.root, "check", "--fix", "--no-backup")
    assert (again.code, again.out, again.err) == (0, "", "ok: 1 issue(s) checked\n")


PASTED_LINE = (  # a UTF-8 issue with a line pasted from a Windows-1252 file: `check`, then `check --fix`
    "headline: Reprise des logiciels métiers\n".encode()
    + "dont:\n  - Ne répondez pas aux SMS.\n".encode("cp1252")
    + "faq:\n  - q: Les congés sont-ils maintenus ?\n    a: Oui.\n".encode()
)
FIX_PASTED_LINE = {
    "en": (
        "issues/001.yaml:6:9: byte 0xE9 at line 6, column 9 is not UTF-8",
        "issues/001.yaml: saved as UTF-8: 1 character of this UTF-8 file was in Windows-1252 (Latin-1), as in "
        "a line pasted from another file; the other characters are unchanged\n"
        "mended issues/001.yaml; the original is kept as 001.yaml.bak\nok: 1 issue(s) checked\n",
        "(mended)",
    ),
    "fr": (
        "issues/001.yaml:6:9: l’octet 0xE9 en ligne 6, colonne 9 n’est pas de l’UTF-8",
        "issues/001.yaml\u00a0: enregistré en UTF-8\u00a0: 1 caractère de ce fichier UTF-8 était en Windows-1252 "
        "(Latin-1), comme dans une ligne collée d’un autre fichier\u00a0; les autres caractères sont inchangés\n"
        "issues/001.yaml corrigé\u00a0; l’original est gardé sous le nom 001.yaml.bak\nok\u00a0: 1 numéro vérifié\n",
        "(corrigé)",
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_fix_mends_a_line_pasted_in_windows_1252_alone_and_shows_it(cli, workspace, lang):
    path = workspace.write("001.yaml", MINIMAL_ISSUE.replace("headline: Les téléphones fonctionnent\n", "").encode())
    path.write_bytes(path.read_bytes() + PASTED_LINE)
    at, said, mended = FIX_PASTED_LINE[lang]
    checked = cli("--lang", lang, "--root", workspace.root, "check")
    assert checked.code == 1 and checked.err.startswith(at + "\n")
    fixed = cli("--lang", lang, "--root", workspace.root, "check", "--fix")
    assert (fixed.code, fixed.err) == (0, said)
    assert fixed.out == (
        f"--- issues/001.yaml\n+++ issues/001.yaml {mended}\n"
        "@@ -6 +6 @@\n-  - Ne r\\xe9pondez pas aux SMS.\n+  - Ne répondez pas aux SMS.\n"
    )
    assert path.read_text(encoding="utf-8").endswith(
        "headline: Reprise des logiciels métiers\ndont:\n  - Ne répondez pas aux SMS.\n"
        "faq:\n  - q: Les congés sont-ils maintenus ?\n    a: Oui.\n"
    )


# --- build ----------------------------------------------------------------------------------------


def test_an_unknown_issue_number_is_an_error(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "build", "7")
    assert result.code == 1 and "issue 7: not found: no file in issues/ has `number: 7`" in result.err
    assert "newsletter list" in result.err


def test_an_unknown_issue_number_is_said_in_french(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--lang", "fr", "--root", workspace.root, "export", "7")
    assert result.code == 1
    assert result.err.startswith(
        "numéro 7: introuvable\u00a0: aucun fichier du dossier issues/ n’a `number: 7`\n"
        "    conseil\u00a0: `newsletter list` affiche les numéros de la série\n"
    )
    missing = cli("--lang", "fr", "--root", workspace.root, "build", "issues/nope.yaml")
    assert missing.err.startswith(
        "issues/nope.yaml: ce fichier de numéro n’existe pas\n"
        "    conseil\u00a0: donnez le numéro (3) ou le chemin de son fichier YAML\n"
    )


def test_an_unknown_layout_suggests_the_nearest(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "build", "--layout", "journal-a44")
    assert result.code == 1 and "did you mean `journal-a4`?" in result.err


def test_build_prints_one_line_per_pdf_with_its_page_count(cli, workspace, tmp_path):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", MINIMAL_ISSUE.replace("number: 1", "number: 2").replace("2021-02-05", "2021-02-09"))
    out = tmp_path / "february"
    result = cli("--root", workspace.root, "build", "--out", out)
    assert result.code == 0
    assert result.out.splitlines() == [
        f"wrote {out / '20210205_lettre-de-crise_n01_a4.pdf'} (1 page) [1/2]",
        f"wrote {out / '20210209_lettre-de-crise_n02_a4.pdf'} (1 page) [2/2]",
    ]
    assert result.err == f"created the folder {out}\n"
    assert [p.name for p in workspace.pdfs(out)] == [
        "20210205_lettre-de-crise_n01_a4.pdf",
        "20210209_lettre-de-crise_n02_a4.pdf",
    ]


# Three key messages of seven long sentences each, with no hotline nor contacts for a back page: two pages
# and a few lines, that no spacing within the layout's range brings back to two pages, nor spreads over four.
SENTENCE = "Les équipes vérifient chaque poste avant de le rendre, service par service, sans exception aucune. "
UNFITTABLE = MINIMAL_ISSUE + f'lead: "{SENTENCE * 3}"\nessentials:\n' + f'  - "{SENTENCE * 7}"\n' * 3

WARNINGS_OVER = {
    "en": "issues/001.yaml: warning: journal-a5: 12 lines over 2 pages: printed on 4 pages, with a page less than "
    "half full (cut 12 lines to print 2 pages)",
    "fr": "issues/001.yaml: avertissement : journal-a5 : 12 lignes de trop pour 2 pages : imprimé sur 4 pages, "
    "dont une remplie à moins de la moitié (coupez 12 lignes pour tenir en 2 pages)",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_build_warns_of_an_issue_that_cannot_fit_its_pages_with_the_lines_over(cli, workspace, lang, request):
    if lang == "fr":
        request.getfixturevalue("french")
    workspace.write("publication.yaml", "title: Lettre de crise\n")
    workspace.write("001.yaml", UNFITTABLE)
    result = cli("--root", workspace.root, "build", "--layout", "journal-a5")
    assert result.code == 0, result.err
    assert WARNINGS_OVER[lang].replace(" :", "\u00a0:") in result.err.splitlines()


@pytest.mark.parametrize(
    "command",
    [
        ("build", "--out", "archive"),
        ("build", "1", "--out", "archive/html"),
        ("export", "1", "--out", "archive/manifest.json"),
        ("schema", "--out", "archive"),
        ("faq", "--out", "archive"),
        ("build", "--out", "usb"),  # a copy of the archive: it holds a manifest
    ],
)
def test_no_command_but_archive_writes_into_an_archive(cli, workspace, command):
    workspace.write("001.yaml", MINIMAL_ISSUE + "faq:\n  - q: Puis-je allumer mon ordinateur ?\n    a: Non.\n")
    (workspace.root / "archive" / "html").mkdir(parents=True)
    (workspace.root / "archive" / "manifest.json").write_text('{"format": 1, "files": {}}', encoding="utf-8")
    (workspace.root / "usb").mkdir()
    (workspace.root / "usb" / "manifest.json").write_text('{"format": 1, "files": {}}', encoding="utf-8")
    before = sorted(workspace.root.rglob("*"))
    args = [
        str(workspace.root / arg) if arg in ("archive", "archive/html", "archive/manifest.json", "usb") else arg
        for arg in command
    ]
    result = cli("--root", workspace.root, *args)
    assert result.code == 1
    assert "only `newsletter archive` writes there" in result.err and "choose another --out" in result.err
    assert sorted(workspace.root.rglob("*")) == before
    assert (workspace.root / "archive" / "manifest.json").read_text(encoding="utf-8") == '{"format": 1, "files": {}}'


def test_build_names_each_print_option_in_the_file_it_writes(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "build", "--grayscale", "--bleed", "3")
    assert result.code == 0
    assert result.out == f"wrote {workspace.out / '20210205_lettre-de-crise_n01_a4-grayscale-bleed3mm.pdf'} (1 page)\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (("--bleed", "11"), "Invalid value for '--bleed': 11.0 is not in the range 0<=x<=10."),
        (("--bleed", "-1"), "Invalid value for '--bleed'"),
        (("--impose", "leaflet"), "Invalid value for '--impose': 'leaflet' is not one of 'booklet'."),
    ],
)
def test_build_options_out_of_their_range_are_usage_errors(cli, workspace, args, message):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "build", *args)
    assert result.code == 2 and message in result.err
    assert not workspace.out.exists()


# --- list -----------------------------------------------------------------------------------------


def test_list_shows_each_issue_and_what_is_built(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write(
        "002.yaml",
        MINIMAL_ISSUE.replace("number: 1", "number: 2").replace("Les téléphones fonctionnent", "La messagerie revient"),
    )
    before = cli("--root", workspace.root, "list")
    assert before.code == 0
    lines = before.out.splitlines()
    assert len(lines) == 2
    assert lines[0].split()[:2] == ["1", "2021-02-05"] and "Les téléphones fonctionnent" in lines[0]
    assert "La messagerie revient" in lines[1] and "journal-a4: missing" in lines[1]
    assert cli("--root", workspace.root, "build", "2").code == 0
    after = cli("--root", workspace.root, "list").out.splitlines()
    assert "journal-a4: missing" in after[0] and "journal-a4: up to date" in after[1]


def test_list_says_the_state_of_each_pdf_in_french(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    assert cli("--lang", "fr", "--root", workspace.root, "list").out.endswith("[journal-a4: absent]\n")
    assert cli("--root", workspace.root, "build", "1").code == 0
    assert cli("--lang", "fr", "--root", workspace.root, "list").out.endswith("[journal-a4: à jour]\n")


def test_list_of_the_sample_series(cli):
    lines = cli("--root", REPO, "list").out.splitlines()
    assert [line.split()[0] for line in lines] == ["1", "2", "3", "4", "5", "6"]
    assert "Les premiers outils reviennent, service par service" in lines[2]


def test_list_shows_an_issue_just_made_by_new_as_in_progress_not_as_errors(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    assert cli("--root", workspace.root, "new").code == 0
    result = cli("--root", workspace.root, "list")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[1] == (
        "  2  2021-02-12  À ÉCRIRE : le titre principal  [in progress (5 placeholder texts left), journal-a4: missing]"
    )
    french = cli("--lang", "fr", "--root", workspace.root, "list").out.splitlines()[1]
    assert french.endswith("[en cours d’écriture (5 textes «\u00a0À ÉCRIRE\u00a0» restants), journal-a4: absent]")


def test_list_shows_the_issues_that_load_and_reports_the_others(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", "number: 2\n")
    result = cli("--root", workspace.root, "list")
    assert result.code == 1
    assert result.out == "  1  2021-02-05  Les téléphones fonctionnent  [journal-a4: missing]\n"  # no poster: section
    assert "issues/002.yaml:1:1: date: the required key `date` is missing" in result.err


def test_faq_writes_the_book_then_says_it_is_up_to_date(cli, workspace):
    from faqseries import write_series

    write_series(workspace)
    first = cli("--root", workspace.root, "faq", "--out", workspace.root / "book")
    assert first.code == 0, first.output
    assert first.out.splitlines() == [
        f"wrote {workspace.root / 'book' / name}"
        for name in (
            "20210219_lettre-de-crise_faq.pdf",
            "20210219_lettre-de-crise_faq.html",
            "20210219_lettre-de-crise_faq-phone.txt",
            "20210219_lettre-de-crise_faq.md",
        )
    ]
    assert "2 questions in the book" in first.err
    again = cli("--root", workspace.root, "faq", "--out", workspace.root / "book")
    assert again.out == "up to date: 4 (--force writes them again)\n"


def test_build_proof_writes_a_proof_beside_the_copy_to_print_and_the_archive_never_takes_it(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + "approved:\n  by: Claire Dubois\n  on: 2021-02-05\n")
    assert cli("--root", workspace.root, "build").code == 0
    copy = workspace.out / "20210205_lettre-de-crise_n01_a4.pdf"
    before = copy.read_bytes()
    proof = cli("--root", workspace.root, "build", "--proof", "--force")
    assert proof.code == 0, proof.output
    assert proof.out.splitlines()[0].startswith(f"wrote {workspace.out / '20210205_lettre-de-crise_n01_a4-proof.pdf'}")
    assert copy.read_bytes() == before
    assert cli("--root", workspace.root, "archive").code == 0
    assert not [path for path in (workspace.root / "archive").rglob("*") if "proof" in path.name]
