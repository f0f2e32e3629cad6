"""Tests of `newsletter new`: the next number, what recurs copied exactly as typed, placeholders for the rest."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import MINIMAL_ISSUE, REPO
from newsletter.model.load import load_workspace
from newsletter.read import read_yaml


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


def test_new_says_where_it_comes_from_and_what_to_update(cli, series):
    cli("--root", series, "new", "--date", "2021-03-19")
    lines = (series / "issues" / "007.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[1] == "# Numéro 7 (préparé à partir du numéro 6). Pour préparer le numéro suivant : newsletter new"
    for key in ("do", "dont", "contacts", "poster"):
        assert lines[lines.index(f"{key}:") - 1] == "# Repris du numéro 6 : à mettre à jour.", key
    edition = next(index for index, line in enumerate(lines) if line.startswith("edition: "))
    assert lines[edition - 1] == "# Repris du numéro précédent : vérifiez-le."


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
    workspace.write(
        "001.yaml",
        MINIMAL_ISSUE
        + """\
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
""",
    )
    assert cli("--root", workspace.root, "new", "--date", "2021-02-12").code == 0
    latest = read_yaml(workspace.issues / "001.yaml").data
    new = read_yaml(workspace.issues / "002.yaml").data
    for key in ("situation", "status", "tips"):
        assert new[key] == latest[key], key


def test_the_new_issue_passes_check_except_the_fields_to_write(cli, series, fill, errors_of):
    cli("--root", series, "new", "--date", "2021-03-19")
    assert cli("--root", series, "check").code == 0  # in progress: the whole series is fine to build
    result = cli("--root", series, "check", "7")
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


def test_three_new_issues_in_a_row_make_a_series_that_checks_clean(cli, fresh, fill):
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


def test_new_takes_the_date_the_latest_issue_announced(cli, series):
    """Staff were told when the next issue comes: issue 6 of the samples announces 2021-04-09."""
    result = cli("--root", series, "new")
    assert result.code == 0, result.err
    assert read_yaml(series / "issues" / "007.yaml").data["date"] == "2021-04-09"
    assert "dated 2021-04-09, the date n° 6 announced for it (--date YYYY-MM-DD chooses another)" in result.err


def test_a_date_given_wins_over_the_one_announced(cli, series):
    assert cli("--root", series, "new", "--date", "2021-03-22").code == 0
    assert read_yaml(series / "issues" / "007.yaml").data["date"] == "2021-03-22"
