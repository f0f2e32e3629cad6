"""Tests of `newsletter init` and `newsletter new`: commented files to fill, placeholders that `check` names."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest

from conftest import MINIMAL_ISSUE, REPO
from newsletter.model.load import load_workspace
from newsletter.checks.placeholders import PLACEHOLDER
from newsletter.scaffold.workspace import _EXAMPLES, issue_text
from newsletter.read import parse_yaml, read_yaml

FILLED_PUBLICATION = {
    '"À ÉCRIRE : le nom du journal, par exemple Lettre de crise"': "Le Fil de crise",
    '"À ÉCRIRE : le nom de votre collectivité"': "Communauté de communes du Val-Vert",
    '"À ÉCRIRE : le numéro de téléphone"': '"0241054000"',
    '"À ÉCRIRE : prénom et nom"': "Anne Morvan",
    '"À ÉCRIRE : son numéro de téléphone"': "02 41 05 40 01",
}


def fill(path, headline: str = "Gardez vos ordinateurs éteints") -> None:
    """Write what a user writes over the placeholders of a file made by `init` or `new`."""
    text = path.read_text(encoding="utf-8")
    replacements = {**FILLED_PUBLICATION,
                    '"À ÉCRIRE : le titre principal"': headline,
                    "À ÉCRIRE : deux ou trois phrases qui résument où en est la situation.": "Serveurs à l'arrêt.",
                    '"À ÉCRIRE : le premier message clé"': "Laissez votre ordinateur éteint.",
                    '"À ÉCRIRE : une consigne qui commence par un verbe"': "Appelez le numéro unique.",
                    '"À ÉCRIRE : ce qu’il ne faut pas faire"': "N'allumez pas votre ordinateur."}
    for placeholder, value in replacements.items():
        text = text.replace(placeholder, value)
    text = re.sub(r"^# next_issue: ", "next_issue: ", text, flags=re.MULTILINE)
    assert PLACEHOLDER not in text.replace(f"« {PLACEHOLDER} »", "")
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def fresh(cli, tmp_path):
    """A workspace just made by `newsletter init`."""
    root = tmp_path / "journal"
    result = cli("init", root)
    assert result.code == 0, result.output
    return root


def errors_of(output: str) -> list[str]:
    return [line for line in output.splitlines()
            if ": warning: " not in line and re.match(r"issues/\S+:\d+:\d+: ", line)]


# --- init --------------------------------------------------------------------------------------

def test_init_writes_a_workspace_and_says_what_to_do_next(cli, tmp_path):
    root = tmp_path / "journal"
    result = cli("init", root)
    assert result.code == 0
    issues = root / "issues"
    assert result.out.splitlines() == [
        f"wrote {issues / 'publication.yaml'}", f"wrote {issues / '001.yaml'}", f"wrote {root / '.gitignore'}",
        f"wrote {issues / 'publication.schema.json'}", f"wrote {issues / 'issue.schema.json'}",
        f"wrote {issues / 'layout.schema.json'}"]
    assert "À ÉCRIRE" in result.err and "newsletter check" in result.err
    assert (root / "layouts").is_dir() and (root / "assets").is_dir()
    gitignore = (root / ".gitignore").read_text(encoding="utf-8")
    assert "out/" in gitignore.splitlines() and "archive/" not in [line.strip() for line in gitignore.splitlines()]


def test_init_defaults_to_the_root_folder(cli, tmp_path):
    assert cli("--root", tmp_path, "init").code == 0
    assert (tmp_path / "issues" / "001.yaml").is_file()


def test_check_names_every_field_left_to_fill_with_line_and_column(cli, fresh):
    result = cli("--root", fresh, "check")
    assert result.code == 1
    assert errors_of(result.err) == [
        "issues/publication.yaml:14:8: title: still the placeholder text: write the journal's name",
        "issues/publication.yaml:20:15: organisation: still the placeholder text: write the name of your organisation",
        "issues/publication.yaml:36:10: hotline.phone: still the placeholder text: write the hotline's phone number",
        "issues/publication.yaml:45:11: contacts[1].name: still the placeholder text: write the contact's name",
        "issues/publication.yaml:47:12: contacts[1].phone: still the placeholder text: "
        "write the contact's phone number",
        "issues/001.yaml:27:11: headline: still the placeholder text: write the headline",
        "issues/001.yaml:30:7: lead: still the placeholder text: write the lead paragraph",
        "issues/001.yaml:35:5: essentials[1]: still the placeholder text: write a key message",
        "issues/001.yaml:55:5: do[1]: still the placeholder text: write an instruction (what to do)",
        "issues/001.yaml:59:5: dont[1]: still the placeholder text: write an instruction (what not to do)",
    ]
    lines = (fresh / "issues" / "001.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[26][10:].startswith('"À ÉCRIRE')  # line 27, column 11: where the placeholder is


def test_a_placeholder_left_anywhere_stops_the_build(cli, fresh):
    fill(fresh / "issues" / "publication.yaml")
    result = cli("--root", fresh, "build")
    assert result.code == 1
    assert "nothing was built" in result.err
    assert not (fresh / "out").exists()


def test_once_filled_the_workspace_checks_clean_and_builds(cli, fresh):
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


def test_every_key_of_an_issue_is_explained(fresh):
    text = (fresh / "issues" / "001.yaml").read_text(encoding="utf-8")
    from newsletter.model.formats import Issue

    for key in Issue.fields:
        assert re.search(rf"^(# )?{key}:", text, re.MULTILINE), key
        before = text[:re.search(rf"^(# )?{key}:", text, re.MULTILINE).start()].rstrip("\n").splitlines()[-1]
        assert before.startswith("# ") and not before.startswith(f"# {key}"), key  # a comment line explains it


@pytest.mark.parametrize("key", sorted(_EXAMPLES))
def test_each_commented_example_is_valid_once_uncommented(key):
    """Removing "# " from an example's lines gives a valid part of an issue."""
    text = issue_text(1, dt.date(2021, 2, 5), None)
    block = re.search(rf"^# {key}:.*?(?=\n\n|\n?\Z)", text, re.MULTILINE | re.DOTALL).group(0)
    uncommented = "\n".join(line[2:] for line in block.splitlines())
    source = parse_yaml(f"number: 1\ndate: 2021-02-05\nheadline: Titre\n{uncommented}\n", "example.yaml")
    from newsletter.model.formats import Issue

    assert not source.warnings
    Issue.parse(source.data)


# --- new ---------------------------------------------------------------------------------------

@pytest.fixture
def series(tmp_path):
    """A copy of the repository's sample series (six issues)."""
    shutil.copytree(REPO / "issues", tmp_path / "issues")
    shutil.copytree(REPO / "assets", tmp_path / "assets")
    return tmp_path


def test_new_takes_the_next_number_and_the_given_date(cli, series):
    result = cli("--root", series, "new", "--date", "2021-03-19")
    assert result.code == 0, result.err
    assert result.out.strip() == f"wrote {series / 'issues' / '007.yaml'} (n° 7)"
    assert "copied from n° 6, to update: do, dont, contacts, poster" in result.err
    assert "to write: headline, lead, essentials" in result.err
    data = read_yaml(series / "issues" / "007.yaml").data
    assert (data["number"], data["date"]) == ("7", "2021-03-19")
    text = (series / "issues" / "007.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=issue.schema.json\n")
    assert (series / "issues" / "issue.schema.json").is_file()


def test_new_defaults_to_today(cli, fresh):
    assert cli("--root", fresh, "new").code == 0
    assert read_yaml(fresh / "issues" / "002.yaml").data["date"] == dt.date.today().isoformat()


def test_new_copies_what_recurs_exactly_as_typed(cli, series):
    cli("--root", series, "new", "--date", "2021-03-19")
    latest = read_yaml(series / "issues" / "006.yaml").data
    new = read_yaml(series / "issues" / "007.yaml").data
    for key in ("do", "dont", "contacts"):
        assert new[key] == latest[key]
    assert new["poster"] == {"do": latest["poster"]["do"], "dont": latest["poster"]["dont"]}
    assert "0261914021" in [contact["phone"] for contact in new["contacts"]]  # text, as typed
    assert new["edition"] == "Spécial cyberattaque — étape 7"
    for one_off in ("news", "faq", "testimonials", "next_issue", "time"):
        assert one_off not in new  # left as commented examples


def test_new_copies_status_situation_and_tips_when_the_latest_has_them(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + """\
situation:
  known: [Les serveurs ont été chiffrés.]
  doing:
    - Les sauvegardes sont vérifiées.
status:
  - system: Messagerie
    state: down
    since: "2021-02-04"
tips:
  - Notez vos heures sur papier.
  - title: Téléphone
    body: |
      Le standard répond.

      Le soir aussi.
""")
    assert cli("--root", workspace.root, "new", "--date", "2021-02-12").code == 0
    latest = read_yaml(workspace.issues / "001.yaml").data
    new = read_yaml(workspace.issues / "002.yaml").data
    for key in ("situation", "status", "tips"):
        assert new[key] == latest[key], key


def test_the_new_issue_passes_check_except_the_fields_to_write(cli, series):
    cli("--root", series, "new", "--date", "2021-03-19")
    result = cli("--root", series, "check")
    assert result.code == 1
    assert [line.split(": ", 2)[1:] for line in errors_of(result.err)] == [
        ["headline", "still the placeholder text: write the headline"],
        ["lead", "still the placeholder text: write the lead paragraph"],
        ["essentials[1]", "still the placeholder text: write a key message"],
    ]
    assert all(line.startswith("issues/007.yaml:") for line in errors_of(result.err))
    fill(series / "issues" / "007.yaml")
    assert cli("--root", series, "check").code == 0


def test_new_refuses_when_the_workspace_has_errors(cli, series):
    (series / "issues" / "006.yaml").write_text("number: 6\ndate: 2021-13-12\nheadline: x\n", encoding="utf-8")
    result = cli("--root", series, "new")
    assert result.code == 1
    assert "no new issue was created" in result.err and "issues/006.yaml:2:7" in result.err
    assert not (series / "issues" / "007.yaml").exists()


def test_new_without_any_issue_starts_at_one(cli, fresh):
    (fresh / "issues" / "001.yaml").unlink()
    assert cli("--root", fresh, "new", "--date", "2021-02-05").code == 0
    assert read_yaml(fresh / "issues" / "001.yaml").data["number"] == "1"


def test_a_wrong_date_is_a_usage_error(cli, fresh):
    result = cli("--root", fresh, "new", "--date", "5/2/2021")
    assert result.code == 2
    assert "YYYY-MM-DD" in result.err
    assert not (fresh / "issues" / "002.yaml").exists()


def test_three_new_issues_in_a_row_make_a_series_that_checks_clean(cli, fresh):
    fill(fresh / "issues" / "publication.yaml")
    fill(fresh / "issues" / "001.yaml")
    for day in ("2021-02-08", "2021-02-15", "2021-02-22"):
        assert cli("--root", fresh, "new", "--date", day).code == 0
    for number in (2, 3, 4):
        fill(fresh / "issues" / f"{number:03d}.yaml", headline=f"Point numéro {number}")
    assert cli("--root", fresh, "check").code == 0
    workspace = load_workspace(fresh)
    assert [item.model.number for item in workspace.issues] == [1, 2, 3, 4]
    assert workspace.issue(4).model.do == workspace.issue(1).model.do
