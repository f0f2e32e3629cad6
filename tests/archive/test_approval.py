"""Sign-off: the archive records who approved each issue and when, in the manifest and the catalogue, and
says when an issue it records was never approved (an error with --strict)."""

from __future__ import annotations

import io
import json

import pypdf

from conftest import issue

APPROVED = "approved:\n  by: Claire Dubois, DGS\n  on: 2021-02-04\n"
N01, N02 = "20210205_lettre-de-crise_n01_a4.pdf", "20210209_lettre-de-crise_n02_a4.pdf"


def series(workspace, approve_second: bool = False) -> None:
    workspace.write("001.yaml", issue(1, "2021-02-05") + APPROVED)
    workspace.write("002.yaml", issue(2, "2021-02-09") + (APPROVED.replace("04", "09") if approve_second else ""))


def archive(cli, workspace, *args):
    return cli("--root", workspace.root, "--lang", "en", "archive", "--layout", "journal-a4", *args)


def files(workspace) -> dict:
    return json.loads((workspace.root / "archive" / "manifest.json").read_text(encoding="utf-8"))["files"]


def catalogue(workspace) -> str:
    reader = pypdf.PdfReader(io.BytesIO((workspace.root / "archive" / "index.pdf").read_bytes()))
    return " ".join(page.extract_text() for page in reader.pages).replace("\u00a0", " ").replace("\n", " ")


def test_the_approval_is_in_the_manifest_and_the_catalogue_and_a_missing_one_is_said(cli, workspace):
    series(workspace)
    done = archive(cli, workspace)
    assert done.code == 0, done.err
    assert (
        "issues/002.yaml:1:9: warning: number: issue n° 2 was never approved: the archive cannot say who let it out"
        in done.err
    )
    assert "add to the issue an `approved` group with `by` (who approved it) and `on` (the day, YYYY-MM-DD)" in done.err
    recorded = files(workspace)
    assert recorded[N01]["approved"] == {"by": "Claire Dubois, DGS", "on": "2021-02-04"}
    assert "approved" not in recorded[N02]
    text = catalogue(workspace)
    assert "Validé par Claire Dubois, DGS, 4 février 2021" in text and "Non validé" in text


def test_strict_refuses_to_archive_an_issue_never_approved(cli, workspace):
    series(workspace)
    refused = archive(cli, workspace, "--strict")
    assert refused.code == 1
    assert "issues/002.yaml:1:9: number: issue n° 2 was never approved" in refused.err
    assert "archived 1, refused 1: issues/002.yaml" in refused.err
    assert N02 not in files(workspace) and N01 in files(workspace)  # the approved issue is archived


def test_an_approval_given_later_is_recorded_without_touching_the_pdfs(cli, workspace):
    series(workspace)
    assert archive(cli, workspace).code == 0
    pdf_before = (workspace.root / "archive" / N02).read_bytes()
    series(workspace, approve_second=True)
    again = archive(cli, workspace, "--strict")
    assert again.code == 0, again.err
    assert files(workspace)[N02]["approved"] == {"by": "Claire Dubois, DGS", "on": "2021-02-09"}
    assert (workspace.root / "archive" / N02).read_bytes() == pdf_before  # the approval is not printed
    assert "Non validé" not in catalogue(workspace)


def test_the_samples_are_all_approved():
    from conftest import REPO
    from newsletter.archive.approval import unapproved
    from newsletter.build.plan import plan

    assert unapproved(plan(REPO, [], [], render_checks=False)) == []
