"""Dates that cannot be right are errors at the date to correct."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import MINIMAL_ISSUE, issue


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


def test_a_date_more_than_two_years_from_today_is_a_warning_that_gives_today(cli, workspace, today):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("2021-02-", "2062-02-"))
    checked = cli("--root", workspace.root, "check")
    assert checked.code == 0
    assert checked.err.splitlines() == [
        "issues/001.yaml:2:7: warning: date: 2062-02-05 is more than two years from today (2021-02-05): "
        "is the year right?",
        "    hint: write this issue's date, like 2021-02-05",
        "0 error(s), 1 warning(s)",
        "ok: 1 issue(s) checked",
    ]
    assert cli("--root", workspace.root, "check", "--strict").code == 1


def test_an_old_series_is_not_warned_of_as_a_whole_even_one_issue_at_a_time(cli, workspace, monkeypatch):
    from newsletter.checks import dates

    monkeypatch.setattr(dates, "today", lambda: dt.date(2026, 12, 2))
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    workspace.write("002.yaml", issue(2, "2021-02-12"))
    assert cli("--root", workspace.root, "check").err.splitlines() == ["ok: 2 issue(s) checked"]
    assert cli("--root", workspace.root, "check", "2").err.splitlines() == ["ok: 1 issue(s) checked"]
    workspace.write("003.yaml", issue(3, "2012-02-19"))  # 2021 typed 2012
    assert "issues/003.yaml:2:7: warning: date: 2012-02-19 is more than two years from today (2026-12-02)" in (
        cli("--root", workspace.root, "check").err
    )


def test_a_next_issue_announced_years_after_this_one_is_a_warning(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("next_issue: 2021-02-12", "next_issue: 2031-02-12"))
    assert cli("--root", workspace.root, "check").err.splitlines()[:2] == [
        "issues/001.yaml:4:13: warning: next_issue: the next issue is announced for 2031-02-12, more than two years "
        "after this one: is the year right?",
        "    hint: write the date the next issue will come out",
    ]
