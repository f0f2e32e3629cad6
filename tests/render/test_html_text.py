"""User text and fixed words as HTML: escaped, French typography as in print (narrow no-break space
before ; ! ?, ordinals' letters in <sup>), English as typed."""

from __future__ import annotations

import pytest

from newsletter.render.html_text import HtmlText, unmarked, words

N, FINE = "\u00a0", "\u202f"


def test_french_user_text_gets_its_no_break_spaces_and_raised_ordinals():
    html = HtmlText("fr").blocks("Le **1er mars** : tout reprend ; «vraiment» ? Oui !\n\n- au 2e étage")
    assert html == (
        f"<p>Le <strong>1<sup>er</sup>{N}mars</strong>{N}: tout reprend{FINE}; «{N}vraiment{N}»{FINE}? Oui{FINE}!</p>\n"
        f"<ul>\n<li>au 2<sup>e</sup> étage</li>\n</ul>"
    )


def test_markup_characters_typed_are_escaped_not_raised_inside_addresses():
    assert HtmlText("fr").inline("<b>1er</b> & https://x.fr/1er") == (
        "&lt;b&gt;1<sup>er</sup>&lt;/b&gt; &amp; https://x.fr/1er"
    )


@pytest.mark.parametrize("text", ["Is it 1st? Yes!", "the 1er stays: 2e ; ok ?"])
def test_english_is_left_as_typed(text):
    assert HtmlText("en").inline(text) == text  # no space added, nothing raised
    assert words(text, "en") == text


def test_where_no_tag_may_go_the_ordinal_stays_on_the_line():
    assert unmarked(f"Lettre du 1er{N}mars{N}! <script>", "fr") == f"Lettre du 1er{N}mars{FINE}! &lt;script&gt;"
    assert words(f"N°{N}5 · lundi 1er{N}mars", "fr") == f"N°{N}5 · lundi 1<sup>er</sup>{N}mars"
