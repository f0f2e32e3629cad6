"""The archive tests' workspace: two issues archived once per session (journal only), copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO, issue

# Approved, as the issues a team archives are (an issue never approved is a warning of its own).
APPROVED = 'approved:\n  by: Claire Dubois, DGS\n  "on": 2021-02-04\n'


@pytest.fixture(scope="session")
def archived_once(tmp_path_factory) -> Path:
    """Two issues, approved and archived once per session (journal only)."""
    from newsletter.archive import record as archive
    from newsletter.build.plan import plan

    root = tmp_path_factory.mktemp("archived")
    (root / "issues").mkdir()
    (root / "assets").mkdir()
    shutil.copy(REPO / "issues" / "publication.yaml", root / "issues")
    shutil.copy(REPO / "assets" / "logo.png", root / "assets")
    (root / "issues" / "001.yaml").write_text(issue(1, "2021-02-05") + APPROVED, encoding="utf-8")
    (root / "issues" / "002.yaml").write_text(
        issue(2, "2021-02-09", "La messagerie revient") + APPROVED, encoding="utf-8"
    )
    result = plan(root, [], ["journal-a4"])
    assert not result.errors
    archive.make_archive(result, root / "archive")
    return root


@pytest.fixture
def root(archived_once, tmp_path) -> Path:
    copy = tmp_path / "workspace"
    shutil.copytree(archived_once, copy)
    return copy
