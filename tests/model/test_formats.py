"""Tests of the file formats: what each key accepts, what it turns the text into, and what it says when wrong.

Every case goes through the loader, as ``newsletter check`` does, so each message is checked with
the ``file:line:column: field:`` it is printed with.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import MINIMAL_ISSUE
from newsletter.model.formats import STATES, Issue, Publication
from newsletter.model.load import load_model

HEAD = "number: 3\ndate: 2021-02-16\nheadline: Les premiers outils reviennent\n"


@pytest.fixture
def issue(workspace):
    """Validate issue text written as ``issues/003.yaml``: (model or None, diagnostics as printed)."""

    def validate(text: str):
        path = workspace.write("003.yaml", text)
        loaded, diagnostics = load_model(Issue, path, workspace.root)
        return (loaded.model if loaded else None), diagnostics

    return validate


@pytest.fixture
def valid(issue):
    def model(text: str) -> Issue:
        found, diagnostics = issue(text)
        assert found is not None, [str(d) for d in diagnostics]
        return found

    return model


@pytest.fixture
def error(issue):
    """The single error of a text that must be refused."""

    def single(text: str):
        found, diagnostics = issue(text)
        assert found is None
        errors = [d for d in diagnostics if d.is_error]
        assert len(errors) == 1, [str(d) for d in errors]
        return errors[0]

    return single


def headline_of(diagnostic) -> str:
    """The first line of a diagnostic as the terminal shows it."""
    return str(diagnostic).splitlines()[0]


# --- required keys and unknown keys -----------------------------------------------------------


@pytest.mark.parametrize(
    "key, line_text",
    [
        ("number", "date: 2021-02-16\nheadline: Titre\n"),
        ("date", "number: 3\nheadline: Titre\n"),
        ("headline", "number: 3\ndate: 2021-02-16\n"),
    ],
)
def test_a_missing_required_key_is_named_with_the_line_to_add(error, key, line_text):
    found = error(line_text)
    assert headline_of(found) == f"issues/003.yaml:1:1: {key}: the required key `{key}` is missing"
    assert found.hint == f"add a line `{key}: ...`"


def test_a_missing_key_inside_a_list_item_points_at_the_item(error):
    found = error(HEAD + "faq:\n  - q: Puis-je badger ?\n")
    assert (found.line, found.column, found.field) == (5, 5, "faq[1].a")
    assert found.message == "the required key `a` is missing"
    assert found.hint == "add a line `a: ...` inside `faq[1]`"


@pytest.mark.parametrize(
    "typo, meant",
    [
        ("headlin", "headline"),
        ("nextissue", "next_issue"),
        ("Essentials", "essentials"),
        ("tip", "tips"),
    ],
)
def test_an_unknown_key_suggests_the_nearest_valid_one(error, typo, meant):
    found = error(HEAD + f"{typo}: x\n")
    assert headline_of(found) == f"issues/003.yaml:4:1: {typo}: unknown key `{typo}`"
    assert found.hint == f"did you mean `{meant}`?"


def test_an_unknown_key_with_no_near_match_lists_the_allowed_keys(error):
    found = error(HEAD + "faq:\n  - q: Question ?\n    a: Réponse.\n    zzz: x\n")
    assert (found.line, found.column, found.field) == (7, 5, "faq[1].zzz")
    assert found.hint == "the keys allowed here are: q, a, id, theme, retired"


# --- types: text where a list is expected, and the reverse ------------------------------------


def test_text_where_a_list_is_expected(error):
    found = error(HEAD + "do: Attendez la pastille verte.\n")
    assert (
        headline_of(found) == "issues/003.yaml:4:5: do: expected a list, found the text 'Attendez la pastille verte.'"
    )
    assert "- " in found.hint


def test_a_list_where_text_is_expected(error):
    found = error("number: 3\ndate: 2021-02-16\nheadline:\n  - Les outils\n  - reviennent\n")
    assert (found.line, found.column, found.field) == (4, 3, "headline")
    assert found.message == "expected text, found a list"


def test_text_where_a_group_of_keys_is_expected(error):
    found = error(HEAD + "faq:\n  - Quand la messagerie revient-elle ?\n")
    assert (found.line, found.column, found.field) == (5, 5, "faq[1]")
    assert found.message.startswith("expected a group of `key: value` lines, found the text")


def test_a_nested_list_of_the_wrong_type_names_the_nested_field(error):
    found = error(HEAD + "situation:\n  known: Les serveurs sont arrêtés.\n")
    assert (found.line, found.column, found.field) == (5, 10, "situation.known")
    assert found.message.startswith("expected a list")


# --- number ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, expected", [("3", 3), ("010", 10), ("12", 12), ('" 4 "', 4)])
def test_number_is_read_as_the_whole_number_a_person_means(valid, typed, expected):
    # `010` is issue ten, as the team writes it to sort files, never octal 8.
    assert valid(f"number: {typed}\ndate: 2021-02-16\nheadline: Titre\n").number == expected


@pytest.mark.parametrize("typed", ["0", "abc", "-2", "3.5", "1e3", "trois"])
def test_number_must_be_a_whole_number_above_zero(error, typed):
    found = error(f"number: {typed}\ndate: 2021-02-16\nheadline: Titre\n")
    assert headline_of(found) == (
        f"issues/003.yaml:1:9: number: expected a whole number above zero, like 3; found '{typed}'"
    )
    assert found.hint == "write the issue number as digits only, e.g. number: 3"


# --- dates and time ------------------------------------------------------------------------------


def test_date_is_read_as_a_calendar_date(valid):
    model = valid(HEAD + "next_issue: 2021-02-23\n")
    assert (model.date, model.next_issue) == (dt.date(2021, 2, 16), dt.date(2021, 2, 23))


@pytest.mark.parametrize("typed", ["05/02/2021", "2021-2-5", "5 février 2021", "20210205"])
def test_a_date_in_another_format_is_refused(error, typed):
    found = error(f"number: 3\ndate: {typed}\nheadline: Titre\n")
    assert headline_of(found) == (
        f"issues/003.yaml:2:7: date: expected a date written YYYY-MM-DD, like 2021-02-05; found '{typed}'"
    )
    assert "2021-02-05" in found.hint


@pytest.mark.parametrize(
    ("typed", "why", "hint"),
    [
        ("2021-02-30", "month 02 has 28 days", "write the day after the last dash, from 01 to 28"),
        ("2024-02-30", "month 02 has 29 days", "write the day after the last dash, from 01 to 29"),
        ("2021-04-31", "month 04 has 30 days", "write the day after the last dash, from 01 to 30"),
        (
            "2021-13-01",
            "there is no month 13",
            "write the month between the dashes, from 01 to 12: year-month-day, e.g. 2021-02-05",
        ),
        ("0000-02-05", "there is no year 0000", "write the year in four digits, e.g. 2021-02-05"),
    ],
)
def test_a_date_not_on_the_calendar_says_which_part_does_not_exist(error, typed, why, hint):
    found = error(f"number: 3\ndate: {typed}\nheadline: Titre\n")
    assert str(found) == f"issues/003.yaml:2:7: date: {typed} is not a date on the calendar: {why}\n    hint: {hint}"


def test_a_date_not_on_the_calendar_is_said_in_french(error, french):
    found = error("number: 3\ndate: 2021-02-30\nheadline: Titre\n")
    assert str(found) == (
        "issues/003.yaml:2:7: date: 2021-02-30 n’existe pas dans le calendrier\u00a0: le mois 02 a 28 jours\n"
        "    conseil\u00a0: écrivez le jour après le dernier tiret, de 01 à 28"
    )


def test_next_issue_is_checked_like_the_date(error):
    found = error(HEAD + "next_issue: 2021-02-30\n")
    assert (found.line, found.column, found.field) == (4, 13, "next_issue")


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("16:30", "16:30"),
        ('"16:30"', "16:30"),
        ("9:05", "09:05"),
        ("17h30", "17:30"),
        ("00:00", "00:00"),
    ],
)
def test_time_is_kept_as_hours_and_minutes(valid, typed, kept):
    assert valid(HEAD + f"time: {typed}\n").time == kept


@pytest.mark.parametrize("typed", ["25:00", "17:60", "17", "midi", "5 pm"])
def test_a_time_that_is_not_hh_mm_is_refused(error, typed):
    found = error(HEAD + f"time: {typed}\n")
    assert (
        headline_of(found) == f"issues/003.yaml:4:7: time: expected a time written HH:MM, like 17:30; found '{typed}'"
    )


# --- status ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("state", STATES)
def test_each_of_the_four_states_is_accepted(valid, state):
    assert valid(HEAD + f"status:\n  - system: Paie\n    state: {state}\n").status[0].state == state


def test_a_state_not_among_the_four_is_refused_with_the_choices(error):
    found = error(HEAD + "status:\n  - system: Paie\n    state: broken\n")
    assert headline_of(found) == (
        "issues/003.yaml:6:12: status[1].state: expected one of "
        "'down', 'degraded', 'testing' or 'restored'; found 'broken'"
    )


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("titre", "headline"),
        ("Questions", "faq"),
        ("à faire", "do"),
        ("chapô", "lead"),
        ("prochain numéro", "next_issue"),
    ],
)
def test_a_key_typed_in_french_suggests_the_real_one(error, typed, meant):
    """Not the nearest spelling: `titre` is nearest to `time`."""
    head = HEAD.replace("headline:", "edition:") if meant == "headline" else HEAD
    found = error(head + f"{typed}: x\n")
    assert headline_of(found) == f"issues/003.yaml:4:1: {typed}: unknown key `{typed}`"
    assert found.hint == f"did you mean `{meant}`?"
    assert str(found).endswith(f"hint: did you mean `{meant}`? (`newsletter check --fix` does it)")


def test_a_french_key_is_not_renamed_to_a_key_already_there(issue):
    _, diagnostics = issue(HEAD + "titre: Autre titre\nchapo: Un\nintro: Deux\n")
    assert [(d.field, d.hint, d.mend) for d in diagnostics] == [
        ("titre", "did you mean `headline`?", None),
        ("chapo", "did you mean `lead`?", None),
        ("intro", "did you mean `lead`?", None),
    ]


def test_a_required_key_typed_in_french_is_not_also_missing(issue):
    _, diagnostics = issue("number: 3\ndate: 2021-02-16\ntitre: Les premiers outils reviennent\n")
    assert [str(d).splitlines()[0] for d in diagnostics] == ["issues/003.yaml:3:1: titre: unknown key `titre`"]


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("en panne", "down"),
        ("En panne", "down"),
        ("rétabli", "restored"),
        ("Rétablie", "restored"),
        ("dégradé", "degraded"),
    ],
)
def test_a_state_written_in_french_gets_the_state_meant(error, typed, meant):
    found = error(HEAD + f"status:\n  - system: Paie\n    state: {typed}\n")
    assert found.hint == f"did you mean `{meant}`?"


def test_a_misspelt_state_gets_a_suggestion(error):
    assert error(HEAD + "status:\n  - system: Paie\n    state: restord\n").hint == "did you mean `restored`?"


# --- tips -----------------------------------------------------------------------------------------


def test_tips_may_be_plain_text_or_title_and_body(valid):
    model = valid(
        HEAD + "tips:\n  - Notez vos rendez-vous sur papier.\n"
        "  - title: Trouver un numéro\n    body: L'annuaire papier est à l'accueil.\n"
    )
    assert [(tip.title, tip.body) for tip in model.tips] == [
        (None, "Notez vos rendez-vous sur papier."),
        ("Trouver un numéro", "L'annuaire papier est à l'accueil."),
    ]


def test_a_tip_with_a_title_and_no_body_is_refused(error):
    found = error(HEAD + "tips:\n  - title: Trouver un numéro\n")
    assert (found.line, found.column, found.field) == (5, 5, "tips[1].body")
    assert found.message == "the required key `body` is missing"


# --- empty text -----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, column", [('""', 8), ('"   "', 8), ("", 7)])
def test_an_empty_answer_is_refused_where_it_is(error, typed, column):
    found = error(HEAD + "faq:\n  - q: Q1 ?\n    a: A1.\n  - q: Q2 ?\n" + f"    a: {typed}\n")
    assert headline_of(found) == f"issues/003.yaml:8:{column}: faq[2].a: this answer is empty"
    assert found.hint == "write the text, or remove the line"


@pytest.mark.parametrize(
    "text, what",
    [
        ("number: 3\ndate: 2021-02-16\nheadline:\n", "headline"),
        (HEAD + "essentials:\n  -\n", "text"),
        (HEAD + 'do:\n  - ""\n', "text"),
        (HEAD + "news:\n  - title: La paie\n    body:\n", "article"),
        (HEAD + "testimonials:\n  - quote: Merci.\n    name: ' '\n", "name"),
    ],
)
def test_an_empty_text_says_which_text(error, text, what):
    assert error(text).message == f"this {what} is empty"


def test_optional_text_may_be_left_empty(valid):
    model = valid(HEAD + "edition:\nlead:\nposter:\n  headline:\n")
    assert (model.edition, model.lead, model.poster.headline) == (None, None, None)


# --- scalars are kept as typed --------------------------------------------------------------------


def test_scalars_are_kept_exactly_as_typed(valid):
    model = valid(
        HEAD + "contacts:\n  - name: Standard\n    phone: 0241054000\n    role: no\n"
        "    email: 1.10\nedition: 12:30\nlead: yes\n"
    )
    contact = model.contacts[0]
    assert (contact.phone, contact.role, contact.email) == ("0241054000", "no", "1.10")
    assert (model.edition, model.lead) == ("12:30", "yes")


def test_publication_scalars_are_kept_exactly_as_typed(workspace):
    path = workspace.write(
        "publication.yaml",
        "title: Lettre\nlogo: no\nfooter: on\nhotline:\n  label: Numéro unique\n  phone: 0241054000\n  hours: 12:30\n",
    )
    loaded, diagnostics = load_model(Publication, path, workspace.root)
    assert diagnostics == []
    hotline = loaded.model.hotline
    assert (hotline.phone, hotline.hours, loaded.model.logo, loaded.model.footer) == ("0241054000", "12:30", "no", "on")


def test_publication_defaults(workspace):
    path = workspace.write("publication.yaml", "title: Lettre\n")
    model = load_model(Publication, path, workspace.root)[0].model
    assert (model.language, model.layout, model.contacts, model.hotline) == ("fr", "journal-a4", [], None)


def test_language_is_fr_or_en(workspace):
    path = workspace.write("publication.yaml", "title: Lettre\nlanguage: de\n")
    loaded, [found] = load_model(Publication, path, workspace.root)
    assert loaded is None
    assert headline_of(found) == "issues/publication.yaml:2:11: language: expected one of 'fr' or 'en'; found 'de'"


@pytest.mark.parametrize("typed, meant", [("français", "fr"), ("Francais", "fr"), ("anglais", "en"), ("English", "en")])
def test_a_language_written_as_a_word_gets_its_code(workspace, typed, meant):
    path = workspace.write("publication.yaml", f"title: Lettre\nlanguage: {typed}\n")
    _loaded, [found] = load_model(Publication, path, workspace.root)
    assert found.message == f"expected one of 'fr' or 'en'; found '{typed}'"
    assert found.hint == f"did you mean `{meant}`?"


def test_the_minimal_issue_is_valid(valid):
    model = valid(MINIMAL_ISSUE)
    assert (model.number, model.headline, model.contacts) == (1, "Les téléphones fonctionnent", None)


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("rétabli", "restored"),
        ("Rétablie", "restored"),
        ("Arrêté", "down"),
        ("perturbé", "degraded"),
        ("en test", "testing"),
        ("Disrupted", "degraded"),
    ],
)
def test_a_state_written_as_it_prints_is_refused_with_the_word_to_write(typed, meant):
    from newsletter.model.declare import Invalid
    from newsletter.model.formats import Issue

    with pytest.raises(Invalid) as raised:
        Issue.parse(
            {"number": "1", "date": "2021-02-05", "headline": "x", "status": [{"system": "Messagerie", "state": typed}]}
        )
    [problem] = raised.value.problems
    assert problem.message.startswith("expected one of 'down', 'degraded', 'testing' or 'restored'")
    assert problem.hint == f"did you mean `{meant}`?"
