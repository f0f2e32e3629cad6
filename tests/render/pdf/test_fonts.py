"""The bundled fonts: coverage data in step with the TTF files, and what they can draw."""

import json
import subprocess
import sys

from conftest import REPO
from newsletter.render.pdf import fonts


def test_shipped_coverage_matches_the_font_files():
    shipped = json.loads(fonts.COVERAGE_FILE.read_text(encoding="utf-8"))
    for path in sorted(fonts.BUNDLED_DIR.glob("*.ttf")):
        ranges = shipped[path.name]
        listed = {point for low, high in ranges for point in range(low, high + 1)}
        assert listed == set(fonts.read_coverage(path)), f"{path.name}: run `python -m newsletter.render.pdf.fonts`"


def test_regenerating_the_coverage_gives_the_shipped_file(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "COVERAGE_FILE", tmp_path / "coverage.json")
    fonts.write_bundled_coverage()
    assert (tmp_path / "coverage.json").read_bytes() == (fonts.BUNDLED_DIR / "coverage.json").read_bytes()


def bundled_glyphs() -> fonts.Glyphs:
    return fonts.glyphs(
        tuple(
            fonts.font_file(name, None)
            for name in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique")
        )
    )


def test_every_character_of_french_text_is_drawable():
    french = (
        "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’‘“”–—…€°№ \u00a0\u202f✓✗"
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"()[]/%&@#*+-="
    )
    assert bundled_glyphs().missing(french) == []


def test_characters_the_font_lacks_are_named_once_and_left_out():
    glyphs = bundled_glyphs()
    assert glyphs.missing("漢字 et 漢") == ["漢", "字"]
    assert glyphs.drawable("a漢b") == "ab"


def test_checking_the_samples_imports_no_pdf_code(tmp_path):
    code = (
        "import sys\nfrom newsletter.cli import app\n"
        "try:\n    app(['check'])\nexcept SystemExit:\n    pass\n"
        "print('reportlab' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.stdout.strip().endswith("False"), result.stdout + result.stderr
