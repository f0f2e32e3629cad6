"""What the renderer needs from the files: pictures it can print, read before anything is drawn."""

import io

import pytest
from PIL import Image

from conftest import MINIMAL_ISSUE

NEWS_WITH_IMAGE = MINIMAL_ISSUE + "news:\n  - title: Photo\n    body: Texte.\n    image: ../assets/photo.{}\n"


def picture(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(buffer, kind)
    return buffer.getvalue()


@pytest.mark.parametrize("kind, name", [("GIF", "gif"), ("BMP", "bmp"), ("TIFF", "tif")])
def test_a_picture_in_another_format_is_named_and_refused(cli, workspace, kind, name):
    (workspace.root / "assets" / f"photo.{name}").write_bytes(picture(kind))
    workspace.write("001.yaml", NEWS_WITH_IMAGE.format(name))
    result = cli("--root", workspace.root, "check")
    assert result.code == 1
    assert f"news[1].image: the image '../assets/photo.{name}' is a {kind} file" in result.err
    assert "hint: save it as PNG or JPEG" in result.err


def test_a_picture_that_cannot_be_opened_says_why(cli, workspace, monkeypatch):
    import newsletter.checks.images

    def locked(file):
        raise PermissionError(13, "Permission denied")

    (workspace.root / "assets" / "photo.png").write_bytes(picture("PNG"))
    workspace.write("001.yaml", NEWS_WITH_IMAGE.format("png"))
    monkeypatch.setattr(newsletter.checks.images, "identify", locked)
    result = cli("--root", workspace.root, "check")
    assert result.code == 1 and "the image '../assets/photo.png' cannot be read (Permission denied)" in result.err


def test_a_png_and_a_jpeg_of_the_workspace_are_accepted(cli, workspace):
    for kind, name in (("PNG", "png"), ("JPEG", "jpg")):
        (workspace.root / "assets" / f"photo.{name}").write_bytes(picture(kind))
        workspace.write("001.yaml", NEWS_WITH_IMAGE.format(name))
        assert cli("--root", workspace.root, "check").code == 0


def test_a_character_the_font_lacks_is_located_on_its_own_line_in_a_long_text(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + "faq:\n  - q: Et les agents ?\n    a: |\n      Première ligne.\n"
                                                "      Deuxième ligne avec 中 au milieu.\n  - q: Escape\n"
                                                "    a: \"\\u4e2d écrit autrement\"\n")
    result = cli("--root", workspace.root, "check")
    assert "issues/001.yaml:9:27: warning: faq[1].a: the character '中'" in result.err
    assert "issues/001.yaml:11:8: warning: faq[2].a: the character '中'" in result.err  # not typed as such: the value


def test_a_character_written_as_an_escape_is_located_at_its_value_not_at_a_later_one(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + 'essentials: ["\\u4e2d en escape", "中 tapé"]\n')
    result = cli("--root", workspace.root, "check")
    assert "issues/001.yaml:5:14: warning: essentials[1]: the character '中'" in result.err
    assert "issues/001.yaml:5:35: warning: essentials[2]: the character '中'" in result.err
