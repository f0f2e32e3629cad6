"""Tests of planning and building: which issues, every problem before any rendering, safe writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import MINIMAL_ISSUE, REPO
from newsletter import files
from newsletter.build import plan as build
from newsletter.errors import InputError


def second_issue() -> str:
    return MINIMAL_ISSUE.replace("number: 1", "number: 2").replace("2021-02-05", "2021-02-09")


# --- which issues ---------------------------------------------------------------------------------


def test_a_number_names_the_issue_with_that_number_whatever_its_file_is_called(workspace):
    workspace.write("first.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", second_issue())
    assert build.issue_file(workspace.root, "1").name == "first.yaml"
    result = build.plan(workspace.root, ["1"], [])
    assert [d.issue.number for d in result.documents] == [1]
    assert not result.errors


def test_a_number_no_issue_has_is_an_error_that_says_how_to_find_them(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = build.plan(workspace.root, ["7"], [])
    assert [d.message for d in result.errors] == ["no issue has the number 7"]
    assert "newsletter list" in result.errors[0].hint


@pytest.mark.parametrize("selector", ["³", "3a", "issues/nope.yaml"])
def test_anything_else_is_a_path_and_a_missing_one_is_named(workspace, selector):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    assert build.issue_file(workspace.root, selector) == Path(selector)
    assert [d.message for d in build.plan(workspace.root, [selector], []).errors] == ["no such issue file"]


def test_errors_of_other_issues_do_not_stop_the_one_asked_for(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", "number: 2\ndate: nope\n")
    result = build.plan(workspace.root, ["1"], [])
    assert not result.errors
    assert build.plan(workspace.root, ["2"], []).errors


def test_plan_loads_only_the_selected_issues(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", second_issue())
    result = build.plan(workspace.root, ["2"], [])
    assert result.errors == []
    assert [document.issue.number for document in result.documents] == [2]


def test_a_selector_that_names_no_file_is_an_error_not_a_crash(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = build.plan(workspace.root, ["4", "³"], [])
    assert sorted(str(d).splitlines()[0] for d in result.errors) == [
        "issue 4: no issue has the number 4", "³: no such issue file"]


# --- every problem before rendering ---------------------------------------------------------------


def test_plan_collects_layout_image_and_file_problems_together(workspace):
    workspace.write("publication.yaml", (workspace.issues / "publication.yaml").read_text(encoding="utf-8")
                    .replace("logo: ../assets/logo.png", "logo: ../assets/logo-absent.png"))
    workspace.write("001.yaml", MINIMAL_ISSUE + "news:\n  - title: Photo\n    body: Texte.\n    image: photo.png\n")
    workspace.write("002.yaml", "number: 2\n")
    result = build.plan(workspace.root, [], ["journal-a4", "journal-a9"])
    fields = sorted((d.file, d.field or "") for d in result.errors)
    assert fields == [("issues/001.yaml", "news[1].image"), ("issues/002.yaml", "date"),
                      ("issues/002.yaml", "headline"), ("issues/publication.yaml", "logo"), ("journal-a9", "")]


def test_the_image_error_says_where_it_looked(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + "news:\n  - title: Photo\n    body: Texte.\n    image: photo.png\n")
    [found] = build.plan(workspace.root, [], []).errors
    assert (found.line, found.column) == (8, 12)
    assert str(workspace.issues / "photo.png") in found.message
    assert "relative to the YAML file" in found.hint


def test_strict_makes_every_warning_an_error(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("next_issue: 2021-02-12\n", ""))
    relaxed = build.plan(workspace.root, [], [])
    assert relaxed.errors == [] and [d.severity for d in relaxed.diagnostics] == ["warning"]
    strict = build.plan(workspace.root, [], [], strict=True)
    assert [(d.severity, d.message) for d in strict.diagnostics] == [("error", relaxed.diagnostics[0].message)]


# --- writing --------------------------------------------------------------------------------------


def test_build_all_creates_the_output_folder_and_writes_one_pdf_per_issue(workspace, tmp_path):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.yaml", second_issue())
    out = tmp_path / "a" / "new" / "folder"
    built = list(build.build_all(build.plan(workspace.root, [], []), out))
    assert [(b.path.name, b.pages) for b in built] == [("20210205_lettre-de-crise_n01_a4.pdf", 1),
                                                       ("20210209_lettre-de-crise_n02_a4.pdf", 1)]
    assert all(b.path.parent == out and b.path.read_bytes().startswith(b"%PDF-") for b in built)


def test_an_output_that_would_overwrite_an_input_is_refused_before_writing(workspace):
    name = "20210205_lettre-de-crise_n01_a4.pdf"
    trap = workspace.write(name, MINIMAL_ISSUE)
    result = build.plan(workspace.root, [str(trap)], [])
    with pytest.raises(InputError) as raised:
        list(build.build_all(result, workspace.issues))
    assert "overwrite one of the input files" in raised.value.diagnostics[0].message
    assert trap.read_text(encoding="utf-8") == MINIMAL_ISSUE


def test_write_atomic_replaces_the_file_with_ordinary_permissions(tmp_path):
    target = tmp_path / "sub" / "a.pdf"
    build.write_atomic(target, b"first")
    build.write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in target.parent.iterdir()] == ["a.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"printed on Monday")

    def disk_full(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(InputError) as raised:
        build.write_atomic(target, b"new")
    assert target.read_bytes() == b"printed on Monday"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
    assert "cannot write the file" in raised.value.diagnostics[0].message


def test_a_parallel_build_writes_the_same_bytes_in_the_same_order_as_a_serial_one(tmp_path):
    from newsletter.build.plan import build_all, plan

    result = plan(REPO, ["1", "2", "3"], ["journal-a4"])
    serial = list(build_all(result, tmp_path / "serial", workers=1))
    parallel = list(build_all(result, tmp_path / "parallel", workers=2))
    assert [b.path.name for b in serial] == [b.path.name for b in parallel]
    for one, other in zip(serial, parallel):
        assert one.path.read_bytes() == other.path.read_bytes()


def test_a_character_missing_from_the_font_is_reported_once_whatever_the_layouts(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("headline: Les téléphones fonctionnent",
                                                      "headline: Les téléphones fonctionnent 中"))
    result = cli("--root", workspace.root, "check", "--layout", "journal-a4", "--layout", "poster-a3",
                 "--layout", "large-print-a4")
    assert result.code == 0
    assert result.err.count("the character '中' (CJK UNIFIED IDEOGRAPH-4E2D) cannot be printed") == 1
