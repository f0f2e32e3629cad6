"""What a field holds: each kind reads text, or records a located problem that says what it found."""

import datetime

import pytest

from newsletter.errors import Problem, field_path
from newsletter.model.declare import Invalid
from newsletter.model.formats import Issue, Tip
from newsletter.model.kinds import FAILED, Boolean, Kind, ListOf, Nullable, Text


def problems_of(kind: Kind, value, key: str = "name") -> list[tuple[str, str, str | None]]:
    """The problems of a value ``kind`` refuses, read as the field ``key``."""
    problems: list[Problem] = []
    assert kind.read(value, (key,), problems) is FAILED
    return [(field_path(p.loc), p.message, p.hint) for p in problems]


def test_blank_text_is_refused_when_required_and_absent_when_optional():
    assert problems_of(Text("name"), "\u200b") == [("name", "this name is empty", "write the text, or remove the line")]
    problems: list[Problem] = []
    assert Text(blank="absent").read(" ", ("note",), problems) is None
    assert not problems


def test_text_refuses_lists_and_groups_and_says_what_it_found():
    hint = "write the text on the same line as the key, in quotes if it contains ': ' or ' #'"
    assert problems_of(Text("name"), ["a"]) == [("name", "expected text, found a list", hint)]
    assert problems_of(Nullable(Text()), {"a": "b"}, "maybe") == [
        ("maybe", "expected text, found a group of `key: value` lines", hint)
    ]


def test_a_text_item_typed_with_a_colon_is_said_to_need_quotes():
    assert problems_of(ListOf(Text()), [{"Gardez vos justificatifs": "tout sera remboursé"}], "tags") == [
        (
            "tags[1]",
            "the text contains ': ', which YAML reads as the start of a new `key: value`",
            'put the whole text of the item in quotes: - "Gardez vos justificatifs: tout sera remboursé"',
        )
    ]


def test_a_text_item_typed_with_a_colon_is_said_in_french(french):
    [(_field, message, hint)] = problems_of(ListOf(Text()), [{"Attention": "pas de clé USB"}], "tags")
    assert message == "le texte contient «\u00a0: \u00a0», que YAML lit comme le début d’un nouveau `clé: valeur`"
    assert hint == 'mettez tout le texte de l’élément entre guillemets\u00a0: - "Attention: pas de clé USB"'


def test_a_list_entry_is_located_by_its_index():
    assert problems_of(ListOf(Text()), ["a", ["b"]], "tags")[0][0] == "tags[2]"


def test_typed_texts_say_what_they_expect_whatever_they_found():
    with pytest.raises(Invalid) as raised:
        Issue.parse({"number": {"a": "b"}, "date": ["2021-02-05"], "headline": "x", "time": "7h75"})
    assert [problem.message for problem in raised.value.problems] == [
        "expected a whole number above zero, like 3; found a group of `key: value` lines",
        "expected a date written YYYY-MM-DD, like 2021-02-05; found a list",
        "expected a time written HH:MM, like 17:30; found '7h75'",
    ]


def test_an_issue_reads_numbers_dates_and_times_from_text():
    issue = Issue.parse(
        {
            "number": "010",
            "date": "2021-02-05",
            "time": "9h05",
            "headline": "Titre",
            "tips": ["Redémarrez", {"title": "Mots de passe", "body": "Changez-les"}],
        }
    )
    assert (issue.number, issue.date, issue.time) == (10, datetime.date(2021, 2, 5), "09:05")
    assert issue.tips == [Tip(body="Redémarrez"), Tip(title="Mots de passe", body="Changez-les")]


@pytest.mark.parametrize("typed, meant", [("oui", "yes"), ("Non", "no")])
def test_a_french_yes_or_no_is_refused_with_the_word_meant(typed, meant):
    problems: list[Problem] = []
    assert Boolean().read(typed, ("draft",), problems) is FAILED
    [problem] = problems
    assert problem.message == f"expected yes or no; found '{typed}'"
    assert (problem.hint, problem.rename) == (f"write `{meant}` ({typed} → {meant})", meant)


def test_a_french_yes_in_french(french):
    problems: list[Problem] = []
    Boolean().read("oui", ("draft",), problems)
    assert problems[0].hint == "écrivez `yes` (oui → yes)"
