"""Every renderer of a whole issue draws every section of the registry, and the exports in its order."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import groupby
from typing import ClassVar

import pytest

from conftest import REPO
from newsletter.build.plan import plan
from newsletter.model.sections import SECTION_NAMES, SECTIONS
from newsletter.render import IssueWriter, html, markdown, phone, text
from newsletter.render.pdf.journal import JournalRenderer
from newsletter.text import typography
from newsletter.text.labels import label

RENDERERS = {
    "PDF journal (render/pdf/journal.py)": JournalRenderer,
    "e-mail text (render/text.py)": text._Email,
    "Markdown (render/markdown.py)": markdown.MarkdownWriter,
    "HTML (render/html.py)": html._Page,
    "phone script (render/phone.py)": phone._Script,
}


def every_writer(cls: type = IssueWriter) -> set[type]:
    return {cls} | {found for sub in cls.__subclasses__() for found in every_writer(sub)}


def test_every_renderer_of_a_whole_issue_is_in_this_test():
    """A new renderer (an IssueWriter with its SECTION_DRAWERS) is checked below as soon as it exists."""
    drawing = {
        cls for cls in every_writer() if vars(cls).get("SECTION_DRAWERS") and cls.__module__.startswith("newsletter")
    }
    assert drawing == set(RENDERERS.values())


@pytest.mark.parametrize("renderer", RENDERERS)
def test_every_renderer_has_a_function_for_every_section_and_no_other(renderer):
    drawers = RENDERERS[renderer].SECTION_DRAWERS
    missing = [f"{renderer} draws no `{name}`" for name in SECTION_NAMES if not callable(drawers.get(name))]
    unknown = [
        f"{renderer} draws `{name}`, which is not in model/sections.py" for name in drawers if name not in SECTION_NAMES
    ]
    assert missing + unknown == []


def test_a_section_is_drawn_by_the_function_its_renderer_names():
    class Writer(IssueWriter):
        def _drawn(self) -> str:
            return f"drawn for issue {self.issue.number}"

        SECTION_DRAWERS: ClassVar[dict[str, Callable]] = {"news": _drawn}

    assert Writer(sample(3)).section("news") == "drawn for issue 3"


def sample(number: int):
    result = plan(REPO, [str(number)], [], render_checks=False)
    assert not result.errors, [str(d) for d in result.errors]
    return result.documents[0]


# The sections of sample n° 3 that have a heading (it has no situation or testimonials), in the registry's order.
SAMPLE_3_HEADED = ["essentials", "do_dont", "status", "news", "tips", "faq", "contacts"]


def drawn_sections(heading_keys: list[str]) -> list[str]:
    """The sections of the headings met, in the order met (do and don't, two headings, are one section)."""
    names = [next(section.name for section in SECTIONS if key in section.labels) for key in heading_keys]
    return [name for name, _ in groupby(names)]


def test_the_html_page_has_its_sections_in_the_registry_order():
    keys = re.findall(r'<h2 id="(\w+)">', html.render(sample(3)))
    assert drawn_sections(keys) == SAMPLE_3_HEADED


def test_the_markdown_has_its_sections_in_the_registry_order():
    headings = {
        "## " + markdown.escape(typography.fine_spaces(label("fr", key), "fr")): key
        for section in SECTIONS
        for key in section.labels
    }
    keys = [headings[line] for line in markdown.render(sample(3)).splitlines() if line in headings]
    assert drawn_sections(keys) == SAMPLE_3_HEADED


# --- what every text channel says the same way ------------------------------------------------------


@pytest.mark.parametrize(
    "typed, lang, phrase",
    [
        ("3 décembre", "fr", "depuis 3\u00a0décembre"),
        ("depuis le 3 décembre", "fr", "depuis le 3\u00a0décembre"),
        ("Depuis l'attaque", "fr", "Depuis l’attaque"),
        ("since Monday", "en", "since Monday"),
        ("2021-02-08", "en", "since 8\u00a0February\u00a02021"),
    ],
)
def test_a_status_since_says_its_word_once_whether_or_not_it_was_typed(typed, lang, phrase):
    from newsletter.render import since_phrase

    assert since_phrase(typed, lang) == phrase


def test_a_status_since_written_as_a_date_is_written_out_and_other_text_is_typeset():
    from newsletter.render import since

    assert since("2021-02-08", "fr") == "8\u00a0février\u00a02021"
    assert since("2021-02-30", "fr") == "2021-02-30"  # not a day of the calendar: kept as typed
    assert since("depuis l'attaque", "fr") == "depuis l’attaque"


def test_a_word_introducing_text_takes_the_languages_colon():
    from newsletter.render import introducing

    assert (introducing("Question", "fr"), introducing("Question", "en")) == ("Question\u00a0: ", "Question: ")
