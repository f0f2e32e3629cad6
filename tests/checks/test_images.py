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


def test_a_small_picture_enlarged_for_print_is_warned_and_refused_with_strict(cli, workspace):
    Image.new("RGB", (80, 60), "red").save(workspace.root / "assets" / "photo.jpg")
    workspace.write(
        "001.yaml", MINIMAL_ISSUE + "news:\n  - title: Photo\n    body: Texte.\n    image: ../assets/photo.jpg\n"
    )
    checked = cli("--root", workspace.root, "check")
    assert checked.code == 0
    assert checked.err.splitlines()[:2] == [
        "issues/001.yaml:8:12: warning: news[1].image: the image '../assets/photo.jpg' is 80 × 60 pixels: printed "
        "6.9 cm wide in journal-a4, that is 29 dpi; below 150 dpi a print looks blurred",
        "    hint: use the original photo, at least 409 pixels wide, rather than a copy reduced for e-mail or the web",
    ]
    strict = cli("--root", workspace.root, "build", "--strict")
    assert strict.code == 1 and "news[1].image: the image '../assets/photo.jpg' is 80 × 60 pixels" in strict.err
    assert workspace.pdfs() == []
    Image.new("RGB", (600, 450), "red").save(workspace.root / "assets" / "photo.jpg")
    assert cli("--root", workspace.root, "check").err.splitlines() == ["ok: 1 issue(s) checked"]


def test_the_printed_width_is_written_with_a_decimal_comma_in_french(cli, workspace, french):
    Image.new("RGB", (80, 60), "red").save(workspace.root / "assets" / "photo.jpg")
    workspace.write(
        "001.yaml", MINIMAL_ISSUE + "news:\n  - title: Photo\n    body: Texte.\n    image: ../assets/photo.jpg\n"
    )
    assert "imprimée sur 6,9 cm de large" in cli("--root", workspace.root, "check").err
