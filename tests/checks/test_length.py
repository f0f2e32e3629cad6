"""Texts too long to lay out quickly: a paragraph over the limit is refused where it is typed."""

from __future__ import annotations

import time

from conftest import MINIMAL_ISSUE
from newsletter.checks.length import MAX_PARAGRAPH_WORDS, length_problems


def words(count: int) -> str:
    return " ".join(("crise", "réseau", "agents", "téléphone")[index % 4] for index in range(count))


def test_a_paragraph_over_the_limit_is_refused_at_its_field():
    data = {"lead": words(10) + "\n\n" + words(MAX_PARAGRAPH_WORDS + 1), "news": [{"body": words(50)}]}
    [problem] = length_problems(data)
    assert problem.loc == ("lead",)
    assert problem.message == f"a paragraph of {MAX_PARAGRAPH_WORDS + 1} words: a paragraph is limited to 2000 words"
    assert problem.hint.startswith("split it into paragraphs, with a blank line between them")


def test_many_paragraphs_under_the_limit_are_not_refused():
    paragraphs = "\n\n".join(words(MAX_PARAGRAPH_WORDS) for _ in range(5))
    assert length_problems({"lead": paragraphs, "news": [{"body": paragraphs}]}) == []


def test_check_refuses_an_80000_word_paragraph_at_once(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + "lead: " + words(80_000) + "\n")
    started = time.monotonic()
    result = cli("--root", workspace.root, "build")
    assert time.monotonic() - started < 10  # 47 s to lay it out before
    assert result.code == 1
    assert "issues/001.yaml:5:7: lead: a paragraph of 80000 words: a paragraph is limited to 2000 words" in result.err


def test_a_word_longer_than_a_column_is_broken_at_its_edge_without_stalling(cli, workspace):
    import pypdf

    workspace.write("001.yaml", MINIMAL_ISSUE + "lead: début " + "a" * 3000 + " fin\n")
    started = time.monotonic()
    result = cli("--root", workspace.root, "build")
    assert result.code == 0, result.err
    assert time.monotonic() - started < 20
    text = "".join(page.extract_text() for page in pypdf.PdfReader(next(workspace.out.glob("*.pdf"))).pages)
    lines = [line for line in text.splitlines() if set(line.strip()) == {"a"}]
    assert len(lines) > 10 and sum(len(line.strip()) for line in lines) >= 2900  # the word, line after line
