"""The refusal of an archived issue whose PDF would change: what changed, named, and the way out."""

from __future__ import annotations

from archived import N01, edit_headline, refused, snapshot
from PIL import Image


def test_a_changed_issue_is_refused_naming_the_issue_and_what_changed(cli, root):
    before = snapshot(root / "archive")
    edit_headline(root, 1, "Les téléphones fonctionnent toujours")
    err = refused(cli, root)
    assert (
        f"issues/001.yaml:1:9: number: issue n° 1 is archived as {N01} and its PDF would change: "
        "issues/001.yaml (issue) changed"
    ) in err
    assert "newsletter archive --supersede 1" in err
    assert snapshot(root / "archive") == before


def test_a_changed_image_is_named(cli, root):
    Image.new("RGB", (50, 50), "green").save(root / "assets" / "logo.png")
    err = refused(cli, root)
    assert err.count("assets/logo.png (image) changed") == 2  # both issues show the logo


def test_supersede_of_an_altered_file_is_refused_until_it_is_restored(cli, root):
    (root / "archive" / N01).write_bytes(b"%PDF-1.4 altered")
    edit_headline(root, 1, "Les téléphones fonctionnent toujours")
    err = refused(cli, root, "--supersede", "1")
    assert f"issue n° 1 is archived as {N01}, which is missing or no longer the file recorded" in err
    assert (root / "archive" / N01).read_bytes() == b"%PDF-1.4 altered"
    assert not list((root / "archive").glob("*superseded*"))
