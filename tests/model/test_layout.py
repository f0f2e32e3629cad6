"""The layout format: colours, numbers with their bounds and readability floors, where layouts are found."""

import pytest

from newsletter.model.declare import Invalid
from newsletter.model.layout import Layout
from newsletter.model.sections import SECTION_NAMES


def problems(data: dict) -> list[str]:
    with pytest.raises(Invalid) as raised:
        Layout.parse(data)
    return [problem.message for problem in raised.value.problems]


def test_colours_are_read_in_any_case_and_kept_in_capitals():
    assert Layout.parse({"colours": {"accent": " #1f4e79 "}}).colours.accent == "#1F4E79"


@pytest.mark.parametrize(
    "value, message",
    [
        ("bleu", "expected a colour written #RRGGBB, like #1F4E79; found 'bleu'"),
        (["#1F4E79"], "expected a colour written #RRGGBB, like #1F4E79; found a list"),
        (None, "expected a colour written #RRGGBB, like #1F4E79; found nothing (the value is empty)"),
    ],
)
def test_a_colour_that_is_not_rrggbb_says_how_to_write_one(value, message):
    assert problems({"colours": {"accent": value}}) == [message]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"gutter": "large"}, "expected a number, like 11 or 10.5; found 'large'"),
        ({"gutter": "25"}, "expected a number from 2 to 20; found 25"),
        ({"margins": {"top": "5"}}, "expected a number from 10 to 80; found 5"),
        ({"columns": "0"}, "expected a number from 1 to 3; found 0"),
        (
            {"poster": {"headline_min": "40"}},
            "40 pt is too small: a poster headline must be read from two metres; use 60 or more",
        ),
        (
            {"poster": {"items_min": "20"}},
            "20 pt is too small: poster instructions must be read from two metres; use 24 or more",
        ),
    ],
)
def test_numbers_are_held_to_their_bounds_and_floors(data, message):
    assert problems(data) == [message]


def test_numbers_read_a_decimal_comma():
    layout = Layout.parse({"sizes": {"body": "10,5"}, "margins": {"left": "12.5"}})
    assert (layout.sizes.body, layout.margins.left) == (10.5, 12.5)


def test_the_defaults_are_a_two_column_a4_journal_with_every_section():
    layout = Layout.parse({})
    assert (layout.kind, layout.page.size, layout.columns, layout.fonts.regular) == ("journal", "A4", 2, "DejaVuSans")
    assert layout.sections == list(SECTION_NAMES)  # the registry's order, which the built-in journals keep
