"""The frame of every web page: masthead, navigation, footer, and a style sheet whose text colours
all have their background and enough contrast."""

from __future__ import annotations

import re

from webpage import Page

from conftest import REPO
from newsletter.build.plan import plan
from newsletter.model.colours import MINIMUM_TEXT_CONTRAST, contrast, hex_to_rgb
from newsletter.render import html_page
from newsletter.render.html_page import page


def test_every_text_colour_has_its_background_and_enough_contrast():
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", html_page.STYLE)
    checked = 0
    for selector, body in rules:
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", body)
        if colour is None:
            continue
        background = re.search(r"background-color:\s*(#[0-9A-Fa-f]{6})", body)
        assert background, f"{selector.strip()}: a text colour without its background"
        ratio = contrast(hex_to_rgb(colour.group(1)), hex_to_rgb(background.group(1)))
        assert ratio >= MINIMUM_TEXT_CONTRAST, (selector.strip(), round(ratio, 2))
        checked += 1
    assert checked > 15


def test_the_masthead_of_a_french_issue_of_the_first_raises_the_ordinal_in_its_date():
    [document] = plan(REPO, ["5"], [], render_checks=False).documents
    masthead = Page(page(document, "titre", "<p>corps</p>", None)).all_text
    assert "N°\u00a05" in masthead and "lundi 1er\u00a0mars\u00a02021" in masthead
    assert '<time datetime="2021-03-01">lundi 1<sup>er</sup>\u00a0mars\u00a02021</time>' in page(
        document, "titre", "", None
    )
