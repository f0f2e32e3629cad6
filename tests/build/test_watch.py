"""`newsletter watch`: a rebuild after each save, a broken save reported without stopping, a clean Ctrl-C."""

from __future__ import annotations

import os

import pytest
from pypdf import PdfReader

from conftest import MINIMAL_ISSUE
from newsletter.build import watch
from newsletter.build.watch import Watcher, newest_issue
from newsletter.errors import InputError


class Recorder:
    def __init__(self):
        self.lines: list[str] = []
        self.diagnostics: list[str] = []

    def say(self, line: str) -> None:
        self.lines.append(line)

    def problems(self, diagnostics) -> None:
        self.diagnostics += [str(d) for d in diagnostics]


def watcher(workspace, recorder: Recorder, issue: str = "1") -> Watcher:
    return Watcher(workspace.root, issue, [], workspace.out, say=recorder.say, problems=recorder.problems)


def pdf_text(workspace) -> str:
    [pdf] = workspace.pdfs()
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def save(path, text: str) -> None:
    """Save like an editor does, with a modification time that surely differs from the last one."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


def test_a_save_rebuilds_the_pdf(workspace):
    issue = workspace.write("001.yaml", MINIMAL_ISSUE)
    recorder = Recorder()
    watching = watcher(workspace, recorder)
    watching.build()
    assert "Les téléphones fonctionnent" in pdf_text(workspace)
    assert recorder.lines[-1].startswith("rebuilt out/") and recorder.lines[-1].endswith(" s")
    assert watching.poll() is False  # nothing changed, nothing rebuilt

    save(issue, MINIMAL_ISSUE.replace("Les téléphones fonctionnent", "La messagerie revient"))
    assert watching.poll() is True
    assert recorder.lines[-2] == "changed: issues/001.yaml"
    assert "La messagerie revient" in pdf_text(workspace)


def test_a_workspace_with_no_issue_to_watch_is_told_so_in_french(workspace, french):
    with pytest.raises(InputError) as raised:
        watch.issue_to_watch(workspace.root, None)
    [diagnostic] = raised.value.diagnostics
    assert diagnostic.message == "aucun fichier de numéro à surveiller"
    assert diagnostic.hint == "lancez `newsletter new` pour en créer un, ou indiquez le fichier du numéro"


def test_a_broken_save_is_reported_and_the_next_one_rebuilt(workspace):
    issue = workspace.write("001.yaml", MINIMAL_ISSUE)
    recorder = Recorder()
    watching = watcher(workspace, recorder)
    watching.build()
    built = workspace.pdfs()[0].read_bytes()

    save(issue, MINIMAL_ISSUE + "do:\n\t- Attendez\n")
    assert watching.poll() is True
    assert any(line.startswith("issues/001.yaml:6:1: a tab character") for line in recorder.diagnostics)
    assert recorder.lines[-1].startswith("not rebuilt: fix the errors above")
    assert workspace.pdfs()[0].read_bytes() == built

    save(issue, MINIMAL_ISSUE.replace("Les téléphones fonctionnent", "Réparé"))
    assert watching.poll() is True and "Réparé" in pdf_text(workspace)


def test_a_file_deleted_and_saved_again_is_rebuilt(workspace):
    # some editors save by deleting the file and writing a new one
    issue = workspace.write("001.yaml", MINIMAL_ISSUE)
    recorder = Recorder()
    watching = watcher(workspace, recorder)
    watching.build()
    issue.unlink()
    assert watching.poll() is True
    assert recorder.lines[-1].startswith("not rebuilt: fix the errors above")
    save(issue, MINIMAL_ISSUE.replace("Les téléphones fonctionnent", "De retour"))
    assert watching.poll() is True and "De retour" in pdf_text(workspace)


def test_an_internal_error_is_one_line_and_the_watch_goes_on(workspace, monkeypatch):
    issue = workspace.write("001.yaml", MINIMAL_ISSUE)
    recorder = Recorder()
    watching = watcher(workspace, recorder)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(watch, "build_all", broken)
    watching.build()
    assert recorder.lines[-1] == "internal error: RuntimeError: disk on fire; the next save is rebuilt"
    monkeypatch.undo()
    save(issue, MINIMAL_ISSUE.replace("Les téléphones fonctionnent", "Réparé"))
    assert watching.poll() is True and "Réparé" in pdf_text(workspace)


def test_an_unknown_layout_is_reported_with_a_suggestion(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    recorder = Recorder()
    Watcher(workspace.root, "1", ["journal-a44"], workspace.out, say=recorder.say, problems=recorder.problems).build()
    assert any("did you mean `journal-a4`?" in line for line in recorder.diagnostics)
    assert recorder.lines[-1].startswith("not rebuilt") and not workspace.pdfs()


def test_the_publication_and_images_are_watched_too(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    recorder = Recorder()
    watching = watcher(workspace, recorder)
    watching.build()
    logo = workspace.root / "assets" / "logo.png"
    publication = workspace.issues / "publication.yaml"
    assert {publication.resolve(), logo.resolve()} <= watching.files

    save(publication, publication.read_text(encoding="utf-8").replace("Journal interne", "Bulletin interne"))
    assert watching.poll() is True and "Bulletin interne des agents" in pdf_text(workspace)

    os.utime(logo, ns=(logo.stat().st_mtime_ns + 10**9,) * 2)
    assert watching.poll() is True and recorder.lines[-2] == "changed: assets/logo.png"


def test_run_polls_at_the_interval_until_stopped(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    recorder = Recorder()
    sleeps: list[float] = []
    polls = iter([False, False, False, True])
    watcher(workspace, recorder).run(stop=lambda: next(polls), sleep=sleeps.append)
    assert sleeps == [watch.INTERVAL_SECONDS] * 3
    assert recorder.lines[1].startswith("watching ") and "issues/001.yaml" in recorder.lines[1]
    assert sum(line.startswith("rebuilt") for line in recorder.lines) == 1  # built once, nothing changed since


def test_the_newest_issue_is_watched_by_default(workspace):
    assert newest_issue(workspace.root) is None
    for name in ("001.yaml", "009.yaml", "010.yaml"):
        workspace.write(name, MINIMAL_ISSUE)
    assert newest_issue(workspace.root).endswith("010.yaml")


def test_watch_command_stops_cleanly_on_ctrl_c(cli, workspace, monkeypatch):
    workspace.write("001.yaml", MINIMAL_ISSUE)

    def interrupted(self, *args, **kwargs):
        self.build()
        raise KeyboardInterrupt

    monkeypatch.setattr(Watcher, "run", interrupted)
    result = cli("--root", workspace.root, "watch")
    assert result.code == 0 and "stopped watching" in result.err
    assert "rebuilt out/" in result.out and len(workspace.pdfs()) == 1


def test_watch_command_without_issues(cli, workspace):
    result = cli("--root", workspace.root, "watch")
    assert result.code == 1 and "no issue file to watch" in result.err


def test_a_newer_issue_is_followed_only_when_no_issue_was_named(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    following, named = Recorder(), Recorder()
    newest = Watcher(
        workspace.root,
        newest_issue(workspace.root),
        [],
        workspace.out,
        say=following.say,
        problems=following.problems,
        follow_newest=True,
    )
    first = watcher(workspace, named)
    newest.build()
    first.build()
    assert not newest.poll() and not first.poll()
    save(
        workspace.issues / "002.yaml",
        MINIMAL_ISSUE.replace("number: 1", "number: 2")
        .replace("date: 2021-02-05", "date: 2021-02-12")
        .replace("next_issue: 2021-02-12", "next_issue: 2021-02-19"),
    )
    assert newest.poll() and not first.poll()
    assert "now watching the newest issue, issues/002.yaml" in following.lines
    assert sorted(path.name[9:] for path in workspace.pdfs()) == [
        "lettre-de-crise_n01_a4.pdf",
        "lettre-de-crise_n02_a4.pdf",
    ]
    save(workspace.issues / "002.yaml", (workspace.issues / "002.yaml").read_text(encoding="utf-8") + "lead: Suite.\n")
    assert newest.poll() and "changed: issues/002.yaml" in following.lines


def test_a_save_while_a_build_writes_the_output_folder_waits_then_says_who_holds_it(workspace, monkeypatch):
    from newsletter import lock

    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)
    workspace.write("001.yaml", MINIMAL_ISSUE)
    recorder = Recorder()
    with lock.exclusive(workspace.out, "build", "the output folder"):
        watcher(workspace, recorder).build()
    assert not workspace.pdfs()
    assert any(f"is being written by `newsletter build` (process {os.getpid()}" in d for d in recorder.diagnostics)
    watcher(workspace, recorder).build()  # the lock released, the next save is built
    assert "Les téléphones fonctionnent" in pdf_text(workspace)
