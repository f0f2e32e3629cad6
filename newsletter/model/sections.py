"""The sections of an issue: one registry, in the one order every output follows.

A section is what a reader sees under one heading (or one box): it is drawn from one or more fields
of the issue, under headings whose words are in ``text/labels.py``. A layout's ``sections`` list
names sections from here, and may leave some out or reorder them for its PDF (the built-in layouts
keep this order); the exports (e-mail text, Markdown, HTML, phone script) draw every section in this
order, so that a reader finds the same thing at the same place in every channel. Every renderer of a whole issue maps
each section to the function that draws it (``SECTION_DRAWERS``); ``tests/render/test_render.py``
names any renderer and section left without one, and a layout naming a section that is not here
is refused by `check`.

Adding a section (``events: [{date, title, place}]`` for instance), in this order:

1. the record in ``model/formats.py``: an ``Event`` record and the ``events`` field of ``Issue``;
2. its entry in :data:`SECTIONS` below, at its place in the order;
3. its heading in ``text/labels.py``, in every language;
4. one drawing function per renderer, named in its ``SECTION_DRAWERS``: the PDF journal
   (``render/pdf/journal.py``), e-mail text and Markdown (one function in ``render/__init__.py``'s
   ``BlockWriter``, or one in each of ``render/text.py`` and ``render/markdown.py``), HTML
   (``render/html.py``) and the phone script (``render/phone.py``, which may map it to
   ``_not_read_aloud``); ``tests/render/test_render.py`` names every renderer that lacks one;
5. the example in the scaffold's templates (``newsletter/data/templates/issue.yaml``): a commented
   example and the line that explains it, so that ``newsletter init`` and ``new`` show how to write it;
6. the shipped JSON Schemas: ``newsletter schema --out newsletter/data/schemas`` rewrites them;
7. its name in the ``sections`` list of each built-in journal (``newsletter/data/layouts/``), at the
   same place as here (one order for every output: ``tests/model/test_sections.py`` checks it); a
   layout without a ``sections`` list prints every section.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    name: str  # as written in a layout's `sections` list
    fields: tuple[str, ...]  # the fields of the issue it draws
    labels: tuple[str, ...]  # the label keys of its headings (text/labels.py)


# The order of the printed journal (the built-in layouts list them so): what to remember and when to hear
# more first, then the situation, what to do, what works again, the news, and whom to call last.
SECTIONS: tuple[Section, ...] = (
    Section("essentials", ("essentials",), ("essentials",)),
    Section("next_issue", ("next_issue",), ("next_issue",)),
    Section("situation", ("situation",), ("situation_known", "situation_unknown", "situation_doing")),
    Section("do_dont", ("do", "dont"), ("do", "dont")),
    Section("status", ("status",), ("status",)),
    Section("news", ("news",), ("news",)),
    Section("tips", ("tips",), ("tips",)),
    Section("faq", ("faq",), ("faq",)),
    Section("testimonials", ("testimonials",), ("testimonials",)),
    # the contacts, else the publication's, and the publication's hotline
    Section("contacts", ("contacts",), ("contacts",)),
)
SECTION_NAMES: tuple[str, ...] = tuple(section.name for section in SECTIONS)
