"""Tests of where a file named by the user may be: never an address, always inside the workspace."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsletter.errors import InputError
from newsletter.paths import (
    MANIFEST_FILE,
    archive_holding,
    display_path,
    is_address,
    is_inside,
    is_left_by_a_system,
    refuse_archive_output,
    yaml_files,
)


@pytest.mark.parametrize(
    "typed",
    [
        "https://www.ville.example/logo.png",
        "HTTP://WWW.VILLE.EXAMPLE/LOGO.PNG",
        "ftp://serveur/photo.jpg",
        "s3://bucket/photo.jpg",
        "file:///C:/Users/agent/photo.jpg",  # copied from a browser's address bar
        "file:photo.jpg",
        "data:image/png;base64,iVBORw0KGgo=",
        "//serveur/partage/photo.jpg",  # a network share
        "\\\\serveur\\partage\\photo.jpg",  # the same, written the Windows way
        "  https://www.ville.example/logo.png",  # spaces before it change nothing
    ],
)
def test_addresses_are_recognised(typed):
    assert is_address(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "../assets/logo.png",
        "assets/logo.png",
        "photo.jpg",
        "/home/agent/photo.jpg",
        "C:/Users/agent/photo.jpg",  # a drive letter is not a scheme
        "C:\\Users\\agent\\photo.jpg",
        "photo:1.jpg",
        "./https/photo.jpg",
        "photos//photo.jpg",
        "DejaVuSans-Bold",
    ],
)
def test_ordinary_paths_are_not_addresses(typed):
    assert not is_address(typed)


def test_a_path_in_the_folder_or_below_is_inside(tmp_path):
    assert is_inside(tmp_path / "assets" / "logo.png", tmp_path)  # need not exist
    assert is_inside(tmp_path, tmp_path)
    assert is_inside(tmp_path / "issues" / ".." / "assets" / "logo.png", tmp_path)


def test_a_path_that_climbs_out_with_dot_dot_is_not_inside(tmp_path):
    root = tmp_path / "workspace"
    assert not is_inside(root / ".." / "elsewhere" / "logo.png", root)
    assert not is_inside(root / "issues" / ".." / ".." / "logo.png", root)
    assert not is_inside(tmp_path / "workspace-old" / "logo.png", root)  # a name that starts the same


def test_relative_paths_are_taken_from_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert is_inside(Path("assets/logo.png"), tmp_path)
    assert is_inside(tmp_path / "assets" / "logo.png", Path("."))
    assert not is_inside(Path("../logo.png"), tmp_path)


def links_work(tmp_path: Path) -> None:
    try:
        os.symlink(tmp_path, tmp_path / "probe")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links cannot be made here")
    (tmp_path / "probe").unlink()


def test_a_link_is_followed_to_where_it_points(tmp_path):
    links_work(tmp_path)
    root, elsewhere = tmp_path / "workspace", tmp_path / "elsewhere"
    (root / "assets").mkdir(parents=True)
    elsewhere.mkdir()
    (elsewhere / "photo.jpg").write_bytes(b"")
    (root / "assets" / "photo.jpg").symlink_to(elsewhere / "photo.jpg")
    (root / "assets" / "outside").symlink_to(elsewhere, target_is_directory=True)
    assert not is_inside(root / "assets" / "photo.jpg", root)
    assert not is_inside(root / "assets" / "outside" / "photo.jpg", root)
    (root / "assets" / "logo.png").write_bytes(b"")
    (elsewhere / "logo.png").symlink_to(root / "assets" / "logo.png")
    assert is_inside(elsewhere / "logo.png", root)  # a link from outside to a file of the workspace


def test_a_workspace_reached_through_a_link_still_holds_its_files(tmp_path):
    links_work(tmp_path)
    (tmp_path / "real" / "assets").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    assert is_inside(tmp_path / "real" / "assets" / "logo.png", tmp_path / "link")
    assert is_inside(tmp_path / "link" / "assets" / "logo.png", tmp_path / "real")


def test_paths_are_shown_relative_to_the_workspace_when_inside_it(tmp_path):
    assert display_path(tmp_path / "issues" / "003.yaml", tmp_path) == "issues/003.yaml"
    outside = tmp_path.parent / "elsewhere.yaml"
    assert display_path(outside, tmp_path) == str(outside)


@pytest.mark.parametrize(
    "name",
    ["._002.yaml", ".DS_Store", ".002.yaml.swp", "~$002.yaml", "002.yaml~", "Thumbs.db", "desktop.ini", "002.yaml.bak"],
)
def test_what_systems_and_editors_leave_beside_the_users_files_is_recognised(name):
    assert is_left_by_a_system(name)


@pytest.mark.parametrize("name", ["002.yaml", "002.yml", "publication.yaml", "notes.txt", "a~b.yaml"])
def test_the_users_own_files_are_not_taken_for_system_leftovers(name):
    assert not is_left_by_a_system(name)


def test_the_yaml_files_of_a_folder_are_both_spellings_in_name_order_without_leftovers(tmp_path):
    for name in ["003.yml", "001.yaml", "002.YAML", "._001.yaml", ".002.yaml.swp", "notes.txt", "004.yaml~"]:
        (tmp_path / name).write_text("number: 1\n", encoding="utf-8")
    (tmp_path / "005.yaml").mkdir()  # a folder with an issue's name is not a file
    assert [path.name for path in yaml_files(tmp_path)] == ["001.yaml", "002.YAML", "003.yml"]
    assert yaml_files(tmp_path / "nowhere") == []


def test_the_workspaces_archive_and_any_folder_holding_a_manifest_are_archives(tmp_path):
    (tmp_path / "archive").mkdir()
    assert archive_holding(tmp_path / "archive", tmp_path) == tmp_path / "archive"
    assert archive_holding(tmp_path / "archive" / "html" / "x.html", tmp_path) == tmp_path / "archive"
    elsewhere = tmp_path / "usb" / "2021"
    elsewhere.mkdir(parents=True)
    (elsewhere / MANIFEST_FILE).write_text('{"format": 1, "files": {}}', encoding="utf-8")
    assert archive_holding(elsewhere, tmp_path) == elsewhere
    assert archive_holding(elsewhere / MANIFEST_FILE, tmp_path) == elsewhere
    assert archive_holding(elsewhere / "sub", tmp_path) == elsewhere


def test_a_manifest_json_that_is_not_an_archives_does_not_make_an_archive(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / MANIFEST_FILE).write_text('{"name": "a web app"}', encoding="utf-8")
    assert archive_holding(tmp_path / "site", tmp_path) is None
    assert archive_holding(tmp_path / "out", tmp_path) is None


def test_an_output_in_an_archive_is_refused_with_the_way_out(tmp_path):
    with pytest.raises(InputError) as raised:
        refuse_archive_output(tmp_path / "archive" / "manifest.json", tmp_path)
    (problem,) = raised.value.diagnostics
    assert problem.message == (
        f"this is inside the archive (folder {tmp_path / 'archive'}): only `newsletter archive` writes there, "
        "and what it records is never written over; nothing was written"
    )
    assert problem.hint == "choose another --out, outside the archive folder"


def test_an_output_in_the_archive_is_said_in_french_without_repeating_archive(tmp_path, monkeypatch, french):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as raised:
        refuse_archive_output(Path("archive") / "manifest.json", Path("."))
    assert raised.value.diagnostics[0].message.startswith("c’est dans l’archive (dossier archive)\u00a0: seul")
