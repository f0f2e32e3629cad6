"""Running a build: the PDFs written, in order, never over an input."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import MINIMAL_ISSUE, REPO
from newsletter.build import plan as planning
from newsletter.build.run import build_all
from newsletter.errors import InputError


def second_issue() -> str:
    return MINIMAL_ISSUE.replace("number: 1", "number: 2").replace("2021-02-05", "2021-02-09")


def test_build_all_creates_the_output_folder_and_writes_one_pdf_per_issue(workspace, tmp_path):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", second_issue())
    out = tmp_path / "a" / "new" / "folder"
    built = list(build_all(planning.plan(workspace.root, [], []), out))
    assert [(b.path.name, b.pages) for b in built] == [
        ("20210205_lettre-de-crise_n01_a4.pdf", 1),
        ("20210209_lettre-de-crise_n02_a4.pdf", 1),
    ]
    assert all(b.path.parent == out and b.path.read_bytes().startswith(b"%PDF-") for b in built)


def test_an_output_that_would_overwrite_an_input_is_refused_before_writing(workspace):
    name = "20210205_lettre-de-crise_n01_a4.pdf"
    trap = workspace.write(name, MINIMAL_ISSUE)
    result = planning.plan(workspace.root, [str(trap)], [])
    with pytest.raises(InputError) as raised:
        list(build_all(result, workspace.issues))
    assert "overwrite one of the input files" in raised.value.diagnostics[0].message
    assert trap.read_text(encoding="utf-8") == MINIMAL_ISSUE


def test_a_parallel_build_writes_the_same_bytes_in_the_same_order_as_a_serial_one(tmp_path):
    from newsletter.build.plan import plan
    from newsletter.build.run import build_all

    result = plan(REPO, ["1", "2", "3"], ["journal-a4"])
    serial = list(build_all(result, tmp_path / "serial", workers=1))
    parallel = list(build_all(result, tmp_path / "parallel", workers=2))
    assert [b.path.name for b in serial] == [b.path.name for b in parallel]
    for one, other in zip(serial, parallel, strict=True):
        assert one.path.read_bytes() == other.path.read_bytes()


def test_a_booklet_reports_its_sheets_and_sides(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    built = cli("--root", workspace.root, "build", "1", "--layout", "journal-a5", "--impose", "booklet")
    assert built.code == 0, built.err
    path = workspace.out / "20210205_lettre-de-crise_n01_a5-booklet.pdf"
    assert built.out == f"wrote {path} (2 pages of A5 on 1 A4 sheet printed on both sides: 2 sides)\n"


@pytest.mark.parametrize(
    ("language", "named"),
    [
        ("en", r"warning: journal-a5 \(booklet\): \d+ lines? over 4 pages"),
        ("fr", r"journal-a5 \(livret\)\xa0: \d+ lignes?"),
    ],
)
def test_a_booklet_s_copy_fitting_warning_names_the_booklet_not_the_a5_journal(cli, tmp_path, language, named):
    # the sample issue n° 1 takes 6 pages of A5: over the 4 of a booklet of one sheet, under the 8 of two
    booklet = ["build", "1", "--layout", "journal-a5", "--impose", "booklet", "--out", tmp_path]
    built = cli("--root", REPO, "--lang", language, *booklet)
    assert built.code == 0, built.err
    [warning] = [line for line in built.err.splitlines() if "journal-a5" in line]
    assert warning.startswith("issues/001.yaml: ") and re.search(named, warning)


def test_a_draft_named_alone_is_printed_as_a_proof_marked_not_to_distribute(cli, workspace):
    import pypdf

    workspace.write("001.yaml", MINIMAL_ISSUE + "draft: yes\n")
    built = cli("--root", workspace.root, "build", "1")
    assert built.code == 0, built.err
    path = workspace.out / "20210205_lettre-de-crise_n01_a4-proof.pdf"
    assert built.out == f"wrote {path} (1 page)\n"
    assert built.err == (
        "issues/001.yaml says `draft: yes`: printed as a proof, every page marked not to distribute "
        "(write `draft: no` to print it for distribution)\n"
    )
    assert "ÉPREUVE — NE PAS DIFFUSER" in pypdf.PdfReader(path).pages[0].extract_text()
    assert workspace.pdfs() == [path]


def test_a_booklet_of_another_layout_than_the_a5_journal_is_refused(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    built = cli("--root", workspace.root, "build", "1", "--layout", "poster-a3", "--impose", "booklet")
    assert built.code == 1
    assert built.err.splitlines() == [
        "--layout poster-a3: --impose booklet folds the pages of an A5 journal two by two on A4 sheets; "
        "poster-a3 is a poster on A3 portrait",
        "    hint: build the booklet with --layout journal-a5 --impose booklet, and poster-a3 without --impose",
        "1 error(s), 0 warning(s)",
        "nothing was built: fix the errors above and run the command again",
    ]
    assert workspace.pdfs() == []


# --- issue 15: the pool's workers never outlive the command nor hold its output ------------------


def children_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def gone(pid: int) -> bool:
    """Ended (a zombie left for its adopter to reap counts as ended)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or (os.cpu_count() or 1) < 2, reason="Linux, two cores")
@pytest.mark.parametrize(
    "how, watchdog",
    [("SIGKILL", False), ("SIGTERM", False), ("SIGHUP", False), ("SIGKILL", True)],  # names: Windows lacks some
)
def test_killing_a_build_ends_its_workers_and_its_output(tmp_path, how, watchdog):
    """``watchdog``: as on systems without PR_SET_PDEATHSIG (the forked workers inherit the stand-in)."""
    for part in ("issues", "assets"):
        shutil.copytree(REPO / part, tmp_path / part)
    arguments = ["newsletter", "--root", str(tmp_path), "build", "--force"]
    without = "import newsletter.build.run as run; run._die_with_parent = lambda: False; " if watchdog else ""
    script = f"import sys; {without}sys.argv = {arguments!r}; from newsletter.cli import run; run()"
    command = [sys.executable, "-c", script]
    build = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)  # as `| cat` reads it
    deadline = time.monotonic() + 60
    while len(workers := children_of(build.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(workers) >= 2, "the build started no pool"
    build.send_signal(getattr(signal, how))
    build.wait()
    ended = threading.Event()
    threading.Thread(target=lambda: (build.stdout.read(), ended.set()), daemon=True).start()
    assert ended.wait(10), "the command's output stays open after it ended"
    deadline = time.monotonic() + 10
    while not all(gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(gone(pid) for pid in workers), "a worker outlived the command"


def test_a_worker_whose_parent_is_gone_ends(monkeypatch):
    from newsletter.build import run

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)

    def ended(code):
        raise SystemExit(code)

    monkeypatch.setattr(run.os, "_exit", ended)
    with pytest.raises(SystemExit):
        run._watch_parent(int(dead.stdout), interval=0.01)  # the watchdog of systems without PR_SET_PDEATHSIG
    assert run._parent_alive(os.getppid())
    assert not run._parent_alive(int(dead.stdout))


def test_a_worker_started_after_its_command_ended_ends():
    """The command's number is taken before the fork: a worker asking for its parent once the command
    has gone would get the adopter's number and live on (seen as a worker outliving a killed build)."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    worker = "import sys; from newsletter.build.run import bind_to_parent; bind_to_parent(int(sys.argv[1]))"
    assert subprocess.run([sys.executable, "-c", worker, dead.stdout.strip()]).returncode == 1
    assert subprocess.run([sys.executable, "-c", worker, str(os.getpid())]).returncode == 0


def test_a_build_removes_what_killed_builds_left_and_nothing_else(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    workspace.out.mkdir()
    left = workspace.out / f".20210205_lettre-de-crise_n01_a4.pdf.{int(dead.stdout)}.x1y2z3ab.tmp"
    users = [workspace.out / ".notes.tmp", workspace.out / "rapport.pdf.tmp"]
    for path in [left, *users]:
        path.write_bytes(b"")
    result = cli("--root", workspace.root, "build")
    assert result.code == 0, result.err
    assert not left.exists() and all(path.exists() for path in users)
    assert not (workspace.out / ".newsletter.lock").exists()
