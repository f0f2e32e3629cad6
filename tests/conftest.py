"""Shared fixtures: small workspaces in tmp_path, the sample issue n° 3 rendered once, the CLI in-process."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsletter import i18n

REPO = Path(__file__).resolve().parent.parent

# The tests assert the English wording whatever the machine's locale; subprocesses inherit it. A test
# asks for French with the `french` fixture (or `--lang fr` on a command line).
os.environ[i18n.ENVIRONMENT_VARIABLE] = "en"

# The smallest issue a user could write that gets no advice (it gives the next issue's date).
MINIMAL_ISSUE = """\
number: 1
date: 2021-02-05
headline: Les téléphones fonctionnent
next_issue: 2021-02-12
"""


def issue(number: int, date: str, headline: str = "Les téléphones fonctionnent") -> str:
    """The minimal issue with another number, date (YYYY-MM-DD) and headline; the next one a week later."""
    next_issue = dt.date.fromisoformat(date) + dt.timedelta(days=7)
    return (
        MINIMAL_ISSUE.replace("number: 1", f"number: {number}")
        .replace("date: 2021-02-05", f"date: {date}")
        .replace("next_issue: 2021-02-12", f"next_issue: {next_issue.isoformat()}")
        .replace("Les téléphones fonctionnent", headline)
    )


@pytest.fixture(autouse=True)
def english():
    """Every test starts in English (a test that chose French leaves no trace)."""
    i18n.use("en")


@pytest.fixture
def french(monkeypatch):
    """The test runs in French: the library's messages, and the commands it runs (in-process or not)."""
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "fr")
    i18n.use("fr")


@pytest.fixture(scope="session", autouse=True)
def font_cache(tmp_path_factory) -> Path:
    """The fonts parsed by the tests are kept in a folder of the test run, never in the user's cache."""
    folder = tmp_path_factory.mktemp("font-cache")
    os.environ["NEWSLETTER_CACHE"] = str(folder)  # subprocesses of the tests inherit it
    return folder


TODAY = dt.date(2021, 2, 5)  # the tests' issues are dated around the sample series, in February 2021


@pytest.fixture(autouse=True)
def today(monkeypatch) -> dt.date:
    """Checks measure dates from this day: a test's issue of 2021 is not years from today."""
    from newsletter.checks import dates

    monkeypatch.setattr(dates, "today", lambda: TODAY)
    return TODAY


@dataclass
class TmpWorkspace:
    """A copy of the sample publication (and its logo) with no issue yet."""

    root: Path

    @property
    def issues(self) -> Path:
        return self.root / "issues"

    @property
    def out(self) -> Path:
        return self.root / "out"

    def write(self, name: str, text: str | bytes) -> Path:
        """Write a file in ``issues/`` (``001.yaml``, ``publication.yaml`` …) and return its path."""
        path = self.issues / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def pdfs(self, folder: Path | None = None) -> list[Path]:
        folder = folder or self.out
        return sorted(folder.glob("*.pdf")) if folder.is_dir() else []


@pytest.fixture
def workspace(tmp_path: Path) -> TmpWorkspace:
    (tmp_path / "issues").mkdir()
    (tmp_path / "assets").mkdir()
    shutil.copy(REPO / "issues" / "publication.yaml", tmp_path / "issues")
    shutil.copy(REPO / "assets" / "logo.png", tmp_path / "assets")
    return TmpWorkspace(tmp_path)


@dataclass(frozen=True)
class RenderedSample:
    path: Path
    data: bytes
    pages: int


@pytest.fixture(scope="session")
def sample_issue_3(tmp_path_factory) -> RenderedSample:
    """The repository's issue n° 3 rendered once per test session (its PDF bytes are shared)."""
    from newsletter.build.plan import plan
    from newsletter.build.run import build_all

    result = plan(REPO, ["3"], [])
    assert not result.errors, [str(d) for d in result.errors]
    [built] = list(build_all(result, tmp_path_factory.mktemp("sample")))
    return RenderedSample(built.path, built.path.read_bytes(), built.pages)


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str

    @property
    def output(self) -> str:
        return self.out + self.err


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run ``newsletter ARGS…`` in-process through the real entry point (``cli.main``)."""
    from newsletter.cli import main

    def run(*args: str | Path) -> CliResult:
        monkeypatch.setattr(sys, "argv", ["newsletter", *map(str, args)])
        with pytest.raises(SystemExit) as exited:
            main()
        captured = capsys.readouterr()
        code = exited.value.code
        return CliResult(code if isinstance(code, int) else (0 if code is None else 1), captured.out, captured.err)

    return run
