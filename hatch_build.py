"""Packaging: the message catalogues compiled (``.po`` -> ``.mo``) into the wheel, so the installed tool
loads them without parsing (the ``.mo`` files are not committed; ``newsletter/translations.py`` explains)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogues(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        # The module by its path: the package itself (and its dependencies) may not be importable here.
        path = Path(self.root) / "newsletter" / "translations.py"
        spec = importlib.util.spec_from_file_location("newsletter_translations", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
        for compiled in module.compile_all():
            build_data["artifacts"].append(compiled.relative_to(self.root).as_posix())
