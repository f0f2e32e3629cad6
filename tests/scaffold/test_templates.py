"""Tests of the templates (newsletter/data/templates/): every key of an issue explained, every example valid."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from newsletter.model.formats import Issue
from newsletter.read import parse_yaml
from newsletter.scaffold.templates import issue_file_text

FIRST_ISSUE = issue_file_text(1, dt.date(2021, 2, 5))
# The keys shown as a commented example ("# key: …") in an issue, for the team to uncomment.
EXAMPLES = sorted(re.findall(r"^# ([a-z_]+):", FIRST_ISSUE, re.MULTILINE))


def test_every_optional_section_has_a_commented_example():
    assert set(EXAMPLES) >= {
        "time",
        "edition",
        "situation",
        "status",
        "news",
        "tips",
        "faq",
        "testimonials",
        "contacts",
        "poster",
    }


def test_every_key_of_an_issue_is_explained(fresh):
    text = (fresh / "issues" / "001.yaml").read_text(encoding="utf-8")

    for key in Issue.fields:
        assert re.search(rf"^(# )?{key}:", text, re.MULTILINE), key
        before = text[: re.search(rf"^(# )?{key}:", text, re.MULTILINE).start()].rstrip("\n").splitlines()[-1]
        assert before.startswith("# ") and not before.startswith(f"# {key}"), key  # a comment line explains it


@pytest.mark.parametrize("key", EXAMPLES)
def test_each_commented_example_is_valid_once_uncommented(key):
    """Removing "# " from an example's lines gives a valid part of an issue."""
    block = re.search(rf"^# {key}:.*?(?=\n\n|\n?\Z)", FIRST_ISSUE, re.MULTILINE | re.DOTALL).group(0)
    uncommented = "\n".join(line[2:] for line in block.splitlines())
    source = parse_yaml(f"number: 1\ndate: 2021-02-05\nheadline: Titre\n{uncommented}\n", "example.yaml")

    assert not source.warnings
    Issue.parse(source.data)
