"""Tests of the A3 poster as the lift wall, the printer and the writer of a too-long poster get it.

The six sample posters are built once per module; other cases use small workspaces in tmp_path.
Text and font sizes are read back from the PDF with pypdf.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from conftest import MINIMAL_ISSUE, REPO
from newsletter.build import plan as planning
from newsletter.build.run import build_all, render
from newsletter.model.print_options import RenderOptions
from newsletter.render.pdf.drawn_text import SUPERSCRIPT_SIZE
from newsletter.text.labels import label

A3_POINTS = (841.89, 1190.55)
HEADLINE_MIN, ITEMS_MIN = 60, 24

ORDINAL_LETTERS = {"er", "re", "e", "ers", "res", "es"}  # French ordinals' superscripts: 1er, 2e
SHORT_LISTS_ISSUE = (
    MINIMAL_ISSUE
    + """\
do:
  - Gardez votre badge sur vous
  - Appelez le numéro unique
dont:
  - Ne branchez aucune clé USB
"""
)


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def letters(text: str) -> str:
    """Only letters and digits: spacing, apostrophes and no-break spaces differ between YAML and PDF."""
    return re.sub(r"\W+", "", text).lower()


def sized_fragments(data: bytes) -> list[tuple[str, float]]:
    """Every piece of text on the page with the size it is printed at, in points."""
    fragments: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            fragments.append((text, size * abs(tm[3] * cm[3])))

    [page] = reader(data).pages
    page.extract_text(visitor_text=visit)
    return fragments


def printed_at(data: bytes, at_least: float | None = None, below: float | None = None) -> str:
    return letters(
        "".join(
            text
            for text, size in sized_fragments(data)
            if (at_least is None or size >= at_least) and (below is None or size < below)
        )
    )


def page_text(data: bytes) -> str:
    [page] = reader(data).pages
    return letters(page.extract_text())


def build_posters(root, *selectors: str) -> list[tuple[bytes, int]]:
    result = planning.plan(root, list(selectors), ["poster-a3"])
    assert not result.errors, [str(d) for d in result.errors]
    return [(built.path.read_bytes(), built.pages) for built in build_all(result, root / "out")]


@pytest.fixture(scope="module")
def sample_posters(tmp_path_factory):
    """Each sample issue's model and its poster's bytes and page count."""
    result = planning.plan(REPO, [], ["poster-a3"])
    assert not result.errors, [str(d) for d in result.errors]
    built = list(build_all(result, tmp_path_factory.mktemp("posters")))
    assert len(built) == len(result.documents) == 6
    return [
        (document.issue, item.path.read_bytes(), item.pages)
        for document, item in zip(result.documents, built, strict=True)
    ]


def line_of(text: str, start: str) -> int:
    """1-based number of the first line of ``text`` that starts with ``start``."""
    return next(number for number, line in enumerate(text.splitlines(), start=1) if line.startswith(start))


# --- one A3 page, big text ---------------------------------------------------------------------


def test_every_sample_poster_is_exactly_one_a3_page(sample_posters):
    for issue, data, pages in sample_posters:
        pdf = reader(data)
        assert pages == len(pdf.pages) == 1, issue.number
        box = pdf.pages[0].mediabox
        assert float(box.width) == pytest.approx(A3_POINTS[0], abs=0.5)
        assert float(box.height) == pytest.approx(A3_POINTS[1], abs=0.5)


def test_headline_is_printed_at_60_pt_or_more_and_instructions_at_24_or_more(sample_posters):
    for issue, data, _ in sample_posters:
        headline = letters(issue.poster.headline)
        assert headline in printed_at(data, at_least=HEADLINE_MIN), issue.number
        assert headline not in printed_at(data, below=HEADLINE_MIN), issue.number
        for item in [*issue.poster.do, *issue.poster.dont]:
            assert letters(item) in printed_at(data, at_least=ITEMS_MIN), (issue.number, item)
            assert letters(item) not in printed_at(data, below=ITEMS_MIN), (issue.number, item)


def test_every_size_on_the_page_comes_from_the_text_not_a_default(sample_posters):
    """No text at reportlab's default 10 pt (but the superscript letters of an ordinal, 62 % of the
    14-pt footer's), and the shrinking keeps the headline above the lists."""
    for issue, data, _ in sample_posters:
        fragments = sized_fragments(data)
        sizes = {round(size, 1) for text, size in fragments if text not in ORDINAL_LETTERS}
        assert min(sizes) >= 14 and max(sizes) >= HEADLINE_MIN, (issue.number, sizes)
        raised = [size for text, size in fragments if text in ORDINAL_LETTERS]
        assert all(size >= 14 * SUPERSCRIPT_SIZE - 0.01 for size in raised), (issue.number, raised)
    assert any(text == "er" for _, data, _ in sample_posters for text, _ in sized_fragments(data))  # n° 5: 1er mars


def test_the_poster_has_masthead_labels_hotline_date_and_footer(sample_posters):
    _, data, _ = sample_posters[2]
    text = page_text(data)
    for expected in [
        "Lettre de crise",
        "N° 3",
        "mardi 16 février 2021",
        label("fr", "do"),
        label("fr", "dont"),
        "Numéro unique agents",
        "02 61 91 40 00",
        "Du lundi au vendredi, de 8 h à 18 h",
        "Prochain numéro : mardi 23 février 2021",
    ]:
        assert letters(expected) in text, expected
    assert "02 61 91 40 00" in reader(data).pages[0].extract_text().replace("\u00a0", " ")
    assert letters("Document interne") not in text  # the journal's footer: "do not post" never on a poster


def test_the_poster_prints_its_own_text_rather_than_the_issue_s(sample_posters):
    issue, data, _ = sample_posters[2]
    text = page_text(data)
    assert letters(issue.poster.headline) in text
    assert letters(issue.headline) not in text
    assert all(letters(item) not in text for item in issue.do if item not in issue.poster.do)


def test_without_a_poster_block_the_issue_s_own_headline_and_lists_are_printed(workspace):
    workspace.write("001.yaml", SHORT_LISTS_ISSUE)
    [(data, pages)] = build_posters(workspace.root)
    assert pages == 1
    assert letters("Les téléphones fonctionnent") in printed_at(data, at_least=HEADLINE_MIN)
    for item in ["Gardez votre badge sur vous", "Appelez le numéro unique", "Ne branchez aucune clé USB"]:
        assert letters(item) in printed_at(data, at_least=ITEMS_MIN)


def test_each_part_missing_from_the_poster_block_falls_back_to_the_issue(workspace):
    workspace.write("001.yaml", SHORT_LISTS_ISSUE + "poster:\n  headline: Badge obligatoire\n")
    [(data, _)] = build_posters(workspace.root)
    text = page_text(data)
    assert letters("Badge obligatoire") in text and letters("Les téléphones fonctionnent") not in text
    assert letters("Gardez votre badge sur vous") in text and letters("Ne branchez aucune clé USB") in text


def test_an_issue_without_instructions_gets_a_poster_without_empty_boxes(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    [(data, pages)] = build_posters(workspace.root)
    text = page_text(data)
    assert pages == 1 and letters("Les téléphones fonctionnent") in text
    assert letters(label("fr", "do")) not in text


# --- print: fonts, metadata, reproducibility ------------------------------------------------------


def test_every_font_is_embedded_and_none_is_a_base_14_font(sample_posters):
    for issue, data, _ in sample_posters:
        fonts = reader(data).pages[0]["/Resources"]["/Font"]
        assert fonts, issue.number
        for font in fonts.values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font
            assert "/FontFile2" in described["/FontDescriptor"], font["/BaseFont"]
            assert "DejaVuSans" in str(font["/BaseFont"])
        assert b"Helvetica" not in data


def test_metadata_is_the_journal_s(sample_posters):
    _, data, _ = sample_posters[0]
    meta = reader(data).metadata
    assert meta.title.replace("\u00a0", " ") == "Lettre de crise n° 1 — vendredi 5 février 2021"
    assert meta.author == "Ville et Métropole de Val-de-Loire-sur-Mer"
    assert meta.creation_date.date().isoformat() == "2021-02-05"


def test_the_same_input_gives_the_same_bytes(workspace):
    workspace.write("001.yaml", SHORT_LISTS_ISSUE)
    [(first, _)] = build_posters(workspace.root)
    [(second, _)] = build_posters(workspace.root)
    assert first == second


def test_grayscale_and_bleed_apply_to_the_poster(workspace):
    workspace.write("001.yaml", SHORT_LISTS_ISSUE)
    result = planning.plan(workspace.root, [], ["poster-a3"])
    document, (ref, layout) = result.documents[0], result.layouts[0]
    data, pages, _ = render(document, ref, layout, RenderOptions(grayscale=True, bleed_mm=3))
    page = reader(data).pages[0]
    trim = page.trimbox
    assert pages == 1
    assert float(trim.width) == pytest.approx(A3_POINTS[0], abs=0.5)
    assert float(trim.height) == pytest.approx(A3_POINTS[1], abs=0.5)
    assert not re.search(rb"\b(rg|RG|k|K)\b", page.get_contents().get_data())


# --- text that cannot fit --------------------------------------------------------------------------

TOO_MANY_INSTRUCTIONS = (
    MINIMAL_ISSUE
    + "poster:\n  headline: Badge obligatoire\n  do:\n"
    + "".join(
        f"    - Vérifiez la consigne numéro {n} affichée près de l'ascenseur avant de monter à l'étage\n"
        for n in range(1, 13)
    )
)


def test_a_list_too_long_for_the_poster_is_an_error_at_the_list_and_no_pdf_is_written(workspace, cli):
    workspace.write("001.yaml", TOO_MANY_INSTRUCTIONS)
    result = cli("--root", workspace.root, "build", "--layout", "poster-a3")
    assert result.code == 1
    line = line_of(TOO_MANY_INSTRUCTIONS, "  do:")
    message = re.search(
        rf"issues/001\.yaml:{line}:3: poster\.do: the do list is about (\d+) % too long "
        r"for the poster: remove (\d+) items or shorten them",
        result.err,
    )
    assert message, result.err
    assert int(message[1]) >= 5 and 1 <= int(message[2]) < 12
    assert workspace.pdfs() == []


def test_removing_the_items_the_message_asks_for_makes_the_poster_fit(workspace, cli):
    workspace.write("001.yaml", TOO_MANY_INSTRUCTIONS)
    remove = int(re.search(r"remove (\d+) items", cli("--root", workspace.root, "build", "-l", "poster-a3").err)[1])
    lines = TOO_MANY_INSTRUCTIONS.splitlines(keepends=True)
    workspace.write("001.yaml", "".join(lines[: len(lines) - remove]))
    result = cli("--root", workspace.root, "build", "--layout", "poster-a3")
    assert result.code == 0, result.err
    [pdf] = workspace.pdfs()
    assert len(PdfReader(pdf).pages) == 1


def test_check_reports_the_poster_that_does_not_fit_when_the_poster_is_the_layout(workspace, cli):
    publication = workspace.issues / "publication.yaml"
    publication.write_text(
        publication.read_text(encoding="utf-8").replace("layout: journal-a4", "layout: poster-a3"), encoding="utf-8"
    )
    workspace.write("001.yaml", TOO_MANY_INSTRUCTIONS)
    result = cli("--root", workspace.root, "check")
    assert result.code == 1
    assert "poster.do: the do list is about" in result.err


def test_a_headline_too_long_falling_back_from_the_issue_says_so_at_the_headline(workspace, cli):
    headline = " ".join(["Consignes de sécurité informatique importantes à relire"] * 6)
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("Les téléphones fonctionnent", headline))
    result = cli("--root", workspace.root, "build", "--layout", "poster-a3")
    assert result.code == 1
    assert re.search(
        r"issues/001\.yaml:3:1: headline: the headline is about \d+ % too long for the poster: "
        r"shorten it to about \d+ words",
        result.err,
    ), result.err
    assert "under `poster:`" in result.err
    assert workspace.pdfs() == []


def test_a_word_wider_than_the_page_is_named(workspace, cli):
    workspace.write("001.yaml", MINIMAL_ISSUE + "poster:\n  headline: Anticonstitutionnellementissime\n")
    result = cli("--root", workspace.root, "build", "--layout", "poster-a3")
    assert result.code == 1
    assert (
        'poster.headline: the word "Anticonstitutionnellementissime" is too wide for the poster, even at 60 pt'
        in result.err
    )
    assert workspace.pdfs() == []


def test_a_word_wider_than_the_page_is_named_in_french(workspace, cli, french):
    workspace.write("001.yaml", MINIMAL_ISSUE + "poster:\n  headline: Anticonstitutionnellementissime\n")
    result = cli("--root", workspace.root, "check", "--layout", "poster-a3")
    assert result.code == 1
    assert (
        "poster.headline: le mot «\u00a0Anticonstitutionnellementissime\u00a0» est trop large pour l’affiche, "
        "même en 60 pt" in result.err
    ), result.err
    assert "raccourcissez-le, ou coupez-le par une espace" in result.err


# --- the layout's sizes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("headline_min", "50", "50 pt is too small: a poster headline must be read from two metres; use 60 or more"),
        ("items_min", "20", "20 pt is too small: poster instructions must be read from two metres; use 24 or more"),
    ],
)
def test_a_layout_cannot_set_minimums_below_what_two_metres_need(workspace, cli, key, value, message):
    text = (REPO / "newsletter" / "data" / "layouts" / "poster-a3.yaml").read_text(encoding="utf-8")
    text = re.sub(rf"(?m)^  {key}: .*$", f"  {key}: {value}", text)
    (workspace.root / "layouts").mkdir()
    (workspace.root / "layouts" / "poster-a3.yaml").write_text(text, encoding="utf-8")
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "build", "--layout", "poster-a3")
    assert result.code == 1
    line = line_of(text, f"  {key}:")
    assert f"layouts/poster-a3.yaml:{line}:{len(key) + 5}: poster.{key}: {message}" in result.err, result.err


def test_the_sizes_come_from_the_layout_file(workspace):
    text = (REPO / "newsletter" / "data" / "layouts" / "poster-a3.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  items: .*$", "  items: 26", text)
    text = re.sub(r"(?m)^  items_min: .*$", "  items_min: 26", text)
    (workspace.root / "layouts").mkdir()
    (workspace.root / "layouts" / "poster-a3.yaml").write_text(text, encoding="utf-8")
    workspace.write("001.yaml", SHORT_LISTS_ISSUE)
    [(data, _)] = build_posters(workspace.root)
    item = letters("Gardez votre badge sur vous")
    assert item in printed_at(data, at_least=26) and item not in printed_at(data, at_least=26.5)
