"""Phone numbers are checked for the publication's language, everywhere one is typed."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_ISSUE
from newsletter.checks.phones import phone_problems


def _publication(workspace, phone: str, language: str = "fr") -> None:
    text = (workspace.issues / "publication.yaml").read_text(encoding="utf-8")
    text = text.replace("phone: 02 61 91 40 00", f"phone: {phone}", 1).replace("language: fr", f"language: {language}")
    workspace.write("publication.yaml", text)


def test_a_hotline_with_a_digit_missing_is_an_error_at_its_line_with_the_fix(cli, workspace):
    _publication(workspace, "02 41 05 40")
    workspace.write("001.yaml", MINIMAL_ISSUE)
    checked = cli("--root", workspace.root, "check")
    assert checked.code == 1
    assert checked.err.splitlines()[:3] == [
        "issues/publication.yaml:11:10: hotline.phone: '02 41 05 40' has 8 digits: a French number has 10 digits "
        "starting with 0 (like 02 41 05 40 00)",
        "    hint: check the number and type it in full; short numbers (15, 17, 18, 112, 114, 115, 119, 3919, 3114) "
        "and numbers from abroad with their + country code are accepted too",
        "1 error(s), 0 warning(s)",
    ]
    assert cli("--root", workspace.root, "build").code == 1 and workspace.pdfs() == []


def test_a_contact_of_an_issue_and_a_number_in_a_text_are_checked_too(cli, workspace):
    workspace.write(
        "001.yaml",
        MINIMAL_ISSUE
        + "do:\n  - Appelez le 02 61 91 40 0 en cas de doute.\n"
        + "contacts:\n  - name: Accueil\n    phone: +33 2 61 91 40\n",
    )
    checked = cli("--root", workspace.root, "check")
    assert checked.code == 1
    assert [line for line in checked.err.splitlines() if not line.startswith("    hint")] == [
        "issues/001.yaml:6:16: do[1]: '02 61 91 40 0' has 9 digits: a French number has 10 digits starting with 0 "
        "(like 02 41 05 40 00)",
        "issues/001.yaml:9:12: contacts[1].phone: '+33 2 61 91 40' has 7 digits after +33: a French number has "
        "9 there (like +33 2 41 05 40 00)",
        "2 error(s), 0 warning(s)",
    ]


@pytest.mark.parametrize(
    "phone",
    [
        "02 41 05 40 00",
        "0241054000",
        "02.41.05.40.00",
        "15",
        "112",
        "3919",
        "3114",
        "116 000",
        "+33 2 41 05 40 00",
        "+33 (0)2 41 05 40 00",
        "0033 2 41 05 40 00",
        "+44 20 7946 0958",
        "02 61 91 40 00 poste 12",
    ],
)
def test_french_numbers_that_can_be_dialled_are_accepted(phone):
    assert phone_problems({"hotline": {"phone": phone}}, "fr") == []


@pytest.mark.parametrize(
    ("phone", "says"),
    [
        ("02 41 05 40 000", "'02 41 05 40 000' has 11 digits"),
        ("4021", "'4021' has 4 digits"),
        ("02 41 05 40 00 (standard)", "'02 41 05 40 00 (standard)' is not a phone number"),
    ],
)
def test_french_numbers_that_cannot_be_dialled_are_errors(phone, says):
    [problem] = phone_problems({"hotline": {"phone": phone}}, "fr")
    assert problem.message.startswith(says) and problem.severity == "error"


@pytest.mark.parametrize(
    "phone", ["020 7946 0958", "+44 20 7946 0958", "(555) 234-5678", "1 555 234 5678", "999", "911"]
)
def test_uk_and_us_numbers_are_accepted_in_english(phone):
    assert phone_problems({"hotline": {"phone": phone}}, "en") == []


def test_an_english_number_of_no_known_convention_is_printed_as_typed_with_a_warning(cli, workspace):
    _publication(workspace, "2741 0540", language="en")
    workspace.write("001.yaml", MINIMAL_ISSUE)
    checked = cli("--root", workspace.root, "check")
    assert checked.code == 0
    assert checked.err.splitlines()[:2] == [
        "issues/publication.yaml:11:10: warning: hotline.phone: '2741 0540' is neither a UK number (11 digits "
        "starting with 0) nor a North American one (10 digits): it is printed as typed",
        "    hint: check it; write a number from elsewhere with its + country code, like +33 2 41 05 40 00",
    ]
    assert cli("--root", workspace.root, "check", "--strict").code == 1


def test_dates_and_amounts_in_a_text_are_not_taken_for_phone_numbers():
    texts = {"lead": "Le 05 02 2021, 12 000 agents ; les 01 02 et 03 février ; 0,5 % ; 02 61 91 40 00."}
    assert phone_problems(texts, "fr") == []
