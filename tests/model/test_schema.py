"""The JSON Schemas: generated from the models, shipped up to date, described, and agreeing with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for

from conftest import MINIMAL_ISSUE, REPO
from newsletter.model import schema
from newsletter.read import read_yaml

SAMPLES = {
    "publication": [REPO / "issues" / "publication.yaml"],
    "issue": sorted(p for p in (REPO / "issues").glob("*.yaml") if p.name != "publication.yaml"),
    "layout": sorted((REPO / "newsletter" / "data" / "layouts").glob("*.yaml")),
}

# Keywords that only describe or organise (jsonschema validates nothing with them).
ANNOTATIONS = {"$schema", "$defs", "title", "description", "default"}
# Keywords jsonschema validates as part of another one's (`then` under `if`).
VALIDATED_WITH_ANOTHER = {"then", "else"}


def validator(generated: dict):
    """A validator of the draft the schema declares, formats (``date``) checked as editors check them."""
    cls = validator_for(generated, default=None)
    assert cls is not None, f"unknown dialect {generated.get('$schema')}"
    return cls(generated, format_checker=cls.FORMAT_CHECKER)


def refusals(value, generated: dict) -> list[tuple[str, str, str]]:
    """Why the schema refuses ``value``: (where, keyword, message) for each error; none when it is valid."""
    return [(error.json_path, error.validator, error.message) for error in validator(generated).iter_errors(value)]


class _EditorYaml(yaml.SafeLoader):
    """YAML with its own types, as editors read it; dates stay text (JSON has no date type)."""


_EditorYaml.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_editors_read_it(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorYaml)


def as_the_loader_reads_it(path: Path):
    return read_yaml(path).data


def used_keywords(node) -> set[str]:
    if isinstance(node, dict):
        found = set(node)
        for key, value in node.items():
            if key in ("properties", "$defs"):
                found |= set().union(*(used_keywords(item) for item in value.values()))
            elif key != "default":
                found |= used_keywords(value)
        return found
    if isinstance(node, list):
        return set().union(*(used_keywords(item) for item in node)) if node else set()
    return set()


# --- generated, shipped, described ---------------------------------------------------------------


@pytest.mark.parametrize("kind", schema.KINDS)
def test_the_shipped_schema_is_up_to_date(kind):
    shipped = schema.SHIPPED_DIR / schema.file_name(kind)
    assert shipped.read_text(encoding="utf-8") == schema.dumps(kind), (
        "the shipped schema is stale: run `newsletter schema --out newsletter/data/schemas` and commit the files"
    )


@pytest.mark.parametrize("kind", schema.KINDS)
def test_every_key_has_a_description(kind):
    generated = schema.generate(kind)
    objects = [generated, *generated["$defs"].values()]
    for node in objects:
        for key, item in node.get("properties", {}).items():
            assert item.get("description"), f"{node.get('title', kind)}.{key} has no description"
    known = set(validator(generated).VALIDATORS) | ANNOTATIONS | VALIDATED_WITH_ANOTHER
    assert used_keywords(generated) <= known  # none ignored


@pytest.mark.parametrize("kind", schema.KINDS)
def test_the_schemas_are_valid_for_their_draft(kind):
    generated = schema.generate(kind)
    validator(generated).check_schema(generated)
    assert validator_for(generated) is Draft202012Validator


def test_the_schemas_are_offline_json():
    for kind in schema.KINDS:
        text = schema.dumps(kind)
        json.loads(text)
        assert "http" not in text.replace(schema.DIALECT, "")  # the dialect is a name, never fetched


# --- agreeing with the loader ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, path",
    [(kind, path) for kind, paths in SAMPLES.items() for path in paths],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_every_sample_file_is_valid_as_editors_and_as_the_loader_read_it(kind, path):
    generated = schema.generate(kind)
    assert refusals(as_editors_read_it(path), generated) == []
    assert refusals(as_the_loader_reads_it(path), generated) == []


@pytest.mark.parametrize(
    "yaml_text",
    [
        MINIMAL_ISSUE + "time: 16:30\n",  # YAML 1.1 reads a sexagesimal number here
        MINIMAL_ISSUE + "contacts:\n  - name: RSSI\n    phone: 0261914021\n",  # a number for editors
        MINIMAL_ISSUE + "tips:\n  - Notez tout sur papier.\n  - title: Agenda\n    body: Sur papier.\n",
        MINIMAL_ISSUE.replace("number: 1", "number: '007'"),
    ],
)
def test_what_the_loader_accepts_the_schema_accepts(workspace, yaml_text):
    path = workspace.write("001.yaml", yaml_text)
    assert refusals(as_editors_read_it(path), schema.generate("issue")) == []


@pytest.mark.parametrize(
    "yaml_text, where, keyword, culprit",
    [
        (MINIMAL_ISSUE + "headlines: x\n", "$", "additionalProperties", "'headlines' was unexpected"),
        ("number: 1\ndate: 2021-02-05\n", "$", "required", "'headline' is a required property"),
        (MINIMAL_ISSUE + "status:\n  - system: Paie\n    state: broken\n", "$.status[0].state", "enum", "['down'"),
        (MINIMAL_ISSUE + "do: Attendez\n", "$.do", "type", "is not of type 'array'"),
        (
            MINIMAL_ISSUE + "essentials:\n  - a: b\n",
            "$.essentials[0]",
            "type",
            "is not of type 'string', 'number', 'boolean'",
        ),
        (MINIMAL_ISSUE.replace("date: 2021-02-05", "date: 05/02/2021"), "$.date", "format", "is not a 'date'"),
        (MINIMAL_ISSUE.replace("number: 1", "number: 0"), "$.number", "minimum", "0 is less than the minimum of 1"),
        (MINIMAL_ISSUE + "time: midi\n", "$.time", "anyOf", "'midi' is not valid under any of the given schemas"),
    ],
)
def test_the_schema_rejects_broken_issues(workspace, yaml_text, where, keyword, culprit):
    path = workspace.write("001.yaml", yaml_text)
    found = refusals(as_editors_read_it(path), schema.generate("issue"))
    assert (where, keyword) in [(at, rule) for at, rule, message in found if culprit in message], found


@pytest.mark.parametrize("key, low, high", [("columns", 1, 3), ("gutter", 2, 20)])
def test_layout_bounds_in_the_schema_are_those_the_loader_checks(key, low, high):
    from newsletter.model.declare import Invalid
    from newsletter.model.layout import Layout

    bounds = schema.generate("layout")["properties"][key]
    assert (bounds["minimum"], bounds["maximum"]) == (low, high)
    Layout.parse({key: str(low)})
    Layout.parse({key: str(high)})
    for outside in (low - 1, high + 1):
        with pytest.raises(Invalid):
            Layout.parse({key: str(outside)})
