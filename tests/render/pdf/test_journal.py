"""Tests of the journal PDF as a reader, a printer and an archivist get it.

The sample issue n° 3 is rendered once per session (``sample_issue_3``); error cases use small
workspaces in tmp_path. Text is read back from the PDF with pypdf.
"""

from __future__ import annotations

import io
import re
import shutil

import pytest
from pypdf import PdfReader

from conftest import MINIMAL_ISSUE, REPO
from newsletter.build import plan as planning
from newsletter.build.run import build_all
from newsletter.model.formats import STATES
from newsletter.model.load import load_workspace
from newsletter.render.pdf.fitting import Overflow
from newsletter.render.pdf.journal import JournalRenderer
from newsletter.text.labels import label
from tests.render.pdf.drawing import Printed, read_back

A4_POINTS = (595.28, 841.89)
BASE_14 = ("Helvetica", "Times-", "Times,", "Courier", "Symbol", "ZapfDingbats")


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def flat(text: str) -> str:
    """Text as a reader compares it: any run of spaces, no-break spaces or line breaks is one space."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text.replace("’", "'")).strip()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in reader(data).pages)


def pdf_lines(data: bytes) -> list[str]:
    return [flat(line) for line in pdf_text(data).splitlines() if line.strip()]


def render(root) -> tuple[bytes, int]:
    """Plan and build every issue of a workspace into its out/ folder; the first PDF and its pages."""
    result = planning.plan(root, [], [])
    assert not result.errors, [str(d) for d in result.errors]
    built = list(build_all(result, root / "out"))
    return built[0].path.read_bytes(), built[0].pages


@pytest.fixture(scope="module")
def sample_3_model():
    return load_workspace(REPO).issue(3).model


# --- the page and the fonts ------------------------------------------------------------------


def test_every_page_is_exactly_a4(sample_issue_3):
    pages = reader(sample_issue_3.data).pages
    assert len(pages) == sample_issue_3.pages >= 3
    for page in pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4_POINTS
        assert (float(page.mediabox.left), float(page.mediabox.bottom)) == (0, 0)


def fonts_of(resources, seen=None) -> list:
    """Every font dictionary used by a resource dictionary and the forms it draws."""
    seen = seen if seen is not None else set()
    found = []
    if resources is None:
        return found
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        found.append(font.get_object())
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form" and id(xobject) not in seen:
            seen.add(id(xobject))
            found += fonts_of(xobject.get("/Resources"), seen)
    return found


def test_every_font_is_an_embedded_truetype_subset(sample_issue_3):
    names = set()
    for page in reader(sample_issue_3.data).pages:
        fonts = fonts_of(page["/Resources"])
        assert fonts, "a page without fonts"
        for font in fonts:
            described = font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font
            assert "/FontDescriptor" in described, f"{font['/BaseFont']} is not embedded"
            assert "/FontFile2" in described["/FontDescriptor"], f"{font['/BaseFont']} has no font file"
            names.add(str(font["/BaseFont"]))
    assert all(re.fullmatch(r"/[A-Z]{6}\+DejaVuSans[-\w]*", name) for name in names), names


def test_no_base_14_font_is_named_anywhere_in_the_file(sample_issue_3):
    for name in BASE_14:
        assert name.encode() not in sample_issue_3.data, name


# --- every section's text is printed ----------------------------------------------------------


def test_the_text_of_every_section_is_printed(sample_issue_3, sample_3_model):
    issue = sample_3_model
    text = flat(pdf_text(sample_issue_3.data))
    expected = [
        "Lettre de crise",
        "Journal interne des agents",
        "N° 3",
        "mardi 16 février 2021",
        "Point à 16 h 30",
        issue.headline,
        issue.edition.upper(),
        label("fr", "essentials"),
        *issue.essentials,
        *issue.do,
        *issue.dont,
        *(entry.system for entry in issue.status),
        *(label("fr", f"state_{state}") for state in STATES),
        *(item.title for item in issue.news),
        issue.news[0].caption,
        *(tip.title for tip in issue.tips),
        *(question.q for question in issue.faq),
        *(contact.name for contact in issue.contacts),
        "Numéro unique agents",
        "02 61 91 40 00",
        "Prochain numéro : mardi 23 février 2021",
        "Document interne — ne pas afficher à l'accueil",
    ]
    missing = [phrase for phrase in expected if flat(phrase) not in text]
    assert missing == []


def test_a_phone_number_typed_in_one_block_is_printed_in_pairs(sample_issue_3, sample_3_model):
    assert "0261914021" in [contact.phone for contact in sample_3_model.contacts]
    text = flat(pdf_text(sample_issue_3.data))
    assert "02 61 91 40 21" in text and "0261914021" not in text


def test_every_page_has_its_footer_with_page_x_of_y(sample_issue_3):
    pages = reader(sample_issue_3.data).pages
    for number, page in enumerate(pages, start=1):
        footer = flat(page.extract_text())
        assert f"Page {number}/{len(pages)}" in footer
        assert "Lettre de crise · N° 3 · mardi 16 février 2021" in footer


# --- metadata, file name, reproducibility -------------------------------------------------------


def test_metadata_describes_the_issue(sample_issue_3):
    pdf = reader(sample_issue_3.data)
    info = pdf.metadata
    assert info.title == "Lettre de crise n°\u00a03 — mardi 16\u00a0février\u00a02021"
    assert flat(info.title) == "Lettre de crise n° 3 — mardi 16 février 2021"
    assert info.author == "Ville et Métropole de Val-de-Loire-sur-Mer"
    assert info.subject == "Les premiers outils reviennent, service par service"
    assert [flat(word) for word in info["/Keywords"].split(", ")] == [
        "Lettre de crise",
        "N° 3",
        "Ville et Métropole de Val-de-Loire-sur-Mer",
    ]
    assert pdf.trailer["/Root"]["/Lang"] == "fr-FR"
    assert info["/CreationDate"].startswith("D:20210216")
    assert (info.creation_date.year, info.creation_date.month, info.creation_date.day) == (2021, 2, 16)


def test_the_file_name_sorts_by_date_and_has_no_accent(sample_issue_3):
    assert sample_issue_3.path.name == "20210216_lettre-de-crise_n03_a4.pdf"


def test_the_same_input_gives_the_same_bytes_whatever_was_built_before(sample_issue_3, tmp_path):
    result = planning.plan(REPO, ["1", "3"], [])
    built = {b.path.name: b.path.read_bytes() for b in build_all(result, tmp_path)}
    assert built[sample_issue_3.path.name] == sample_issue_3.data


# --- user text is text ----------------------------------------------------------------------------


def test_markup_like_user_text_prints_literally(workspace):
    workspace.write(
        "001.yaml",
        MINIMAL_ISSUE + 'lead: "<b>unclosed & <font name=x> &#x110000; <para> 2 * 3 **x"\n'
        "do:\n  - Tom & Jerry <i>sans</i> italique\n",
    )
    data, _ = render(workspace.root)
    text = flat(pdf_text(data))
    assert "<b>unclosed & <font name=x> &#x110000 ; <para> 2 * 3 **x" in text
    assert "Tom & Jerry <i>sans</i> italique" in text


# Segments of varied length, so that across the text every position falls at a line's end.
TRAPS = " ".join(f"{'mot ' * (k % 9)}{'x' * (k % 7)} « bonjour » Pourquoi ? Appelez le 0241054000." for k in range(45))


def test_no_line_break_inside_guillemets_before_a_question_mark_or_inside_a_phone(workspace):
    workspace.write(
        "001.yaml",
        MINIMAL_ISSUE + f"news:\n  - title: Pièges\n    body: {TRAPS}\nfaq:\n  - q: Pourquoi ?\n    a: {TRAPS}\n",
    )
    lines = pdf_lines(render(workspace.root)[0])
    typed = 2 * TRAPS.count("« bonjour »")
    assert sum(line.count("« bonjour »") for line in lines) == typed
    assert sum(line.count("02 41 05 40 00") for line in lines) == typed
    assert not [line for line in lines if line.endswith("«") or line.startswith(("»", "?"))]


def test_an_answer_longer_than_a_page_flows_over_pages(workspace):
    paragraph = "Cette réponse détaille chaque étape de la reprise, service par service, sans rien omettre. " * 8
    answer = "\n\n".join(f"      Étape {n}. {paragraph}" for n in range(1, 31))
    workspace.write(
        "001.yaml", MINIMAL_ISSUE + f"faq:\n  - q: Que se passe-t-il ?\n    a: |\n{answer}\n      Fin de la réponse.\n"
    )
    data, pages = render(workspace.root)
    assert pages >= 4
    text = flat(pdf_text(data))
    assert "Étape 30." in text and "Fin de la réponse." in text


LONG = "Une phrase assez longue pour remplir les lignes de la page sans fin. " * 60 + "Fin du texte."
LONG_ITEMS = {
    "essential": f"essentials:\n  - {LONG}\n",
    "instruction": f"do:\n  - {LONG}\ndont:\n  - Court.\n",
    "status note": f"status:\n  - system: Paie\n    state: down\n    note: {LONG}\n",
    "status system": f"status:\n  - system: {LONG}\n    state: testing\n    since: 4 février\n",
    "news body": f"news:\n  - title: Titre\n    body: {LONG}\n",
    "news title": f"news:\n  - title: {LONG}\n    body: Court.\n",
    "news caption": f"news:\n  - title: Titre\n    body: Court.\n    image: ../assets/logo.png\n    caption: {LONG}\n",
    "tip": f"tips:\n  - title: Titre\n    body: {LONG}\n",
    "plain tip": f"tips:\n  - {LONG}\n",
    "testimonial": f"testimonials:\n  - quote: {LONG}\n    name: Une collègue\n",
    "question": f"faq:\n  - q: {LONG}\n    a: Oui.\n",
    "situation": f"situation:\n  known:\n    - {LONG}\n",
    "contact role": f"contacts:\n  - name: Cellule\n    role: {LONG}\n",
}


@pytest.mark.parametrize("section", list(LONG_ITEMS))
def test_any_item_longer_than_a_page_flows_over_pages(workspace, section):
    workspace.write("001.yaml", MINIMAL_ISSUE + LONG_ITEMS[section])
    data, pages = render(workspace.root)
    texts = [flat(page.extract_text()) for page in reader(data).pages]
    assert pages >= 2 and "Fin du texte." in " ".join(texts)
    # pages of nothing but repeated table headers would also be "flowing": at most the contacts are left
    assert sum("remplir les lignes" not in text for text in texts) <= 2


# --- problems: reported before anything is written ------------------------------------------------


def test_a_missing_image_is_an_error_naming_the_field_and_no_pdf_is_written(workspace, cli):
    workspace.write(
        "001.yaml", MINIMAL_ISSUE + "news:\n  - title: Photo\n    body: Texte.\n    image: ../assets/absente.png\n"
    )
    result = cli("--root", workspace.root, "build")
    assert result.code == 1
    assert "issues/001.yaml:8:12: news[1].image: the image '../assets/absente.png' is not found" in result.err
    assert not workspace.out.exists()


def test_an_image_that_is_not_an_image_is_an_error(workspace, cli):
    (workspace.root / "assets" / "photo.png").write_text("not a picture", encoding="utf-8")
    workspace.write(
        "001.yaml", MINIMAL_ISSUE + "news:\n  - title: Photo\n    body: Texte.\n    image: ../assets/photo.png\n"
    )
    result = cli("--root", workspace.root, "build")
    assert result.code == 1 and "news[1].image: the image '../assets/photo.png' cannot be read" in result.err
    assert not workspace.out.exists()


def test_a_character_the_font_cannot_draw_is_a_warning_with_its_name(workspace, cli):
    workspace.write(
        "001.yaml",
        MINIMAL_ISSUE.replace("headline: Les téléphones fonctionnent", "headline: Les téléphones 漢 fonctionnent"),
    )
    result = cli("--root", workspace.root, "build")
    assert result.code == 0
    assert re.search(
        r"issues/001\.yaml:3:\d+: warning: headline: the character '漢' \(CJK UNIFIED IDEOGRAPH-6F22\)", result.err
    )
    [pdf] = workspace.pdfs()
    text = pdf_text(pdf.read_bytes())
    assert "Les téléphones" in text and "漢" not in text


def test_strict_turns_an_undrawable_character_into_an_error(workspace, cli):
    workspace.write("001.yaml", MINIMAL_ISSUE + "lead: Merci 🚀\n")
    result = cli("--root", workspace.root, "build", "--strict")
    assert result.code == 1
    assert "issues/001.yaml:5:13: lead: the character '🚀' (ROCKET)" in result.err
    assert not workspace.out.exists()


# --- writing safely -------------------------------------------------------------------------------


def test_a_failed_render_leaves_the_previous_pdf_intact(workspace, monkeypatch):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    previous, _ = render(workspace.root)
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("fonctionnent", "fonctionnent toujours"))

    def broken(self):
        raise RuntimeError("the renderer failed")

    from newsletter.render.pdf.journal import JournalRenderer

    monkeypatch.setattr(JournalRenderer, "render", broken)
    with pytest.raises(RuntimeError):
        render(workspace.root)
    [pdf] = workspace.pdfs()
    assert pdf.read_bytes() == previous
    assert [p.name for p in workspace.out.iterdir() if p.name.endswith(".tmp")] == []


def test_an_output_that_is_one_of_the_inputs_is_refused(workspace, cli):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    name = "20210205_lettre-de-crise_n01_a4.pdf"
    trap = workspace.write(name, MINIMAL_ISSUE)  # an issue file someone named like the PDF
    result = cli("--root", workspace.root, "build", trap, "--out", workspace.issues)
    assert result.code == 1
    assert "would overwrite one of the input files" in result.err and "Traceback" not in result.output
    assert trap.read_text(encoding="utf-8") == MINIMAL_ISSUE


@pytest.mark.parametrize("layout", ["large-print-a4", "journal-a5", "journal-a4"])
def test_the_news_heading_is_printed_on_the_page_of_the_first_article(tmp_path, cli, layout):
    assert cli("--root", REPO, "build", "3", "--layout", layout, "--out", tmp_path).code == 0
    [pdf] = tmp_path.glob("*.pdf")
    pages = [flat(page.extract_text()) for page in PdfReader(pdf).pages]
    [page] = [text for text in pages if "Actualités" in text]
    assert "Un poste réinstallé, une pastille verte" in page


def test_the_layout_s_sections_are_printed_in_its_order_and_no_other(workspace, cli):
    workspace.write(
        "001.yaml",
        MINIMAL_ISSUE + "essentials:\n  - Gardez votre badge sur vous\n"
        "tips:\n  - Notez vos appels\nfaq:\n  - q: Qui appeler ?\n    a: Le numéro unique.\n",
    )
    layouts = workspace.root / "layouts"
    layouts.mkdir()
    (layouts / "mine.yaml").write_text("sections:\n  - faq\n  - essentials\n", encoding="utf-8")
    assert cli("--root", workspace.root, "build", "--layout", "mine", "--out", workspace.out).code == 0
    [pdf] = workspace.pdfs()
    text = flat(pdf_text(pdf.read_bytes()))
    assert text.index("Qui appeler") < text.index(flat(label("fr", "essentials"))) < text.index("Gardez votre badge")
    assert "Notez vos appels" not in text and "Prochain numéro" not in text


# --- large print (UKAAF / RNIB) --------------------------------------------------------------------

LARGE_PRINT_FONTS = {"DejaVuSans", "DejaVuSans-Bold"}  # no italic: emphasis typed *in italic* prints bold
SYSTEMS = [f"Outil métier n° {number}" for number in range(1, 11)]


def long_issue() -> str:
    """An issue longer than any sample: every section, ten FAQ items, ten systems, long e-mail addresses."""
    states = ["down", "degraded", "testing", "restored"]
    lines = [
        MINIMAL_ISSUE.rstrip(),
        'time: "16:30"',
        "edition: Spécial cyberattaque — étape 9",
        "lead: Un long point sur *tous* les outils, section par section.",
        "essentials: [Attendez le technicien., Gardez votre badge., Notez tout sur papier.]",
        "situation:",
        "  known: [Un rançongiciel a bloqué nos serveurs., Les sauvegardes hors ligne sont intactes.]",
        "  unknown: [Si des données ont été copiées.]",
        "  doing: [Une cellule de crise se réunit chaque jour à 9 h.]",
        "status:",
        *(
            f"  - {{system: {system}, state: {states[i % 4]}, since: 2021-02-0{1 + i % 9}, note: Retour prévu.}}"
            for i, system in enumerate(SYSTEMS)
        ),
        "do: [Attendez la pastille verte avant d'allumer votre ordinateur., Signez la feuille d'émargement.]",
        "dont: [Ne branchez pas de clé USB., Ne donnez jamais votre mot de passe.]",
        "news:",
        "  - title: Un poste réinstallé",
        "    body: La DSI réinstalle les postes, *bâtiment par bâtiment*.",
        "    image: ../assets/reinstallation-postes.png",
        "    caption: Chaque poste contrôlé reçoit une pastille verte.",
        "tips: [Notez vos appels sur papier., {title: Trouver un numéro, body: L'annuaire papier est à l'accueil.}]",
        "faq:",
        *(f"  - {{q: Question n° {n} ?, a: Une réponse de quelques mots à la question n° {n}.}}" for n in range(1, 11)),
        "testimonials:",
        "  - {quote: On a tenu grâce au papier et au téléphone., name: Sophie Martin, role: Agente d'accueil}",
        "contacts:",
        "  - {name: Claire Vautrin-Lemoine, role: Pilote de la cellule, phone: 0261914001,"
        " email: claire.vautrin-lemoine.cellule-de-crise@valdeloire-sur-mer.example}",
        "  - {name: Thomas Guillemard, role: RSSI, phone: 0261914021, email: thomas.guillemard@valdeloire.example}",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def large_print(tmp_path_factory) -> dict[str, list[Printed]]:
    """The six samples and the long issue in large print, built once: each PDF's runs of text, by name."""
    out = tmp_path_factory.mktemp("large-print")
    result = planning.plan(REPO, [], ["large-print-a4"])
    built = list(build_all(result, out))
    root = tmp_path_factory.mktemp("long")
    (root / "issues").mkdir()
    shutil.copytree(REPO / "assets", root / "assets")
    shutil.copy(REPO / "issues" / "publication.yaml", root / "issues")
    (root / "issues" / "001.yaml").write_text(long_issue(), encoding="utf-8")
    result = planning.plan(root, [], ["large-print-a4"])
    assert not result.errors, [str(d) for d in result.errors]
    built += list(build_all(result, out / "long"))
    return {("long" if "long" in b.path.parts else b.path.name): read_back(b.path.read_bytes()) for b in built}


def test_large_print_has_no_character_under_16_pt_not_even_the_footer_or_page_numbers(large_print):
    assert len(large_print) == 7
    for name, runs in large_print.items():
        assert [(run.page, run.text, run.size) for run in runs if run.size < 16 - 0.01] == [], name
        assert any(re.fullmatch(r"Page 1/\d+", run.text) for run in runs), name


def test_large_print_has_no_italic_and_prints_emphasis_in_bold(large_print):
    for name, runs in large_print.items():
        assert {run.font for run in runs} == LARGE_PRINT_FONTS, name
    [emphasis] = [run for run in large_print["20210216_lettre-de-crise_n03_large-print-a4.pdf"] if "Merci" in run.text]
    assert emphasis.font == "DejaVuSans-Bold"


def test_large_print_is_one_column_aligned_left(large_print):
    """Nothing starts in the right half of the page but the page number: no second column, nothing
    side by side, nothing centred or aligned right (the masthead's date neither)."""
    for name, runs in large_print.items():
        right_half = [run.text for run in runs if run.x > A4_POINTS[0] / 2]
        assert right_half and all(re.fullmatch(r"Page \d+/\d+", text) for text in right_half), name
    runs = large_print["long"]
    [title] = [run for run in runs if run.text == "Lettre de crise"]
    [issue_line] = [run for run in runs if run.text == "N° 1 · vendredi 5 février 2021"]
    assert issue_line.x == title.x and issue_line.y < title.y


def test_large_print_has_no_line_in_capitals(large_print):
    assert "Spécial cyberattaque — étape 9" in [run.text for run in large_print["long"]]


def lines_of(runs: list[Printed], starts: list[str]) -> list[Printed]:
    """The first line starting with each of ``starts`` (a long address may go on)."""
    return [next(run for run in runs if run.text.replace("\u00a0", " ").startswith(start)) for start in starts]


def test_large_print_stacks_the_status_board_do_and_don_t_and_contacts(large_print):
    runs = large_print["long"]
    assert not {"État", "Outil", "Depuis", "Précisions"} & {run.text for run in runs}  # no table heads
    states = ["Arrêté", "Perturbé", "En test", "Rétabli"]
    systems = lines_of(runs, [f"{system} — {states[i % 4]}" for i, system in enumerate(SYSTEMS)])
    assert len({run.x for run in systems}) == 1  # one under the other, in reading order
    assert [(run.page, -run.y) for run in systems] == sorted((run.page, -run.y) for run in systems)
    boxes = lines_of(
        runs, ["À faire", "Signez la feuille d’émargement.", "À ne pas faire", "Ne branchez pas de clé USB."]
    )
    assert len({run.x for run in boxes[::2]}) == 1 and [run.y for run in boxes] == sorted(
        (r.y for r in boxes), reverse=True
    )
    contact = lines_of(
        runs,
        [
            "Claire Vautrin-Lemoine",
            "Pilote de la cellule",
            "02 61 91 40 01",
            "claire.vautrin-lemoine.cellule-de-crise@",
        ],
    )
    assert len({run.x for run in contact}) == 1 and [run.y for run in contact] == sorted(
        (r.y for r in contact), reverse=True
    )


@pytest.mark.parametrize(("half_empty", "said"), [(1, "with a page less than half full"), (3, "with 3 pages less")])
def test_the_warning_of_an_issue_over_its_pages_says_how_many_are_less_than_half_full(half_empty, said):
    warning = JournalRenderer._over(None, Overflow(pages=6, lines=30, printed=8, half_empty=half_empty))  # type: ignore[arg-type]
    assert warning.startswith(f"30 lines over 6 pages: printed on 8 pages, {said}"), warning
