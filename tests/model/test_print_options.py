"""Tests of the print options given on the command line: each variant's file has a name of its own."""

from __future__ import annotations

from itertools import product

import pytest

from conftest import MINIMAL_ISSUE
from newsletter.build.plan import plan
from newsletter.model.print_options import RenderOptions


@pytest.mark.parametrize(
    "options, suffix",
    [
        (RenderOptions(), ""),
        (RenderOptions(grayscale=True), "-grayscale"),
        (RenderOptions(bleed_mm=3), "-bleed3mm"),
        (RenderOptions(bleed_mm=2.5), "-bleed2.5mm"),
        (RenderOptions(bleed_mm=3.0), "-bleed3mm"),  # 3 and 3.0 are the same bleed: the same file
        (RenderOptions(impose="booklet"), "-booklet"),
        (RenderOptions(grayscale=True, bleed_mm=3, impose="booklet"), "-grayscale-bleed3mm-booklet"),
        (RenderOptions(proof=True), "-proof"),  # a proof never replaces the copy to print
        (RenderOptions(grayscale=True, proof=True), "-grayscale-proof"),
    ],
)
def test_the_suffix_names_each_choice_made(options, suffix):
    assert options.suffix() == suffix


def test_no_variant_replaces_another():
    variants = [
        RenderOptions(grayscale=grayscale, bleed_mm=bleed, impose=impose, proof=proof)
        for grayscale, bleed, impose, proof in product((False, True), (0.0, 3.0, 5.0), (None, "booklet"), (False, True))
    ]
    suffixes = [options.suffix() for options in variants]
    assert len(set(suffixes)) == len(variants) == 24


def test_the_file_name_of_a_variant_carries_its_suffix(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    [document] = plan(workspace.root, [], []).documents
    assert (
        document.file_name("journal-a5", RenderOptions(grayscale=True, impose="booklet"))
        == "20210205_lettre-de-crise_n01_a5-grayscale-booklet.pdf"
    )
    assert document.file_name("journal-a4") == "20210205_lettre-de-crise_n01_a4.pdf"
