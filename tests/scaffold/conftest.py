"""What the tests of `init` and `new` share: a fresh workspace, filling in its placeholders, `check`'s errors."""

from __future__ import annotations

import re

import pytest

from newsletter.checks.placeholders import PLACEHOLDER

FILLED_PUBLICATION = {
    '"À ÉCRIRE : le nom du journal, par exemple Lettre de crise"': "Le Fil de crise",
    '"À ÉCRIRE : le nom de votre collectivité"': "Communauté de communes du Val-Vert",
    '"À ÉCRIRE : le numéro de téléphone"': '"0241054000"',
    '"À ÉCRIRE : prénom et nom"': "Anne Morvan",
    '"À ÉCRIRE : son numéro de téléphone"': "02 41 05 40 01",
}


def _fill(path, headline: str = "Gardez vos ordinateurs éteints") -> None:
    text = path.read_text(encoding="utf-8")
    replacements = {
        **FILLED_PUBLICATION,
        '"À ÉCRIRE : le titre principal"': headline,
        "À ÉCRIRE : deux ou trois phrases qui résument où en est la situation.": "Serveurs à l'arrêt.",
        '"À ÉCRIRE : le premier message clé"': "Laissez votre ordinateur éteint.",
        '"À ÉCRIRE : une consigne qui commence par un verbe"': "Appelez le numéro unique.",
        '"À ÉCRIRE : ce qu’il ne faut pas faire"': "N'allumez pas votre ordinateur.",
    }
    for placeholder, value in replacements.items():
        text = text.replace(placeholder, value)
    text = re.sub(r"^# next_issue: ", "next_issue: ", text, flags=re.MULTILINE)
    assert PLACEHOLDER not in text.replace(f"« {PLACEHOLDER} »", "")
    path.write_text(text, encoding="utf-8")


def _errors_of(output: str) -> list[str]:
    return [
        line for line in output.splitlines() if ": warning: " not in line and re.match(r"issues/\S+:\d+:\d+: ", line)
    ]


@pytest.fixture
def fill():
    """Write what a user writes over the placeholders of a file made by `init` or `new`: ``fill(path)``."""
    return _fill


@pytest.fixture
def errors_of():
    """The error lines (not the warnings) of `check`'s output about the issues folder: ``errors_of(output)``."""
    return _errors_of


@pytest.fixture
def fresh(cli, tmp_path):
    """A workspace just made by `newsletter init`."""
    root = tmp_path / "journal"
    result = cli("init", root)
    assert result.code == 0, result.output
    return root
