"""Tests of writing the JSON Schemas for editors: the files and the first line that names them (`newsletter
schema` itself: tests/cli/test_workspace.py)."""

from __future__ import annotations

from newsletter.model.schema import dumps
from newsletter.scaffold.schemas import modeline, write_schemas


def test_write_schemas_and_the_modeline(tmp_path):
    written = write_schemas(tmp_path / "issues")
    assert [path.name for path in written] == ["publication.schema.json", "issue.schema.json", "layout.schema.json"]
    assert written[1].read_text(encoding="utf-8") == dumps("issue")
    assert (
        modeline("issue", tmp_path / "issues", tmp_path / "issues")
        == "# yaml-language-server: $schema=issue.schema.json"
    )
    assert (
        modeline("layout", tmp_path / "issues", tmp_path / "layouts")
        == "# yaml-language-server: $schema=../issues/layout.schema.json"
    )
