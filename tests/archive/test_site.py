"""The intranet space: an index latest first, a page per issue, a page of every question; nothing executable."""

from __future__ import annotations

from webpage import Page, assert_nothing_executable_or_external

from conftest import MINIMAL_ISSUE, REPO
from newsletter.archive import site
from newsletter.build.plan import plan
from newsletter.render.html_page import FAQ_PAGE, INDEX_PAGE


def sample_documents():
    result = plan(REPO, [], [], render_checks=False)
    assert not result.errors
    return result.documents


def test_the_site_has_an_index_latest_first_a_page_per_issue_and_a_faq():
    documents = sample_documents()
    pages = site.pages(documents)
    assert sorted(pages) == sorted([INDEX_PAGE, FAQ_PAGE] + [site.page_name(document) for document in documents])
    index = assert_nothing_executable_or_external(pages[INDEX_PAGE])
    issue_links = [attrs["href"] for attrs in index.named("a") if attrs["href"].endswith("_web.html")]
    assert issue_links == [
        site.page_name(document) for document in sorted(documents, key=lambda d: d.issue.number, reverse=True)
    ]
    for html_text in pages.values():
        page = assert_nothing_executable_or_external(html_text)
        for attrs in page.named("a"):
            assert attrs["href"] == "#main" or attrs["href"] in pages, attrs["href"]
        assert page.named("html") == [{"lang": "fr"}]
    current = [attrs for attrs in index.named("a") if attrs.get("aria-current") == "page"]
    assert [attrs["href"] for attrs in current] == [INDEX_PAGE]


def test_the_faq_page_keeps_the_latest_answer_of_each_question(workspace):
    workspace.write(
        "001.yaml",
        MINIMAL_ISSUE + "faq:\n  - q: Dois-je venir lundi ?\n    a: Oui, à 9 h.\n"
        "  - q: Et la paie ?\n    a: Elle est versée.\n",
    )
    workspace.write(
        "002.yaml",
        MINIMAL_ISSUE.replace("number: 1", "number: 2").replace("2021-02-05", "2021-02-12")
        + "faq:\n  - q: dois-je  venir LUNDI?\n    a: Non, restez chez vous.\n",
    )
    result = plan(workspace.root, [], [], render_checks=False)
    assert not result.errors
    page = Page(site.pages(result.documents)[FAQ_PAGE])
    questions = [text for text in page.text if "?" in text]
    assert len(questions) == 2
    text = page.all_text
    assert "Non, restez chez vous." in text and "Oui, à 9" not in text and "Elle est versée." in text
    assert text.index("Non, restez chez vous.") < text.index("Elle est versée.")  # latest issue first
    sources = [attrs["href"] for attrs in page.named("a") if attrs["href"].endswith("_web.html")]
    assert sources == [site.page_name(result.documents[1]), site.page_name(result.documents[0])]
    assert "Réponse mise à jour dans le n°\u00a02, 12\u00a0février\u00a02021" in text  # the answer changed since n° 1


def test_no_documents_gives_no_pages():
    assert site.pages([]) == {}
