"""The JSON Schemas: generated from the models, shipped up to date, described, and agreeing with the loader."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL_ISSUE, REPO
from newsletter.model import schema
from newsletter.read import read_yaml

SAMPLES = {
    "publication": [REPO / "issues" / "publication.yaml"],
    "issue": sorted(p for p in (REPO / "issues").glob("*.yaml") if p.name != "publication.yaml"),
    "layout": sorted((REPO / "newsletter" / "data" / "layouts").glob("*.yaml")),
}

# The keywords the schemas use, and so the ones the small validator below must understand.
KEYWORDS = {"$schema", "$defs", "$ref", "title", "description", "default", "type", "properties", "required",
            "additionalProperties", "items", "anyOf", "enum", "const", "pattern", "minimum", "maximum", "format"}
TYPES = {"string": str, "number": (int, float), "integer": int, "boolean": bool, "object": dict, "array": list,
         "null": type(None)}


def errors(value, node: dict, root: dict, path: str = "") -> list[str]:
    """A small JSON Schema validator for the keywords in KEYWORDS (jsonschema is not a dependency)."""
    if "$ref" in node:
        return errors(value, root["$defs"][node["$ref"].removeprefix("#/$defs/")], root, path)
    found = []
    if "anyOf" in node and all(errors(value, choice, root, path) for choice in node["anyOf"]):
        found.append(f"{path}: {value!r} matches none of the choices")
    if "type" in node:
        names = node["type"] if isinstance(node["type"], list) else [node["type"]]
        if not any(isinstance(value, TYPES[name]) and not (isinstance(value, bool) and name in ("number", "integer"))
                   for name in names):
            return found + [f"{path}: {value!r} is not {names}"]
    if "enum" in node and value not in node["enum"]:
        found.append(f"{path}: {value!r} not in {node['enum']}")
    if "const" in node and value != node["const"]:
        found.append(f"{path}: {value!r} is not {node['const']!r}")
    if isinstance(value, str) and "pattern" in node and not re.search(node["pattern"], value):
        found.append(f"{path}: {value!r} does not match {node['pattern']}")
    if isinstance(value, str) and node.get("format") == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            found.append(f"{path}: {value!r} is not a date")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in node and value < node["minimum"]:
            found.append(f"{path}: {value} < {node['minimum']}")
        if "maximum" in node and value > node["maximum"]:
            found.append(f"{path}: {value} > {node['maximum']}")
    if isinstance(value, dict):
        properties = node.get("properties", {})
        found += [f"{path}: `{key}` is required" for key in node.get("required", []) if key not in value]
        for key, item in value.items():
            if key in properties:
                found += errors(item, properties[key], root, f"{path}.{key}")
            elif node.get("additionalProperties") is False:
                found.append(f"{path}: unknown key `{key}`")
    if isinstance(value, list) and "items" in node:
        for index, item in enumerate(value):
            found += errors(item, node["items"], root, f"{path}[{index}]")
    return found


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
    assert shipped.read_text(encoding="utf-8") == schema.dumps(kind), \
        "the shipped schema is stale: run `newsletter schema --out newsletter/data/schemas` and commit the files"


@pytest.mark.parametrize("kind", schema.KINDS)
def test_every_key_has_a_description(kind):
    generated = schema.generate(kind)
    objects = [generated, *generated["$defs"].values()]
    for node in objects:
        for key, item in node.get("properties", {}).items():
            assert item.get("description"), f"{node.get('title', kind)}.{key} has no description"
    assert used_keywords(generated) <= KEYWORDS


def test_the_schemas_are_offline_json():
    for kind in schema.KINDS:
        text = schema.dumps(kind)
        json.loads(text)
        assert "http" not in text.replace(schema.DIALECT, "")  # the dialect is a name, never fetched


# --- agreeing with the loader ----------------------------------------------------------------------


@pytest.mark.parametrize("kind, path", [(kind, path) for kind, paths in SAMPLES.items() for path in paths],
                         ids=lambda value: value.name if isinstance(value, Path) else value)
def test_every_sample_file_is_valid_as_editors_and_as_the_loader_read_it(kind, path):
    generated = schema.generate(kind)
    assert errors(as_editors_read_it(path), generated, generated) == []
    assert errors(as_the_loader_reads_it(path), generated, generated) == []


@pytest.mark.parametrize("yaml_text", [
    MINIMAL_ISSUE + "time: 16:30\n",  # YAML 1.1 reads a sexagesimal number here
    MINIMAL_ISSUE + "contacts:\n  - name: RSSI\n    phone: 0261914021\n",  # a number for editors
    MINIMAL_ISSUE + "tips:\n  - Notez tout sur papier.\n  - title: Agenda\n    body: Sur papier.\n",
    MINIMAL_ISSUE.replace("number: 1", "number: '007'"),
])
def test_what_the_loader_accepts_the_schema_accepts(workspace, yaml_text):
    path = workspace.write("001.yaml", yaml_text)
    generated = schema.generate("issue")
    assert errors(as_editors_read_it(path), generated, generated) == []


@pytest.mark.parametrize("yaml_text, problem", [
    (MINIMAL_ISSUE + "headlines: x\n", "unknown key `headlines`"),
    ("number: 1\ndate: 2021-02-05\n", "`headline` is required"),
    (MINIMAL_ISSUE + "status:\n  - system: Paie\n    state: broken\n", "not in ['down'"),
    (MINIMAL_ISSUE + "do: Attendez\n", "is not ['array']"),
    (MINIMAL_ISSUE + "essentials:\n  - a: b\n", "is not ['string', 'number', 'boolean']"),
    (MINIMAL_ISSUE.replace("date: 2021-02-05", "date: 05/02/2021"), "is not a date"),
    (MINIMAL_ISSUE.replace("number: 1", "number: 0"), "0 < 1"),
    (MINIMAL_ISSUE + "time: midi\n", "matches none of the choices"),
])
def test_the_schema_rejects_broken_issues(workspace, yaml_text, problem):
    path = workspace.write("001.yaml", yaml_text)
    generated = schema.generate("issue")
    found = errors(as_editors_read_it(path), generated, generated)
    assert any(problem in message for message in found), found


@pytest.mark.parametrize("key, low, high", [("columns", 1, 3), ("gutter", 2, 20)])
def test_layout_bounds_in_the_schema_are_those_the_loader_checks(key, low, high):
    from newsletter.model.layout import Layout
    from newsletter.model.declare import Invalid

    bounds = schema.generate("layout")["properties"][key]
    assert (bounds["minimum"], bounds["maximum"]) == (low, high)
    Layout.parse({key: str(low)})
    Layout.parse({key: str(high)})
    for outside in (low - 1, high + 1):
        with pytest.raises(Invalid):
            Layout.parse({key: str(outside)})
