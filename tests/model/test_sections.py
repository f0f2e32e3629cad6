"""The section registry: every section draws fields of the issue under headings that have words, and
a layout may name only the sections it lists."""

import pytest

from newsletter.model.declare import Invalid
from newsletter.model.formats import Issue
from newsletter.model.layout import Layout
from newsletter.model.sections import SECTION_NAMES, SECTIONS
from newsletter.text.labels import LABELS

# What the issue holds outside its sections: its identity, the masthead and headline, the poster's own text,
# whether it is a draft, and its sign-off (recorded by the archive, never printed).
NOT_A_SECTION = ("number", "date", "time", "headline", "edition", "lead", "poster", "draft", "approved")
# The names a layout may write, as the refusal lists them: the registry's, in its order.
ALLOWED = ", ".join(map(repr, SECTION_NAMES[:-1])) + " or " + repr(SECTION_NAMES[-1])


def test_each_section_has_one_name():
    assert len(set(SECTION_NAMES)) == len(SECTIONS)


def test_every_field_a_section_draws_is_a_field_of_the_issue():
    unknown = [(section.name, name) for section in SECTIONS for name in section.fields if name not in Issue.fields]
    assert unknown == []


def test_every_field_of_the_issue_is_drawn_by_a_section_or_is_not_one():
    drawn = {name for section in SECTIONS for name in section.fields}
    undrawn = [name for name in Issue.fields if name not in drawn and name not in NOT_A_SECTION]
    assert undrawn == [], "a field of the issue that no section draws: add its section to model/sections.py"


@pytest.mark.parametrize("lang", sorted(LABELS))
def test_every_heading_has_its_words_in_every_language(lang):
    assert [(section.name, key) for section in SECTIONS for key in section.labels if key not in LABELS[lang]] == []


def test_a_layout_without_a_sections_list_prints_every_section_in_the_registry_order():
    assert Layout.parse({}).sections == list(SECTION_NAMES)


@pytest.mark.parametrize("name", ["journal-a4", "journal-a5", "journal-letter", "large-print-a4"])
def test_the_built_in_journals_print_every_section_in_the_order_of_the_exports(name):
    """One order for every output: the printed journal and the e-mail, Markdown, HTML and phone versions."""
    from newsletter.model.load import builtin_dir, load_model

    loaded, problems = load_model(Layout, builtin_dir() / f"{name}.yaml", builtin_dir())
    assert problems == [] and loaded is not None
    assert loaded.model.sections == list(SECTION_NAMES)


def test_a_layout_may_reorder_sections_and_leave_some_out():
    assert Layout.parse({"sections": ["faq", "essentials"]}).sections == ["faq", "essentials"]


def test_a_section_not_in_the_registry_is_refused_with_the_names_allowed():
    with pytest.raises(Invalid) as raised:
        Layout.parse({"sections": ["essentials", "weather"]})
    assert [(problem.loc, problem.message) for problem in raised.value.problems] == [
        (("sections", 1), f"expected one of {ALLOWED}; found 'weather'")
    ]


def test_check_refuses_a_layout_naming_a_section_no_renderer_draws_at_its_line(cli, workspace):
    from conftest import MINIMAL_ISSUE

    workspace.write("001.yaml", MINIMAL_ISSUE)
    layouts = workspace.root / "layouts"
    layouts.mkdir()
    (layouts / "mine.yaml").write_text("columns: 2\nsections:\n  - essentials\n  - weather\n", encoding="utf-8")
    result = cli("--root", workspace.root, "check", "--layout", "mine")
    assert result.code == 1
    assert f"layouts/mine.yaml:4:5: sections[2]: expected one of {ALLOWED}; found 'weather'" in result.err
