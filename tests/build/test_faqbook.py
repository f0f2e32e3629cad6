"""`newsletter faq`: four files named like the issues', rewritten only when what they are made from changed."""

from __future__ import annotations

from faqseries import write_series

from conftest import MINIMAL_ISSUE
from newsletter.build.faqbook import prepare_faq

NAMES = [
    "20210219_lettre-de-crise_faq-phone.txt",
    "20210219_lettre-de-crise_faq.html",
    "20210219_lettre-de-crise_faq.md",
    "20210219_lettre-de-crise_faq.pdf",
]


def written(workspace, force: bool = False) -> list[str]:
    run = prepare_faq(workspace.root, workspace.out, force)
    assert not run.result.errors
    return sorted(path.name for path in run.write())


def test_four_files_then_nothing_until_an_issue_changes(workspace):
    write_series(workspace)
    assert written(workspace) == NAMES
    assert "Non, restez chez vous." in (workspace.out / NAMES[2]).read_text(encoding="utf-8")
    assert written(workspace) == []
    assert written(workspace, force=True) == NAMES
    path = workspace.issues / "002.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("restez chez vous", "venez à 10 h"), encoding="utf-8")
    assert written(workspace) == NAMES
    assert "Non, venez à 10" in (workspace.out / NAMES[2]).read_text(encoding="utf-8")


def test_no_question_no_file(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    run = prepare_faq(workspace.root, workspace.out)
    assert run.book is not None and run.book.entries == [] and run.todo == []


def test_an_issue_with_errors_gives_nothing(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + "faq:\n  - q: Sans réponse ?\n")
    run = prepare_faq(workspace.root, workspace.out)
    assert [d.message for d in run.result.errors] == ["the required key `a` is missing"]
    assert run.todo == [] and not workspace.out.exists()


def test_the_archive_records_the_book_with_the_rest(workspace):
    import json

    from newsletter.archive.record import make_archive
    from newsletter.build.plan import plan

    write_series(workspace)
    result = plan(workspace.root, [], ["journal-a4"])
    make_archive(result, workspace.root / "archive")
    files = json.loads((workspace.root / "archive" / "manifest.json").read_text(encoding="utf-8"))["files"]
    book = [name for name in NAMES if not name.endswith(".html")]  # its page is html/faq.html
    assert all(name in files and (workspace.root / "archive" / name).is_file() for name in book)
    assert {source["path"] for source in files[NAMES[3]]["sources"]} >= {"issues/001.yaml", "issues/003.yaml"}
    page = (workspace.root / "archive" / "html" / "faq.html").read_text(encoding="utf-8")
    assert "Réponse mise à jour dans le n°\u00a02" in page and "Puis-je badger" not in page
