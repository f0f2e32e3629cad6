"""The cache folder: where it is, what names an entry, and that it never gets in the way."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from newsletter.render import cache


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("NEWSLETTER_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_an_entry_is_named_after_the_sources_bytes_and_what_it_depends_on(folder):
    entry = cache.entry("images", "logo.png", b"picture", (300, 200), "grey")
    assert entry.parent == folder / "images" and entry.name.startswith("logo-")
    assert cache.entry("images", "logo.png", b"picture", (300, 200), "grey") == entry
    assert cache.entry("images", "logo.png", b"picture", (300, 201), "grey") != entry
    assert cache.entry("images", "logo.png", b"picture, changed", (300, 200), "grey") != entry  # dates do not count


def test_kept_data_is_read_back_and_nothing_is_left_half_written(folder):
    entry = cache.entry("images", "logo.png", b"picture")
    assert cache.read(entry) is None
    cache.keep(entry, b"reduced")
    assert cache.read(entry) == b"reduced"
    assert [path.name for path in entry.parent.iterdir()] == [entry.name]
    assert [mode & 0o777 for mode in (folder.stat().st_mode, entry.parent.stat().st_mode)] == [0o700, 0o700]


@pytest.mark.parametrize("damage", [b"", b"\x00" * 10, "cut", "changed"])
def test_a_damaged_entry_is_removed_and_the_work_redone(folder, damage):
    entry = cache.entry("images", "logo.png", b"picture")
    cache.keep(entry, b"reduced for print")
    stored = entry.read_bytes()
    entry.write_bytes({"cut": stored[:-3], "changed": stored[:-1] + b"X"}.get(damage, damage))
    assert cache.read(entry) is None and not entry.exists()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSLETTER_CACHE", str(blocker))
    entry = cache.entry("images", "logo.png", b"picture")
    cache.keep(entry, b"reduced")  # no error
    assert cache.read(entry) is None


def test_off_turns_the_cache_off(monkeypatch):
    monkeypatch.setenv("NEWSLETTER_CACHE", "off")
    assert cache.cache_dir() is None and cache.entry("images", "logo.png", b"picture") is None
    cache.keep(None, b"reduced")
    assert cache.read(None) is None


def test_no_home_folder_means_no_cache(monkeypatch):
    def homeless():
        raise RuntimeError("Could not determine home directory.")

    for name in ("NEWSLETTER_CACHE", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(Path, "home", staticmethod(homeless))
    assert cache.cache_dir() is None


@pytest.mark.parametrize(
    "platform, variables, expected",
    [
        ("linux", {"XDG_CACHE_HOME": "/var/cache/agent"}, "/var/cache/agent/newsletter"),
        ("linux", {}, "~/.cache/newsletter"),
        ("win32", {"LOCALAPPDATA": "C:/Users/agent/AppData/Local"}, "C:/Users/agent/AppData/Local/newsletter"),
        ("darwin", {}, "~/Library/Caches/newsletter"),
    ],
)
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
        subprocess.run(
            [sys.executable, "-m", "newsletter", "--root", str(workspace), "build", "3", "--out", str(out)],
            check=True,
            capture_output=True,
            env=environment,
        )
        return next(out.glob("*.pdf")).read_bytes()

    folder = str(tmp_path / "cache")
    without, storing, reading = build("off"), build(folder), build(folder)
    assert without == storing == reading
    kept = {kind: len(list((Path(folder) / kind).iterdir())) for kind in ("fonts", "images")}
    # the three styles issue 3 prints (its bold italic, never used, is never read), and the logo reduced for print
    assert kept == {"fonts": 3, "images": 1}


def test_the_least_recently_used_entries_go_beyond_the_limit_and_abandoned_files_too(folder, monkeypatch):
    monkeypatch.setattr(cache, "LIMIT_BYTES", 3 * (16 + len(b"reduced")))  # three entries
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    entries = []
    for number in range(5):
        entries.append(cache.entry("images", f"photo{number}.jpg", b"photo %d" % number))
        if number == 4:  # what a run killed while writing it left
            abandoned = entries[-1].parent / f".{entries[-1].name}.{int(dead.stdout)}.ab_cd123.tmp"
            abandoned.write_bytes(b"half")
        cache.keep(entries[-1], b"reduced")
        os.utime(entries[-1], ns=(number * 10**9, number * 10**9))  # written one second apart
        if number == 1:
            cache.read(entries[0])  # the first one is used again: kept
    kept = sorted(path.name for path in (folder / "images").iterdir())
    assert kept == sorted(entry.name for entry in (entries[0], entries[3], entries[4]))


def test_a_cache_folder_holding_other_files_is_only_read_and_never_cleaned(folder, monkeypatch, capsys):
    monkeypatch.setattr(cache, "LIMIT_BYTES", 0)  # every entry beyond the limit: a cleanup would remove them all
    monkeypatch.setattr(cache, "_warned", set())
    first = cache.entry("images", "logo.png", b"picture")
    cache.keep(first, b"reduced")
    users = {"holiday.jpg": b"photo", "notes.tmp": b"draft", ".x.tmp": b"mine"}
    for name, data in users.items():
        (folder / "images" / name).write_bytes(data)
    second = cache.entry("images", "other.png", b"other picture")
    cache.keep(second, b"reduced")
    cache.keep(cache.entry("images", "third.png", b"third"), b"reduced")
    assert not second.exists()
    assert {name: (folder / "images" / name).read_bytes() for name in users} == users
    err = capsys.readouterr().err
    assert err.count("warning: the cache folder") == 1
    assert f"warning: the cache folder {folder / 'images'} holds files that are not the cache's (holiday.jpg, " in err
    assert "it is only read, never written or cleaned" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_or_a_link_in_place_of_an_entry_is_skipped_never_waited_on(folder, tmp_path):
    entry = cache.entry("images", "logo.png", b"picture")
    entry.parent.mkdir(parents=True)
    os.mkfifo(entry)
    assert cache.read(entry) is None  # at once: a pipe opened for reading would wait for a writer
    entry.unlink()
    (tmp_path / "elsewhere").write_bytes(b"x" * 40)
    entry.symlink_to(tmp_path / "elsewhere")
    assert cache.read(entry) is None and (tmp_path / "elsewhere").exists()
