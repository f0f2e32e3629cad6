"""The FAQ book's PDF: A4, an index of the questions with their pages, the questions by theme."""

from __future__ import annotations

import io

import pypdf
import pytest

from conftest import REPO
from newsletter.build.plan import plan
from newsletter.model.faqbook import gather
from newsletter.model.layout import Layout
from newsletter.render.pdf.drawn_text import SUPERSCRIPT_SIZE
from newsletter.render.pdf.faqbook import render_faq_book


@pytest.fixture(scope="module")
def sample_book():
    result = plan(REPO, [], [], render_checks=False)
    assert not result.errors
    book = gather(result.documents)
    return book, render_faq_book(book, Layout())


def text_of(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text().replace("\u00a0", " ").replace("\u202f", " ") for page in reader.pages]


def test_a4_pages_with_the_title_the_date_and_an_index(sample_book):
    _, (data, pages) = sample_book
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == pages > 1
    assert all(
        round(float(page.mediabox.width)) == 595 and round(float(page.mediabox.height)) == 842 for page in reader.pages
    )
    first = text_of(data)[0]
    assert first.startswith("Lettre de crise\nQuestions et réponses\n À jour du n° 6, vendredi\n 12 mars 2021\n")
    assert "Index des questions" in first
    assert reader.metadata.title == "Lettre de crise — Questions et réponses"


def test_the_index_gives_the_page_each_question_is_on(sample_book):
    book, (data, _) = sample_book
    pages = text_of(data)
    question = "Le télétravail reprend-il ?"
    lines = pages[0].splitlines()
    where = next(number for number, line in enumerate(lines) if line.endswith(question))
    page = int(lines[where + 1].split()[-1])  # the dots and the page come after the question
    assert page > 1 and question in pages[page - 1]
    themes = [theme.name for theme in book.themes()]
    assert themes == [
        "Organisation du travail",
        "Paie, congés et horaires",
        "Le service au public",
        "Postes, messagerie et sécurité",
    ]
    body = "".join(pages)
    assert all(body.count(theme) >= 2 for theme in themes)  # in the index and as a heading


def test_each_answer_says_its_issue_and_when_it_was_updated(sample_book):
    _, (data, _) = sample_book
    body = " ".join(text_of(data)).replace("\n", " ")
    # teletravail: asked in n° 2, answered anew in n° 3 and n° 5
    assert "Réponse mise à jour dans le n° 5, 1er mars 2021" in body
    assert body.count("Le télétravail") == 2  # one question (index and body), the two older wordings merged by id


def test_the_same_book_gives_the_same_bytes(sample_book):
    book, (data, _) = sample_book
    assert render_faq_book(book, Layout())[0] == data


def test_source_lines_keep_their_no_break_spaces_and_raise_the_ordinal_of_a_first(sample_book):
    _, (data, _) = sample_book
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert any("Réponse du n°\u00a05, 1er\u00a0mars\u00a02021" in page.extract_text() for page in reader.pages)
    runs: list[tuple[str, float]] = []
    for page in reader.pages:
        page.extract_text(visitor_text=lambda run, cm, tm, font, size: runs.append((run, size * tm[3])))
    runs = [run for run in runs if run[0].strip()]
    pairs = [(size, runs[index + 1]) for index, (run, size) in enumerate(runs) if run.endswith("n°\u00a05, 1")]
    assert pairs and all(after == ("er", pytest.approx(size * SUPERSCRIPT_SIZE)) for size, after in pairs)
