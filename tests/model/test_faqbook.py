"""The FAQ book's gathering: one entry per question (by `id:`, else by wording), the latest answer,
the issue that changed it, retired questions left out, themes kept."""

from __future__ import annotations

from faqseries import write_series

from newsletter.build.plan import plan
from newsletter.model.faqbook import gather, question_key


def book_of(workspace):
    write_series(workspace)
    result = plan(workspace.root, [], [], render_checks=False)
    assert not result.errors, result.errors
    return gather(result.documents)


def test_each_question_once_with_its_latest_wording_answer_and_issue(workspace):
    book = book_of(workspace)
    assert [(e.item.q, e.item.a, e.source.issue.number) for e in book.entries] == [
        ("Serai-je payé en février ?", "Oui, le 25 février.", 2),
        ("dois-je  venir LUNDI?", "Non, restez chez vous.", 2),
    ]


def test_an_answer_changed_since_first_given_names_the_issue_that_changed_it(workspace):
    pay, monday = book_of(workspace).entries
    assert monday.first.issue.number == 1 and monday.updated_in.issue.number == 2
    assert pay.updated_in is None  # reworded question, same answer: no update


def test_a_retired_question_leaves_the_book_and_themes_group_the_rest(workspace):
    book = book_of(workspace)
    assert "Puis-je badger ?" not in [entry.item.q for entry in book.entries]
    assert [(theme.name, [e.item.q for e in theme.entries]) for theme in book.themes()] == [
        ("Paie et congés", ["Serai-je payé en février ?"]),  # the theme given once, in n° 1, is kept
        ("Organisation", ["dois-je  venir LUNDI?"]),
    ]


def test_the_files_are_named_like_the_issues_dated_by_the_newest(workspace):
    assert book_of(workspace).file_name("faq", "pdf") == "20210219_lettre-de-crise_faq.pdf"


def test_wording_is_matched_without_case_spaces_or_punctuation():
    assert question_key("Dois-je  venir **lundi** ?") == question_key("dois je venir LUNDI?")


def test_no_issue_no_book():
    assert gather([]) is None
