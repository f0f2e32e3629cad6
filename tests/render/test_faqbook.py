"""The FAQ book as an intranet page, Markdown and a phone message in dialogue form."""

from __future__ import annotations

import pytest
from faqseries import write_series
from webpage import Page, assert_nothing_executable_or_external

from newsletter.build.plan import plan
from newsletter.model.faqbook import gather
from newsletter.render import faqbook


@pytest.fixture
def book(workspace):
    write_series(workspace)
    result = plan(workspace.root, [], [], render_checks=False)
    assert not result.errors
    return gather(result.documents)


def test_the_page_groups_by_theme_and_says_where_each_answer_comes_from(book):
    page = assert_nothing_executable_or_external(faqbook.html(book))
    assert page.named("html") == [{"lang": "fr"}]
    text = page.all_text
    assert text.index("Paie et congés") < text.index("Serai-je payé en février") < text.index("Organisation")
    assert "Réponse mise à jour dans le n°\u00a02, 12\u00a0février\u00a02021" in text
    assert "Puis-je badger" not in text and "Oui, à 9" not in text
    assert "À jour du n°\u00a03, vendredi 19\u00a0février\u00a02021" in text
    assert [attrs["href"] for attrs in page.named("a")] == ["#main"]  # on its own: no link to pages not there


def test_in_the_intranet_space_each_source_links_to_its_issue(book):
    page = Page(faqbook.html(book, link=lambda document: f"n{document.issue.number}.html"))
    assert [attrs["href"] for attrs in page.named("a") if attrs["href"].startswith("n")] == ["n2.html", "n2.html"]


def test_markdown_has_themes_questions_answers_and_sources(book):
    text = faqbook.markdown(book)
    assert text.startswith("# Lettre de crise — Questions et réponses\n\nÀ jour du n°\u00a03")
    assert "## Paie et congés\n\n### Serai-je payé en février\u202f?\n\nOui, le 25\u00a0février.\n\n" in text
    assert "*Réponse mise à jour dans le n°\u00a02, 12\u00a0février\u00a02021*" in text


def test_the_phone_message_is_a_dialogue_with_its_duration(book):
    script = faqbook.phone(book)
    lines = script.text.splitlines()
    assert lines[0].startswith("[Durée estimée\u00a0: 0\u00a0min ") and f"{script.words}\u00a0mots" in lines[0]
    assert "— Serai-je payé en février\u00a0?\n— Oui, le 25\u00a0février." in script.text
    assert "— dois-je venir LUNDI\u00a0?\n— Non, restez chez vous." in script.text
    assert "zéro deux, soixante et un" in script.text  # the hotline, read in pairs
    assert "Pour toute question, appelez le numéro unique agents au " in script.text  # not « le Numéro »
    assert script.text.rstrip().endswith("Merci de votre écoute.")
