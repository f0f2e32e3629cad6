"""Moving a run's files in through a journal: killed at any point, the archive ends consistent once
the next run (or --repair) has finished the same operation, and `--verify` tells the truth meanwhile.

The kill points are the fault hook of newsletter/files.py (``NEWSLETTER_TEST_KILL_AT``): the
command really stops there, as with `kill -9`, in a process of its own."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from archived import N01, edit_headline, manifest

from newsletter.archive import journal
from newsletter.files import FAULT_VARIABLE

KEPT = "20210205_lettre-de-crise_n01_a4-superseded-1.pdf"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def supersede(root: Path) -> list[str]:
    """The command `archive --supersede 1`, issue n° 1 given a new headline first."""
    edit_headline(root, 1, "Un correctif")
    return [sys.executable, "-m", "newsletter", "--root", str(root), "archive", "-l", "journal-a4", "--supersede", "1"]


def supersede_killed_at(root: Path, point: str) -> subprocess.CompletedProcess:
    """`archive --supersede 1` of issue n° 1 with a new headline, stopped at ``point``."""
    return subprocess.run(supersede(root), env={**os.environ, FAULT_VARIABLE: point}, capture_output=True, text=True)


def assert_superseded_once(cli, root: Path, original: bytes) -> None:
    """Whatever the point it was stopped at, the run again: the original kept and recorded as it was
    distributed, the correction recorded as one, every file matching its record, nothing left over."""
    files = manifest(root)
    assert (root / "archive" / KEPT).read_bytes() == original
    assert files[KEPT]["sha256"] == sha256(original) and files[KEPT]["superseded_by"] == N01
    assert files[N01]["correction_of"] == KEPT
    assert files[N01]["sha256"] == sha256((root / "archive" / N01).read_bytes()) != sha256(original)
    assert not list((root / "archive").glob("*-superseded-2.pdf"))
    assert not [path.name for path in (root / "archive").iterdir() if path.name.startswith(".")]
    verified = cli("--root", root, "archive", "--verify")
    assert verified.code == 0, verified.err


@pytest.mark.parametrize("point", ["replace#2", "journal", "rename", "move#2", "moved"])
def test_a_supersede_killed_at_any_point_is_finished_by_the_next_run(cli, root, point):
    original = (root / "archive" / N01).read_bytes()
    killed = supersede_killed_at(root, point)
    assert killed.returncode == 137, killed.stderr
    truth = cli("--root", root, "archive", "--verify")
    if point == "replace#2":  # before the journal: the archive is as it was
        assert truth.code == 0, truth.err
    else:
        assert truth.code == 1
        assert "an `archive` run was stopped while it moved its files in" in truth.err
    again = cli("--root", root, "archive", "-l", "journal-a4", "--supersede", "1")
    assert again.code == 0, again.err
    assert_superseded_once(cli, root, original)


@pytest.mark.parametrize("point", ["rename", "move#1", "move#3", "move#5", "moved"])
def test_a_run_stopped_after_its_journal_is_finished_by_repair(cli, root, point, monkeypatch):
    original = (root / "archive" / N01).read_bytes()
    killed = supersede_killed_at(root, point)
    assert killed.returncode == 137, killed.stderr
    repaired = cli("--root", root, "archive", "--repair")
    assert repaired.code == 0, repaired.err
    assert repaired.out.startswith("finished the `archive` run that was stopped while it moved its files in\n")
    assert_superseded_once(cli, root, original)


def test_a_journal_that_cannot_be_finished_changes_nothing_more(cli, root):
    (root / "archive" / journal.JOURNAL_FILE).write_text(
        json.dumps({"staging": ".staging-gone", "renames": [], "moves": [[N01, "0" * 64]]}), encoding="utf-8"
    )
    before = (root / "archive" / N01).read_bytes()
    result = cli("--root", root, "archive", "-l", "journal-a4")
    assert result.code == 1
    assert (
        f"{root / 'archive' / journal.JOURNAL_FILE}: the interrupted `archive` run cannot be finished: "
        f"{N01} is neither staged nor in the archive; nothing more was changed"
    ) in result.err
    assert (root / "archive" / N01).read_bytes() == before


def test_the_archives_own_working_files_are_not_part_of_the_record():
    for name in (".newsletter.lock", ".journal.json", ".staging-x1", ".manifest.damaged-1.json", ".a.pdf.12.ab_c.tmp"):
        assert journal.is_own(name) and not journal.is_recordable(name)
    assert not journal.is_recordable(".DS_Store")
    assert journal.is_recordable("n01_a4.pdf") and journal.is_recordable("notes.txt")


def test_two_archive_commands_at_once_supersede_once_and_leave_a_true_archive(cli, root):
    original = (root / "archive" / N01).read_bytes()
    command = supersede(root)
    both = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(process.wait(60), process.stdout.read(), process.stderr.read()) for process in both]
    for code, _, err in results:  # the second waits for the first, then finds it done (or, on a slow machine, says
        assert code == 0 or "the archive is being written by `newsletter archive` (process" in err, err  # who holds it)
    assert sum("correction:" in out for _, out, _ in results) == 1
    assert_superseded_once(cli, root, original)
