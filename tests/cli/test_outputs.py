"""`layouts` (what each layout prints on, where it comes from) and `export` (printed or written, refused like
`check`); the exports themselves: tests/build/test_export.py and tests/render/."""

from __future__ import annotations

from conftest import MINIMAL_ISSUE, REPO
from tests.render.test_text import FULL_ISSUE

# --- layouts --------------------------------------------------------------------------------------


def test_layouts_lists_every_built_in_layout_with_its_paper(cli, tmp_path):
    lines = cli("--root", tmp_path, "layouts").out.splitlines()
    assert [line.split()[:4] for line in lines] == [
        ["journal-a4", "A4", "portrait", "built-in"],
        ["journal-a5", "A5", "portrait", "built-in"],
        ["journal-letter", "Letter", "portrait", "built-in"],
        ["large-print-a4", "A4", "portrait", "built-in"],
        ["poster-a3", "A3", "portrait", "built-in"],
    ]


def test_layouts_says_where_each_comes_from_in_french(cli, tmp_path):
    lines = cli("--lang", "fr", "--root", tmp_path, "layouts").out.splitlines()
    assert lines[0].split()[:4] == ["journal-a4", "A4", "portrait", "intégrée"]


def test_layouts_shows_the_workspaces_own_and_says_which_cannot_be_used(cli, workspace):
    layouts = workspace.root / "layouts"
    layouts.mkdir()
    (layouts / "poster-a3.yaml").write_text("kind: poster\npage:\n  size: A4\n", encoding="utf-8")
    (layouts / "wide.yaml").write_text("page:\n  size: A5\n  orientation: landscape\n", encoding="utf-8")
    (layouts / "broken.yaml").write_text("page:\n  size: B4\n", encoding="utf-8")
    result = cli("--root", workspace.root, "layouts")
    assert result.code == 0
    mine = {line.split()[0]: line for line in result.out.splitlines()}
    assert mine["poster-a3"].split()[1:4] == ["A4", "portrait", "workspace"]  # the workspace's replaces the built-in
    assert mine["wide"].split()[1:4] == ["A5", "landscape", "workspace"]
    assert "invalid (see above)" in mine["broken"]
    assert "layouts/broken.yaml:2:9: page.size: expected one of 'A3', 'A4', 'A5' or 'Letter'; found 'B4'" in result.err


# --- export ---------------------------------------------------------------------------------------


def test_export_prints_the_text_or_writes_it(cli, workspace, tmp_path):
    workspace.write("001.yaml", FULL_ISSUE)
    printed = cli("--root", workspace.root, "export", "1", "--format", "text")
    assert printed.code == 0 and printed.out.startswith("Lettre de crise — N°")
    target = tmp_path / "mail.txt"
    written = cli("--root", workspace.root, "export", "1", "--format", "text", "--out", target)
    assert written.code == 0 and written.out == "" and f"wrote {target}" in written.err
    assert target.read_text(encoding="utf-8") == printed.out


def test_export_reports_input_errors_like_check(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + "headlines: x\n")
    result = cli("--root", workspace.root, "export", "1", "--format", "text")
    assert result.code == 1 and result.out == ""
    assert "issues/001.yaml:5:1: headlines: unknown key" in result.err
    assert "nothing was exported" in result.err


def test_export_of_an_unknown_format_is_a_usage_error(cli):
    result = cli("--root", REPO, "export", "1", "--format", "pdf")
    assert result.code == 2 and result.out == ""
    assert "'pdf' is not one of 'text', 'sms', 'markdown', 'html', 'phone'" in result.err
