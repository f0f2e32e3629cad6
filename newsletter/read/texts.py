"""Every text of a file's tree with its field path: what checks that read the words as typed walk."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def walk_text(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text value of a file with its path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from walk_text(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk_text(value, path + (index,))
