"""The application's shared options (--root, --version, no address for a folder or file) and how
diagnostics are presented: each on stderr, then one line that counts them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MINIMAL_ISSUE, REPO
from newsletter import __version__, i18n
from newsletter.cli.app import choose_language, on_this_computer, report
from newsletter.errors import Diagnostic

ERROR = Diagnostic("issues/001.yaml", "the required key `date` is missing", 1, 1, "date", "write the date")
WARNING = Diagnostic("issues/001.yaml", "no `next_issue` date", 1, 9, "number", severity="warning")


# --- report ---------------------------------------------------------------------------------------


def test_report_prints_each_diagnostic_then_counts_them_on_stderr(capsys):
    assert report([ERROR, WARNING]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "issues/001.yaml:1:1: date: the required key `date` is missing",
        "    hint: write the date",
        "issues/001.yaml:1:9: warning: number: no `next_issue` date",
        "1 error(s), 1 warning(s)",
    ]


def test_each_files_problems_are_in_line_order_whichever_stage_found_them(cli, workspace):
    """A reading warning (a text cut at ` # `) after a check's error (a phone number) in the file."""
    workspace.write(
        "001.yaml",
        MINIMAL_ISSUE + "contacts:\n  - name: Accueil\n    phone: 02 41 05 40\nlead: Appelez le 4012 # standard\n",
    )
    result = cli("--root", workspace.root, "check")
    assert [line.split(": ")[0] for line in result.err.splitlines() if line.startswith("issues/")] == [
        "issues/001.yaml:7:12",
        "issues/001.yaml:8:23",
    ]


def test_warnings_alone_exit_0(capsys):
    assert report([WARNING, WARNING]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "0 error(s), 2 warning(s)"


def test_nothing_to_report_prints_nothing(capsys):
    assert report([]) == 0
    assert capsys.readouterr() == ("", "")


# --- the shared options ---------------------------------------------------------------------------


def test_version(cli):
    result = cli("--version")
    assert (result.code, result.out.strip()) == (0, f"newsletter {__version__}")


def test_no_command_shows_the_help(cli):
    result = cli()
    assert result.code == 2 and "build" in result.output and "Traceback" not in result.output


def test_root_defaults_to_the_current_folder(cli, workspace, monkeypatch):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    monkeypatch.chdir(workspace.root)
    result = cli("build")
    assert result.code == 0
    assert [p.name for p in workspace.pdfs()] == ["20210205_lettre-de-crise_n01_a4.pdf"]


def test_root_names_the_workspace_from_anywhere(cli, workspace, tmp_path, monkeypatch):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = cli("--root", workspace.root, "check")
    assert (result.code, result.err.strip()) == (0, "ok: 1 issue(s) checked")
    assert list(elsewhere.iterdir()) == []


def test_a_folder_without_a_workspace_says_so(cli, tmp_path):
    result = cli("--root", tmp_path, "check")
    assert result.code == 1
    assert "issues/publication.yaml: the publication file is missing" in result.err
    assert "--root" in result.err


# --- an address is never a folder or a file -------------------------------------------------------


@pytest.mark.parametrize(
    "args, option",
    [
        (("--root", "https://intranet.example/journal", "check"), "'--root'"),
        (("--root", "{ws}", "build", "--out", "//serveur/partage/pdf"), "'--out' / '-o'"),
        (("--root", "{ws}", "list", "--out", "file:///C:/journal/out"), "'--out' / '-o'"),
        (("--root", "{ws}", "export", "1", "--out", "https://intranet.example/page.html"), "'--out' / '-o'"),
        (("--root", "{ws}", "archive", "--out", "\\\\serveur\\archive"), "'--out' / '-o'"),
        (("--root", "{ws}", "schema", "--out", "https://schemas.example/"), "'--out' / '-o'"),
        (("init", "//serveur/partage/journal"), "'FOLDER'"),
    ],
)
def test_an_address_given_for_a_folder_or_file_is_a_usage_error(cli, workspace, args, option):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli(*(arg.replace("{ws}", str(workspace.root)) for arg in args))
    assert result.code == 2, result.output
    assert f"Invalid value for {option}" in result.err
    assert "is an address (URL); give a folder or file on this computer" in result.err
    assert "Traceback" not in result.output
    assert sorted(path.name for path in workspace.root.iterdir()) == ["assets", "issues"]  # nothing written


def test_a_folder_or_file_on_this_computer_is_taken_as_it_is():
    import typer  # here, not above: newsletter.cli must be imported first, for Typer's plain output

    assert on_this_computer(Path("out/pdf")) == Path("out/pdf")
    assert on_this_computer(Path("C:/journal/out")) == Path("C:/journal/out")
    assert on_this_computer(None) is None
    with pytest.raises(typer.BadParameter, match=r"is an address \(URL\)"):
        on_this_computer(Path("https://intranet.example/"))


# --- --root before or after the command -------------------------------------------------------------

ROOT_AFTER = [
    ("check",),
    ("build", "1"),
    ("faq",),
    ("list",),
    ("init",),
    ("kits",),
    ("new", "--date", "2021-02-12"),
    ("archive", "1", "--layout", "journal-a4"),
    ("layouts",),
    ("export", "1", "--format", "sms"),
    ("schema",),
    ("watch",),  # in a workspace with no issue: it says so and stops
]


def test_every_command_is_tested_with_root_after_it():
    from newsletter.cli import app
    from newsletter.cli.chrome import command

    assert sorted(name for name, *_args in ROOT_AFTER) == sorted(command(app).commands)


@pytest.mark.parametrize("args", ROOT_AFTER, ids=lambda args: args[0])
def test_root_may_follow_the_command_and_does_what_it_does_before_it(cli, tmp_path, args):
    said = []
    for place in ("before", "after"):
        root = tmp_path / place
        (root / "issues").mkdir(parents=True)
        if args[0] == "init":
            (root / "issues").rmdir()
        else:
            shutil.copy(REPO / "issues" / "publication.yaml", root / "issues")
        if args[0] not in ("init", "watch"):
            (root / "issues" / "001.yaml").write_text(MINIMAL_ISSUE, encoding="utf-8")
        line = ("--root", root, *args) if place == "before" else (*args, "--root", root)
        result = cli(*line)
        said.append((result.code, result.output.replace(str(root), "ROOT")))
        assert (root / "issues" / "publication.yaml").is_file()  # init wrote it there
    assert said[0] == said[1]
    assert "No such option" not in said[1][1]


# --- --out: in a folder that exists -----------------------------------------------------------------

OUT_IN_NO_FOLDER = {
    "en": "Error: Invalid value for '--out' / '-o': {path}: the folder {folder} does not exist; check the path (a "
    "typing mistake? a USB key not plugged in?): --out makes only the last folder of a path",
    "fr": "Erreur\u00a0: Valeur incorrecte pour '--out' / '-o'\u00a0: {path}\u00a0: le dossier {folder} n’existe "
    "pas\u00a0; vérifiez le chemin (une faute de frappe\u00a0? une clé USB non branchée\u00a0?)\u00a0: --out ne crée "
    "que le dernier dossier d’un chemin",
}
CREATED = {"en": "created the folder {path}", "fr": "dossier créé\u00a0: {path}"}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("command", [("build", "1"), ("faq",), ("archive", "1"), ("schema",), ("export", "1")])
def test_an_out_path_in_a_folder_that_does_not_exist_is_refused(cli, workspace, tmp_path, lang, command):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    mistyped = tmp_path / "media" / "usb" / "journal"
    result = cli("--lang", lang, "--root", workspace.root, *command, "--out", f"{mistyped}/")
    assert result.code == 2
    assert result.err.splitlines()[-1] == OUT_IN_NO_FOLDER[lang].format(path=mistyped, folder=mistyped.parent)
    assert not (tmp_path / "media").exists()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_last_folder_of_out_is_made_and_said(cli, workspace, tmp_path, lang):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    new = tmp_path / "usb"
    result = cli("--lang", lang, "--root", workspace.root, "build", "1", "--out", new)
    assert result.code == 0 and result.err.splitlines()[0] == CREATED[lang].format(path=new)
    assert [path.name for path in workspace.pdfs(new)] == ["20210205_lettre-de-crise_n01_a4.pdf"]
    again = cli("--lang", lang, "--root", workspace.root, "build", "1", "--out", new, "--force")
    assert again.code == 0 and CREATED[lang].format(path=new) not in again.err


# --- the language -----------------------------------------------------------------------------------


@pytest.fixture
def no_language(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # not the repository, whose publication is in French
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "NEWSLETTER_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--lang", "fr", "check"], "fr"),
        (["check", "--lang=fr"], "fr"),
        (["check", "--lang", "fr", "--lang", "en"], "en"),
        (["check", "--", "--lang", "fr"], "en"),
        (["check"], "en"),
    ],
)
def test_the_language_is_read_from_the_command_line_before_it_is_parsed(no_language, args, expected):
    assert choose_language(args) == expected
    assert i18n.current() == expected


def test_the_workspace_named_by_root_gives_its_publication_language(no_language, workspace):
    workspace.write("publication.yaml", "title: Le Lien\nlanguage: fr\n")
    assert choose_language(["--root", str(workspace.root), "check"]) == "fr"
    assert choose_language([f"--root={workspace.root}", "check", "--lang", "en"]) == "en"


def test_a_report_in_french(capsys, french):
    assert report([ERROR, WARNING, WARNING]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "1 erreur, 2 avertissements"
