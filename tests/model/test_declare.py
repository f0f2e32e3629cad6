"""The declaration language: records read their fields and collect every problem with its place (what
each field holds: test_kinds.py)."""

import pytest

from newsletter.model.declare import Invalid, Record, field
from newsletter.model.kinds import Boolean, Choice, ListOf, Nullable, Text


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
        ("flag", "expected yes or no; found 'peut-être'", None),
        ("size", "expected one of 'small' or 'large'; found 'Large'", "did you mean `large`?"),
        ("tags", "expected a list, found the text 'a'", "write each entry on its own line starting with `- `"),
        ("nmae", "unknown key `nmae`", "did you mean `name`?"),
    ]


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
