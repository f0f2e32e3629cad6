"""Proofs: every page marked not to distribute, in the publication's language, and the field path of each
block in the margin beside it; nothing of the layout moves."""

from __future__ import annotations

import io

import pypdf
import pytest

from conftest import REPO
from newsletter.build.plan import plan
from newsletter.build.run import render
from newsletter.model.print_options import RenderOptions

PROOF = RenderOptions(proof=True)


def pages_text(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text().replace("\u00a0", " ").replace("\u202f", " ") for page in reader.pages]


@pytest.fixture(scope="module")
def sample_3():
    result = plan(REPO, ["3"], ["journal-a4", "poster-a3"], render_checks=False)
    [document] = result.documents
    (journal_ref, journal), (poster_ref, poster) = result.layouts
    return {
        "journal": render(document, journal_ref, journal),
        "journal proof": render(document, journal_ref, journal, PROOF),
        "poster proof": render(document, poster_ref, poster, PROOF),
    }


def test_every_page_of_a_proof_says_not_to_distribute(sample_3):
    for kind in ("journal proof", "poster proof"):
        assert all("ÉPREUVE — NE PAS DIFFUSER" in text for text in pages_text(sample_3[kind][0])), kind
    assert not any("ÉPREUVE" in text for text in pages_text(sample_3["journal"][0]))


def test_a_proof_breaks_pages_like_the_copy_to_print(sample_3):
    assert sample_3["journal proof"][1] == sample_3["journal"][1]


def test_the_margins_name_the_field_of_each_block(sample_3):
    proof, plain = "\n".join(pages_text(sample_3["journal proof"][0])), "\n".join(pages_text(sample_3["journal"][0]))
    for path in ("headline", "lead", "essentials[1]", "do[1]", "dont[3]", "faq[1]", "status[4]", "news[1]"):
        assert path in proof and path not in plain, path
    assert ".a" in proof and ".system" in proof and ".title" in proof  # long paths go on two lines


def test_an_english_proof_is_marked_in_english(workspace):
    from conftest import MINIMAL_ISSUE

    publication = (workspace.issues / "publication.yaml").read_text(encoding="utf-8")
    workspace.write("publication.yaml", publication.replace("language: fr", "language: en"))
    workspace.write("001.yaml", MINIMAL_ISSUE + "faq:\n  - q: Will I be paid?\n    a: Yes.\n")
    result = plan(workspace.root, [], ["journal-a4"], render_checks=False)
    [(ref, layout)] = result.layouts
    data, *_ = render(result.documents[0], ref, layout, RenderOptions(proof=True, grayscale=True))
    [text] = pages_text(data)
    assert "PROOF — DO NOT DISTRIBUTE" in text and "faq[1].q" in text.replace("\n", "")


@pytest.mark.parametrize("grayscale", [False, True])
def test_the_mark_lets_the_text_under_it_show_in_colour_and_in_grey(grayscale):
    result = plan(REPO, ["1"], ["journal-a4"], render_checks=False)
    [(ref, layout)] = result.layouts
    data, *_ = render(result.documents[0], ref, layout, RenderOptions(proof=True, grayscale=grayscale))
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    alphas = {float(state.get_object().get("/ca", 1)) for state in page["/Resources"]["/ExtGState"].values()}
    assert 0.1 < min(alphas) < 0.5  # the mark is translucent, never an opaque grey over the text
