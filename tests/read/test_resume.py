"""Tests of the reading going on after a syntax slip: every slip of a file in one run, and none that only
follows from an earlier one."""

from __future__ import annotations

import pytest

from newsletter.read import resume
from newsletter.read.resume import MAX_SYNTAX_ERRORS
from tests.read.parsing import problems

pytestmark = pytest.mark.usefixtures("parser")  # every test with libyaml and with the pure-Python parser

COLON = "the text contains ': ', which YAML reads as the start of a new `key: value`"


def reported(text: str) -> list[str]:
    return [str(diagnostic) for diagnostic in problems(text)]


def test_ten_colons_in_faq_answers_are_ten_messages_in_one_run():
    faq = "".join(f"  - q: Question {n} ?\n    a: Réponse {n} : voir le service.\n" for n in range(1, 11))
    found = problems("number: 3\nfaq:\n" + faq)
    assert [(d.line, d.column, d.field, d.message) for d in found] == [
        (2 * n + 2, 17 + len(str(n)), f"faq[{n}].a", COLON) for n in range(1, 11)
    ]
    assert found[9].hint == 'put the whole text in quotes: a: "Réponse 10 : voir le service."'


def test_slips_of_every_kind_in_one_file():
    fix = " (`newsletter check --fix` does it)"
    assert reported(
        "number: 3\n"
        "headline: Attention : réseau coupé\n"
        "lead: *Important* restez chez vous\n"
        "do:\n"
        "  - @tous : réunion\n"
        "  - Gardez vos justificatifs\n"
        "dont:\n"
        "  - `rallumer` les postes\n"
    ) == [
        f"issues/003.yaml:2:21: headline: {COLON}"
        f'\n    hint: put the whole text in quotes: headline: "Attention : réseau coupé"{fix}',
        "issues/003.yaml:3:7: lead: a value starting with `*` is read by YAML as a reference to something else"
        f'\n    hint: put the whole text in quotes: lead: "*Important* restez chez vous"{fix}',
        "issues/003.yaml:5:5: do[1]: a value cannot start with `@` in YAML"
        f'\n    hint: put the whole text in quotes: - "@tous : réunion"{fix}',
        "issues/003.yaml:8:5: dont[1]: a value cannot start with a backquote (`) in YAML"
        f'\n    hint: put the whole text in quotes: - "`rallumer` les postes"{fix}',
    ]


def test_a_key_indented_too_far_is_reported_once():
    """Setting its value aside leaves the key where it cannot be: that is the same slip, not another one."""
    found = problems("headline: Titre\n  lead: Texte\nessentials:\n  - Un\n")
    assert [(d.line, d.column) for d in found] == [(2, 3)]
    assert found[0].message.startswith("`lead` is indented more than the line above")


def test_what_a_misaligned_item_holds_is_not_reported_again():
    found = problems("situation:\n  known:\n    - a\n   - b\n    - c\n  unknown: x : y\n")
    assert [(d.line, d.column, d.message) for d in found] == [
        (4, 4, "the indentation of this line does not match the lines above it"),
        (6, 14, COLON),
    ]


def test_a_quote_left_open_then_a_later_slip():
    found = problems('headline: "Attention\nlead: Le réseau : coupé\n')
    assert [(d.line, d.column) for d in found] == [(1, 11), (2, 17)]
    assert found[0].message == "this quote is never closed"


def test_problems_of_the_tree_after_a_slip_are_reported_too():
    found = problems("headline: Attention : coupe\nlead: Texte\nlead: Autre\nnote: Poste #4012\n")
    assert [(d.line, d.column, d.severity) for d in found] == [(1, 21, "error"), (3, 1, "error"), (4, 13, "error")]
    assert found[1].message == "`lead` appears twice: line 2 and line 3; keep one"


def test_a_file_of_slips_stops_at_the_limit():
    found = problems("".join(f"k{n}: a : b\n" for n in range(MAX_SYNTAX_ERRORS + 5)))
    assert len(found) == MAX_SYNTAX_ERRORS


def test_a_big_file_is_read_again_only_as_long_as_the_budget_allows(monkeypatch):
    """Each reading of a big file takes long (seconds for 1 MB): the reading goes on within a budget."""
    text = "number: 3\n" + "".join(f"k{n}: a : b\n" for n in range(5))
    monkeypatch.setattr(resume, "READING_BUDGET", len(text) * 2)  # two readings more than the first
    assert [d.line for d in problems(text)] == [2, 3, 4]
