"""What the tests of the YAML reader share: they read their YAML as issue n° 3 (and run with libyaml
and with the pure-Python parser: the ``parser`` fixture in conftest)."""

from __future__ import annotations

import pytest

from newsletter.errors import InputError
from newsletter.read import Source, parse_yaml


def parse(text: str | bytes) -> Source:
    return parse_yaml(text.encode() if isinstance(text, str) else text, "issues/003.yaml")


def problems(text: str | bytes) -> list:
    with pytest.raises(InputError) as raised:
        parse(text)
    return raised.value.diagnostics


def error(text: str | bytes):
    """The single diagnostic of a text that must be refused."""
    found = problems(text)
    assert len(found) == 1, [str(d) for d in found]
    assert found[0].is_error
    return found[0]


def where(diagnostic) -> tuple:
    return diagnostic.line, diagnostic.column
