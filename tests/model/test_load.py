"""Tests of the loader: every problem of every file located (file:line:column, field), all in one run."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_ISSUE, REPO
from newsletter.errors import Diagnostic
from newsletter.model.formats import Issue
from newsletter.model.load import issue_files, load_model, load_workspace


def issue_text(number: int, extra: str = "") -> str:
    return MINIMAL_ISSUE.replace("number: 1", f"number: {number}") + extra


def printed(diagnostics: list[Diagnostic]) -> list[str]:
    """First line of each diagnostic, as the terminal shows it."""
    return [str(d).splitlines()[0] for d in diagnostics]


# --- one file: every problem, in the order of the file ----------------------------------------


def test_every_problem_of_a_file_is_reported_in_file_order(workspace):
    path = workspace.write(
        "003.yaml",
        "number: 3\ndate: 2021-02-16\nheadline: Titre 1 # du jour\n"
        'faq:\n  - q: Quand ?\n    a: ""\nlead: x\nlead2: y\ntime: 25:00\n',
    )
    loaded, diagnostics = load_model(Issue, path, workspace.root)
    assert loaded is None
    assert printed(diagnostics) == [
        "issues/003.yaml:3:19: warning: headline: the text after ' #' is a YAML comment and will not be printed",
        "issues/003.yaml:6:8: faq[1].a: this answer is empty",
        "issues/003.yaml:8:1: lead2: unknown key `lead2`",
        "issues/003.yaml:9:7: time: expected a time written HH:MM, like 17:30; found '25:00'",
    ]


def test_a_valid_file_keeps_its_warnings(workspace):
    path = workspace.write("003.yaml", issue_text(3, "edition: Étape 3 # à revoir\n"))
    loaded, diagnostics = load_model(Issue, path, workspace.root)
    assert loaded.model.edition == "Étape 3"
    assert [(d.severity, d.line, d.field) for d in diagnostics] == [("warning", 5, "edition")]


def test_an_unknown_key_points_at_the_key_not_its_value(workspace):
    path = workspace.write("003.yaml", issue_text(3, "faq:\n  - q: Quand ?\n    a: Demain.\n    reponse: x\n"))
    [found] = load_model(Issue, path, workspace.root)[1]
    assert (found.line, found.column, found.field) == (8, 5, "faq[1].reponse")


def test_a_yaml_slip_is_reported_with_its_position(workspace):
    path = workspace.write("003.yaml", "number: 3\ndate: 2021-02-16\nheadline: Attention: danger\n")
    loaded, [found] = load_model(Issue, path, workspace.root)
    assert loaded is None
    assert found.location() == "issues/003.yaml:3:20"
    assert "quotes" in found.hint


# A French issue as typed by a comms officer: YAML slips (" : " unquoted, a missing colon) beside
# slips of keys and values (keys in French, a state in French).
SLIPS_AND_KEYS = """\
number: 7
date: 2021-03-20
titre: Reprise : les premiers postes rendus
faq:
  - q Mes fichiers sont-ils perdus ?
    a: Non.
  - q: Serai-je payé ?
    a: Oui : à la date habituelle.
status:
  - system: Messagerie
    state: en panne
à faire:
  - Gardez vos justificatifs.
"""


def test_the_keys_and_values_beside_yaml_slips_are_checked_in_the_same_run(workspace):
    path = workspace.write("007.yaml", SLIPS_AND_KEYS)
    assert [str(d) for d in load_model(Issue, path, workspace.root)[1]] == [
        "issues/007.yaml:3:1: titre: unknown key `titre`"
        "\n    hint: did you mean `headline`? (`newsletter check --fix` does it)",
        "issues/007.yaml:3:16: titre: the text contains ': ', which YAML reads as the start of a new `key: value`"
        '\n    hint: put the whole text in quotes: titre: "Reprise : les premiers postes rendus"'
        " (`newsletter check --fix` does it)",
        "issues/007.yaml:5:6: faq[1]: the colon after `q` is missing: YAML reads this list item as a text, not as"
        " `key: value` lines\n    hint: add the colon after the key: `- q: Mes fichiers sont-ils perdus ?`",
        "issues/007.yaml:8:12: faq[2].a: the text contains ': ', which YAML reads as the start of a new `key: value`"
        '\n    hint: put the whole text in quotes: a: "Oui : à la date habituelle." (`newsletter check --fix` does it)',
        "issues/007.yaml:11:12: status[1].state: expected one of 'down', 'degraded', 'testing' or 'restored';"
        " found 'en panne'\n    hint: did you mean `down`?",
        "issues/007.yaml:12:1: à faire: unknown key `à faire`"
        "\n    hint: did you mean `do`? (`newsletter check --fix` does it)",
    ]


@pytest.mark.parametrize(
    "typed",
    [
        "headline: Reprise : les postes\n",  # required, its value set aside
        "  headline: Reprise\n",  # indented too far: its line set aside
        "headline\u00a0: Reprise\n",  # read as another key
        'headline: "Reprise\nlead: Texte\n',  # a quote left open
        "headline: Titre\ndo:\n\t- Attendez\n",  # the list's only item set aside
        "headline: Titre\nfaq:\n  - q Paie ?\n    a: Oui.\n",  # an item read as a text
        "headline: *Important* Reprise\n",
        "headline Reprise\n",  # the colon forgotten: the key is typed all the same
        "headline: Titre\nsituation:\n  known:\n\t- Les serveurs\n",  # a tab under `known:`: left empty
        'headline: Titre\napproved:\n  by: Claire\n\t"on": 2021-02-05\n',  # a quoted key, set aside
    ],
)
def test_what_only_follows_from_a_yaml_slip_is_not_reported(workspace, typed):
    path = workspace.write("003.yaml", "number: 3\ndate: 2021-02-16\n" + typed)
    assert len(load_model(Issue, path, workspace.root)[1]) == 1


def test_a_file_that_cannot_be_read_is_an_error_not_a_crash(workspace):
    (workspace.issues / "004.yaml").mkdir()
    loaded, [found] = load_model(Issue, workspace.issues / "004.yaml", workspace.root)
    assert loaded is None and found.is_error
    assert found.file == "issues/004.yaml" and "cannot read the file" in found.message


# --- the workspace: all errors of all files in one run -----------------------------------------


def test_all_errors_of_all_files_come_in_one_run(workspace):
    workspace.write("001.yaml", issue_text(1))
    workspace.write("002.yaml", issue_text(2).replace("date: 2021-02-05", "date: 05/02/2021"))
    workspace.write("003.yaml", issue_text(3, "faq:\n  - q: Et la paie ?\n    a:\n"))
    workspace.write("publication.yaml", "title: Lettre de crise\nlanguag: fr\n")
    loaded = load_workspace(workspace.root)
    assert sorted(printed(loaded.errors)) == [
        "issues/002.yaml:2:7: date: expected a date written YYYY-MM-DD, like 2021-02-05; found '05/02/2021'",
        "issues/003.yaml:7:7: faq[1].a: this answer is empty",
        "issues/publication.yaml:2:1: languag: unknown key `languag`",
    ]
    assert [item.model.number for item in loaded.issues] == [1]


def test_issues_are_ordered_by_number_not_by_file_name(workspace):
    workspace.write("a.yaml", issue_text(10))
    workspace.write("b.yaml", issue_text(9))
    loaded = load_workspace(workspace.root)
    assert [item.model.number for item in loaded.issues] == [9, 10]
    assert loaded.issue(10).path.name == "a.yaml" and loaded.issue(4) is None


def test_two_files_with_the_same_number_are_an_error_in_each_naming_the_other(workspace):
    workspace.write("001.yaml", issue_text(1))
    workspace.write("002.yaml", issue_text(1))
    assert [str(found).splitlines()[0] for found in load_workspace(workspace.root).errors] == [
        "issues/001.yaml:1:9: number: issue number 1 is also the number of issues/002.yaml: neither file is built "
        "nor archived while two files have it",
        "issues/002.yaml:1:9: number: issue number 1 is also the number of issues/001.yaml: neither file is built "
        "nor archived while two files have it",
    ]


def test_a_missing_publication_says_how_to_get_one(tmp_path):
    (tmp_path / "issues").mkdir()
    (tmp_path / "issues" / "001.yaml").write_text(MINIMAL_ISSUE, encoding="utf-8")
    loaded = load_workspace(tmp_path)
    [found] = loaded.errors
    assert found.file == "issues/publication.yaml" and "missing" in found.message
    assert "newsletter init" in found.hint and "--root" in found.hint
    assert loaded.publication is None and len(loaded.issues) == 1


def test_only_the_files_asked_for_are_loaded(workspace):
    workspace.write("001.yaml", issue_text(1))
    chosen = workspace.write("002.yaml", issue_text(2))
    workspace.write("003.yaml", "number: broken\n")
    loaded = load_workspace(workspace.root, [chosen])
    assert loaded.errors == [] and [item.model.number for item in loaded.issues] == [2]


def test_issue_files_are_the_yaml_files_except_the_publication(workspace):
    for name in ("002.yaml", "001.yaml", "notes.txt", "001.yaml.bak"):
        workspace.write(name, MINIMAL_ISSUE)
    assert [p.name for p in issue_files(workspace.issues)] == ["001.yaml", "002.yaml"]
    assert issue_files(workspace.root / "nowhere") == []


def test_the_sample_series_loads_without_errors_or_warnings():
    loaded = load_workspace(REPO)
    assert loaded.diagnostics == []
    assert [item.model.number for item in loaded.issues] == [1, 2, 3, 4, 5, 6]


# --- which files of the workspace are read ------------------------------------------------------------


def test_an_issue_saved_as_yml_is_read_like_a_yaml_one(cli, workspace):
    workspace.write("003.yml", MINIMAL_ISSUE.replace("number: 1", "number: 3"))
    assert [issue.model.number for issue in load_workspace(workspace.root).issues] == [3]
    built = cli("--root", workspace.root, "build", "3")
    assert built.code == 0, built.err
    assert [pdf.name for pdf in workspace.pdfs()] == ["20210205_lettre-de-crise_n03_a4.pdf"]


def test_files_left_by_systems_and_editors_are_passed_over_without_a_word(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("._001.yaml", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")  # macOS, on a USB key
    workspace.write(".DS_Store", b"\x00\x00\x00\x01Bud1")
    workspace.write("~$001.yaml", b"\x00lock")
    workspace.write("001.yaml~", MINIMAL_ISSUE)
    checked = cli("--root", workspace.root, "check")
    assert (checked.code, checked.err) == (0, "ok: 1 issue(s) checked\n")


def test_a_file_of_the_issues_folder_that_is_not_yaml_is_named_in_a_warning(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    workspace.write("002.txt", MINIMAL_ISSUE.replace("number: 1", "number: 2"))
    cli("--root", workspace.root, "schema")  # the schemas written next to the issues are expected there
    checked = cli("--root", workspace.root, "check")
    assert checked.code == 0
    assert checked.err.splitlines()[:2] == [
        "issues/002.txt: warning: this file is not read: issues are .yaml or .yml files",
        "    hint: if it is an issue, rename it NNN.yaml; otherwise move it out of the issues folder",
    ]
    assert "schema.json" not in checked.err


def test_a_publication_saved_as_yml_is_the_publication(workspace):
    (workspace.issues / "publication.yaml").rename(workspace.issues / "publication.yml")
    workspace.write("001.yaml", MINIMAL_ISSUE)
    loaded = load_workspace(workspace.root)
    assert loaded.publication is not None and loaded.errors == []
    assert [issue.path.name for issue in loaded.issues] == ["001.yaml"]


def test_an_issue_file_that_links_out_of_the_workspace_is_never_read(cli, workspace, tmp_path):
    """Issue 15: a link named 003.yaml to a file outside (/etc/shadow) is refused, and none of its lines shown."""
    secret = tmp_path.parent / f"{tmp_path.name}-secret.yaml"
    secret.write_text("root:$6$secret-hash:19000:0:99999:7:::\n", encoding="utf-8")
    workspace.write("001.yaml", MINIMAL_ISSUE)
    (workspace.issues / "003.yaml").symlink_to(secret)
    result = cli("--root", workspace.root, "check")
    assert result.code == 1
    assert (
        "issues/003.yaml: this file is outside the workspace folder (a link, or a path leading out of it): "
        "it is not read"
    ) in result.err
    assert "secret-hash" not in result.err and "root:" not in result.err


def test_a_publication_linked_from_outside_is_not_read(workspace, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-publication.yaml"
    outside.write_bytes((REPO / "issues" / "publication.yaml").read_bytes())
    (workspace.issues / "publication.yaml").unlink()
    (workspace.issues / "publication.yaml").symlink_to(outside)
    loaded = load_workspace(workspace.root)
    assert loaded.publication is None
    assert loaded.diagnostics[0].message.startswith("this file is outside the workspace folder")
