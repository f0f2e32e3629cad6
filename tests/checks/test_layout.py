"""A layout's own problems: fonts that are not there, colours too pale to read, settings not applied."""

from __future__ import annotations

import shutil

import pytest

from conftest import MINIMAL_ISSUE
from newsletter.checks.layout import (
    contrast_warnings,
    font_problems,
    italic_angle,
    large_print_font_problems,
)
from newsletter.model.layout import Layout
from newsletter.render.pdf.fonts import BUNDLED_DIR

NOT_FOUND_HINT = (
    "use DejaVuSans, DejaVuSans-Bold, DejaVuSans-Oblique, DejaVuSans-BoldOblique, "
    "or the path of a .ttf file relative to the layout file"
)


def fonts(**names: str) -> Layout:
    return Layout.parse({"fonts": names})


def with_layout(workspace, name: str, text: str) -> None:
    """The workspace given an issue and the layout file ``layouts/<name>.yaml`` holding ``text``."""
    workspace.write("001.yaml", MINIMAL_ISSUE)
    (workspace.root / "layouts").mkdir(exist_ok=True)
    (workspace.root / "layouts" / f"{name}.yaml").write_text(text, encoding="utf-8")


# --- fonts ---------------------------------------------------------------------------------------


def test_the_bundled_fonts_are_there(tmp_path):
    assert font_problems(Layout.parse({}), tmp_path, tmp_path) == []
    assert font_problems(fonts(regular="DejaVuSans-Bold", bold="DejaVuSans"), tmp_path, tmp_path) == []


def test_a_truetype_file_next_to_the_layout_or_below_it_is_there(tmp_path):
    (tmp_path / "polices").mkdir()
    shutil.copy(BUNDLED_DIR / "DejaVuSans.ttf", tmp_path / "Maison.ttf")
    shutil.copy(BUNDLED_DIR / "DejaVuSans-Bold.ttf", tmp_path / "polices" / "Maison-Gras.TTF")
    assert font_problems(fonts(regular="Maison.ttf", bold="polices/Maison-Gras.TTF"), tmp_path, tmp_path) == []


def test_a_font_that_is_not_there_is_named_with_where_it_was_looked_for(tmp_path):
    [problem] = font_problems(fonts(italic="Marianne-Italique"), tmp_path, tmp_path)
    assert problem.loc == ("fonts", "italic") and problem.severity == "error"
    assert problem.message == (
        f"no bundled font or TrueType file named 'Marianne-Italique' (looked for {tmp_path / 'Marianne-Italique'})"
    )
    assert problem.hint == NOT_FOUND_HINT


def test_a_font_file_that_is_not_truetype_is_refused(tmp_path):
    (tmp_path / "Maison.otf").write_bytes(b"OTTO")
    [problem] = font_problems(fonts(bold_italic="Maison.otf"), tmp_path, tmp_path)
    assert problem.loc == ("fonts", "bold_italic")
    assert problem.message.startswith("no bundled font or TrueType file named 'Maison.otf'")


def test_a_font_given_as_an_address_is_refused_as_an_address(tmp_path):
    [problem] = font_problems(fonts(bold="https://fonts.example/Maison-Gras.ttf"), tmp_path, tmp_path)
    assert problem.loc == ("fonts", "bold")
    assert problem.message == (
        "the font 'https://fonts.example/Maison-Gras.ttf' is an address (URL), not a file: fonts must be files"
    )
    assert problem.hint.startswith("download the .ttf file")


def test_every_style_is_checked(tmp_path):
    found = font_problems(fonts(regular="A", bold="B", italic="C", bold_italic="D"), tmp_path, tmp_path)
    assert [problem.loc for problem in found] == [
        ("fonts", "regular"),
        ("fonts", "bold"),
        ("fonts", "italic"),
        ("fonts", "bold_italic"),
    ]


@pytest.mark.parametrize("name", ["../outside/Maison.ttf", "lien/Maison.ttf"])
def test_a_font_outside_the_workspace_is_never_read(tmp_path, name):
    """Issue 15: like pictures, fonts are read from the workspace only (a symlink out is refused too)."""
    root, outside = tmp_path / "workspace", tmp_path / "outside"
    (root / "layouts").mkdir(parents=True)
    outside.mkdir()
    shutil.copy(BUNDLED_DIR / "DejaVuSans.ttf", outside / "Maison.ttf")
    (root / "layouts" / "lien").symlink_to(outside, target_is_directory=True)
    [problem] = font_problems(fonts(regular=f"../{name}" if name.startswith("..") else name), root / "layouts", root)
    assert problem.loc == ("fonts", "regular")
    assert problem.message.endswith("is outside the workspace folder: it is not read")
    assert problem.hint == (
        "copy the .ttf file into the workspace, next to the layout file, and write its path from there, like Maison.ttf"
    )


def test_a_font_given_by_an_absolute_path_is_refused(tmp_path):
    shutil.copy(BUNDLED_DIR / "DejaVuSans.ttf", tmp_path / "Maison.ttf")
    [problem] = font_problems(fonts(bold=str(tmp_path / "Maison.ttf")), tmp_path, tmp_path)
    assert problem.message == (
        f"the font {str(tmp_path / 'Maison.ttf')!r} is given by an absolute path, which breaks when the workspace "
        "is moved or archived: it is not read"
    )


@pytest.mark.parametrize(
    "content, why",
    [
        (b"<html>not a font</html>", "it is not a TrueType font"),
        (b"OTTO" + bytes(100), "it is an OpenType font with PostScript outlines (CFF), which cannot be embedded"),
        ("cut", "the file is cut short (its "),
        ("directory", "the file is cut short (it ends inside its table directory)"),
    ],
)
def test_a_font_file_that_cannot_be_embedded_is_located_before_it_is_used(tmp_path, content, why):
    whole = (BUNDLED_DIR / "DejaVuSans.ttf").read_bytes()
    data = {"cut": whole[: len(whole) // 2], "directory": whole[:40]}.get(content, content)
    (tmp_path / "Maison.ttf").write_bytes(data)
    [problem] = font_problems(fonts(italic="Maison.ttf"), tmp_path, tmp_path)
    assert problem.loc == ("fonts", "italic")
    assert problem.message.startswith(f"the font 'Maison.ttf' cannot be used: {why}")
    assert problem.hint == "save the font again from its source, as a TrueType .ttf file"


def test_a_truncated_font_is_an_error_at_the_layout_not_an_internal_error(cli, workspace):
    whole = (BUNDLED_DIR / "DejaVuSans.ttf").read_bytes()
    with_layout(workspace, "maison", "fonts:\n  regular: Maison.ttf\n")
    (workspace.root / "layouts" / "Maison.ttf").write_bytes(whole[:5000])
    result = cli("--root", workspace.root, "build", "--layout", "maison")
    assert result.code == 1 and "internal error" not in result.err
    assert "layouts/maison.yaml:2:12: fonts.regular: the font 'Maison.ttf' cannot be used: the file is cut short" in (
        result.err
    )


# --- colours -------------------------------------------------------------------------------------


def test_the_default_colours_are_all_readable():
    assert contrast_warnings(Layout.parse({})) == []


def test_a_pale_text_colour_is_a_warning_at_that_colour_saying_where_it_is_printed():
    [problem] = contrast_warnings(Layout.parse({"colours": {"muted": "#BBBBBB"}}))
    assert (problem.loc, problem.severity) == (("colours", "muted"), "warning")
    assert problem.message == (
        "contrast of 1.9:1 for captions and footer on the page (#BBBBBB on #FFFFFF); "
        "at least 4.5:1 is needed to read it"
    )
    assert problem.hint == "choose a darker text colour or a lighter background"


def test_a_contrast_is_written_with_a_decimal_comma_in_french(french):
    [problem] = contrast_warnings(Layout.parse({"colours": {"muted": "#BBBBBB"}}))
    assert problem.message.startswith("contraste de 1,9:1 pour ")
    assert "il faut au moins 4,5:1 pour le lire" in problem.message


def test_each_pair_printed_with_a_pale_colour_is_said():
    found = contrast_warnings(Layout.parse({"colours": {"accent": "#9DB4CC", "panel": "#888888"}}))
    assert [(problem.loc, problem.message.split(" (")[0]) for problem in found] == [
        (("colours", "accent"), "contrast of 2.1:1 for headings on the page"),
        (("colours", "accent"), "contrast of 1.7:1 for headings in boxes"),
        (("colours", "on_accent"), "contrast of 2.1:1 for the masthead and hotline box"),
    ]


@pytest.mark.parametrize(
    "colours, where",
    [
        ({"on_accent": "#FFFFFF", "do": "#7FD18C"}, "the 'do' box title"),
        ({"on_accent": "#FFFFFF", "dont": "#F08080"}, "the 'don't' box title"),
        ({"text": "#9A9A9A"}, "body text on the page"),
    ],
)
def test_the_boxes_and_the_page_are_checked(colours, where):
    assert any(where in problem.message for problem in contrast_warnings(Layout.parse({"colours": colours})))


def test_a_pale_colour_is_located_in_the_layout_file(cli, workspace):
    with_layout(workspace, "pale", 'colours:\n  muted: "#BBBBBB"\n')
    result = cli("--root", workspace.root, "check", "--layout", "pale")
    assert result.code == 0
    assert "layouts/pale.yaml:2:10: warning: colours.muted: contrast of 1.9:1" in result.err
    assert cli("--root", workspace.root, "check", "--layout", "pale", "--strict").code == 1


def test_a_font_that_is_not_there_stops_the_build_at_the_layout_line(cli, workspace):
    with_layout(workspace, "mine", "fonts:\n  bold: Marianne-Gras.ttf\n")
    result = cli("--root", workspace.root, "build", "--layout", "mine")
    assert result.code == 1
    assert "layouts/mine.yaml:2:9: fonts.bold: no bundled font or TrueType file named 'Marianne-Gras.ttf'" in result.err
    assert not workspace.out.exists()


# --- large print ---------------------------------------------------------------------------------

LARGE_PRINT = {
    "large_print": "yes",
    "columns": "1",
    "leading": "1.5",
    "sizes": {"body": "16", "lead": "18", "headline": "34", "heading": "22", "title": "34", "small": "16"},
}


def test_large_print_s_text_fonts_must_be_upright(tmp_path):
    slanted = Layout.parse({**LARGE_PRINT, "fonts": {"regular": "DejaVuSans-Oblique", "bold": "DejaVuSans-Bold"}})
    [problem] = large_print_font_problems(slanted, tmp_path)
    assert problem.loc == ("fonts", "regular")
    assert problem.message == (
        "'DejaVuSans-Oblique' is an italic font (it slants 11°): large print prints no italic (UKAAF / RNIB)"
    )
    assert problem.hint == "use an upright font, like DejaVuSans or DejaVuSans-Bold"


def test_the_italic_fonts_of_large_print_and_of_other_layouts_are_left_alone(tmp_path):
    assert large_print_font_problems(Layout.parse(LARGE_PRINT), tmp_path) == []  # its italic is never used
    assert large_print_font_problems(fonts(regular="DejaVuSans-Oblique"), tmp_path) == []


def test_a_file_that_is_not_a_font_does_not_slant(tmp_path):
    (tmp_path / "Maison.ttf").write_bytes(b"\x00\x01\x00\x00\x00\x09")  # a table directory cut short
    assert italic_angle(tmp_path / "Maison.ttf") == 0
    assert italic_angle(tmp_path / "missing.ttf") == 0
    assert italic_angle(BUNDLED_DIR / "DejaVuSans-BoldOblique.ttf") == -11
