"""Tests of the walk over a file's texts: every text with its field path, in the order of the file."""

from __future__ import annotations

from newsletter.read import parse_yaml
from newsletter.read.texts import walk_text


def test_every_text_of_a_tree_with_its_path_in_order():
    data = {
        "headline": "Titre",
        "faq": [{"q": "Quand ?", "a": "Lundi."}, {"q": "Où ?", "a": None}],
        "situation": {"known": ["Un", "Deux"]},
        "essentials": [],
    }
    assert list(walk_text(data)) == [
        (("headline",), "Titre"),
        (("faq", 0, "q"), "Quand ?"),
        (("faq", 0, "a"), "Lundi."),
        (("faq", 1, "q"), "Où ?"),
        (("situation", "known", 0), "Un"),
        (("situation", "known", 1), "Deux"),
    ]


def test_values_that_are_not_texts_are_left_out():
    assert list(walk_text({"empty": None, "list": [], "mapping": {}, "nested": [[None]]})) == []


def test_a_text_alone_is_at_the_path_given():
    assert list(walk_text("Bonjour")) == [((), "Bonjour")]
    assert list(walk_text(["a", "b"], ("do",))) == [(("do", 0), "a"), (("do", 1), "b")]


def test_the_texts_of_a_file_are_the_words_as_typed():
    """What the checks read: numbers, dates and yes/no stay the text the user typed."""
    source = parse_yaml(
        "number: 03\ndate: 2021-02-05\nedition: yes\ndo:\n  - Appelez le 02 61 91 40 00\n", "issues/003.yaml"
    )
    assert dict(walk_text(source.data)) == {
        ("number",): "03",
        ("date",): "2021-02-05",
        ("edition",): "yes",
        ("do", 0): "Appelez le 02 61 91 40 00",
    }
