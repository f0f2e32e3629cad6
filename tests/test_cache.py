"""The cache folder: where it is, what names an entry, and that it never gets in the way."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsletter import cache

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "logo.png"
    path.write_bytes(b"picture")
    return path


def test_an_entry_is_named_after_its_source_and_what_it_depends_on(tmp_path, monkeypatch, source):
    monkeypatch.setenv("NEWSLETTER_CACHE", str(tmp_path / "cache"))
    entry = cache.entry("images", source, (300, 200), "grey")
    assert entry.parent == tmp_path / "cache" / "images" and entry.name.startswith("logo-")
    assert cache.entry("images", source, (300, 200), "grey") == entry
    assert cache.entry("images", source, (300, 201), "grey") != entry
    os.utime(source, ns=(1_000_000_000, 1_000_000_000))
    assert cache.entry("images", source, (300, 200), "grey") != entry
    assert cache.entry("images", tmp_path / "gone.png") is None


def test_kept_data_is_read_back_and_nothing_is_left_half_written(tmp_path, monkeypatch, source):
    monkeypatch.setenv("NEWSLETTER_CACHE", str(tmp_path / "cache"))
    entry = cache.entry("images", source)
    assert cache.read(entry) is None
    cache.keep(entry, b"reduced")
    assert cache.read(entry) == b"reduced"
    assert [path.name for path in entry.parent.iterdir()] == [entry.name]


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch, source):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSLETTER_CACHE", str(blocker))
    entry = cache.entry("images", source)
    cache.keep(entry, b"reduced")  # no error
    assert cache.read(entry) is None


def test_off_turns_the_cache_off(monkeypatch, source):
    monkeypatch.setenv("NEWSLETTER_CACHE", "off")
    assert cache.cache_dir() is None and cache.entry("images", source) is None
    cache.keep(None, b"reduced")
    assert cache.read(None) is None


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
    assert cache.cache_dir() == Path(os.path.expanduser(expected))


def test_the_pdf_is_the_same_byte_for_byte_with_and_without_the_cache(tmp_path):
    workspace = tmp_path / "workspace"
    for part in ("issues", "assets"):
        shutil.copytree(REPO / part, workspace / part)

    def build(folder: str) -> bytes:
        out = tmp_path / f"out-{len(list(tmp_path.glob('out-*')))}"
        environment = {**os.environ, "NEWSLETTER_CACHE": folder, "PYTHONPATH": str(REPO)}
        subprocess.run([sys.executable, "-m", "newsletter", "--root", str(workspace), "build", "3", "--out", str(out)],
                       check=True, capture_output=True, env=environment)
        return next(out.glob("*.pdf")).read_bytes()

    folder = str(tmp_path / "cache")
    without, storing, reading = build("off"), build(folder), build(folder)
    assert without == storing == reading
    kept = {kind: len(list((Path(folder) / kind).iterdir())) for kind in ("fonts", "images")}
    assert kept == {"fonts": 4, "images": 1}  # the four styles, and the logo reduced for print


def test_the_least_recently_used_entries_go_beyond_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLETTER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "LIMIT", 3)
    entries = []
    for number in range(5):
        source = tmp_path / f"photo{number}.jpg"
        source.write_bytes(b"photo")
        entries.append(cache.entry("images", source))
        cache.keep(entries[-1], b"reduced")
        os.utime(entries[-1], ns=(number * 10**9, number * 10**9))  # written one second apart
        if number == 1:
            cache.read(entries[0])  # the first one is used again: kept
    kept = sorted(path.name for path in (tmp_path / "cache" / "images").iterdir())
    assert kept == sorted(entry.name for entry in (entries[0], entries[3], entries[4]))
