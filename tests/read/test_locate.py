"""Tests of locating a problem found at a field path: the ``file:line:column`` and the field users see."""

from __future__ import annotations

import pytest

from newsletter.errors import Diagnostic, Problem
from newsletter.read import SlipsFound, parse_yaml
from newsletter.read.locate import beside_slips, locate, locate_all

ISSUE = """\
number: 3
headline: Les postes reviennent
faq:
  - q: Quand ?
    a: |
      Lundi matin.
      Le technicien passe avec son badge ★ à l'accueil.
  - q: Et le badge ?
    a: Gardez le badge ★ sur vous.
contacts:
  - name: Anne Morvan
"""


@pytest.fixture
def source():
    return parse_yaml(ISSUE, "issues/003.yaml")


def test_a_problem_is_located_at_its_value_with_the_field_users_read(source):
    found = locate(Problem(("faq", 1, "q"), "this question has no question mark", "end it with ?"), source)
    assert found == Diagnostic(
        "issues/003.yaml", "this question has no question mark", 8, 8, "faq[2].q", "end it with ?", "error"
    )
    assert str(found) == "issues/003.yaml:8:8: faq[2].q: this question has no question mark\n    hint: end it with ?"


def test_a_problem_at_key_is_located_at_the_key_itself(source):
    key = locate(Problem(("headline",), "unknown key", at_key=True), source)
    assert (key.line, key.column, key.field) == (2, 1, "headline")
    inside = locate(Problem(("faq", 0, "a"), "unknown key", at_key=True), source)
    assert (inside.line, inside.column, inside.field) == (5, 5, "faq[1].a")


def test_a_typed_text_is_located_on_its_own_line_inside_a_multi_line_value(source):
    found = locate(Problem(("faq", 0, "a"), "the character '★' cannot be printed", typed="★"), source)
    assert (found.line, found.column, found.field) == (7, 42, "faq[1].a")
    assert source.lines[found.line - 1][found.column - 1] == "★"


def test_a_typed_text_is_looked_for_in_its_own_value_only(source):
    later = locate(Problem(("faq", 0, "a"), "not typed as such", typed="Gardez"), source)
    assert (later.line, later.column) == (5, 8)  # the value's start, not the next answer's "Gardez"
    own = locate(Problem(("faq", 1, "a"), "the character '★' cannot be printed", typed="★"), source)
    assert (own.line, own.column) == (9, 24)
    assert source.lines[own.line - 1][own.column - 1] == "★"


def test_a_missing_key_is_located_at_its_parent(source):
    phone = locate(Problem(("contacts", 0, "phone"), "the required key `phone` is missing"), source)
    assert (phone.line, phone.column, phone.field) == (11, 5, "contacts[1].phone")
    date = locate(Problem(("date",), "the required key `date` is missing"), source)
    assert (date.line, date.column, date.field) == (1, 1, "date")
    no_key = locate(Problem(("date",), "the required key `date` is missing", at_key=True), source)
    assert (no_key.line, no_key.column) == (1, 1)  # no key to point at: its parent, like a value


def test_a_problem_of_the_whole_file_has_no_field(source):
    found = locate(Problem((), "the file holds no issue"), source)
    assert (found.line, found.column, found.field) == (1, 1, None)
    assert str(found) == "issues/003.yaml:1:1: the file holds no issue"


def test_the_severity_is_kept(source):
    warning = locate(Problem(("headline",), "long", severity="warning"), source)
    assert str(warning) == "issues/003.yaml:2:11: warning: headline: long"


def test_every_problem_is_located_in_the_order_given(source):
    found = locate_all([Problem(("contacts", 0, "name"), "b"), Problem(("number",), "a")], source)
    assert [(d.message, d.line, d.column) for d in found] == [("b", 11, 11), ("a", 1, 9)]
    assert locate_all([], source) == []


# --- the problems of a tree read around slips: none that only follows from a slip -------------------


def beside(text: str, problems: list[Problem]) -> list[str]:
    with pytest.raises(SlipsFound) as raised:
        parse_yaml(text, "issues/003.yaml")
    return [d.location() + f" {d.field}" for d in beside_slips(problems, raised.value.recovered)]


SLIPPED = "number: 3\nheadline: Reprise : les postes\ndo:\n\t- Attendez\nstatus:\n  - system: Paie\n    state: x\n"


def test_a_key_whose_line_was_set_aside_is_not_missing():
    missing = Problem(("headline",), "the required key `headline` is missing")
    assert beside("number: 3\n  headline: Titre\n", [missing]) == []  # indented too far: its line set aside
    assert beside("number: 3\nlead: Texte : suite\n", [missing]) == ["issues/003.yaml:1:1 headline"]


def test_a_value_set_aside_or_holding_a_line_set_aside_is_not_wrong():
    assert beside(SLIPPED, [Problem(("headline",), "empty"), Problem(("do",), "expected a list")]) == []


def test_the_rest_of_the_file_and_its_keys_are_reported():
    problems = [Problem(("status", 0, "state"), "expected one of"), Problem(("status",), "x", at_key=True)]
    assert beside(SLIPPED, problems) == ["issues/003.yaml:7:12 status[1].state", "issues/003.yaml:5:1 status"]


def test_a_key_is_not_reported_when_the_slip_is_in_the_key_itself():
    unknown = Problem(("headline\u00a0",), "unknown key", at_key=True)
    assert beside("number: 3\nheadline\u00a0: Titre\n", [unknown]) == []
    assert beside("number: 3\ntitre: Reprise : les postes\n", [Problem(("titre",), "unknown key", at_key=True)]) == [
        "issues/003.yaml:2:1 titre"
    ]
