"""The layout format: colours, numbers with their bounds and readability floors, where layouts are found."""

import pytest

from conftest import MINIMAL_ISSUE
from newsletter.model.declare import Invalid
from newsletter.model.layout import Layout, PosterSizes
from newsletter.model.load import builtin_dir
from newsletter.model.sections import SECTION_NAMES
from newsletter.read import read_yaml

BUILT_IN = builtin_dir()


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


def test_layout_numbers_read_commas_and_refuse_fractions_of_counts():
    layout = Layout.parse({"gutter": "4,5", "columns": "3", "hyphenation": "no"})
    assert (layout.gutter, layout.columns, layout.hyphenation) == (4.5, 3, False)
    assert problems({"columns": "2.5", "hyphenation": None}) == [
        "expected a whole number from 1 to 3; found 2.5",
        "expected yes or no; found nothing (the value is empty)",
    ]


def test_poster_sizes_report_every_start_below_its_minimum():
    with pytest.raises(Invalid) as raised:
        PosterSizes.parse({"headline": "70", "headline_min": "80", "items": "25", "items_min": "30"})
    assert [problem.message for problem in raised.value.problems] == [
        "`headline` (70 pt) is smaller than `headline_min` (80 pt)",
        "`items` (25 pt) is smaller than `items_min` (30 pt)",
    ]


def test_the_defaults_are_a_two_column_a4_journal_with_every_section():
    layout = Layout.parse({})
    assert (layout.kind, layout.page.size, layout.columns, layout.fonts.regular) == ("journal", "A4", 2, "DejaVuSans")
    assert layout.sections == list(SECTION_NAMES)  # the registry's order, which the built-in journals keep


# --- large print -----------------------------------------------------------------------------------

LARGE_PRINT = {
    "large_print": "yes",
    "columns": "1",
    "leading": "1.5",
    "sizes": {"body": "16", "lead": "18", "headline": "34", "heading": "22", "title": "34", "small": "16"},
}
TOO_SMALL = (
    "too small for large print, where every character is at least 16 pt (UKAAF / RNIB), "
    "footer and page numbers included"
)


def refusals(data: dict) -> list[tuple[str, str, str | None]]:
    with pytest.raises(Invalid) as raised:
        Layout.parse(data)
    return [(".".join(map(str, problem.loc)), problem.message, problem.hint) for problem in raised.value.problems]


def test_a_layout_that_keeps_the_large_print_rules_is_read():
    layout = Layout.parse(LARGE_PRINT)
    assert (layout.large_print, layout.columns, layout.leading, layout.smallest_size) == (True, 1, 1.5, 16)
    assert Layout.parse({}).smallest_size == 0  # other layouts have no floor but their sizes


@pytest.mark.parametrize(
    "change, where, message, hint",
    [
        (
            {"columns": "2"},
            "columns",
            "2 columns: large print is set in one column (UKAAF / RNIB)",
            "write `columns: 1`",
        ),
        (
            {"sizes": {**LARGE_PRINT["sizes"], "small": "11"}},
            "sizes.small",
            f"11 pt: {TOO_SMALL}",
            "write `small: 16` or more",
        ),
        (
            {"sizes": {**LARGE_PRINT["sizes"], "body": "15,5"}},
            "sizes.body",
            f"15.5 pt: {TOO_SMALL}",
            "write `body: 16` or more",
        ),
        (
            {"leading": "1.2"},
            "leading",
            "1.2 times the text size: in large print, lines are at least 1.5 times the text size apart",
            "write `leading: 1.5` or more",
        ),
        (
            {"hyphenation": "yes"},
            "hyphenation",
            "yes: large print never breaks a word across lines (UKAAF / RNIB)",
            "write `hyphenation: no`",
        ),
        (
            {"kind": "poster"},
            "kind",
            "poster: large print is a journal's setting; a poster has minimum sizes of its own",
            "write `kind: journal`",
        ),
    ],
)
def test_a_large_print_layout_that_breaks_a_rule_is_refused_at_the_value_with_the_fix(change, where, message, hint):
    assert refusals({**LARGE_PRINT, **change}) == [(where, message, hint)]


def test_a_rule_broken_by_a_default_is_said_at_large_print_with_what_to_add():
    written = {"large_print": "on", "columns": "1", "sizes": {"body": "16", "lead": "18"}}
    assert refusals(written) == [
        (
            "large_print",
            f"`sizes.heading` is 15 pt when not written: {TOO_SMALL}",
            "add `heading: 16` or more under `sizes:`",
        ),
        (
            "large_print",
            f"`sizes.small` is 8.5 pt when not written: {TOO_SMALL}",
            "add `small: 16` or more under `sizes:`",
        ),
        (
            "large_print",
            "`leading` is 1.3 times the text size when not written: "
            "in large print, lines are at least 1.5 times the text size apart",
            "add `leading: 1.5` or more",
        ),
    ]


def test_the_rules_apply_only_to_a_layout_that_declares_itself_large_print():
    assert Layout.parse({**LARGE_PRINT, "large_print": "no", "columns": "2", "sizes": {"small": "8"}}).columns == 2


def test_the_schema_holds_a_large_print_layout_to_the_same_rules():
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(Layout.json_schema())
    editors = {**LARGE_PRINT, "large_print": True, "columns": 1, "leading": 1.5, "sizes": {"body": 16, "small": 16}}
    assert not list(validator.iter_errors({**editors, "sizes": {**editors["sizes"], "lead": 18, "heading": 22}}))
    found = {(error.json_path, error.validator) for error in validator.iter_errors({**editors, "columns": 2})}
    assert ("$.columns", "maximum") in found
    found = {(error.json_path, error.validator) for error in validator.iter_errors({"large_print": "yes"})}
    assert {("$", "required")} <= found  # columns, sizes and leading must be written
    assert not list(validator.iter_errors({"large_print": "no", "columns": 2}))


def test_check_refuses_a_layout_file_that_declares_large_print_and_breaks_it(workspace, cli):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    (workspace.root / "layouts").mkdir()
    mine = "large_print: yes\ncolumns: 2\nleading: 1.5\nsizes:\n  body: 16\n  lead: 18\n  heading: 20\n  small: 12\n"
    (workspace.root / "layouts" / "mine.yaml").write_text(mine, encoding="utf-8")
    result = cli("--root", workspace.root, "check", "--layout", "mine")
    assert result.code == 1
    assert result.err.splitlines()[:4] == [
        "layouts/mine.yaml:2:10: columns: 2 columns: large print is set in one column (UKAAF / RNIB)",
        "    hint: write `columns: 1`",
        f"layouts/mine.yaml:8:10: sizes.small: 12 pt: {TOO_SMALL}",
        "    hint: write `small: 16` or more",
    ]


def test_the_built_in_large_print_layout_keeps_its_rules():
    layout = Layout.parse(read_yaml(BUILT_IN / "large-print-a4.yaml").data)
    assert layout.large_print and layout.smallest_size == 16
    assert min(layout.sizes.dump().values()) >= 16


def test_the_large_print_refusals_are_said_in_french_too(french):
    assert refusals({**LARGE_PRINT, "columns": "2"}) == [
        (
            "columns",
            "2 colonnes\u00a0: les gros caractères se composent sur une seule colonne (UKAAF / RNIB)",
            "écrivez `columns: 1`",
        )
    ]
    written = {"large_print": "yes", "columns": "1", "leading": "1.5", "sizes": {"body": "16"}}
    where, message, hint = refusals(written)[0]
    assert (where, hint) == ("large_print", "ajoutez `lead: 16` ou plus sous `sizes:`")
    assert message.startswith(
        "`sizes.lead` vaut 13 pt quand la clé n’est pas écrite\u00a0: trop petit pour des gros caractères"
    )
