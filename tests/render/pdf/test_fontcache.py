"""Fonts kept between runs: read back as the very font reportlab parses, and never in the way."""

import marshal
import os
import shutil
from pathlib import Path

import pytest

from newsletter.render import cache
from newsletter.render.pdf import fontcache
from newsletter.render.pdf.fonts import BUNDLED_DIR, isolate_reportlab

isolate_reportlab()


@pytest.fixture
def font(tmp_path) -> Path:
    copy = tmp_path / "fonts" / "DejaVuSans-Bold.ttf"
    copy.parent.mkdir()
    shutil.copy(BUNDLED_DIR / "DejaVuSans-Bold.ttf", copy)
    return copy


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLETTER_CACHE", str(folder))
    return folder


def kept_files(folder: Path) -> list[Path]:
    return sorted(path for path in (folder / "fonts").glob("*") if path.suffix != ".tmp")


def test_a_font_read_back_is_the_font_reportlab_parses(font, cache_folder):
    from newsletter.render.pdf.textlayer import TextLayerFont

    parsed = fontcache.load_font("Gras", font)
    assert len(kept_files(cache_folder)) == 1
    read_back = fontcache.load_font("Gras", font)
    assert read_back is not parsed and fontcache._same(read_back, TextLayerFont("Gras", str(font)).keep_spaces())
    assert read_back.stringWidth("Réunion à 14 h 30 — salle B", 11) == parsed.stringWidth(
        "Réunion à 14 h 30 — salle B", 11
    )


def test_an_entry_follows_the_fonts_bytes_not_its_date(font, cache_folder):
    fontcache.load_font("Gras", font)
    os.utime(font, ns=(1_000_000_000, 1_000_000_000))
    fontcache.load_font("Gras", font)
    assert len(kept_files(cache_folder)) == 1
    shutil.copy(BUNDLED_DIR / "DejaVuSans-Oblique.ttf", font)  # another font under the same name
    assert fontcache.load_font("Gras", font).face.italicAngle != 0
    assert len(kept_files(cache_folder)) == 2


def test_an_entry_this_reportlab_cannot_use_is_replaced(font, cache_folder):
    fontcache.load_font("Gras", font)
    [kept] = kept_files(cache_folder)
    cache.keep(kept, marshal.dumps({"unitsPerEm": "not a font"}))  # whole, but not a face
    assert fontcache._same(fontcache.load_font("Gras", font), fontcache.load_font("Gras", font))
    assert marshal.loads(cache.read(kept))["unitsPerEm"] == 2048


def test_a_cache_folder_that_cannot_be_written_only_costs_time(font, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSLETTER_CACHE", str(blocker))
    assert fontcache.load_font("Gras", font).face.unitsPerEm == 2048


def test_a_font_that_cannot_be_stored_as_it_is_is_never_kept(font, cache_folder, monkeypatch):
    monkeypatch.setattr(fontcache, "_NOT_STORED", ("_ttf_data",))  # a function reaches marshal: refused
    fontcache.load_font("Gras", font)
    monkeypatch.undo()
    monkeypatch.setenv("NEWSLETTER_CACHE", str(cache_folder))
    monkeypatch.setattr(fontcache, "_same", lambda rebuilt, parsed: False)  # read back differently: not kept
    fontcache.load_font("Gras", font)
    assert kept_files(cache_folder) == []
