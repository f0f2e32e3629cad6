"""Tests of `newsletter archive`: a record that is never silently rewritten (what changed:
test_changes.py; staging and moving files in: test_staging.py; `--verify`: test_verify.py)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys

import pypdf
import pytest
from archived import JOURNAL, N01, N02, N03, edit_headline, manifest, refused, sha256, snapshot

from conftest import issue
from newsletter.archive.record import MANIFEST_FILE

# --- what the archive holds --------------------------------------------------------------------


def test_the_archive_holds_the_pdfs_the_catalogue_the_collection_the_pages_and_the_manifest(root):
    names = set(snapshot(root / "archive"))
    assert {N01, N02, "index.pdf", "collection.pdf", MANIFEST_FILE, "html/index.html"} <= names
    assert not [name for name in names if name.startswith(".")]


def test_the_manifest_records_each_file_and_its_sources(root):
    files = manifest(root)
    assert set(files) == set(snapshot(root / "archive")) - {MANIFEST_FILE}
    for name, record in files.items():
        assert record["sha256"] == sha256(root / "archive" / name), name
        assert record["size"] == (root / "archive" / name).stat().st_size
        assert record["tool_version"] == "0.1.0"
    first = files[N01]
    assert (first["issue"], first["date"], first["layout"], first["pages"]) == (1, "2021-02-05", "journal-a4", 1)
    assert [(source["role"], source["path"]) for source in first["sources"]] == [
        ("issue", "issues/001.yaml"),
        ("publication", "issues/publication.yaml"),
        ("layout", "built-in layout journal-a4.yaml"),
        ("image", "assets/logo.png"),
    ]
    assert first["sources"][0]["sha256"] == sha256(root / "issues" / "001.yaml")
    assert first["sources"][3]["sha256"] == sha256(root / "assets" / "logo.png")
    assert [source["path"] for source in files["collection.pdf"]["sources"]] == [N01, N02]


def test_the_catalogue_lists_every_issue(root):
    """What the catalogue looks like: tests/render/pdf/test_archive_index.py."""
    reader = pypdf.PdfReader(root / "archive" / "index.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    for expected in (
        "Catalogue des numéros",
        "vendredi 5 février 2021",
        "Les téléphones fonctionnent",
        "mardi 9 février 2021",
        "La messagerie revient",
    ):
        assert expected in text.replace("\u00a0", " "), expected


def test_the_collection_has_every_journal_page_in_order_and_a_bookmark_per_issue(root):
    collection = pypdf.PdfReader(root / "archive" / "collection.pdf")
    parts = [pypdf.PdfReader(root / "archive" / name) for name in (N01, N02)]
    assert [page.extract_text() for page in collection.pages] == [
        page.extract_text() for part in parts for page in part.pages
    ]
    assert [(item.title, collection.get_destination_page_number(item)) for item in collection.outline] == [
        ("N°\u00a01 — vendredi 5\u00a0février\u00a02021 — Les téléphones fonctionnent", 0),
        ("N°\u00a02 — mardi 9\u00a0février\u00a02021 — La messagerie revient", len(parts[0].pages)),
    ]


def test_the_same_issues_give_the_same_files_in_another_folder_and_process(archived_once, tmp_path):
    """The archive compares what it makes with what it recorded: nothing may depend on the folder, the time
    or the process (``PYTHONHASHSEED``: set and dict orders), the collection's bytes included."""
    again = tmp_path / "elsewhere"
    shutil.copytree(archived_once / "issues", again / "issues")
    shutil.copytree(archived_once / "assets", again / "assets")
    run = subprocess.run(
        [sys.executable, "-m", "newsletter", "--root", again, "archive", *JOURNAL],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONHASHSEED": "1"},
    )
    assert run.returncode == 0, run.stderr
    before, after = snapshot(archived_once / "archive"), snapshot(again / "archive")
    assert "collection.pdf" in after
    assert {name: data for name, data in after.items() if name != MANIFEST_FILE} == {
        name: data for name, data in before.items() if name != MANIFEST_FILE
    }


def test_the_cli_archives_the_journal_and_a_poster_for_the_issues_that_have_a_poster_section(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    workspace.write("002.yaml", issue(2, "2021-02-12") + "poster:\n  headline: Appelez le numéro unique\n")
    result = cli("--root", workspace.root, "archive")
    assert result.code == 0, result.err
    assert f"archived {workspace.root / 'archive' / N01}" in result.out.splitlines()
    assert not (workspace.root / "archive" / "20210205_lettre-de-crise_n01_poster-a3.pdf").exists()
    assert (workspace.root / "archive" / "20210212_lettre-de-crise_n02_poster-a3.pdf").is_file()


def test_a_poster_too_long_for_its_page_is_not_made_and_the_series_still_archives(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    too_long = "".join(
        f"\n    - Consigne numéro {n} à suivre avec beaucoup de soin dans tous les bâtiments" for n in range(12)
    )
    workspace.write("002.yaml", issue(2, "2021-02-12") + "poster:\n  do:" + too_long + "\n")
    assert cli("--root", workspace.root, "check").code == 0
    result = cli("--root", workspace.root, "archive")
    assert result.code == 0, result.err
    assert any(  # after the file's earlier lines' warnings (n° 2 never approved, at its number)
        line.startswith(
            "issues/002.yaml:6:3: warning: poster: the poster-a3 poster of n° 2 is not made: its text does not fit "
            "(poster.do: the do list is about"
        )
        for line in result.err.splitlines()
    )
    assert "    hint: shorten the `poster:` section's text, or check with `--layout poster-a3` to see every place" in (
        result.err.splitlines()
    )
    assert not list((workspace.root / "archive").glob("*poster*"))
    assert len(list((workspace.root / "archive").glob("*_a4.pdf"))) == 2


# --- archiving again ---------------------------------------------------------------------------


def test_archiving_again_with_nothing_changed_renders_nothing_and_changes_nothing(cli, root, monkeypatch):
    def no_rendering(*args, **kwargs):
        raise AssertionError("nothing should be rendered")

    monkeypatch.setattr("newsletter.archive.record.render", no_rendering)
    before = snapshot(root / "archive")
    result = cli("--root", root, "archive", *JOURNAL)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [f"unchanged: {len(before) - 1}"]
    assert snapshot(root / "archive") == before


def test_a_new_issue_is_added_and_the_recorded_ones_stay_as_they_were(cli, root):
    before, recorded = snapshot(root / "archive"), manifest(root)
    (root / "issues" / "003.yaml").write_text(issue(3, "2021-02-12", "Les postes reviennent"), encoding="utf-8")
    result = cli("--root", root, "archive", *JOURNAL)
    assert result.code == 0, result.err
    after = snapshot(root / "archive")
    assert after[N01] == before[N01] and after[N02] == before[N02]
    assert manifest(root)[N01] == recorded[N01]
    assert N03 in after and after["collection.pdf"] != before["collection.pdf"]
    assert len(pypdf.PdfReader(root / "archive" / "collection.pdf").outline) == 3


def test_a_change_the_pdf_does_not_show_updates_the_sources_only(cli, root):
    before = snapshot(root / "archive")
    path = root / "issues" / "002.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# relu par la DRH\n", encoding="utf-8")
    assert cli("--root", root, "archive", *JOURNAL).code == 0
    after = snapshot(root / "archive")
    assert {name for name in after if after[name] != before.get(name)} == {MANIFEST_FILE}
    assert manifest(root)[N02]["sources"][0]["sha256"] == sha256(path)


def test_supersede_keeps_the_old_file_and_records_the_correction(cli, root):
    original = (root / "archive" / N01).read_bytes()
    edit_headline(root, 1, "Les téléphones fonctionnent toujours")
    result = cli("--root", root, "archive", *JOURNAL, "--supersede", "1")
    assert result.code == 0, result.err
    kept = N01.replace(".pdf", "-superseded-1.pdf")
    assert (root / "archive" / kept).read_bytes() == original
    assert "toujours" in pypdf.PdfReader(root / "archive" / N01).pages[0].extract_text()
    files = manifest(root)
    assert files[kept]["superseded_by"] == N01 and files[kept]["sha256"] == hashlib.sha256(original).hexdigest()
    assert files[N01]["correction_of"] == kept
    assert "version corrigée" in pypdf.PdfReader(root / "archive" / "index.pdf").pages[0].extract_text()
    assert cli("--root", root, "archive", "--verify").code == 0
    edit_headline(root, 1, "Les téléphones marchent")
    assert cli("--root", root, "archive", *JOURNAL, "--supersede", "1").code == 0
    assert (root / "archive" / N01.replace(".pdf", "-superseded-2.pdf")).is_file()


def test_supersede_of_an_unchanged_issue_says_so(cli, root):
    result = cli("--root", root, "archive", *JOURNAL, "--supersede", "2", "--supersede", "9")
    assert result.code == 0
    assert "--supersede 2: its archived files are unchanged; nothing superseded" in result.err
    assert "--supersede 9: there is no issue n° 9" in result.err


def test_supersede_of_an_unchanged_issue_says_so_in_french(cli, root, french):
    result = cli("--root", root, "archive", *JOURNAL, "--supersede", "2", "--supersede", "9")
    assert result.code == 0
    assert "--supersede 2\u00a0: ses fichiers archivés n’ont pas changé\u00a0; rien n’a été remplacé" in result.err
    assert "--supersede 9\u00a0: il n’y a pas de n°\u00a09" in result.err


def test_an_issue_with_errors_is_refused_and_the_others_are_recorded(cli, root):
    (root / "issues" / "003.yaml").write_text(
        issue(3, "2021-02-12").replace("date: 2021", "date: 21"), encoding="utf-8"
    )
    result = cli("--root", root, "archive", *JOURNAL)
    assert result.code == 1
    assert result.err.splitlines()[-1] == "archived 2, refused 1: issues/003.yaml"
    assert result.out.splitlines()[-1] == "unchanged: 8"


def test_two_files_with_one_number_are_neither_archived_and_the_others_are(cli, workspace):
    workspace.write("001.yaml", issue(1, "2021-02-05"))
    workspace.write("002 - Copie.yaml", issue(2, "2021-02-12", "L’ancien titre"))
    workspace.write("002.yaml", issue(2, "2021-02-12", "Le titre corrigé"))
    named = cli("--root", workspace.root, "archive", "2", *JOURNAL)
    assert named.code == 1 and named.err.splitlines()[-1] == (
        "nothing was archived: fix the errors above and run the command again"
    )
    assert not (workspace.root / "archive").exists()
    result = cli("--root", workspace.root, "archive", *JOURNAL)
    assert result.code == 1
    assert result.err.splitlines()[-1] == "archived 1, refused 2: issues/002 - Copie.yaml, issues/002.yaml"
    assert {entry.get("issue") for entry in manifest(workspace.root).values()} == {1, None}


def test_an_error_every_issue_depends_on_stops_the_archive(cli, root):
    publication = root / "issues" / "publication.yaml"
    publication.write_text(publication.read_text(encoding="utf-8").replace("title:", "titel:"), encoding="utf-8")
    before = snapshot(root / "archive")
    err = refused(cli, root)
    assert err.splitlines()[-1].startswith("nothing was archived")
    assert snapshot(root / "archive") == before


def test_an_issue_in_progress_is_left_out_with_a_note_and_refused_when_named(cli, root):
    (root / "issues" / "003.yaml").write_text(issue(3, "2021-02-12") + "draft: yes\n", encoding="utf-8")
    before = snapshot(root / "archive")
    result = cli("--root", root, "archive", *JOURNAL)
    assert result.code == 0, result.err
    assert result.err.splitlines() == [
        "issues/003.yaml is in progress (marked as a draft): a build or archive of the whole workspace leaves it out; "
        "name it to work on it alone, e.g. `3`"
    ]
    assert snapshot(root / "archive") == before
    named = cli("--root", root, "archive", "3", *JOURNAL)
    assert named.code == 1
    assert named.err.splitlines()[:2] == [
        "issues/003.yaml:5:8: draft: n° 3 is marked `draft: yes`: the archive records what was distributed",
        "    hint: once it is distributed, delete the line `draft: yes`, then archive it",
    ]


def test_archive_records_the_issues_it_is_given_with_those_already_recorded(cli, workspace):
    for number in (1, 2, 3):
        workspace.write(f"00{number}.yaml", issue(number, f"2021-02-0{number}"))
    first = cli("--root", workspace.root, "archive", "--upto", "2", *JOURNAL)
    assert first.code == 0, first.err
    assert sorted(path.name for path in (workspace.root / "archive").glob("*_a4.pdf")) == [
        "20210201_lettre-de-crise_n01_a4.pdf",
        "20210202_lettre-de-crise_n02_a4.pdf",
    ]
    then = cli("--root", workspace.root, "archive", "3", *JOURNAL)
    assert then.code == 0, then.err
    assert "archived " + str(workspace.root / "archive" / "20210203_lettre-de-crise_n03_a4.pdf") in then.out
    catalogue = " ".join(
        page.extract_text() for page in pypdf.PdfReader(workspace.root / "archive" / "index.pdf").pages
    )
    assert all(day in catalogue for day in ("lundi", "mardi", "mercredi")), catalogue


HELD_NOTE = {
    "en": "n° 2 changed since it was archived and is not among the issues asked for: its archived files are kept, "
    "and the catalogue, collection, intranet pages and FAQ book are left as they are until "
    "`newsletter archive 2 --supersede 2` records it (or its change is undone)",
    "fr": "le n°\u00a02 a changé depuis son archivage et ne fait pas partie des numéros demandés\u00a0: ses fichiers "
    "archivés sont gardés, et le catalogue, la collection, les pages intranet et le recueil des questions restent "
    "tels quels jusqu’à ce que `newsletter archive 2 --supersede 2` l’enregistre (ou que sa modification soit "
    "annulée)",
}
REFUSED_SUMMARY = {
    "en": "archived 0, refused 1: issues/002.yaml",
    "fr": "numéros archivés\u00a0: 0\u00a0; refusés\u00a0: 1 (issues/002.yaml)",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_edited_issue_outside_those_asked_for_is_kept_as_archived(cli, root, lang):
    edit_headline(root, 2, "La messagerie revient enfin")
    before = snapshot(root / "archive")
    result = cli("--lang", lang, "--root", root, "archive", "--upto", "1", *JOURNAL)
    assert (result.code, result.err.splitlines()) == (0, [HELD_NOTE[lang]])
    assert snapshot(root / "archive") == before
    named = cli("--lang", lang, "--root", root, "archive", "1", *JOURNAL)
    assert (named.code, named.err.splitlines()) == (0, [HELD_NOTE[lang]])
    everything = cli("--lang", lang, "--root", root, "archive", *JOURNAL)
    assert everything.code == 1 and everything.err.splitlines()[-1] == REFUSED_SUMMARY[lang]
    assert snapshot(root / "archive") == before


def test_a_damaged_manifest_stops_the_archive(cli, root):
    (root / "archive" / MANIFEST_FILE).write_text("{", encoding="utf-8")
    err = refused(cli, root)
    assert "the manifest cannot be read" in err


# --- an interrupted archive --------------------------------------------------------------------


# --- issue 15: what is archived is never written over, whatever the manifest says --------------


def test_a_lost_manifest_never_lets_an_edited_issue_overwrite_its_archived_pdf(cli, root):
    before = snapshot(root / "archive")
    (root / "archive" / MANIFEST_FILE).unlink()
    edit_headline(root, 1, "Les téléphones fonctionnent toujours")
    err = refused(cli, root)
    assert f"{root / 'archive' / MANIFEST_FILE}: the manifest is missing, but the archive folder holds" in err
    assert "`newsletter archive --repair`" in err
    assert snapshot(root / "archive") == {name: data for name, data in before.items() if name != MANIFEST_FILE}
    assert cli("--root", root, "archive", "--repair").code == 0
    assert "--supersede 1" in refused(cli, root)
    corrected = cli("--root", root, "archive", *JOURNAL, "--supersede", "1")
    assert corrected.code == 0, corrected.err
    kept = N01.replace(".pdf", "-superseded-1.pdf")
    assert (root / "archive" / kept).read_bytes() == before[N01]
    assert manifest(root)[kept]["sha256"] == sha256(root / "archive" / kept)
    assert cli("--root", root, "archive", "--verify").code == 0


def test_two_archive_runs_at_once_the_second_waits_then_says_who_holds_the_archive(cli, root, monkeypatch):
    from newsletter import lock

    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)
    before = snapshot(root / "archive")
    edit_headline(root, 2, "Une autre manchette")
    with lock.exclusive(root / "archive", "archive --supersede 2", "the archive"):
        err = refused(cli, root, "--supersede", "2")
    assert f"the archive is being written by `newsletter archive --supersede 2` (process {os.getpid()}" in err
    assert snapshot(root / "archive") == before


def test_a_read_only_archive_with_nothing_to_archive_says_unchanged(cli, root, monkeypatch):
    from newsletter import lock

    def read_only(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lock, "_first_try", read_only)  # as root, the tests cannot make a folder read-only
    result = cli("--root", root, "archive", *JOURNAL)
    assert result.code == 0, result.err
    assert result.out == "unchanged: 8\n"
