"""The archive's catalogue, ``index.pdf``: a line per issue, in the bundled fonts, the same bytes each time."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest

from newsletter import __version__
from newsletter.model.formats import Approval
from newsletter.render.pdf.archive_index import CatalogueLine, render_catalogue
from newsletter.render.pdf.drawn_text import SUPERSCRIPT_SIZE

SERIES = [
    CatalogueLine(
        1,
        dt.date(2021, 2, 5),
        "Les téléphones fonctionnent",
        2,
        approval=Approval(by="C. Vautrin", on=dt.date(2021, 2, 4)),
    ),
    CatalogueLine(2, dt.date(2021, 2, 9), "La messagerie revient", 4, correction=True),
]


def read(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def words(reader: pypdf.PdfReader) -> list[str]:
    return [line for page in reader.pages for line in page.extract_text().replace("\u00a0", " ").splitlines()]


@pytest.fixture(scope="module")
def catalogue() -> bytes:
    return render_catalogue("Lettre de crise", "Ville de Val-de-Loire", "fr", SERIES)


def test_a_line_per_issue_with_its_number_date_headline_pages_and_approval(catalogue):
    assert words(read(catalogue)) == [
        "Lettre de crise",
        "Catalogue des numéros",
        "N°",
        "Date",
        "Titre",
        "Pages",
        "1",
        "vendredi 5 février 2021",
        "Les téléphones fonctionnent",
        "Validé par C. Vautrin, 4 février 2021",
        "2",
        "2",
        "mardi 9 février 2021",
        "La messagerie revient (version corrigée)",
        "Non validé",
        "4",
    ]


def test_the_catalogue_is_in_embedded_fonts(catalogue):
    reader = read(catalogue)
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert fonts and all("/FontFile2" in font["/FontDescriptor"] for font in fonts)
    assert not any("Helvetica" in str(font["/BaseFont"]) for font in fonts)


def test_the_same_series_gives_the_same_bytes(catalogue):
    assert render_catalogue("Lettre de crise", "Ville de Val-de-Loire", "fr", SERIES) == catalogue
    assert render_catalogue("Lettre de crise", "Ville de Val-de-Loire", "fr", SERIES[:1]) != catalogue


def test_the_file_says_what_it_is_whose_and_in_which_language(catalogue):
    reader = read(catalogue)
    assert reader.metadata.title == "Lettre de crise — Catalogue des numéros"
    assert reader.metadata.author == "Ville de Val-de-Loire"
    assert reader.metadata.creator == f"newsletter {__version__}"
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"


def test_an_english_publication_gets_an_english_catalogue():
    reader = read(render_catalogue("Crisis letter", "Town", "en", SERIES))
    text = " ".join(words(reader))
    assert "Catalogue of issues No. Date Headline Pages" in text
    assert "Approved by C. Vautrin, 4 February 2021" in text and "Not approved" in text
    assert "Friday 5 February 2021" in text and "La messagerie revient (corrected version)" in text
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_a_long_series_continues_on_further_pages_under_the_same_heading():
    series = [
        CatalogueLine(n, dt.date(2021, 1, 1) + dt.timedelta(days=7 * n), f"Point numéro {n}", 2) for n in range(1, 120)
    ]
    reader = read(render_catalogue("Lettre de crise", "Ville", "fr", series))
    assert len(reader.pages) > 1
    for page in reader.pages[1:]:
        assert page.extract_text().splitlines()[:4] == ["N°", "Date", "Titre", "Pages"]
    listed = [line for line in words(reader) if line.startswith("Point numéro ")]
    assert listed == [f"Point numéro {n}" for n in range(1, 120)]


def test_headlines_are_printed_as_typed_and_a_character_the_font_lacks_is_left_out():
    reader = read(
        render_catalogue(
            "L'équipe & <b>la DSI</b>",
            "Ville",
            "fr",
            [CatalogueLine(1, dt.date(2021, 2, 5), "Les <i>postes</i> & 中 reviennent", 1)],
        )
    )
    lines = words(reader)
    assert lines[0] == "L’équipe & <b>la DSI</b>"  # no markup is read in the user's text, only typography
    assert "Les <i>postes</i> & reviennent" in lines and "中" not in " ".join(lines)


def test_french_dates_and_signs_are_printed_as_in_the_journal():
    first = CatalogueLine(5, dt.date(2021, 3, 1), "Tout reprend ? Oui !", 2)
    reader = read(render_catalogue("Lettre de crise", "Ville", "fr", [first]))
    text = reader.pages[0].extract_text()
    assert "lundi 1er\u00a0mars\u00a02021" in text and "Tout reprend\u202f? Oui\u202f!" in text
    runs: list[tuple[str, float]] = []
    reader.pages[0].extract_text(visitor_text=lambda run, cm, tm, font, size: runs.append((run, size * tm[3])))
    assert ("er", pytest.approx(10.5 * SUPERSCRIPT_SIZE)) in runs
