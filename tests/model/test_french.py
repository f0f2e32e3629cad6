"""Tests of the French words for the keys and the states: what "did you mean" and `check --fix` use."""

from __future__ import annotations

import pytest

from newsletter.model.formats import Issue, NewsItem, Question, SystemStatus
from newsletter.model.french import folded, key_for


@pytest.mark.parametrize(
    "typed, record, meant",
    [
        ("titre", Issue, "headline"),
        ("Titre", NewsItem, "title"),
        ("questions", Issue, "faq"),
        ("À faire", Issue, "do"),
        ("a_faire", Issue, "do"),
        ("à ne pas faire", Issue, "dont"),
        ("Prochain numéro", Issue, "next_issue"),
        ("état", SystemStatus, "state"),
        ("état", Issue, "status"),
        ("title", Issue, "headline"),  # English: an issue's title is its headline
        ("answer", Question, "a"),
    ],
)
def test_a_french_key_names_the_key_of_the_record_it_is_in(typed, record, meant):
    assert key_for(typed, record.fields) == meant


def test_a_word_that_is_no_key_names_none():
    assert key_for("bonjour", Issue.fields) is None
    assert key_for("légende", Issue.fields) is None  # a news item's caption: not a key of the issue


def test_words_are_compared_without_case_accents_or_separators():
    assert folded("  Ce qu’on  SAIT ") == "ce qu'on sait"
    assert folded("Numéro-Vert") == "numero vert"
