"""Tests of the colour arithmetic of WCAG 2: contrast ratios of known pairs, and the grey a colour prints as."""

from __future__ import annotations

import pytest

from newsletter.model.colours import MINIMUM_TEXT_CONTRAST, contrast, gray_level, hex_to_rgb, luminance


def ratio(first: str, second: str) -> float:
    return contrast(hex_to_rgb(first), hex_to_rgb(second))


def test_colours_are_read_as_fractions_of_255_in_any_case():
    assert hex_to_rgb("#FF0080") == (1.0, 0.0, 128 / 255)
    assert hex_to_rgb("#1f4e79") == hex_to_rgb("#1F4E79") == (31 / 255, 78 / 255, 121 / 255)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("#000000", "#FFFFFF", 21.0),  # the largest ratio there is
        ("#FFFFFF", "#FFFFFF", 1.0),  # the smallest
        ("#767676", "#FFFFFF", 4.54),  # the lightest grey that may be read on white (WCAG AA: 4.5:1)
        ("#777777", "#FFFFFF", 4.48),  # one step lighter: too pale
        ("#1A1A1A", "#FFFFFF", 17.40),  # the default body text on the page
        ("#FFFFFF", "#1F4E79", 8.66),  # the default masthead: white on the accent
    ],
)
def test_contrast_ratios_of_known_pairs(first, second, expected):
    assert ratio(first, second) == pytest.approx(expected, abs=0.005)


def test_the_order_of_the_two_colours_does_not_matter():
    assert ratio("#1F4E79", "#EEF3F8") == ratio("#EEF3F8", "#1F4E79")


def test_the_minimum_is_wcag_aa_for_body_text():
    assert MINIMUM_TEXT_CONTRAST == 4.5
    assert ratio("#767676", "#FFFFFF") >= MINIMUM_TEXT_CONTRAST > ratio("#777777", "#FFFFFF")


def test_relative_luminance_weighs_green_most_and_blue_least():
    assert luminance((0.0, 0.0, 0.0)) == 0.0 and luminance((1.0, 1.0, 1.0)) == pytest.approx(1.0)
    assert [luminance(rgb) for rgb in ((1.0, 0, 0), (0, 1.0, 0), (0, 0, 1.0))] == pytest.approx(
        [0.2126, 0.7152, 0.0722]
    )


@pytest.mark.parametrize("level", [0, 1, 8, 50, 128, 200, 255])
def test_a_grey_stays_the_same_grey(level):
    grey = level / 255
    assert gray_level((grey, grey, grey)) == pytest.approx(grey, abs=1e-9)


@pytest.mark.parametrize("colour", ["#FF0000", "#00FF00", "#0000FF", "#1F4E79", "#A4161A", "#EEF3F8"])
def test_a_colour_prints_as_the_grey_that_is_as_light(colour):
    level = gray_level(hex_to_rgb(colour))
    assert 0 <= level <= 1
    assert luminance((level, level, level)) == pytest.approx(luminance(hex_to_rgb(colour)))


def test_green_prints_lighter_than_red_and_red_lighter_than_blue():
    """Under --grayscale, a plain average would print the three alike; the eye does not see them so."""
    red, green, blue = (gray_level(hex_to_rgb(c)) for c in ("#FF0000", "#00FF00", "#0000FF"))
    assert green > red > blue
    assert (round(red, 3), round(green, 3), round(blue, 3)) == (0.498, 0.862, 0.298)
