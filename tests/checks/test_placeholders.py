"""Placeholder texts ("À ÉCRIRE …", left by `init` and `new`): an error at each one left, saying what to write."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_ISSUE, issue
from newsletter.checks.placeholders import PLACEHOLDER, placeholder_problems
from newsletter.model.formats import Issue, Publication

HINT = 'replace the words "À ÉCRIRE : …" with your text, or delete the line if it is not needed'
REQUIRED = 'replace the words "À ÉCRIRE : …" with your text: this line is required'


@pytest.mark.parametrize(
    "record, data, field, what, hint",
    [
        (Publication, {"title": "À ÉCRIRE : le nom du journal"}, ("title",), "the journal's name", REQUIRED),
        (Publication, {"organisation": "À ÉCRIRE"}, ("organisation",), "the name of your organisation", HINT),
        (
            Publication,
            {"hotline": {"phone": "À ÉCRIRE : le numéro"}},
            ("hotline", "phone"),
            "the hotline's phone number",
            REQUIRED,
        ),
        (Issue, {"headline": "À ÉCRIRE : le titre"}, ("headline",), "the headline", REQUIRED),
        (Issue, {"lead": "À ÉCRIRE : deux phrases.\n"}, ("lead",), "the lead paragraph", HINT),
        (Issue, {"essentials": ["Un message.", "À ÉCRIRE"]}, ("essentials", 1), "a key message", HINT),
        (Issue, {"do": ["À ÉCRIRE : une consigne"]}, ("do", 0), "an instruction (what to do)", HINT),
        (Issue, {"dont": ["À ÉCRIRE : une consigne"]}, ("dont", 0), "an instruction (what not to do)", HINT),
        (
            Issue,
            {"contacts": [{"name": "Anne"}, {"name": "À ÉCRIRE"}]},
            ("contacts", 1, "name"),
            "the contact's name",
            REQUIRED,
        ),
        (
            Publication,
            {"contacts": [{"phone": "À ÉCRIRE"}]},
            ("contacts", 0, "phone"),
            "the contact's phone number",
            HINT,
        ),
    ],
)
def test_each_placeholder_says_what_to_write_there_and_whether_its_line_may_go(record, data, field, what, hint):
    [problem] = placeholder_problems(data, record)
    assert problem.loc == field and problem.severity == "error"
    assert problem.message == f"still the placeholder text: write {what}"
    assert problem.hint == hint


def test_any_other_field_is_named_as_users_read_it():
    [problem] = placeholder_problems({"faq": [{"q": "Quand ?", "a": "À ÉCRIRE : la réponse"}]}, Issue)
    assert problem.loc == ("faq", 0, "a")
    assert problem.message == "still the placeholder text: write the text of `faq[1].a`"


def test_every_placeholder_left_is_reported_in_the_order_of_the_file():
    data = {"headline": "À ÉCRIRE", "lead": "Écrit.", "do": ["À ÉCRIRE", "Fait.", "À ÉCRIRE"]}
    assert [problem.loc for problem in placeholder_problems(data, Issue)] == [("headline",), ("do", 0), ("do", 2)]


def test_spaces_or_a_line_break_before_it_change_nothing():
    assert len(placeholder_problems({"lead": "\n  À ÉCRIRE : le chapeau"}, Issue)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Remplacez « À ÉCRIRE » par votre texte",  # the words quoted inside a text are the team's own
        "À écrire demain",  # not the placeholder: it is written in capitals
        "",
    ],
)
def test_a_text_that_does_not_start_with_the_placeholder_is_the_teams(text):
    assert placeholder_problems({"lead": text, "faq": [{"q": text, "a": None}]}, Issue) == []


def test_the_placeholder_is_what_the_templates_write():
    assert PLACEHOLDER == "À ÉCRIRE"


def test_a_placeholder_is_located_where_it_was_typed_and_nothing_is_built(cli, workspace):
    workspace.write(
        "001.yaml",
        MINIMAL_ISSUE.replace("headline: Les téléphones fonctionnent", 'headline: "À ÉCRIRE : le titre"')
        + "lead: |\n  Texte écrit.\nfaq:\n  - q: Quand ?\n    a: |\n      À ÉCRIRE : la réponse\n",
    )
    result = cli("--root", workspace.root, "build", "1")
    assert result.code == 1
    assert result.err.splitlines()[:4] == [  # an answer is required as the headline is: its line cannot go
        "issues/001.yaml:3:11: headline: still the placeholder text: write the headline",
        f"    hint: {REQUIRED}",
        "issues/001.yaml:9:8: faq[1].a: still the placeholder text: write the text of `faq[1].a`",
        f"    hint: {REQUIRED}",
    ]
    assert "nothing was built" in result.err and not workspace.out.exists()


def test_an_issue_with_a_placeholder_left_is_in_progress_a_whole_build_leaves_it_out(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    placeholder = 'headline: "À ÉCRIRE : le titre"'
    workspace.write("002.yaml", issue(2, "2021-02-12").replace("headline: Les téléphones fonctionnent", placeholder))
    built = cli("--root", workspace.root, "build")
    assert built.code == 0
    assert built.err.splitlines() == [
        "issues/002.yaml is in progress (1 placeholder text left): a build or archive of the whole workspace leaves "
        "it out; name it to work on it alone, e.g. `2`"
    ]
    assert [path.name for path in workspace.pdfs()] == ["20210205_lettre-de-crise_n01_a4.pdf"]
    checked = cli("--root", workspace.root, "check")
    assert checked.code == 0
    assert checked.err.splitlines()[1] == (
        "issues/002.yaml:3:11: warning: headline: still the placeholder text: write the headline"
    )


@pytest.mark.parametrize(
    "text, details",
    [
        ("Appelez le « À ÉCRIRE : numéro de la ligne » dès 8 h.", "« À ÉCRIRE : numéro de la ligne »"),
        ("Paid on [TO WRITE: the payment date], as usual.", "[TO WRITE: the payment date]"),
        ("« À ÉCRIRE : jour » puis « À ÉCRIRE : heure »", "« À ÉCRIRE : jour » « À ÉCRIRE : heure »"),
    ],
)
def test_a_local_detail_left_inside_a_text_is_an_error_quoting_it(text, details):
    [problem] = placeholder_problems({"lead": text}, Issue)
    assert problem.loc == ("lead",) and problem.severity == "error"
    assert problem.message == f"still to write here: {details}"


def test_an_english_placeholder_text_is_one_too():
    [problem] = placeholder_problems({"headline": "TO WRITE: the headline"}, Issue)
    assert problem.message == "still the placeholder text: write the headline"


def test_the_words_in_ordinary_text_are_no_placeholder():
    assert placeholder_problems({"lead": "Il reste des courriers à écrire, to write later."}, Issue) == []
