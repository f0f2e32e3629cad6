"""E-mail addresses are checked in every `email` field: the contacts of the publication and of an issue."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_ISSUE
from newsletter.checks.emails import email_problems


def test_an_address_cut_short_or_with_a_space_is_an_error_at_its_line_with_what_is_expected(cli, workspace):
    publication = (workspace.issues / "publication.yaml").read_text(encoding="utf-8")
    workspace.write(
        "publication.yaml", publication.replace("claire.vautrin-lemoine@valdeloire.example", "jean.dupont@")
    )
    workspace.write("001.yaml", MINIMAL_ISSUE + "contacts:\n  - name: Accueil\n    email: jean dupont@mairie.fr\n")
    checked = cli("--root", workspace.root, "check")
    assert (checked.code, checked.err.splitlines()) == (
        1,
        [
            "issues/publication.yaml:20:12: contacts[1].email: 'jean.dupont@' is not an e-mail address: expected "
            "a name, @ and a domain, like claire.martin@example.org",
            "    hint: write the whole address: a name, @, then the domain with its dot",
            "issues/001.yaml:7:12: contacts[1].email: 'jean dupont@mairie.fr' is not an e-mail address: expected "
            "a name, @ and a domain, like claire.martin@example.org",
            "    hint: remove the spaces: an e-mail address has none",
            "2 error(s), 0 warning(s)",
        ],
    )


def test_the_message_is_said_in_french(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + "contacts:\n  - name: Accueil\n    email: accueil@mairie\n")
    checked = cli("--lang", "fr", "--root", workspace.root, "check")
    assert checked.err.splitlines()[:2] == [
        "issues/001.yaml:7:12: contacts[1].email: 'accueil@mairie' n’est pas une adresse électronique\u00a0: "
        "il faut un nom, @ et un domaine, par exemple claire.martin@mairie.fr",
        "    conseil\u00a0: écrivez l’adresse entière\u00a0: un nom, @, puis le domaine avec son point",
    ]


@pytest.mark.parametrize(
    "address", ["claire.martin@valdeloire.example", " prénom.nom@mairie-valdeloire.fr ", "a+crise@x.co.uk"]
)
def test_addresses_that_can_be_right_are_accepted(address):
    assert email_problems({"contacts": [{"email": address}]}) == []


@pytest.mark.parametrize(
    "address", ["jean.dupont@", "@mairie.fr", "jean.dupont@mairie", "jean@@mairie.fr", "jean@mairie..fr", "mairie.fr"]
)
def test_addresses_that_cannot_be_right_are_errors(address):
    [problem] = email_problems({"contacts": [{"email": address}]})
    assert problem.loc == ("contacts", 0, "email")


def test_a_placeholder_is_left_to_the_placeholders_check():
    assert email_problems({"contacts": [{"email": "« À ÉCRIRE : son adresse »"}]}) == []
