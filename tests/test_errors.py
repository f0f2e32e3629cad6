"""Tests of how a problem is written: field paths as users count, diagnostics as ``file:line:column: field``."""

from __future__ import annotations

import pytest

from newsletter.errors import Diagnostic, InputError, Problem, as_errors, field_path, in_file_order


@pytest.mark.parametrize(
    "path, text",
    [
        (("faq", 1, "a"), "faq[2].a"),
        (("faq", 0), "faq[1]"),
        (("status", 9, "state"), "status[10].state"),
        (("situation", "known", 2), "situation.known[3]"),
        (("headline",), "headline"),
        ((), ""),
    ],
)
def test_field_paths_count_list_items_from_one(path, text):
    assert field_path(path) == text


def test_a_diagnostic_reads_file_line_column_field_message_then_hint():
    found = Diagnostic("issues/003.yaml", "this answer is empty", 14, 7, "faq[2].a", "write the text")
    assert str(found) == "issues/003.yaml:14:7: faq[2].a: this answer is empty\n    hint: write the text"
    warning = Diagnostic("issues/003.yaml", "long", 2, 11, "headline", severity="warning")
    assert str(warning) == "issues/003.yaml:2:11: warning: headline: long"
    assert (
        str(Diagnostic("issues/publication.yaml", "the file is missing"))
        == "issues/publication.yaml: the file is missing"
    )


@pytest.mark.parametrize(
    "line, column, location",
    [
        (4, 9, "issues/001.yaml:4:9"),
        (4, None, "issues/001.yaml:4"),
        (None, 9, "issues/001.yaml"),  # a column means nothing without its line
        (None, None, "issues/001.yaml"),
    ],
)
def test_the_location_gives_the_line_and_column_it_knows(line, column, location):
    diagnostic = Diagnostic("issues/001.yaml", "message", line, column)
    assert diagnostic.location() == location
    assert str(diagnostic) == f"{location}: message"


def test_a_diagnostic_without_a_field_names_none_and_without_a_hint_is_one_line():
    assert str(Diagnostic("issues/001.yaml", "no issue number", 1, 1)) == "issues/001.yaml:1:1: no issue number"
    assert (
        str(Diagnostic("layouts/mine.yaml", "pale", severity="warning", hint="darker"))
        == "layouts/mine.yaml: warning: pale\n    hint: darker"
    )


def test_only_an_error_is_an_error():
    assert Diagnostic("f", "m").is_error
    assert not Diagnostic("f", "m", severity="warning").is_error


def test_strict_makes_every_warning_an_error_and_keeps_the_rest():
    warning = Diagnostic("issues/001.yaml", "long", 3, 11, "headline", "shorten it", severity="warning")
    error = Diagnostic("issues/001.yaml", "empty", 6, 8, "faq[1].a")
    assert as_errors([warning, error]) == [
        Diagnostic("issues/001.yaml", "long", 3, 11, "headline", "shorten it"),
        error,
    ]
    assert warning.severity == "warning"  # the original is left as it was
    assert as_errors([]) == []


def test_an_input_error_carries_every_diagnostic_and_says_them_all():
    diagnostics = [Diagnostic("a.yaml", "one", 1, 2), Diagnostic("b.yaml", "two", hint="do this")]
    raised = InputError(diagnostics)
    assert raised.diagnostics == diagnostics
    assert str(raised) == "a.yaml:1:2: one\nb.yaml: two\n    hint: do this"


def test_a_problem_is_an_error_at_its_value_unless_said_otherwise():
    problem = Problem(("faq", 1, "a"), "this answer is empty")
    assert (problem.hint, problem.at_key, problem.severity, problem.typed) == (None, False, "error", None)
    assert repr(problem) == "Problem('faq[2].a', 'this answer is empty')"
    assert problem == Problem(("faq", 1, "a"), "this answer is empty")  # equal problems are said once


def test_in_file_order_sorts_each_file_by_line_and_keeps_the_files_order():
    found = [
        Diagnostic("issues/002.yaml", "b", 9, 1),
        Diagnostic("issues/001.yaml", "c", 3, 5),
        Diagnostic("issues/002.yaml", "a", 2, 7),
        Diagnostic("issues/001.yaml", "whole file"),
        Diagnostic("issues/002.yaml", "a2", 2, 3),
    ]
    assert [d.message for d in in_file_order(found)] == ["a2", "a", "b", "whole file", "c"]
