"""Tests of the numbering rules `check` applies to the whole series."""

from __future__ import annotations

from conftest import issue


def reported(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("issues/")]


def test_two_issues_with_one_number_is_an_error_naming_both_files(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    workspace.write("002.yaml", issue(1, "2021-02-09"))
    result = cli("--root", workspace.root, "check")
    assert result.code == 1
    assert reported(result.err) == ["issues/002.yaml:1:9: number: issue number 1 is already used by issues/001.yaml"]
    built = cli("--root", workspace.root, "build")
    assert built.code == 1 and built.err.splitlines()[-1] == "built 1, refused 1: issues/002.yaml"
    assert [path.name for path in workspace.pdfs()] == ["20210205_lettre-de-crise_n01_a4.pdf"]


def test_a_gap_in_the_numbers_is_a_warning_at_the_number(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    workspace.write("004.yaml", issue(4, "2021-02-19"))
    result = cli("--root", workspace.root, "check")
    assert result.code == 0
    assert reported(result.err) == [
        "issues/004.yaml:1:9: warning: number: no issue n° 2 to 3 between issues/001.yaml (n° 1) and this one (n° 4)"
    ]


def test_one_missing_number_is_named_alone(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    workspace.write("003.yaml", issue(3, "2021-02-19"))
    assert "no issue n° 2 between" in cli("--root", workspace.root, "check").err


def test_a_date_going_backwards_is_a_warning_at_the_date(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-09"))
    workspace.write("002.yaml", issue(2, "2021-02-05"))
    result = cli("--root", workspace.root, "check")
    assert result.code == 0
    assert reported(result.err) == [
        "issues/002.yaml:2:7: warning: date: dated 2021-02-05, before issue n° 1 (2021-02-09, issues/001.yaml)"
    ]
    assert cli("--root", workspace.root, "check", "--strict").code == 1


def test_a_series_in_order_gets_no_numbering_warning(cli, workspace):
    for number, date in ((1, "2021-02-05"), (2, "2021-02-05"), (3, "2021-02-12")):
        workspace.write(f"{number:03d}.yaml", issue(number, date))
    result = cli("--root", workspace.root, "check")
    assert (result.code, reported(result.err)) == (0, [])


def test_checking_some_issues_does_not_report_the_others_as_missing(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    workspace.write("002.yaml", issue(2, "2021-02-09"))
    workspace.write("003.yaml", issue(3, "2021-02-12"))
    result = cli("--root", workspace.root, "check", "1", "3")
    assert (result.code, reported(result.err)) == (0, [])
