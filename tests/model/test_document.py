"""Tests of the document model: file names that sort and survive any file system, contacts, asset paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsletter.model.document import IssueDocument, layout_suffix, slug
from newsletter.model.formats import Issue, Publication


def document(
    title: str = "Lettre de crise",
    number: str = "3",
    date: str = "2021-02-16",
    issue_extra: dict | None = None,
    publication_extra: dict | None = None,
) -> IssueDocument:
    publication = Publication.parse({"title": title, **(publication_extra or {})})
    issue = Issue.parse({"number": number, "date": date, "headline": "Titre", **(issue_extra or {})})
    return IssueDocument(
        publication=publication,
        issue=issue,
        issue_path=Path("/work/issues/003.yaml"),
        publication_path=Path("/work/issues/publication.yaml"),
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lettre de crise", "lettre-de-crise"),
        ("La Lettre de l’Été", "la-lettre-de-l-ete"),
        ("La Lettre de l'Été", "la-lettre-de-l-ete"),
        ("Œuvres sociales — Info", "oeuvres-sociales-info"),
        ("Cœur de ville n°1", "coeur-de-ville-n-1"),
        ("ÇA VA ? Oui !", "ca-va-oui"),
        ("Straße/Ærø", "strasse-aero"),
        ("  --Bulletin__interne--  ", "bulletin-interne"),
        ("漢字", "journal"),
        ("", "journal"),
    ],
)
def test_slug_is_lower_case_ascii_words_joined_by_dashes(text, expected):
    assert slug(text) == expected


@pytest.mark.parametrize(
    "name, suffix",
    [
        ("journal-a4", "a4"),
        ("journal-letter", "letter"),
        ("poster-a3", "poster-a3"),
        ("large-print-a4", "large-print-a4"),
    ],
)
def test_layout_suffix(name, suffix):
    assert layout_suffix(name) == suffix


def test_file_name_starts_with_the_date_and_pads_the_number():
    assert document().file_name("journal-a4") == "20210216_lettre-de-crise_n03_a4.pdf"
    assert document(number="12").file_name("poster-a3") == "20210216_lettre-de-crise_n12_poster-a3.pdf"
    assert document(number="123").file_name("journal-a4") == "20210216_lettre-de-crise_n123_a4.pdf"


def test_file_name_of_an_accented_title_has_no_accent_or_space():
    name = document(title="Info Crise : l’Écho des Agents").file_name("journal-a4")
    assert name == "20210216_info-crise-l-echo-des-agents_n03_a4.pdf"
    assert name.isascii() and " " not in name


def test_file_names_sort_in_date_order():
    names = [
        document(number=str(n), date=d).file_name("journal-a4")
        for n, d in ((10, "2021-03-12"), (2, "2021-02-09"), (1, "2021-02-05"))
    ]
    assert sorted(names) == names[::-1]


def test_contacts_of_the_issue_replace_the_publications():
    team = {"contacts": [{"name": "Cellule de crise", "phone": "0241054000"}]}
    assert [c.name for c in document(publication_extra=team).contacts] == ["Cellule de crise"]
    own = {"contacts": [{"name": "Assistance"}]}
    assert [c.name for c in document(issue_extra=own, publication_extra=team).contacts] == ["Assistance"]
    assert document(issue_extra={"contacts": []}, publication_extra=team).contacts == []


def test_hotline_comes_from_the_publication():
    hotline = {"hotline": {"label": "Numéro unique", "phone": "0241054000"}}
    assert document(publication_extra=hotline).hotline.phone == "0241054000"
    assert document().hotline is None


def test_paths_are_relative_to_the_file_that_names_them():
    with_logo = document(publication_extra={"logo": "../assets/logo.png"})
    assert with_logo.logo_path() == Path("/work/issues/../assets/logo.png")
    assert document().logo_path() is None
    assert document().issue_asset("photos/a.png") == Path("/work/issues/photos/a.png")


def test_language_comes_from_the_publication():
    assert document().lang == "fr"
    assert document(publication_extra={"language": "en"}).lang == "en"
