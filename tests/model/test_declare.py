"""The declaration language: kinds read text, records collect every problem with its place."""

import datetime

import pytest

from newsletter.model.declare import (
    Boolean,
    Choice,
    Invalid,
    ListOf,
    Nullable,
    Record,
    Text,
    field,
)
from newsletter.model.formats import Issue, Tip
from newsletter.model.layout import Layout, PosterSizes


class Sample(Record):
    """A record for these tests."""

    name: str = field(Text("name"), "A required text.")
    note: str | None = field(Text(blank="absent"), "An optional text.", None)
    flag: bool = field(Boolean(), "Yes or no.", False)
    size: str = field(Choice("small", "large"), "A choice.", "small")
    tags: list[str] = field(ListOf(Text()), "Texts.", factory=list)
    maybe: str | None = field(Nullable(Text()), "Text or nothing.", None)


def problems_of(data) -> list[tuple[str, str, str | None]]:
    from newsletter.errors import field_path

    with pytest.raises(Invalid) as raised:
        Sample.parse(data)
    return [(field_path(p.loc), p.message, p.hint) for p in raised.value.problems]


def test_a_record_reads_its_fields_and_fills_defaults():
    sample = Sample.parse({"name": "Accueil", "flag": "yes", "tags": ["a", "b"]})
    assert (sample.name, sample.note, sample.flag, sample.size, sample.tags, sample.maybe) == (
        "Accueil",
        None,
        True,
        "small",
        ["a", "b"],
        None,
    )
    assert sample.dump() == {
        "name": "Accueil",
        "note": None,
        "flag": True,
        "size": "small",
        "tags": ["a", "b"],
        "maybe": None,
    }


def test_every_problem_is_reported_in_field_order_then_unknown_keys():
    assert problems_of({"note": "x", "flag": "peut-être", "size": "Large", "tags": "a", "nmae": "x"}) == [
        ("name", "the required key `name` is missing", "add a line `name: ...`"),
        ("flag", "expected true or false; found 'peut-être'", None),
        ("size", "expected one of 'small' or 'large'; found 'Large'", "did you mean `large`?"),
        ("tags", "expected a list, found the text 'a'", "write each entry on its own line starting with `- `"),
        ("nmae", "unknown key `nmae`", "did you mean `name`?"),
    ]


def test_blank_text_is_refused_when_required_and_absent_when_optional():
    assert problems_of({"name": "\u200b"}) == [("name", "this name is empty", "write the text, or remove the line")]
    assert Sample.parse({"name": "x", "note": " "}).note is None


def test_text_refuses_lists_and_groups_and_says_what_it_found():
    assert problems_of({"name": ["a"], "maybe": {"a": "b"}}) == [
        (
            "name",
            "expected text, found a list",
            "write the text on the same line as the key, in quotes if it contains ': ' or ' #'",
        ),
        (
            "maybe",
            "expected text, found a group of `key: value` lines",
            "write the text on the same line as the key, in quotes if it contains ': ' or ' #'",
        ),
    ]


def test_a_text_item_typed_with_a_colon_is_said_to_need_quotes():
    assert problems_of({"name": "x", "tags": [{"Gardez vos justificatifs": "tout sera remboursé"}]}) == [
        (
            "tags[1]",
            "the text contains ': ', which YAML reads as the start of a new `key: value`",
            'put the whole text of the item in quotes: - "Gardez vos justificatifs: tout sera remboursé"',
        )
    ]


def test_a_text_item_typed_with_a_colon_is_said_in_french(french):
    [(_field, message, hint)] = problems_of({"name": "x", "tags": [{"Attention": "pas de clé USB"}]})
    assert message == "le texte contient «\u00a0: \u00a0», que YAML lit comme le début d’un nouveau `clé: valeur`"
    assert hint == 'mettez tout le texte de l’élément entre guillemets\u00a0: - "Attention: pas de clé USB"'


def test_a_list_entry_is_located_by_its_index():
    assert problems_of({"name": "x", "tags": ["a", ["b"]]})[0][0] == "tags[2]"


def test_records_are_read_only_and_replace_makes_a_new_one():
    sample = Sample(name="a")
    with pytest.raises(AttributeError):
        sample.name = "b"
    changed = sample.replace(name="b")
    assert (sample.name, changed.name) == ("a", "b")
    assert changed != sample and changed == Sample(name="b")


def test_a_record_refuses_what_it_does_not_declare():
    with pytest.raises(TypeError):
        Sample(nom="a")


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


def test_layout_numbers_read_commas_and_refuse_fractions_of_counts():
    layout = Layout.parse({"gutter": "4,5", "columns": "3", "hyphenation": "no"})
    assert (layout.gutter, layout.columns, layout.hyphenation) == (4.5, 3, False)
    with pytest.raises(Invalid) as raised:
        Layout.parse({"columns": "2.5", "hyphenation": None})
    assert [problem.message for problem in raised.value.problems] == [
        "expected a whole number from 1 to 3; found 2.5",
        "expected true or false; found nothing (the value is empty)",
    ]


def test_poster_sizes_report_every_start_below_its_minimum():
    with pytest.raises(Invalid) as raised:
        PosterSizes.parse({"headline": "70", "headline_min": "80", "items": "25", "items_min": "30"})
    assert [problem.message for problem in raised.value.problems] == [
        "`headline` (70 pt) is smaller than `headline_min` (80 pt)",
        "`items` (25 pt) is smaller than `items_min` (30 pt)",
    ]


def test_the_json_schema_keeps_field_order_and_sorts_everything_else():
    schema = Sample.json_schema()
    assert list(schema) == ["additionalProperties", "description", "properties", "required", "title", "type"]
    assert list(schema["properties"]) == ["name", "note", "flag", "size", "tags", "maybe"]
    assert schema["properties"]["note"] == {
        "anyOf": [{"type": ["string", "number", "boolean"]}, {"type": "null"}],
        "default": None,
        "description": "An optional text.",
    }
    assert "default" not in schema["properties"]["tags"]  # built by a factory: nothing to show
