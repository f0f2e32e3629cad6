"""Tests of planning and building: which issues, every problem before any rendering, safe writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL_ISSUE, issue
from newsletter.build import plan as planning


def second_issue() -> str:
    return MINIMAL_ISSUE.replace("number: 1", "number: 2").replace("2021-02-05", "2021-02-09")


# --- which issues ---------------------------------------------------------------------------------


def test_a_number_names_the_issue_with_that_number_whatever_its_file_is_called(workspace):
    workspace.write("first.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", second_issue())
    assert planning.issue_file(workspace.root, "1").name == "first.yaml"
    result = planning.plan(workspace.root, ["1"], [])
    assert [d.issue.number for d in result.documents] == [1]
    assert not result.errors


def test_a_number_no_issue_has_is_an_error_that_says_how_to_find_them(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = planning.plan(workspace.root, ["7"], [])
    assert [d.message for d in result.errors] == ["not found: no file in issues/ has `number: 7`"]
    assert "newsletter list" in result.errors[0].hint


def test_a_number_no_issue_has_is_said_in_french(workspace, french):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    [error] = planning.plan(workspace.root, ["7"], []).errors
    assert str(error).splitlines()[0] == "numéro 7: introuvable\u00a0: aucun fichier du dossier issues/ n’a `number: 7`"
    assert error.hint == "`newsletter list` affiche les numéros de la série"


@pytest.mark.parametrize("selector", ["³", "3a", "issues/nope.yaml"])
def test_anything_else_is_a_path_and_a_missing_one_is_named(workspace, selector):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    assert planning.issue_file(workspace.root, selector) == Path(selector)
    assert [d.message for d in planning.plan(workspace.root, [selector], []).errors] == ["no such issue file"]


def test_errors_of_other_issues_do_not_stop_the_one_asked_for(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", "number: 2\ndate: nope\n")
    result = planning.plan(workspace.root, ["1"], [])
    assert not result.errors
    assert planning.plan(workspace.root, ["2"], []).errors


def test_plan_loads_only_the_selected_issues(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", second_issue())
    result = planning.plan(workspace.root, ["2"], [])
    assert result.errors == []
    assert [document.issue.number for document in result.documents] == [2]


def test_a_selector_that_names_no_file_is_an_error_not_a_crash(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = planning.plan(workspace.root, ["4", "³"], [])
    assert sorted(str(d).splitlines()[0] for d in result.errors) == [
        "issue 4: not found: no file in issues/ has `number: 4`",
        "³: no such issue file",
    ]


# --- every problem before rendering ---------------------------------------------------------------


def test_plan_collects_layout_image_and_file_problems_together(workspace):
    workspace.write(
        "publication.yaml",
        (workspace.issues / "publication.yaml")
        .read_text(encoding="utf-8")
        .replace("logo: ../assets/logo.png", "logo: ../assets/logo-absent.png"),
    )
    workspace.write("001.yaml", MINIMAL_ISSUE + "news:\n  - title: Photo\n    body: Texte.\n    image: photo.png\n")
    workspace.write("002.yaml", "number: 2\n")
    result = planning.plan(workspace.root, [], ["journal-a4", "journal-a9"])
    fields = sorted((d.file, d.field or "") for d in result.errors)
    assert fields == [
        ("issues/001.yaml", "news[1].image"),
        ("issues/002.yaml", "date"),
        ("issues/002.yaml", "headline"),
        ("issues/publication.yaml", "logo"),
        ("journal-a9", ""),
    ]


def test_the_image_error_says_where_it_looked(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + "news:\n  - title: Photo\n    body: Texte.\n    image: photo.png\n")
    [found] = planning.plan(workspace.root, [], []).errors
    assert (found.line, found.column) == (8, 12)
    assert str(workspace.issues / "photo.png") in found.message
    assert "relative to the YAML file" in found.hint


def test_strict_makes_every_warning_an_error(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("next_issue: 2021-02-12\n", ""))
    relaxed = planning.plan(workspace.root, [], [])
    assert relaxed.errors == [] and [d.severity for d in relaxed.diagnostics] == ["warning"]
    strict = planning.plan(workspace.root, [], [], strict=True)
    assert [(d.severity, d.message) for d in strict.diagnostics] == [("error", relaxed.diagnostics[0].message)]


# --- default layouts ------------------------------------------------------------------------------


def default_layouts(root) -> list[str]:
    return [ref.name for ref, _ in planning.plan(root, [], [], render_checks=False, with_poster=True).layouts]


def test_by_default_list_and_archive_take_the_journal_and_the_poster(workspace):
    assert default_layouts(workspace.root) == ["journal-a4", "poster-a3"]
    publication = workspace.issues / "publication.yaml"
    publication.write_text(
        publication.read_text(encoding="utf-8").replace("journal-a4", "journal-letter"), encoding="utf-8"
    )
    assert default_layouts(workspace.root) == ["journal-letter", "poster-a3"]


def test_a_draft_is_left_out_of_a_whole_build_and_built_when_named(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", issue(2, "2021-02-12") + "draft: yes\n")
    whole = cli("--root", workspace.root, "build")
    assert whole.code == 0
    assert whole.err.splitlines() == [
        "issues/002.yaml is in progress (marked as a draft): a build or archive of the whole workspace leaves it out; "
        "name it to work on it alone, e.g. `2`"
    ]
    assert len(workspace.pdfs()) == 1
    named = cli("--root", workspace.root, "build", "2")  # a proof to read over: what was asked for
    assert named.code == 0 and named.err.startswith("issues/002.yaml says `draft: yes`: printed as a proof")
    assert len(workspace.pdfs()) == 2


def test_refused_issues_are_left_out_of_the_plan_and_their_errors_do_not_block_it(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", issue(2, "2021-02-12") + "titre: x\n")
    result = planning.plan(workspace.root, [], [], partial=True)
    assert result.refused == ["issues/002.yaml"] and result.errors == []
    assert [document.issue.number for document in result.documents] == [1]
    assert [d.file for d in planning.plan(workspace.root, [], []).errors] == [
        "issues/002.yaml"
    ]  # `check` refuses nothing


def test_a_layout_the_publication_names_that_does_not_exist_is_said_at_its_line(workspace, cli):
    publication = (workspace.issues / "publication.yaml").read_text(encoding="utf-8")
    workspace.write("publication.yaml", publication.replace("layout: journal-a4", "layout: A4"))
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "check")
    assert result.code == 1
    assert result.err.splitlines()[:2] == [
        "issues/publication.yaml:6:9: layout: no layout of this name or path",
        "    hint: did you mean `journal-a4`? available: journal-a4, journal-a5, journal-letter, large-print-a4, "
        "poster-a3",
    ]


def test_a_missing_layout_in_french(workspace, cli, french):
    publication = (workspace.issues / "publication.yaml").read_text(encoding="utf-8")
    workspace.write("publication.yaml", publication.replace("layout: journal-a4", "layout: A4"))
    workspace.write("001.yaml", MINIMAL_ISSUE)
    assert (
        "    conseil\u00a0: vouliez-vous dire `journal-a4`\u202f? disponibles\u00a0: journal-a4,"
        in cli("--root", workspace.root, "check").err
    )
