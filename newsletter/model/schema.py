"""JSON Schemas of the publication, issue and layout files, for editors' completion and checks.

Generated from the declarations that validate the files (``declare``), never written by hand. The
reader (``newsletter.read``) keeps every scalar as text, but editors read YAML with its own types (``number: 3`` is a
number, ``phone: 0241054000`` too, ``hyphenation: no`` a boolean), so the schemas accept, for each
value, the YAML types ``check`` would accept: a schema must never flag what ``check`` accepts.

The package ships the generated files (``newsletter/data/schemas/``); a test fails when they are
stale. Refresh them with ``newsletter schema --out newsletter/data/schemas``.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsletter.i18n import N_, _
from newsletter.model.declare import Record
from newsletter.model.formats import Issue, Publication
from newsletter.model.layout import Layout

SHIPPED_DIR = Path(__file__).parents[1] / "data" / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS: dict[str, tuple[type[Record], str]] = {
    "publication": (Publication, N_("The journal: issues/publication.yaml (title, language, hotline, contacts).")),
    "issue": (Issue, N_("One issue of the journal: issues/NNN.yaml.")),
    "layout": (Layout, N_("A layout: page size, margins, fonts, sizes, colours and sections (layouts/*.yaml).")),
}


def generate(kind: str) -> dict:
    """The JSON Schema of one kind of file: ``publication``, ``issue`` or ``layout``."""
    model, description = KINDS[kind]
    return {
        "$schema": DIALECT,
        "title": f"newsletter {kind} file",
        "description": _(description),
        **{key: value for key, value in model.json_schema().items() if key != "title"},
    }


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def dumps(kind: str) -> str:
    """The schema as the text of its file (stable: the same models give the same bytes)."""
    return json.dumps(generate(kind), indent=2, ensure_ascii=False) + "\n"
