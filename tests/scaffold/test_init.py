"""Tests of `newsletter init`: a workspace of commented files to fill, placeholders that `check` names."""

from __future__ import annotations

import datetime as dt
import json


def test_init_defaults_to_the_root_folder(cli, tmp_path):
    assert cli("--root", tmp_path, "init").code == 0
    assert (tmp_path / "issues" / "001.yaml").is_file()


def test_check_names_every_field_left_to_fill_with_line_and_column(cli, fresh, errors_of):
    result = cli("--root", fresh, "check")
    assert result.code == 1
    assert errors_of(result.err) == [
        "issues/publication.yaml:14:8: title: still the placeholder text: write the journal's name",
        "issues/publication.yaml:20:15: organisation: still the placeholder text: write the name of your organisation",
        "issues/publication.yaml:36:10: hotline.phone: still the placeholder text: write the hotline's phone number",
        "issues/publication.yaml:48:11: contacts[1].name: still the placeholder text: write the contact's name",
        "issues/publication.yaml:50:12: contacts[1].phone: still the placeholder text: "
        "write the contact's phone number",
    ]
    # The first issue is in progress: what is left to write in it is said, as a build would leave it out.
    assert [line for line in result.err.splitlines() if "placeholder" in line and "001.yaml:" in line] == [
        "issues/001.yaml:31:11: warning: headline: still the placeholder text: write the headline",
        "issues/001.yaml:34:7: warning: lead: still the placeholder text: write the lead paragraph",
        "issues/001.yaml:39:5: warning: essentials[1]: still the placeholder text: write a key message",
        "issues/001.yaml:59:5: warning: do[1]: still the placeholder text: write an instruction (what to do)",
        "issues/001.yaml:63:5: warning: dont[1]: still the placeholder text: write an instruction (what not to do)",
    ]
    lines = (fresh / "issues" / "001.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[30][10:].startswith('"À ÉCRIRE')  # line 31, column 11: where the placeholder is
    named = cli("--root", fresh, "check", "1")
    assert named.code == 1 and "issues/001.yaml:31:11: headline: still the placeholder text" in named.err


def test_an_issue_with_a_placeholder_left_is_never_built(cli, fresh, fill):
    fill(fresh / "issues" / "publication.yaml")
    result = cli("--root", fresh, "build")
    assert result.code == 0
    assert result.err.splitlines() == [
        "issues/001.yaml is in progress (5 placeholder texts left): a build or archive of the whole workspace "
        "leaves it out; name it to work on it alone, e.g. `1`"
    ]
    named = cli("--root", fresh, "build", "1")
    assert named.code == 1 and "nothing was built" in named.err
    assert not (fresh / "out").exists()


def test_once_filled_the_workspace_checks_clean_and_builds(cli, fresh, fill, monkeypatch):
    from newsletter.checks import dates

    monkeypatch.setattr(dates, "today", dt.date.today)  # init dates the first issue today, really
    fill(fresh / "issues" / "publication.yaml")
    fill(fresh / "issues" / "001.yaml")
    result = cli("--root", fresh, "check")
    assert result.code == 0, result.err
    assert result.err.strip() == "ok: 1 issue(s) checked"
    assert cli("--root", fresh, "build").code == 0
    assert len(list((fresh / "out").glob("*.pdf"))) == 1


def test_init_refuses_to_overwrite_a_workspace(cli, fresh):
    publication = fresh / "issues" / "publication.yaml"
    publication.write_text("title: Ma lettre\n", encoding="utf-8")
    result = cli("init", fresh)
    assert result.code == 1
    assert "a workspace already exists here: nothing was changed" in result.err
    assert publication.read_text(encoding="utf-8") == "title: Ma lettre\n"


def test_files_start_with_the_line_that_gives_editors_their_schema(fresh):
    issues = fresh / "issues"
    for name, schema in (("publication.yaml", "publication.schema.json"), ("001.yaml", "issue.schema.json")):
        first = (issues / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={schema}"
        assert json.loads((issues / schema).read_text(encoding="utf-8"))["$schema"].startswith("https://json-schema")
