"""Fonts kept between runs: read back as the very font reportlab parses, and never in the way."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsletter import fontcache
from newsletter.fonts import BUNDLED_DIR, isolate_reportlab

REPO = Path(__file__).resolve().parent.parent
isolate_reportlab()


@pytest.fixture
def font(tmp_path) -> Path:
    copy = tmp_path / "fonts" / "DejaVuSans-Bold.ttf"
    copy.parent.mkdir()
    shutil.copy(BUNDLED_DIR / "DejaVuSans-Bold.ttf", copy)
    return copy


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLETTER_CACHE", str(folder))
    return folder


def kept_files(cache: Path) -> list[Path]:
    return sorted((cache / "fonts").glob("*.marshal"))


def test_a_font_read_back_is_the_font_reportlab_parses(font, cache):
    from reportlab.pdfbase.ttfonts import TTFont

    parsed = fontcache.load_font("Gras", font)
    assert len(kept_files(cache)) == 1
    read_back = fontcache.load_font("Gras", font)
    assert read_back is not parsed and fontcache._same(read_back, TTFont("Gras", str(font)))
    assert read_back.stringWidth("Réunion à 14 h 30 — salle B", 11) == parsed.stringWidth("Réunion à 14 h 30 — salle B", 11)


def test_a_changed_font_file_is_parsed_again(font, cache):
    fontcache.load_font("Gras", font)
    os.utime(font, ns=(1_000_000_000, 1_000_000_000))
    fontcache.load_font("Gras", font)
    assert len(kept_files(cache)) == 2


def test_a_damaged_cache_file_is_ignored_and_replaced(font, cache):
    fontcache.load_font("Gras", font)
    [kept] = kept_files(cache)
    kept.write_bytes(b"\x00not marshal")
    assert fontcache._same(fontcache.load_font("Gras", font), fontcache.load_font("Gras", font))
    assert kept.read_bytes() != b"\x00not marshal"


def test_a_cache_folder_that_cannot_be_written_only_costs_time(font, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSLETTER_CACHE", str(blocker))
    assert fontcache.load_font("Gras", font).face.unitsPerEm == 2048


def test_off_turns_the_cache_off(font, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLETTER_CACHE", "off")
    assert fontcache.cache_dir() is None
    fontcache.load_font("Gras", font)
    assert not list(tmp_path.rglob("*.marshal"))


@pytest.mark.parametrize("platform, variables, expected", [
    ("linux", {"XDG_CACHE_HOME": "/var/cache/agent"}, "/var/cache/agent/newsletter"),
    ("linux", {}, "~/.cache/newsletter"),
    ("win32", {"LOCALAPPDATA": "C:/Users/agent/AppData/Local"}, "C:/Users/agent/AppData/Local/newsletter"),
    ("darwin", {}, "~/Library/Caches/newsletter"),
])
def test_the_cache_is_in_the_platforms_cache_folder(monkeypatch, platform, variables, expected):
    for name in ("NEWSLETTER_CACHE", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", platform)
    assert fontcache.cache_dir() == Path(os.path.expanduser(expected))


def test_the_pdf_is_the_same_byte_for_byte_with_and_without_the_cache(tmp_path):
    workspace = tmp_path / "workspace"
    for part in ("issues", "assets"):
        shutil.copytree(REPO / part, workspace / part)

    def build(cache: str) -> bytes:
        out = tmp_path / f"out-{len(list(tmp_path.glob('out-*')))}"
        environment = {**os.environ, "NEWSLETTER_CACHE": cache, "PYTHONPATH": str(REPO)}
        subprocess.run([sys.executable, "-m", "newsletter", "--root", str(workspace), "build", "3", "--out", str(out)],
                       check=True, capture_output=True, env=environment)
        return next(out.glob("*.pdf")).read_bytes()

    cache = str(tmp_path / "cache")
    without, storing, reading = build("off"), build(cache), build(cache)
    assert without == storing == reading
    assert len(kept_files(Path(cache))) == 4


def test_a_font_that_cannot_be_stored_as_it_is_is_never_kept(font, cache, monkeypatch):
    monkeypatch.setattr(fontcache, "_NOT_STORED", ("_ttf_data",))  # a function reaches marshal: refused
    fontcache.load_font("Gras", font)
    monkeypatch.undo()
    monkeypatch.setenv("NEWSLETTER_CACHE", str(cache))
    monkeypatch.setattr(fontcache, "_same", lambda rebuilt, parsed: False)  # read back differently: not kept
    fontcache.load_font("Gras", font)
    assert kept_files(cache) == []
