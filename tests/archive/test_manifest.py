"""The manifest: what a record that can be checked is, and an archive whose record cannot be relied on."""

from __future__ import annotations

import json

import pytest

from newsletter.archive.manifest import Manifest, malformed, outside, refuse_unusable
from newsletter.errors import InputError
from newsletter.paths import MANIFEST_FILE

GOOD = {"sha256": "a" * 64, "size": 10, "sources": []}


@pytest.mark.parametrize("name", ["/etc/hostname", "../x.pdf", "html/../../x", "C:/x.pdf", "..\\x.pdf", ""])
def test_a_name_leaving_the_archive_is_outside(name):
    assert outside(name)


@pytest.mark.parametrize("name", ["n01_a4.pdf", "html/index.html", "a..b.pdf"])
def test_a_name_inside_the_archive_is_not_outside(name):
    assert not outside(name)


@pytest.mark.parametrize(
    "record, why",
    [
        (GOOD, None),
        ({**GOOD, "sha256": None}, "its SHA-256 is null, not 64 hexadecimal characters"),
        ({**GOOD, "sha256": "ABC"}, 'its SHA-256 is "ABC", not 64 hexadecimal characters'),
        ({**GOOD, "size": "10"}, 'its size is "10", not a number of bytes'),
        ({**GOOD, "size": True}, "its size is true, not a number of bytes"),
        ({**GOOD, "sources": {}}, "its sources are not a list"),
        ([], "its record is not a set of fields"),
    ],
)
def test_what_is_wrong_with_a_record(record, why):
    assert malformed(record) == why


def test_an_archive_with_files_and_no_manifest_is_refused_with_the_way_out(tmp_path):
    (tmp_path / "n03_a4.pdf").write_bytes(b"%PDF distributed")
    (tmp_path / ".DS_Store").write_bytes(b"")
    with pytest.raises(InputError) as raised:
        refuse_unusable(tmp_path, Manifest())
    (problem,) = raised.value.diagnostics
    assert problem.file == str(tmp_path / MANIFEST_FILE)
    assert problem.message == (
        "the manifest is missing, but the archive folder holds 1 file(s) (n03_a4.pdf); nothing was changed"
    )
    assert "`newsletter archive --repair`" in (problem.hint or "")


def test_an_empty_folder_or_a_sound_manifest_is_usable(tmp_path):
    refuse_unusable(tmp_path, Manifest())
    (tmp_path / MANIFEST_FILE).write_bytes(Manifest({"a.pdf": GOOD}).to_bytes())
    refuse_unusable(tmp_path, Manifest.load(tmp_path))


def test_a_manifest_with_records_that_cannot_be_checked_is_refused(tmp_path):
    (tmp_path / MANIFEST_FILE).write_text(json.dumps({"files": {"a.pdf": {**GOOD, "sha256": None}}}), "utf-8")
    with pytest.raises(InputError, match=r"the manifest has 1 record\(s\) that cannot be checked \(a.pdf\)"):
        refuse_unusable(tmp_path, Manifest.load(tmp_path))
