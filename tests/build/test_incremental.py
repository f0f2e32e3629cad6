"""Tests of incremental builds: what changed is rebuilt, exactly, and a build with no change renders nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from conftest import MINIMAL_ISSUE, REPO
from newsletter.build.incremental import MISSING, OUTDATED, STATE_FILE, UP_TO_DATE, BuildState, fingerprint, inputs_of
from newsletter.model.print_options import RenderOptions
from newsletter.render.pdf.fonts import BUNDLED_DIR

N01 = "20210205_lettre-de-crise_n01_a4.pdf"
N02 = "20210209_lettre-de-crise_n02_a4.pdf"
# The built-in journal, with its regular font taken from a file of the workspace (a "custom" font).
CUSTOM_FONT_LAYOUT = (
    (REPO / "newsletter" / "data" / "layouts" / "journal-a4.yaml")
    .read_text(encoding="utf-8")
    .replace("regular: DejaVuSans\n", "regular: house-font.ttf\n")
)


def write_image(path: Path, colour: str) -> None:
    Image.new("RGB", (40, 30), colour).save(path)


@pytest.fixture(scope="session")
def built_once(tmp_path_factory) -> Path:
    """Two issues (the first with a photo) in a layout with a custom font, built once per session."""
    from newsletter.cli import main

    root = tmp_path_factory.mktemp("incremental")
    for folder in ("issues", "assets", "layouts"):
        (root / folder).mkdir()
    shutil.copy(REPO / "issues" / "publication.yaml", root / "issues")
    shutil.copy(REPO / "assets" / "logo.png", root / "assets")
    write_image(root / "assets" / "photo.png", "red")
    (root / "layouts" / "journal-a4.yaml").write_text(CUSTOM_FONT_LAYOUT, encoding="utf-8")
    shutil.copy(BUNDLED_DIR / "DejaVuSans.ttf", root / "layouts" / "house-font.ttf")
    (root / "issues" / "001.yaml").write_text(
        MINIMAL_ISSUE + "news:\n  - title: Photo\n    body: Texte.\n    image: ../assets/photo.png\n", encoding="utf-8"
    )
    (root / "issues" / "002.yaml").write_text(
        MINIMAL_ISSUE.replace("number: 1", "number: 2").replace("2021-02-05", "2021-02-09"), encoding="utf-8"
    )
    argv, sys.argv = sys.argv, ["newsletter", "--root", str(root), "build"]
    try:
        with pytest.raises(SystemExit) as exited:
            main()
    finally:
        sys.argv = argv
    assert exited.value.code in (0, None)
    assert sorted(p.name for p in (root / "out").glob("*.pdf")) == [N01, N02]
    return root


@pytest.fixture
def built(built_once, tmp_path) -> Path:
    """A fresh copy of the built workspace (its record travels with it: paths in it are relative)."""
    root = tmp_path / "workspace"
    shutil.copytree(built_once, root)
    return root


def written(output: str) -> list[str]:
    return sorted(Path(line.split()[1]).name for line in output.splitlines() if line.startswith("wrote "))


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_second_build_with_nothing_changed_renders_nothing(cli, built, monkeypatch):
    def no_rendering(*args, **kwargs):
        raise AssertionError("nothing should be rendered")

    monkeypatch.setattr("newsletter.build.run.render", no_rendering)
    result = cli("--root", built, "build")
    assert result.code == 0, result.err
    assert result.out.splitlines() == ["up to date: 2 (--force rebuilds them)"]


def test_the_no_change_build_does_not_load_reportlab(built):
    program = (
        "import sys\nfrom newsletter.cli import main\n"
        f"sys.argv = ['newsletter', '--root', {str(built)!r}, 'build']\n"
        "try:\n    main()\nexcept SystemExit as done:\n    assert done.code in (0, None), done.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["up to date: 2 (--force rebuilds them)", "[]"]


@pytest.mark.parametrize(
    "change, rebuilt",
    [
        (lambda root: append(root / "issues" / "001.yaml", "lead: Un chapeau.\n"), [N01]),
        (lambda root: append(root / "issues" / "002.yaml", "# un commentaire\n"), [N02]),
        (lambda root: replace(root / "issues" / "publication.yaml", "interne des agents", "des agents"), [N01, N02]),
        (lambda root: write_image(root / "assets" / "photo.png", "blue"), [N01]),
        (lambda root: write_image(root / "assets" / "logo.png", "green"), [N01, N02]),
        (lambda root: append(root / "layouts" / "journal-a4.yaml", "# plus large\n"), [N01, N02]),
        (
            lambda root: shutil.copy(BUNDLED_DIR / "DejaVuSans-Bold.ttf", root / "layouts" / "house-font.ttf"),
            [N01, N02],
        ),
        (lambda root: (root / "out" / N02).unlink(), [N02]),
        (lambda root: (root / "out" / N01).write_bytes(b"%PDF-1.4 edited"), [N01]),
        (lambda root: (root / "out" / STATE_FILE).write_text("{not json", encoding="utf-8"), [N01, N02]),
    ],
    ids=[
        "issue",
        "comment-only",
        "publication",
        "image",
        "logo",
        "layout",
        "font",
        "deleted-pdf",
        "edited-pdf",
        "damaged-record",
    ],
)
def test_each_kind_of_change_rebuilds_exactly_what_it_affects(cli, built, change, rebuilt):
    change(built)
    result = cli("--root", built, "build")
    assert result.code == 0, result.err
    assert written(result.out) == rebuilt
    assert (f"up to date: {2 - len(rebuilt)}" in result.out) == (len(rebuilt) < 2)
    assert cli("--root", built, "build").out.splitlines() == ["up to date: 2 (--force rebuilds them)"]


def test_a_new_tool_version_rebuilds_everything(cli, built, monkeypatch):
    monkeypatch.setattr("newsletter.build.incremental.__version__", "99.0")
    assert written(cli("--root", built, "build").out) == [N01, N02]


def test_force_rebuilds_everything_and_an_issue_named_is_always_built(cli, built):
    assert written(cli("--root", built, "build", "--force").out) == [N01, N02]
    result = cli("--root", built, "build", "2")
    assert written(result.out) == [N02] and "up to date" not in result.out


def test_list_tells_missing_outdated_and_up_to_date(cli, built):
    append(built / "issues" / "002.yaml", "lead: Un chapeau.\n")
    lines = cli("--root", built, "list", "--layout", "journal-a4", "--layout", "journal-letter").out.splitlines()
    assert lines[0].endswith("[journal-a4: up to date, journal-letter: missing]")
    assert lines[1].endswith("[journal-a4: outdated, journal-letter: missing]")


def test_the_record_holds_each_pdfs_fingerprint_and_hash(built):
    record = json.loads((built / "out" / STATE_FILE).read_text(encoding="utf-8"))["outputs"]
    assert sorted(record) == [N01, N02]
    assert set(record[N01]) == {"fingerprint", "sha256"}


# --- the state, unit by unit -------------------------------------------------------------------


def test_status_of_a_pdf(tmp_path):
    state = BuildState(tmp_path)
    target = tmp_path / "a.pdf"
    assert state.status(target, "f1") == MISSING
    target.write_bytes(b"%PDF")
    assert state.status(target, "f1") == OUTDATED  # never recorded
    state.record(target, "f1", b"%PDF")
    assert state.status(target, "f1") == UP_TO_DATE
    assert state.status(target, "f2") == OUTDATED
    target.write_bytes(b"%PDF changed")
    assert state.status(target, "f1") == OUTDATED
    (tmp_path / STATE_FILE).write_bytes(state.to_bytes())
    assert BuildState.load(tmp_path).entries == state.entries


def test_the_inputs_of_a_pdf(built):
    from newsletter.build.plan import plan

    result = plan(built, ["1"], [], render_checks=False)
    [(ref, layout)] = result.layouts
    inputs = inputs_of(result.documents[0], ref, layout.model, built)
    assert [(item.role, item.path) for item in inputs] == [
        ("issue", "issues/001.yaml"),
        ("publication", "issues/publication.yaml"),
        ("layout", "layouts/journal-a4.yaml"),
        ("image", "assets/logo.png"),
        ("image", "assets/photo.png"),
        ("font", "layouts/house-font.ttf"),
    ]
    options = RenderOptions(grayscale=True)
    assert fingerprint(inputs, options) != fingerprint(inputs, RenderOptions())


def test_a_built_in_layout_is_named_not_located(workspace):
    from newsletter.build.plan import plan

    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = plan(workspace.root, [], [], render_checks=False)
    [(ref, layout)] = result.layouts
    paths = [item.path for item in inputs_of(result.documents[0], ref, layout.model, workspace.root)]
    assert "built-in layout journal-a4.yaml" in paths


def test_an_issue_added_as_yml_is_seen_by_a_build_with_nothing_else_changed(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    assert cli("--root", workspace.root, "build").code == 0
    workspace.write("002.yml", MINIMAL_ISSUE.replace("number: 1", "number: 2").replace("02-05", "02-09"))
    again = cli("--root", workspace.root, "build")
    assert again.code == 0, again.err
    assert "n02_a4.pdf" in again.out and "up to date: 1" in again.out
