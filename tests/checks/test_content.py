"""An author's slips that print as typed: a bold left open, a question asked twice, a sign-off dated
after the issue or in the future. Warnings at the line to look at."""

from __future__ import annotations

import datetime as dt

from conftest import MINIMAL_ISSUE
from newsletter.checks.content import content_problems
from newsletter.model.formats import Issue
from newsletter.read import parse_yaml

FAQ = "faq:\n  - q: Puis-je imprimer ?\n    a: Oui, **rien ne change. Les *congés* sont maintenus.\n"


def problems(text: str, on: dt.date = dt.date(2021, 2, 5)) -> list:
    data = parse_yaml(text, "issues/001.yaml").data
    return content_problems(data, Issue.parse(data), on)


def test_a_bold_left_open_is_a_warning_at_its_stars(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + FAQ)
    checked = cli("--root", workspace.root, "check")
    assert checked.code == 0
    assert checked.err.splitlines()[:2] == [
        "issues/001.yaml:7:13: warning: faq[1].a: `**` is not closed: it prints as typed, and the words after it "
        "are not in bold",
        "    hint: close the bold with `**` after the last word to stress, or remove the `**`",
    ]


def test_a_bold_left_open_in_french(cli, workspace, french):
    workspace.write("001.yaml", MINIMAL_ISSUE + FAQ)
    assert (
        "faq[1].a: `**` n’est pas refermé\u00a0: il s’imprime tel quel, et les mots qui le suivent ne sont pas en gras"
    ) in cli("--root", workspace.root, "check").err


def test_a_closed_bold_and_a_lone_star_are_not_warned():
    assert problems(MINIMAL_ISSUE + "lead: Un **mot** en gras, et 5 * 3 = 15.\n") == []


def test_the_same_question_twice_is_a_warning_at_the_second():
    text = MINIMAL_ISSUE + "faq:\n  - q: Puis-je imprimer ?\n    a: Oui.\n  - q: puis-je  imprimer?\n    a: Non.\n"
    [found] = problems(text)
    assert (found.loc, found.severity) == (("faq", 1, "q"), "warning")
    assert found.message == "this question is already asked in faq[1]"
    assert found.hint == "keep one: merge the two answers into it, then delete the other question"


def test_a_sign_off_after_the_issue_or_in_the_future_is_a_warning():
    approved = MINIMAL_ISSUE + "approved:\n  by: Claire Dubois, DGS\n  on: {on}\n"
    [late] = problems(approved.format(on="2021-02-06"), on=dt.date(2021, 3, 1))
    assert (late.loc, late.severity) == (("approved", "on"), "warning")
    assert late.message == (
        "the sign-off is dated 2021-02-06, after the issue's date (2021-02-05): an issue is approved before it goes out"
    )
    [future] = problems(approved.format(on="2021-02-04"), on=dt.date(2021, 2, 1))
    assert future.message == "the sign-off is dated 2021-02-04, after today (2021-02-01)"
    assert problems(approved.format(on="2021-02-05")) == []
