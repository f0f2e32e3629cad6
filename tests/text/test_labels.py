"""Fixed labels: complete in every language, French typography already applied."""

from __future__ import annotations

import re
from string import Formatter

import pytest

from newsletter.text import typography
from newsletter.text.labels import LABELS, label

NBSP = "\u00a0"
REQUIRED = {
    "issue_number",
    "essentials",
    "situation_known",
    "situation_unknown",
    "situation_doing",
    "status",
    "status_system",
    "status_state",
    "status_since",
    "status_note",
    "state_down",
    "state_degraded",
    "state_testing",
    "state_restored",
    "do",
    "dont",
    "news",
    "tips",
    "testimonials",
    "faq",
    "faq_question",
    "faq_answer",
    "contacts",
    "hotline",
    "next_issue",
    "page",
    "written_at",
    "updated",
    "phone_greeting",
    "phone_end",
    "minutes",
    "contact_phone",
    "contact_email",
}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


def test_every_language_of_the_typography_has_labels():
    assert set(LABELS) == set(typography.LANGUAGES)


def test_same_keys_in_every_language():
    for lang, labels in LABELS.items():
        assert set(labels) == set(LABELS["fr"]), lang
    assert set(LABELS["fr"]) >= REQUIRED


@pytest.mark.parametrize("key", sorted(LABELS["fr"]))
def test_same_placeholders_in_every_language(key):
    expected = placeholders(LABELS["fr"][key])
    for lang, labels in LABELS.items():
        assert placeholders(labels[key]) == expected, (lang, key)


def test_placeholders():
    assert label("fr", "issue_number").format(number=3) == f"N°{NBSP}3"
    assert label("fr", "page").format(page=2, pages=4) == "Page 2/4"
    assert label("fr", "next_issue").format(date="lundi 1er mars") == f"Prochain numéro{NBSP}: lundi 1er mars"
    assert placeholders(label("fr", "phone_greeting")) == {"title", "date"}


@pytest.mark.parametrize(("lang", "key"), [(lang, key) for lang in LABELS for key in sorted(LABELS[lang])])
def test_labels_are_clean_text(lang, key):
    text = LABELS[lang][key]
    assert text == text.strip() and text
    assert "'" not in text and '"' not in text
    assert "\u202f" not in text
    assert typography.normalize(text) == text


@pytest.mark.parametrize("key", sorted(LABELS["fr"]))
def test_french_labels_carry_french_typography(key):
    text = LABELS["fr"][key]
    for match in re.finditer(r"[?:!;»]", text):
        assert text[match.start() - 1] == NBSP, (key, text)
    assert typography.apply(text, "fr") == text  # nothing left for the rules to fix


def test_french_labels_from_the_brief():
    assert label("fr", "essentials") == "L’essentiel"
    assert label("fr", "status") == f"Où en sont les outils{NBSP}?"
    assert label("fr", "hotline") == "Numéro d’appel"
    assert label("fr", "phone_end").format(date="lundi") == f"Merci de votre écoute. Prochain point{NBSP}: lundi."


def test_unknown_key():
    with pytest.raises(KeyError, match=r"no label 'esentials'.*did you mean 'essentials'"):
        label("fr", "esentials")
    with pytest.raises(KeyError, match="no label 'zzz' for language 'en'"):
        label("en", "zzz")


def test_unknown_language():
    with pytest.raises(ValueError, match="supported: fr, en"):
        label("de", "essentials")
