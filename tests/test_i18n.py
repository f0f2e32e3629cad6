"""The language the tool speaks, and its messages in it."""

from __future__ import annotations

import sys
import types

import pytest

from newsletter import i18n
from newsletter.i18n import N_, _, choose, ngettext

LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG", i18n.ENVIRONMENT_VARIABLE)


@pytest.fixture
def environment(monkeypatch):
    """No language in the environment: each test says what it sets."""
    for name in LOCALE:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    return monkeypatch


def publication(tmp_path, text: str):
    (tmp_path / "issues").mkdir()
    (tmp_path / "issues" / "publication.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_message_in_french_and_in_english(french):
    assert _("hint: {hint}", hint="écrivez 2021-02-05") == "conseil\u00a0: écrivez 2021-02-05"
    i18n.use("en")
    assert _("hint: {hint}", hint="write 2021-02-05") == "hint: write 2021-02-05"


def test_a_decimal_number_is_written_as_the_language_writes_it(french):
    assert (i18n.decimal(6.94), i18n.decimal(1.234, 2)) == ("6,9", "1,23")
    i18n.use("en")
    assert i18n.decimal(6.94) == "6.9"


def test_a_message_without_values_keeps_its_braces():
    assert _("write {a, b} as a list") == "write {a, b} as a list"  # an id of no catalogue: itself


def test_plural_forms_follow_each_language(french):
    assert [ngettext("{count} error(s)", "{count} error(s)", n) for n in (0, 1, 2)] == [
        "0 erreur",
        "1 erreur",
        "2 erreurs",
    ]
    i18n.use("en")
    assert ngettext("{count} error(s)", "{count} error(s)", 2) == "2 error(s)"


def test_a_marked_message_is_translated_where_it_is_shown(french):
    marked = N_("warning: ")
    assert marked == "warning: "
    assert _(marked) == "avertissement\u00a0: "


def test_use_refuses_a_language_without_messages():
    with pytest.raises(ValueError, match="'de'"):
        i18n.use("de")


def test_the_option_comes_first(environment):
    environment.setenv("NEWSLETTER_LANG", "en")
    environment.setenv("LANG", "en_GB.UTF-8")
    assert choose("fr") == "fr"


def test_then_the_variable(environment):
    environment.setenv("NEWSLETTER_LANG", "fr")
    environment.setenv("LC_ALL", "en_US.UTF-8")
    assert choose(None) == "fr"


@pytest.mark.parametrize(
    "variables, expected",
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "fr_CA", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "fr_FR", "LANG": "fr_FR"}, "en"),
        ({"LC_ALL": "", "LANG": "fr_BE@euro"}, "fr"),
    ],
)
def test_then_the_locale_in_the_posix_order(environment, variables, expected):
    for name, value in variables.items():
        environment.setenv(name, value)
    assert choose(None) == expected


def test_a_locale_without_messages_leaves_it_to_the_publication(environment, tmp_path):
    environment.setenv("LANG", "C.UTF-8")
    workspace = publication(tmp_path, "title: Le Lien\nlanguage: fr\n")
    assert choose(None, workspace) == "fr"
    environment.setenv("LANG", "de_DE.UTF-8")
    assert choose(None, workspace) == "fr"


def test_the_publication_language_is_its_top_level_key(tmp_path):
    assert i18n.publication_language(publication(tmp_path, "hotline:\n  language: en\nlanguage: 'fr'\n")) == "fr"


def test_no_publication_and_no_locale_is_english(environment, tmp_path):
    assert choose(None, tmp_path) == "en"
    assert choose(None, publication(tmp_path, "title: Le Lien\n")) == "en"


def test_a_variable_naming_no_language_of_ours_is_passed_over(environment):
    environment.setenv("NEWSLETTER_LANG", "de")
    environment.setenv("LANG", "fr_FR.UTF-8")
    assert choose(None) == "fr"


def windows(monkeypatch, language_id=None, failing=False):
    """A Windows whose display language is ``language_id``, asked through a stand-in for ctypes."""

    def ask():
        if failing:
            raise OSError("no such function")
        return language_id

    kernel32 = types.SimpleNamespace(GetUserDefaultUILanguage=ask)
    monkeypatch.setitem(sys.modules, "ctypes", types.SimpleNamespace(windll=types.SimpleNamespace(kernel32=kernel32)))
    monkeypatch.setattr(sys, "platform", "win32")


@pytest.mark.parametrize("language_id, expected", [(0x040C, "fr"), (0x0C0C, "fr"), (0x0809, "en"), (0x0407, "en")])
def test_on_windows_the_display_language(environment, language_id, expected):
    windows(environment, language_id)
    assert choose(None) == expected  # German (0x0407) has no messages: English


def test_on_windows_a_variable_still_wins(environment):
    windows(environment, 0x0409)
    environment.setenv("LANG", "fr_FR")
    assert choose(None) == "fr"


def test_where_the_display_language_cannot_be_asked_the_publication_decides(environment, tmp_path):
    windows(environment, failing=True)
    assert i18n.windows_ui_language() is None
    assert choose(None, publication(tmp_path, "language: fr\n")) == "fr"


def test_without_windll_no_display_language(monkeypatch):
    monkeypatch.setitem(sys.modules, "ctypes", types.SimpleNamespace())
    assert i18n.windows_ui_language() is None


def test_the_language_is_chosen_from_the_environment_when_nobody_set_it(environment):
    environment.setenv("LANG", "fr_FR.UTF-8")
    environment.setattr(i18n._State, "language", None)
    assert i18n.current() == "fr"


def test_a_catalogue_is_read_from_its_po_when_the_mo_is_older(monkeypatch, tmp_path):
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    source = i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / "newsletter.po"
    (folder / "newsletter.po").write_text(
        source.read_text(encoding="utf-8").replace("conseil\u00a0:", "astuce\u00a0:"), encoding="utf-8"
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    assert i18n.load("fr").gettext("hint: {hint}") == "astuce\u00a0: {hint}"


def test_loading_a_compiled_catalogue_imports_only_the_standard_library(tmp_path):
    import subprocess

    from newsletter.translations import compile_mo, read_po

    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "newsletter.mo").write_bytes(
        compile_mo(read_po(i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / "newsletter.po"))
    )
    code = (
        "import sys; from pathlib import Path; from newsletter import i18n; before = set(sys.modules);"
        f"i18n.LOCALE_DIR = Path({str(tmp_path)!r}); i18n.use('fr'); print(i18n._('warning: '));"
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    said, loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")[:2]
    assert said == "avertissement\u00a0: "
    assert all(name.split(".")[0] in sys.stdlib_module_names for name in loaded.split()), loaded
