"""Tests of the node tree: what libyaml's composer drops is kept (anchors, aliases, tags, the tree up
to a syntax error), nesting is bounded, one document is read, and libyaml reads an ordinary issue."""

from __future__ import annotations

import time

import pytest

from newsletter.read import compose
from newsletter.read.compose import MAX_DEPTH
from tests.read.parsing import error, parse, problems, where

pytestmark = pytest.mark.usefixtures("parser")  # every test with libyaml and with the pure-Python parser


# Nesting.


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 600])
def test_deep_nesting_is_a_clean_error(levels):
    block = "".join("  " * level + f"k{level}:\n" for level in range(levels)) + "  " * levels + "x\n"
    found = error(block)
    assert where(found) == (MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)
    assert f"more than {MAX_DEPTH} levels" in found.message
    flow = error("a: " + "[" * levels + "]" * levels + "\n")
    assert where(flow) == (1, 4 + MAX_DEPTH - 1)
    assert where(error("a: " + "[" * levels + "\n")) == (1, 4 + MAX_DEPTH - 1)


def test_nesting_up_to_the_limit_is_read():
    value = parse("a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1) + "\n").data["a"]
    for _ in range(MAX_DEPTH - 2):
        (value,) = value
    assert value == ["x"]


# Rule 3: tags.


@pytest.mark.parametrize(
    "value, shown",
    [
        ("!!binary aGk=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!!python/object/apply:os.system ['ls']", "!!python/object/apply:os.system"),
        ("!custom x", "!custom"),
        ("!!str 0241054000", "!!str"),
        ("! text", "!"),
    ],
)
def test_tags_are_refused(value, shown):
    found = error(f"title: Journal\nlogo: {value}\n")
    assert where(found) == (2, 7)
    assert found.message == f"YAML tags like `{shown}` are not used in these files"
    assert found.hint.startswith("remove it, or put the text in quotes if it is meant literally")
    assert found.field == "logo"


def test_tag_on_a_key_is_refused():
    assert where(error("!!str title: Journal\n")) == (1, 1)


# Rule 4: anchors, aliases, merge keys.


def test_alias_is_refused_with_a_quoting_hint():
    found = error("title: Journal\nheadline: *urgent\n")
    assert where(found) == (2, 11)
    assert found.message == "a value starting with `*` is read by YAML as a reference to something else"
    assert found.hint == 'put the whole text in quotes: headline: "*urgent"'


def test_anchor_is_refused_with_a_quoting_hint():
    found = error("organisation: &Co Mairie\n")
    assert where(found) == (1, 15)
    assert "starting with `&`" in found.message
    assert found.hint == 'put the whole text in quotes: organisation: "&Co Mairie"'


def test_merge_key_and_alias_bomb_are_refused_quickly():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    lines += ["c2:", "  <<: *a"]
    started = time.perf_counter()
    found = problems("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 2
    merge = [d for d in found if "`<<`" in d.message]
    assert [where(d) for d in merge] == [(11, 3)]
    assert len([d for d in found if "`&`" in d.message]) == 9
    assert len([d for d in found if "`*`" in d.message]) == 8 * 9 + 1


# Rule 5: one document.


def test_second_document_is_refused_at_its_line():
    found = error("---\nnumber: 3\n---\nnumber: 4\n")
    assert where(found) == (3, 1)
    assert "a second YAML document" in found.message


# The tree up to a syntax error.


def test_errors_before_a_syntax_error_are_kept():
    found = problems("a: !!str x\nb: y: z\n")
    assert [where(d) for d in found] == [(1, 4), (2, 5)]


# Speed.


def sample_issue() -> str:
    head = "number: 3\ndate: 2021-02-05\ntime: '17:00'\nheadline: Le réseau revient pas à pas\nfaq:\n"
    question = (
        "  - q: Mon salaire sera-t-il versé le 28 février ?\n"
        "    a: >\n"
        "      Oui. La paie est calculée sur un poste isolé, hors réseau, et les bulletins\n"
        "      seront distribués sur papier. Appelez le 0241054000 entre 9:00 et 12:30.\n"
        '  - q: "Puis-je poser un congé : comment faire ?"\n'
        "    a: Oui, sur le formulaire papier, auprès de votre encadrant.\n"
    )
    return head + question * 50


def test_a_long_issue_is_read_once_by_libyaml_when_installed(parser, monkeypatch):
    """libyaml reads an ordinary issue about twenty times faster: it must be the parser used, once
    (speed itself is measured by bench/run.py, not asserted here)."""
    loaders = []
    fast, exact = compose._FAST_LOADER, compose._ExactLoader

    def recorded(loader):
        class Recorded(loader):
            def __init__(self, text):
                loaders.append(loader)
                super().__init__(text)

        return Recorded

    if fast is not None:
        monkeypatch.setattr(compose, "_FAST_LOADER", recorded(fast))
    monkeypatch.setattr(compose, "_ExactLoader", recorded(exact))
    source = parse(sample_issue().encode())
    assert len(source.data["faq"]) == 100
    assert source.marks[("faq", 99, "a")] == (305, 8)
    assert loaders == [fast if parser == "libyaml" else exact]
