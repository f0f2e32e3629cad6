"""Images the renderer will need: PNG or JPEG of the workspace, readable, named when refused."""

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
