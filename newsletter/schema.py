"""JSON Schemas of the publication, issue and layout files, for editors' completion and checks.

Generated from the pydantic models that validate the files, never written by hand. The loader
reads every scalar as text, but editors read YAML with its own types (``number: 3`` is a number,
``phone: 0241054000`` too, ``hyphenation: no`` a boolean), so the schemas accept, for each
value, the YAML types the loader would accept: a schema must never flag what ``check`` accepts.

The package ships the generated files (``newsletter/schemas/``); a test fails when they are
stale. Refresh them with ``python -m newsletter.schema``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from .formats import Issue, Publication
from .layouts import Layout

SHIPPED_DIR = Path(__file__).parent / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "publication": (Publication, "The journal: issues/publication.yaml (title, language, hotline, contacts)."),
    "issue": (Issue, "One issue of the journal: issues/NNN.yaml."),
    "layout": (Layout, "A layout: page size, margins, fonts, sizes, colours and sections (layouts/*.yaml)."),
}

_DIGITS = r"^\s*[0-9]+\s*$"
_NUMBER = r"^\s*[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]+)?\s*$"
_BOOLEAN_WORDS = ("true", "false", "yes", "no", "on", "off", "t", "f", "y", "n", "1", "0")  # what pydantic reads


def _any_case(word: str) -> str:
    """A regular expression for ``word`` in any case (JSON Schema patterns have no ignore-case flag)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)


class _YamlTypes(GenerateJsonSchema):
    """Pydantic's JSON Schema, with each scalar accepting the YAML types the loader reads as text."""

    def str_schema(self, schema: core_schema.StringSchema) -> dict:
        return {"type": ["string", "number", "boolean"]}  # `title: 2021` or `note: yes` is text here

    def int_schema(self, schema: core_schema.IntSchema) -> dict:
        return {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": _DIGITS}]}

    def float_schema(self, schema: core_schema.FloatSchema) -> dict:
        return {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _NUMBER}]}

    def bool_schema(self, schema: core_schema.BoolSchema) -> dict:
        words = "|".join(_any_case(word) for word in _BOOLEAN_WORDS)
        return {"anyOf": [{"type": "boolean"}, {"enum": [0, 1]}, {"type": "string", "pattern": f"^({words})$"}]}

    def field_title_should_be_set(self, schema) -> bool:
        return False  # editors show the description; a title like "Q" would only add noise


def generate(kind: str) -> dict:
    """The JSON Schema of one kind of file: ``publication``, ``issue`` or ``layout``."""
    model, description = KINDS[kind]
    generated = model.model_json_schema(schema_generator=_YamlTypes)
    return {"$schema": DIALECT, "title": f"newsletter {kind} file", "description": description,
            **{key: value for key, value in generated.items() if key != "title"}}


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def dumps(kind: str) -> str:
    """The schema as the text of its file (stable: the same models give the same bytes)."""
    return json.dumps(generate(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write ``publication.schema.json``, ``issue.schema.json`` and ``layout.schema.json`` in ``directory``."""
    from .build import write_atomic

    written = []
    for kind in KINDS:
        path = directory / file_name(kind)
        write_atomic(path, dumps(kind).encode("utf-8"))
        written.append(path)
    return written


def modeline(kind: str, schema_dir: Path, yaml_dir: Path) -> str:
    """The first line of a YAML file in ``yaml_dir`` that points editors at its schema in ``schema_dir``.

    The path is relative, with ``/`` on every system, so the workspace can move or be copied.
    """
    relative = Path(os.path.relpath(schema_dir / file_name(kind), yaml_dir)).as_posix()
    return f"# yaml-language-server: $schema={relative}"


if __name__ == "__main__":
    for written in write_schemas(SHIPPED_DIR):
        print(f"wrote {written}")
