"""Copy-fitting and the preflight a print professional would run on the journal's PDFs.

Long synthetic issues (many questions, a long status board, long e-mail addresses and words, no
pictures) are built once per module in several layouts; the tests read each PDF back (pypdf text
with its place and size) and fail on what a print review would mark: a page count that is neither
one nor even (a multiple of four for a booklet), a page more than half empty, a heading last on a
page, one line of a paragraph alone on a page, a status row split across pages or alone on one side
of a break, a short list split, a list item alone on either side of a break, a title parted from its
intro and the first two items of its list, an address or a number broken across lines, a character
under the layout's smallest size, a blank booklet page.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO
from newsletter.build import plan as planning
from newsletter.build.run import render
from newsletter.model.layout import PAGE_SIZES_MM, Fitting
from newsletter.model.print_options import RenderOptions
from newsletter.render.pdf.fitting import Fitter, Knobs, Measure, Overflow, PageRule
from newsletter.render.pdf.press import booklet_order

MM = 72 / 25.4
WORD = "anticonstitutionnellement"
EMAILS = [
    "lettre.crise@lorvannes-metropole.example",
    "cellule.informatique.reprise@valdeloire-sur-mer.example",
    "securite.numerique@valdeloire.example",
]
PUBLICATION = """\
title: Lettre de crise
tagline: Journal interne des agents
language: fr
hotline:
  label: Numéro unique agents
  phone: 02 61 91 40 00
  hours: Du lundi au vendredi, de 8 h à 18 h
footer: Document interne — ne pas afficher à l'accueil
contacts:
""" + "".join(
    f"  - name: Contact {index}\n    role: Responsable {index} de la reprise\n"
    f"    phone: 02 61 91 40 {10 + index}\n    email: {email}\n"
    for index, email in enumerate(EMAILS * 2, start=1)
)


def long_issue(faq: int, status: int) -> str:
    """An issue with ``faq`` questions and ``status`` rows, long words and addresses, no picture."""
    sentence = "Les équipes vérifient chaque poste avant de le rendre, service par service, sans exception. "
    lines = [
        "number: 1",
        "date: 2021-02-05",
        "next_issue: 2021-02-12",
        "headline: La reprise se poursuit service par service",
        f"lead: {sentence * 3}",
        "essentials:",
        "  - N'allumez pas votre ordinateur avant le passage d'un technicien.",
        f"  - Écrivez à {EMAILS[0]} pour toute question.",
        "situation:",
        "  known: [Un rançongiciel a bloqué nos serveurs., Les sauvegardes sont intactes.]",
        "  unknown: [Si des données ont été copiées.]",
        "  doing: [Une cellule de crise se réunit chaque jour., Les postes sont vérifiés un à un.]",
        "do:",
        f"  - Signalez tout message suspect à {EMAILS[2]}.",
        "  - Gardez vos documents papier.",
        "dont:",
        "  - Ne branchez pas de clé USB.",
        "status:",
    ]
    for index in range(status):
        lines += [
            f"  - system: Outil{index + 1:02d}",
            "    state: " + ("down", "degraded", "testing", "restored")[index % 4],
            "    since: 4 février",
            f"    note: {sentence}Retour prévu après vérification {WORD} de la chaîne {index + 1:02d}.",
        ]
    lines += ["news:"]
    for index, letter in enumerate("ABC"):
        steps = "".join(f"- Étape {letter}{step} du contrôle : {sentence}\n" for step in range(1, STEPS + 1))
        body = f"Chaque équipe suit cet ordre {letter}, le même dans tous les services :\n{steps}\n"
        body += (sentence * 4 + "\n\n") * 2
        lines += [f"  - title: Actualité {index + 1}", "    body: |", *(f"      {line}" for line in body.splitlines())]
    lines += ["faq:"]
    for index in range(faq):
        answer = f"Écrivez à {EMAILS[index % 3]} ou appelez le 02 61 91 40 00. " + sentence * (1 + index % 3)
        lines += [f'  - q: "Question {index + 1} : que faire du poste {WORD} ?"', f'    a: "{answer}"']
    lines += ["testimonials:", "  - quote: On a tenu grâce au papier et au téléphone.", "    name: Sophie Martin"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Run:
    """A run of text as a reader sees it: page (from 1), place from the page's bottom left, size."""

    page: int
    text: str
    x: float
    y: float
    size: float


@dataclass(frozen=True)
class Built:
    issue: str
    layout: str
    booklet: bool
    data: bytes
    pages: int
    runs: list[Run]
    page_height: float
    top: float  # the frame's top and bottom, from the page's bottom
    bottom: float
    heading_size: float
    smallest: float

    def page_runs(self, page: int) -> list[Run]:
        """The page's text in the frame (not the footer), top to bottom."""
        return sorted(
            (run for run in self.runs if run.page == page and run.y > self.bottom - 2), key=lambda run: -run.y
        )

    def text(self) -> list[str]:
        """Each page's text, its lines joined, no-break spaces as spaces."""
        return [
            " ".join(self.lines(page)).replace("\u00a0", " ").replace("\u202f", " ")
            for page in range(1, self.pages + 1)
        ]

    def lines(self, page: int) -> list[str]:
        """The page's lines of text, top to bottom: runs on one baseline, left to right."""
        found: dict[float, list[Run]] = {}
        for run in self.runs:
            if run.page == page:
                found.setdefault(round(run.y), []).append(run)
        return [" ".join(run.text for run in sorted(found[y], key=lambda run: run.x)) for y in sorted(found)[::-1]]


STEPS = 5  # the items of the list in each news item
LAYOUTS = ["journal-a4", "journal-a5", "large-print-a4", "journal-a5+booklet"]
ISSUES = {"long": (10, 10), "longer": (16, 14)}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[tuple[str, str], Built]:
    found = {}
    for name, (faq, status) in ISSUES.items():
        root = tmp_path_factory.mktemp(name)
        (root / "issues").mkdir()
        (root / "issues" / "publication.yaml").write_text(PUBLICATION, encoding="utf-8")
        (root / "issues" / "001.yaml").write_text(long_issue(faq, status), encoding="utf-8")
        for spec in LAYOUTS:
            layout, _, impose = spec.partition("+")
            found[name, spec] = build(name, root, layout, impose == "booklet")
    return found


def build(issue: str, root: Path, layout: str, booklet: bool) -> Built:
    result = planning.plan(root, [], [layout])
    assert not result.errors, [str(d) for d in result.errors]
    [document], [(ref, loaded)] = result.documents, result.layouts
    model = loaded.model
    data, pages, _ = render(document, ref, loaded, RenderOptions(impose="booklet" if booklet else None))
    width, height = (size * MM for size in PAGE_SIZES_MM[model.page.size])
    sides = PdfReader(io.BytesIO(data)).pages
    order = booklet_order(2 * len(sides)) if booklet else [(number, None) for number in range(1, len(sides) + 1)]
    runs: list[Run] = []
    for side, (left, right) in zip(sides, order, strict=True):
        offset = (float(side.mediabox.width) - 2 * width) / 2 if booklet else 0.0

        def visit(text, cm, tm, font, size, left=left, right=right, offset=offset):
            x = cm[4] + tm[4] * cm[0] - offset
            page = right if x >= width else left
            if text.strip() and page:
                scale = (cm[3] or 1) * (tm[3] or 1)
                y = cm[5] + tm[5] * cm[3]
                runs.append(Run(page, re.sub(r"\s+", " ", text).strip(), x % width, y, size * scale))

        side.extract_text(visitor_text=visit)
    pages = 2 * len(sides) if booklet else len(sides)
    return Built(
        issue,
        layout,
        booklet,
        data,
        pages,
        runs,
        height,
        height - model.margins.top * MM,
        model.margins.bottom * MM,
        model.sizes.heading,
        model.sizes.small,
    )


CASES = [(issue, layout) for issue in ISSUES for layout in LAYOUTS]


def case_id(case: tuple[str, str]) -> str:
    return "-".join(case)


@pytest.fixture(params=CASES, ids=[case_id(case) for case in CASES])
def pdf(request, built) -> Built:
    return built[request.param]


# --- the page rule ----------------------------------------------------------------------------------


def test_the_page_counts_a_journal_may_have():
    double, booklet = PageRule(2), PageRule(4)
    assert [n for n in range(1, 10) if double.allowed(n)] == [1, 2, 4, 6, 8]
    assert [n for n in range(1, 10) if booklet.allowed(n)] == [1, 4, 8]
    assert [double.next_up(n) for n in (1, 2, 3, 5)] == [1, 2, 4, 6]
    assert [booklet.next_up(n) for n in (2, 5, 8)] == [4, 8, 8]
    assert double.good(Measure([0.1])) and not double.good(Measure([0.9, 0.9, 0.9]))
    assert not double.good(Measure([0.9, 0.4])) and double.good(Measure([0.9, 0.5]))


def test_the_overflow_counts_the_pages_less_than_half_full():
    """Large print n° 1 was printed on 8 pages, three of them less than half full: the warning said "a page"."""
    ranges = Fitting()
    chosen, tightest = Knobs(back_page=True), Knobs(spacing=ranges.spacing_min, images=ranges.images_min)
    fitter = Fitter([], Knobs(), lambda buffer: None, 100.0, PageRule(2), ranges)
    fitter.tried = [
        (chosen, Measure([0.9, 0.4, 0.3, 0.9, 0.45, 0.8, 0.9, 0.7])),
        (tightest, Measure([1.0] * 6 + [0.3])),
    ]
    assert fitter.overflow(chosen, 10.0) == Overflow(pages=6, lines=3, printed=8, half_empty=3)


# --- the preflight ----------------------------------------------------------------------------------


def test_one_page_or_an_even_count_a_multiple_of_four_for_a_booklet(pdf):
    assert PageRule(4 if pdf.booklet else 2).allowed(pdf.pages), pdf.pages


def test_no_page_is_more_than_half_empty(pdf):
    frame = pdf.top - pdf.bottom
    empty = {}
    for page in range(1, pdf.pages + 1):
        runs = pdf.page_runs(page)
        used = (pdf.top - min(run.y for run in runs)) / frame if runs else 0
        if used < 0.5 - 0.03:  # a line's descent below its baseline
            empty[page] = round(used, 2)
    assert empty == {}


def test_no_heading_ends_a_page(pdf):
    ended = {}
    for page in range(1, pdf.pages):
        runs = pdf.page_runs(page)
        if runs and runs[-1].size >= pdf.heading_size - 0.01:
            ended[page] = runs[-1].text
    assert ended == {}


def test_no_status_row_is_split_across_pages(pdf):
    text = pdf.text()
    for index in range(1, ISSUES["long"][1] + 1):
        on = [page for page, words in enumerate(text, start=1) if f"Outil{index:02d}" in words]
        note = [page for page, words in enumerate(text, start=1) if f"de la chaîne {index:02d}." in words]
        assert len(on) == 1, f"Outil{index:02d} printed on pages {on}"
        assert on == note, f"row {index}: system on page {on}, note ends on page {note}"


def test_a_table_split_across_pages_leaves_two_rows_at_least_on_each_side(pdf):
    text = pdf.text()
    rows = Counter(
        page
        for index in range(1, ISSUES[pdf.issue][1] + 1)
        for page, words in enumerate(text, start=1)
        if f"Outil{index:02d}" in words
    )
    assert min(rows.values()) >= 2, rows


def test_a_list_leaves_two_items_at_least_on_each_side_of_a_break(pdf):
    text = pdf.text()
    for letter in "ABC":
        items = Counter(
            page
            for step in range(1, STEPS + 1)
            for page, words in enumerate(text, start=1)
            if f"Étape {letter}{step} du" in words
        )
        assert min(items.values()) >= 2, (letter, items)


def test_a_title_stays_with_its_intro_and_the_first_two_items_of_its_list(pdf):
    text = pdf.text()
    for index, letter in enumerate("ABC", start=1):
        marks = [f"Actualité {index}", f"suit cet ordre {letter}", f"Étape {letter}1 du", f"Étape {letter}2 du"]
        pages = [[page for page, words in enumerate(text, start=1) if mark in words] for mark in marks]
        assert len({tuple(found) for found in pages}) == 1, dict(zip(marks, pages, strict=True))


def test_a_short_list_of_contacts_is_kept_whole(pdf):
    text = pdf.text()
    pages = {page for page, words in enumerate(text, start=1) if re.search(r"Contact \d\b", words)}
    assert len(pages) == 1, pages


def test_no_single_line_of_a_paragraph_alone_at_a_page_top(pdf):
    """A widow: the last line of a paragraph alone at the top of a page, its paragraph begun on the page
    before (that page's last line does not end a sentence)."""
    alone = {}
    for page in range(2, pdf.pages + 1):
        before, runs = pdf.page_runs(page - 1), pdf.page_runs(page)
        if len(runs) < 2 or not before:
            continue
        first, second = runs[0], runs[1]
        continued = not re.search(r"[.!?:»)]$", before[-1].text)
        ends_alone = first.y - second.y > first.size * 1.6  # a paragraph's space or a new block after it
        if continued and ends_alone and re.search(r"[.!?]$", first.text) and first.size == runs[1].size:
            alone[page] = first.text
    assert alone == {}


def test_no_character_is_smaller_than_the_layouts_smallest_size(pdf):
    smallest = 16.0 if pdf.layout == "large-print-a4" else pdf.smallest
    under = sorted({(run.text[:30], round(run.size, 1)) for run in pdf.runs if run.size < smallest - 0.05})
    assert under == []


def test_no_address_or_number_is_broken_across_lines(pdf):
    lines = [line.replace("\u00a0", " ") for page in range(1, pdf.pages + 1) for line in pdf.lines(page)]
    for email in EMAILS:  # a long one may break after "@", "." or "/" only, with nothing added
        local = email.split("@")[0]
        starts = [line.strip() for line in lines if line.strip() and line.split()[-1].startswith(local[:8])]
        broken = [line for line in starts if not line.endswith((email, "@", ".", "/"))]
        assert not broken, f"{email} broken: {broken}"
    assert not [line for line in lines if re.search(r"\b02 61( 91( 40)?)?$", line)], "a phone number broken"


def test_a_booklet_has_no_blank_page(built):
    for (issue, spec), pdf in built.items():
        if pdf.booklet:
            blank = [page for page in range(1, pdf.pages + 1) if not pdf.page_runs(page)]
            assert blank == [], (issue, spec)


@pytest.mark.parametrize(("layout", "first"), [("journal-a5", "L’essentiel"), ("large-print-a4", "Prochain numéro")])
def test_the_front_page_of_the_sample_is_filled_by_the_block_after_the_lead(layout, first):
    """Sample n° 3: in A5 the essentials' box fits under the lead; in large print it does not, and the next
    issue's box fills the hole it would leave (page 1 was 40 % empty)."""
    result = planning.plan(REPO, ["3"], [layout])
    [document], [(ref, loaded)] = result.documents, result.layouts
    data, pages, warnings = render(document, ref, loaded)
    front = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert first in front and pages in (8, 10) and warnings == ()


def test_a_caption_is_a_paragraph_space_above_the_text_under_it():
    """Sample n° 4 in Letter: "Depuis le lundi 22 février…" under the picture's caption, not touching it."""
    result = planning.plan(REPO, ["4"], ["journal-letter"])
    [document], [(ref, loaded)] = result.documents, result.layouts
    data, _, _ = render(document, ref, loaded)
    runs: list[tuple[float, float, float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3], size, text))

    PdfReader(io.BytesIO(data)).pages[1].extract_text(visitor_text=visit)
    [(x, y, size, _)] = [run for run in runs if run[3].startswith("Depuis le lundi 22")]
    above = min(run[1] for run in runs if abs(run[0] - x) < 1 and run[1] > y + 1)
    assert above - y >= size * 1.5, (above - y, size)
