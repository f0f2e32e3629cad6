"""Dates that cannot be right are errors at the date to correct."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_ISSUE


def test_a_next_issue_announced_before_this_one_is_an_error_at_its_line(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("next_issue: 2021-02-12", "next_issue: 2021-02-01"))
    checked = cli("--root", workspace.root, "check")
    assert checked.code == 1
    assert checked.err.splitlines()[:2] == [
        "issues/001.yaml:4:13: next_issue: the next issue is announced for 2021-02-01, before this issue's date "
        "(2021-02-05)",
        "    hint: write the date the next issue will come out, after this one's",
    ]
    assert cli("--root", workspace.root, "build").code == 1 and workspace.pdfs() == []


@pytest.mark.parametrize(
    ("key", "typed", "suggested"), [("date", "0021-02-05", "2021-02-05"), ("next_issue", "0021-02-12", "2021-02-12")]
)
def test_a_year_typed_short_is_an_error_that_suggests_it_in_full(cli, workspace, key, typed, suggested):
    issue = MINIMAL_ISSUE.replace(f"{key}: {suggested}", f"{key}: {typed}")
    workspace.write("001.yaml", issue)
    checked = cli("--root", workspace.root, "check")
    assert checked.code == 1
    assert f"{key}: {typed} is before 1990: the year looks typed short" in checked.err
    assert f"hint: write the year in full, like {suggested}" in checked.err
    assert "announced for" not in checked.err  # one mistake, one message


def test_a_next_issue_on_the_same_day_or_later_is_fine(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("next_issue: 2021-02-12", "next_issue: 2021-02-05"))
    assert cli("--root", workspace.root, "check").code == 0
