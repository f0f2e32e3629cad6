"""Tests of the tiny markup: paragraphs, **bold**, *italic*, bullets; every other character is text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsletter.text.markup import BulletList, Paragraph, Run, inline, parse, plain

MARKERS = set("*-•")


def styled(runs) -> list[tuple[str, str]]:
    """Runs as (text, style) pairs: '' plain, 'b' bold, 'i' italic, 'bi' both."""
    return [(run.text, ("b" if run.bold else "") + ("i" if run.italic else "")) for run in runs]


def test_blank_lines_separate_paragraphs_and_line_breaks_join_lines():
    blocks = parse("Première ligne\nsuite de la phrase.\n\n  \nDeuxième paragraphe.")
    assert blocks == [
        Paragraph((Run("Première ligne suite de la phrase."),)),
        Paragraph((Run("Deuxième paragraphe."),)),
    ]


def test_bold_and_italic():
    assert styled(inline("Versée **le 26 février**, *sans* retard.")) == [
        ("Versée ", ""),
        ("le 26 février", "b"),
        (", ", ""),
        ("sans", "i"),
        (" retard.", ""),
    ]


def test_italic_inside_bold():
    assert styled(inline("**Ne *jamais* répondre**")) == [("Ne ", "b"), ("jamais", "bi"), (" répondre", "b")]


def test_lines_starting_with_a_dash_form_a_bullet_list():
    blocks = parse(
        "Pour chaque poste, elles :\n- vérifient le disque ;\n- installent un\n  système neuf ;\n"
        "• collent une **pastille**.\nPuis elles passent au suivant."
    )
    assert isinstance(blocks[0], Paragraph) and isinstance(blocks[1], BulletList)
    assert [styled(item) for item in blocks[1].items] == [
        [("vérifient le disque ;", "")],
        [("installent un système neuf ;", "")],
        [("collent une ", ""), ("pastille", "b"), (".", "")],
    ]
    assert blocks[2] == Paragraph((Run("Puis elles passent au suivant."),))


@pytest.mark.parametrize(
    "text",
    [
        "2 * 3 = 6",
        "* une étoile seule",
        "**unclosed bold",
        "bold not closed** here",
        "*",
        "**",
        "a ** b",
        "5 * 4 * 3",
        "<b>not bold</b>",
        "Tom & Jerry &amp; &#x110000; &lt;",
        '<font name="Courier" size="40">big</font>',
        "<br/><para>x</para><img src='x.png'/>",
        "-pas une puce",
        "100 % - 3 %",
    ],
)
def test_anything_else_is_literal_text(text):
    assert styled(inline(text)) == [(text, "")]
    assert plain(text) == text


def test_plain_drops_only_the_markup():
    assert plain("**Titre** et *note*\n\n- un\n- deux *bis*") == "Titre et note\n\n- un\n- deux bis"


def test_empty_text_has_no_blocks():
    assert parse("") == [] and parse("\n \n\n") == [] and plain("   ") == ""


def ink(text: str) -> list[str]:
    """The visible characters of a text other than the markup's markers."""
    return [c for c in text if not c.isspace() and c not in MARKERS]


@given(st.text())
def test_plain_never_raises_and_never_loses_a_character(text):
    assert ink(plain(text)) == ink(text)


@given(st.text(alphabet=st.sampled_from(list("ab *-•\n<>&_"))))
def test_markup_characters_in_any_order_never_break_parsing(text):
    for block in parse(text):
        lines = block.items if isinstance(block, BulletList) else (block.runs,)
        assert all(run.text for line in lines for run in line)
    assert ink(plain(text)) == ink(text)


@pytest.mark.parametrize("text", ["a\n\n\n\nb", "a\n\n  \nb", "a\n \t \n \nb"])
def test_several_blank_lines_are_one_paragraph_break(text):
    assert parse(text) == [Paragraph((Run("a"),)), Paragraph((Run("b"),))]


@given(st.text())
def test_no_paragraph_is_empty(text):
    assert all(block.runs for block in parse(text) if isinstance(block, Paragraph))
