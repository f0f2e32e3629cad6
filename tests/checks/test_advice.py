"""Writing advice: warnings at the line of the text concerned, never errors; `--strict` makes them errors."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_ISSUE

NEWS_WITH_CAPTION = (
    MINIMAL_ISSUE
    + """\
news:
  - title: Les postes reviennent
    body: Un technicien passe dans chaque bureau.
    caption: Un poste contrôlé.
"""
)


@pytest.mark.parametrize(
    "issue, warning",
    [
        (
            MINIMAL_ISSUE.replace("headline: Les téléphones fonctionnent", "headline: " + " ".join(["mot"] * 13)),
            "issues/001.yaml:3:11: warning: headline: the headline has 13 words; readers take in about 12",
        ),
        (
            MINIMAL_ISSUE + "essentials: [Un, Deux, Trois, Quatre]\n",
            "issues/001.yaml:5:13: warning: essentials: 4 key messages; people remember 3 at most",
        ),
        (
            MINIMAL_ISSUE + "do:\n  - " + " ".join(["attendez"] * 21) + "\n",
            "issues/001.yaml:6:5: warning: do[1]: this instruction has 21 words",
        ),
        (
            MINIMAL_ISSUE + "poster:\n  headline: " + " ".join(["mot"] * 8) + "\n",
            "issues/001.yaml:6:13: warning: poster.headline: the poster headline has 8 words",
        ),
        (
            NEWS_WITH_CAPTION,
            "issues/001.yaml:8:14: warning: news[1].caption: this caption has no image: it is not printed",
        ),
        (  # at the `next_issue:` line typed with no date (not at `number:`)
            MINIMAL_ISSUE.replace("next_issue: 2021-02-12\n", "lead: Texte.\nnext_issue:\n"),
            "issues/001.yaml:5:12: warning: next_issue: no `next_issue` date: say when staff will hear more",
        ),
        (  # no such line: at the file's first key
            "# Numéro 1\n" + MINIMAL_ISSUE.replace("next_issue: 2021-02-12\n", ""),
            "issues/001.yaml:2:1: warning: next_issue: no `next_issue` date: say when staff will hear more",
        ),
    ],
)
def test_each_piece_of_advice_is_a_located_warning(cli, workspace, issue, warning):
    workspace.write("001.yaml", issue)
    result = cli("--root", workspace.root, "check")
    assert result.code == 0, result.err
    assert warning in result.err
    assert cli("--root", workspace.root, "check", "--strict").code == 1


def test_a_caption_under_its_image_is_no_warning(cli, workspace):
    with_image = NEWS_WITH_CAPTION.replace("    caption:", "    image: ../assets/logo.png\n    caption:")
    workspace.write("001.yaml", with_image)
    result = cli("--root", workspace.root, "check")
    assert (result.code, result.err.strip()) == (0, "ok: 1 issue(s) checked")


def test_a_publication_without_hotline_is_told_whom_staff_cannot_call(cli, workspace):
    publication = workspace.issues / "publication.yaml"
    text = publication.read_text(encoding="utf-8")
    start = text.index("hotline:")
    end = text.index("\n\n", start)
    publication.write_text(text[:start] + text[end + 2 :], encoding="utf-8")
    workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "check")
    assert result.code == 0
    assert "issues/publication.yaml:2:1: warning: no hotline: staff will not know whom to call" in result.err
