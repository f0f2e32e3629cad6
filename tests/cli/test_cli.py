"""Tests of the `newsletter` command's entry point: exit codes, messages on stderr, no traceback, nothing written
on errors, Ctrl-C, output that cannot be written (the options: test_app.py; each command: test_commands.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import MINIMAL_ISSUE, REPO

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


# --- usage errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (("build", "--no-such-option"), "No such option"),
        (("frobnicate",), "No such command"),
        (("build", "--layout"), "requires an argument"),
    ],
)
def test_usage_errors_exit_2_on_stderr(cli, args, message):
    result = cli(*args)
    assert result.code == 2
    assert message in result.err and result.out == ""
    assert "Traceback" not in result.output


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


def test_all_broken_files_are_reported_in_one_run_and_the_valid_issues_are_built(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", BROKEN["date"][0].replace("number: 1", "number: 2"))
    workspace.write("003.yaml", BROKEN["tab"][0].replace("number: 1", "number: 3"))
    result = cli("--root", workspace.root, "build")
    assert result.code == 1
    assert "issues/002.yaml:2:7: date:" in result.err and "issues/003.yaml:5:1:" in result.err
    assert result.err.splitlines()[-2:] == [
        "2 error(s), 0 warning(s)",
        "built 1, refused 2: issues/002.yaml, issues/003.yaml",
    ]
    assert [path.name for path in workspace.pdfs()] == ["20210205_lettre-de-crise_n01_a4.pdf"]
    again = cli("--root", workspace.root, "build")  # not "up to date": the refused issues are said again
    assert again.code == 1 and again.err.splitlines()[-1] == "built 1, refused 2: issues/002.yaml, issues/003.yaml"


def test_an_error_every_issue_depends_on_stops_the_whole_build(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    publication = workspace.issues / "publication.yaml"
    publication.write_text(publication.read_text(encoding="utf-8").replace("title:", "titel:"), encoding="utf-8")
    result = cli("--root", workspace.root, "build")
    assert result.code == 1 and result.err.splitlines()[-1].startswith("nothing was built")
    assert not workspace.out.exists()


def test_an_internal_error_is_one_line_with_the_debug_hint(cli, workspace, monkeypatch):
    import newsletter.build.plan

    def broken(*args, **kwargs):
        raise RuntimeError("something unexpected")

    monkeypatch.setattr(newsletter.build.plan, "plan", broken)
    result = cli("--root", workspace.root, "check")
    assert result.code == 1
    assert result.err.splitlines() == [
        "internal error: RuntimeError: something unexpected (rerun with --debug for details)"
    ]
    with pytest.raises(RuntimeError):
        cli("--root", workspace.root, "--debug", "check")


# --- Ctrl-C ---------------------------------------------------------------------------------------

INTERRUPTED = (
    "interrupted: the files written before Ctrl-C are complete, and no half-written file was left; "
    "run the command again to finish"
)


def test_ctrl_c_during_a_command_is_exit_130_with_what_to_do(cli, workspace, monkeypatch):
    import newsletter.build.plan

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(newsletter.build.plan, "plan", stopped)
    result = cli("--root", workspace.root, "check")
    assert (result.code, result.out, result.err) == (130, "", INTERRUPTED + "\n")


def test_ctrl_c_outside_a_command_is_said_the_same_way(cli, monkeypatch):
    import newsletter.cli

    def stopped(app, *options):
        raise KeyboardInterrupt

    monkeypatch.setattr(newsletter.cli, "command", stopped)
    result = cli("check")
    assert (result.code, result.err.splitlines()) == (130, [INTERRUPTED])


# --- the installed command and `python -m newsletter` ----------------------------------------------


def test_python_dash_m_newsletter_works():
    result = subprocess.run(
        [sys.executable, "-m", "newsletter", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    for command in ("check", "build", "list"):
        assert command in result.stdout


class _Ended(Exception):
    """Stands for os._exit in these tests: the code the process would end with."""


@pytest.mark.parametrize(
    "ending, code, said",
    [
        (None, 0, ""),
        (SystemExit(None), 0, ""),
        (SystemExit(2), 2, ""),
        (SystemExit("stopped"), 1, "stopped\n"),
    ],
)
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
    result = subprocess.run(
        [sys.executable, "-m", "newsletter", "--root", str(workspace.root), "check"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 1
    assert "issues/001.yaml:2:7: date: expected a date written YYYY-MM-DD" in result.stderr
    assert result.stderr.rstrip().endswith("1 error(s), 0 warning(s)")


@pytest.mark.parametrize(
    "failure, code",
    [
        (BrokenPipeError(32, "Broken pipe"), 0),  # the reader went away (`| head`): quietly
        (OSError(28, "No space left on device"), 120),  # output lost: said by the exit code, as Python does
    ],
)
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
