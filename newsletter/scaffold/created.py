"""What `init` and `new` report having written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Created:
    """What `init` or `new` wrote, for the command to tell the user."""

    paths: list[Path]
    number: int
    copied_from: int | None = None
    copied: tuple[str, ...] = ()
    to_write: tuple[str, ...] = ()
