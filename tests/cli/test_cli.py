"""Tests of the `newsletter` command: exit codes, messages on stderr, no traceback, nothing written on errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import MINIMAL_ISSUE, REPO
from newsletter import __version__

# Files a new user really writes wrong, each with the `file:line:col: field` its error must show.
BROKEN = {
    "tab": ("number: 1\ndate: 2021-02-05\nheadline: Titre\ndo:\n\t- Attendez\n", "issues/001.yaml:5:1"),
    "colon": ("number: 1\ndate: 2021-02-05\nheadline: Attention: danger\n", "issues/001.yaml:3:20"),
    "star": ("number: 1\ndate: 2021-02-05\nheadline: *Important*\n", "issues/001.yaml:3:11"),
    "quote": ('number: 1\ndate: 2021-02-05\nheadline: "Titre\n', "issues/001.yaml:3:11"),
    "latin-1": ("number: 1\ndate: 2021-02-05\nheadline: caf\xe9\n".encode("latin-1"), "issues/001.yaml:3:14"),
    "date": ("number: 1\ndate: 05/02/2021\nheadline: Titre\n", "issues/001.yaml:2:7: date:"),
    "empty answer": (MINIMAL_ISSUE + "faq:\n  - q: Et la paie ?\n    a:\n", "issues/001.yaml:7:7: faq[1].a:"),
    "unknown key": (MINIMAL_ISSUE + "headlines: x\n", "issues/001.yaml:5:1: headlines:"),
    "duplicate key": (MINIMAL_ISSUE + "headline: Autre\n", "issues/001.yaml:5:1: headline:"),
    "list": ("- number: 1\n", "issues/001.yaml:1:1"),
    "empty file": ("", "issues/001.yaml"),
    "binary": (bytes(range(256)), "issues/001.yaml"),
    "alias bomb": ('a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n', "issues/001.yaml"),
}


# --- exit codes and the basics ----------------------------------------------------------------


def test_version(cli):
    result = cli("--version")
    assert (result.code, result.out.strip()) == (0, f"newsletter {__version__}")


@pytest.mark.parametrize("args, message", [
    (("build", "--no-such-option"), "No such option"),
    (("frobnicate",), "No such command"),
    (("build", "--layout"), "requires an argument"),
])
def test_usage_errors_exit_2_on_stderr(cli, args, message):
    result = cli(*args)
    assert result.code == 2
    assert message in result.err and result.out == ""
    assert "Traceback" not in result.output


def test_no_command_shows_the_help(cli):
    result = cli()
    assert result.code == 2 and "build" in result.output and "Traceback" not in result.output


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


def test_root_defaults_to_the_current_folder(cli, workspace, monkeypatch):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    monkeypatch.chdir(workspace.root)
    result = cli("build")
    assert result.code == 0
    assert [p.name for p in workspace.pdfs()] == ["20210205_lettre-de-crise_n01_a4.pdf"]


def test_a_folder_without_a_workspace_says_so(cli, tmp_path):
    result = cli("--root", tmp_path, "check")
    assert result.code == 1
    assert "issues/publication.yaml: the publication file is missing" in result.err
    assert "--root" in result.err


# --- errors: on stderr, located, no traceback, nothing written ----------------------------------


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_file_is_exit_1_located_and_builds_nothing(cli, workspace, case):
    text, location = BROKEN[case]
    workspace.write("001.yaml", text)
    for command in ("check", "build"):
        result = cli("--root", workspace.root, command)
        assert result.code == 1, (command, result.output)
        assert result.out == ""  # messages go to stderr
        assert location in result.err
        assert "Traceback" not in result.output and "Error:" not in result.output
    assert not workspace.out.exists()


def test_all_broken_files_are_reported_in_one_run(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", BROKEN["date"][0].replace("number: 1", "number: 2"))
    workspace.write("003.yaml", BROKEN["tab"][0].replace("number: 1", "number: 3"))
    result = cli("--root", workspace.root, "build")
    assert result.code == 1
    assert "issues/002.yaml:2:7: date:" in result.err and "issues/003.yaml:5:1:" in result.err
    assert "2 error(s)" in result.err
    assert "nothing was built" in result.err
    assert not workspace.out.exists()


def test_an_unknown_issue_number_is_an_error(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "build", "7")
    assert result.code == 1 and "issue 7: no issue has the number 7" in result.err
    assert "newsletter list" in result.err


def test_an_unknown_layout_suggests_the_nearest(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "build", "--layout", "journal-a44")
    assert result.code == 1 and "did you mean `journal-a4`?" in result.err


def test_warnings_do_not_fail_unless_strict(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("next_issue: 2021-02-12\n", ""))
    result = cli("--root", workspace.root, "check")
    assert result.code == 0 and "warning: number: no `next_issue` date" in result.err
    assert cli("--root", workspace.root, "check", "--strict").code == 1


def test_an_internal_error_is_one_line_with_the_debug_hint(cli, workspace, monkeypatch):
    import newsletter.build.plan

    def broken(*args, **kwargs):
        raise RuntimeError("something unexpected")

    monkeypatch.setattr(newsletter.build.plan, "plan", broken)
    result = cli("--root", workspace.root, "check")
    assert result.code == 1
    assert result.err.splitlines() == ["internal error: RuntimeError: something unexpected "
                                       "(rerun with --debug for details)"]
    with pytest.raises(RuntimeError):
        cli("--root", workspace.root, "--debug", "check")


# --- build and list -------------------------------------------------------------------------------


def test_build_prints_one_line_per_pdf_with_its_page_count(cli, workspace, tmp_path):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", MINIMAL_ISSUE.replace("number: 1", "number: 2").replace("2021-02-05", "2021-02-09"))
    out = tmp_path / "printed" / "february"
    result = cli("--root", workspace.root, "build", "--out", out)
    assert result.code == 0
    assert result.out.splitlines() == [
        f"wrote {out / '20210205_lettre-de-crise_n01_a4.pdf'} (1 page) [1/2]",
        f"wrote {out / '20210209_lettre-de-crise_n02_a4.pdf'} (1 page) [2/2]",
    ]
    assert result.err == ""
    assert [p.name for p in workspace.pdfs(out)] == [
        "20210205_lettre-de-crise_n01_a4.pdf", "20210209_lettre-de-crise_n02_a4.pdf"]


def test_list_shows_each_issue_and_what_is_built(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", MINIMAL_ISSUE.replace("number: 1", "number: 2")
                    .replace("Les téléphones fonctionnent", "La messagerie revient"))
    before = cli("--root", workspace.root, "list")
    assert before.code == 0
    lines = before.out.splitlines()
    assert len(lines) == 2
    assert lines[0].split()[:2] == ["1", "2021-02-05"] and "Les téléphones fonctionnent" in lines[0]
    assert "La messagerie revient" in lines[1] and "journal-a4: missing" in lines[1]
    assert cli("--root", workspace.root, "build", "2").code == 0
    after = cli("--root", workspace.root, "list").out.splitlines()
    assert "journal-a4: missing" in after[0] and "journal-a4: up to date" in after[1]


def test_list_of_the_sample_series(cli):
    lines = cli("--root", REPO, "list").out.splitlines()
    assert [line.split()[0] for line in lines] == ["1", "2", "3", "4", "5", "6"]
    assert "Les premiers outils reviennent, service par service" in lines[2]


def test_python_dash_m_newsletter_works():
    result = subprocess.run([sys.executable, "-m", "newsletter", "--help"], cwd=REPO, capture_output=True,
                            text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    for command in ("check", "build", "list"):
        assert command in result.stdout


class _Ended(Exception):
    """Stands for os._exit in these tests: the code the process would end with."""


@pytest.mark.parametrize("ending, code, said", [
    (None, 0, ""), (SystemExit(None), 0, ""), (SystemExit(2), 2, ""), (SystemExit("stopped"), 1, "stopped\n"),
])
def test_the_installed_command_ends_with_mains_code_and_flushed_output(monkeypatch, capsys, ending, code, said):
    from newsletter import cli

    def main():
        print("wrote out/a.pdf")
        if ending is not None:
            raise ending

    def hard_exit(status):
        raise _Ended(status)

    monkeypatch.setattr(cli, "main", main)
    monkeypatch.setattr(cli.os, "_exit", hard_exit)
    with pytest.raises(_Ended) as ended:
        cli.run()
    assert ended.value.args == (code,)
    assert capsys.readouterr() == ("wrote out/a.pdf\n", said)


def test_the_command_as_a_process_reports_errors_and_their_exit_code(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("2021-02-05", "05/02/2021"))
    result = subprocess.run([sys.executable, "-m", "newsletter", "--root", str(workspace.root), "check"],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 1
    assert "issues/001.yaml:2:7: date: expected a date written YYYY-MM-DD" in result.stderr
    assert result.stderr.rstrip().endswith("1 error(s), 0 warning(s)")


@pytest.mark.parametrize("failure, code", [
    (BrokenPipeError(32, "Broken pipe"), 0),             # the reader went away (`| head`): quietly
    (OSError(28, "No space left on device"), 120),      # output lost: said by the exit code, as Python does
])
def test_the_installed_command_when_its_output_cannot_be_flushed(monkeypatch, failure, code):
    from newsletter import cli

    class Failing:
        def flush(self):
            raise failure

    monkeypatch.setattr(cli, "main", lambda: None)
    monkeypatch.setattr(cli.os, "_exit", lambda status: (_ for _ in ()).throw(_Ended(status)))
    monkeypatch.setattr(cli.sys, "stdout", Failing())
    with pytest.raises(_Ended) as ended:
        cli.run()
    assert ended.value.args == (code,)
