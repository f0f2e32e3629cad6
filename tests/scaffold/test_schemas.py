"""Tests of writing the JSON Schemas for editors: the files, the first line that names them, `newsletter schema`."""

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


def test_schema_command_writes_next_to_the_issues(cli, workspace, tmp_path):
    result = cli("--root", workspace.root, "schema")
    assert result.code == 0 and "wrote" in result.out
    assert (workspace.issues / "issue.schema.json").read_text(encoding="utf-8") == dumps("issue")
    assert "# yaml-language-server: $schema=issue.schema.json" in result.err
    elsewhere = cli("--root", workspace.root, "schema", "--out", tmp_path / "schemas")
    assert elsewhere.code == 0 and (tmp_path / "schemas" / "layout.schema.json").is_file()


def test_schema_command_outside_a_workspace(cli, tmp_path):
    result = cli("--root", tmp_path, "schema")
    assert result.code == 1 and "no issues/ folder here" in result.err
    assert not (tmp_path / "issues").exists()
