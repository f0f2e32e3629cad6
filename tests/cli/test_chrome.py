"""Typer's own words in the language: the help of every command, "Usage:", usage errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsletter.cli import chrome
from newsletter.cli.app import app
from newsletter.cli.chrome import TYPER_WORDS, command, translated
from newsletter.translations import messages_in

COMMANDS = ["check", "build", "faq", "list", "init", "kits", "new", "archive", "layouts", "export", "schema", "watch"]
# Words of English sentences that French never uses (command and option names are left out first).
ENGLISH = set(
    "the and of to with from this that is are each every none or its their by which when than then show exit "
    "usage default required issue issues file files folder write only those whose help".split()
)


def english_words(help_text: str) -> set[str]:
    """The English words of a help text, once what stays as typed is taken out: options (--out), values
    (<fr|en>, 'text'), command names at the start of a line of the list, paths (out/), code (`…`)."""
    text = re.sub(r"--?[\w-]+|<[^>]*>|'[^']*'|`[^`]*`|\b[\w.-]+/|\b\w+\.(?:yaml|pdf|json)\b", " ", help_text)
    text = re.sub(r"(?m)^  (" + "|".join(COMMANDS) + r")\b", " ", text)
    text = re.sub(r"python -m newsletter|newsletter", " ", text)
    return {word for word in re.findall(r"[A-Za-z]+", text.lower()) if word in ENGLISH}


def test_the_command_list_is_the_apps():
    assert sorted(command(app).commands) == sorted(COMMANDS)


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_the_french_help_of_every_command_has_no_english_sentence(cli, name):
    french = cli(*filter(None, [name, "--help", "--lang", "fr"]))
    assert french.code == 0
    assert not english_words(french.out), f"English in the French help of `{name}`:\n{french.out}"
    assert french.out.startswith("Utilisation\u00a0: ")
    english = cli(*filter(None, [name, "--help", "--lang", "en"]))
    assert english_words(english.out)  # the test sees English where there is some
    assert "Show this message and exit." in english.out and "Usage: " in english.out


def test_the_french_help_says_options_and_the_help_option_in_french(cli):
    out = cli("build", "--help", "--lang", "fr").out
    assert "Options\u00a0:\n" in out and "Arguments\u00a0:\n" in out
    assert "--help  " in out and "Afficher cette aide et quitter." in out
    assert "[par défaut\u00a0:" in out and "0<=x<=10]" in out
    assert "Commandes\u00a0:\n" in cli("--help", "--lang", "fr").out


@pytest.mark.parametrize(
    "args, says",
    [
        (["check", "--bogus"], "Erreur\u00a0: Option inconnue\u00a0: --bogus"),
        (["check", "--lay", "x"], "Option inconnue\u00a0: --lay (vouliez-vous dire --lang, --layout\u00a0?)"),
        (["nosuch"], "Erreur\u00a0: Commande inconnue\u00a0: 'nosuch'."),
        (["export"], "Erreur\u00a0: Argument manquant\u00a0: 'NUMÉRO'."),
        (
            ["export", "1", "-f", "pdf"],
            "Valeur incorrecte pour '--format' / '-f'\u00a0: 'pdf' ne fait pas partie des choix possibles\u00a0: "
            "'text', 'sms', 'markdown', 'html', 'phone'.",
        ),
        (["build", "--bleed", "20"], "Valeur incorrecte pour '--bleed'\u00a0: 20 n’est pas compris entre 0 et 10."),
        (["build", "--bleed", "trois"], "Valeur incorrecte pour '--bleed'\u00a0: 'trois' n’est pas un nombre."),
        (["archive", "--supersede", "x"], "'x' n’est pas un nombre entier."),
        (["build", "--out"], "L’option '--out' attend une valeur."),
        (["layouts", "extra"], "Argument(s) en trop\u00a0: extra"),
        (
            ["new", "--date", "05/02/2021"],
            "une date écrite AAAA-MM-JJ est attendue, par exemple 2021-02-05\u00a0; trouvé\u00a0: '05/02/2021'",
        ),
        (["check", "--lang", "de"], "Valeur incorrecte pour '--lang'\u00a0: 'de' ne fait pas partie des choix"),
    ],
)
def test_usage_errors_in_french(cli, french, args, says):
    result = cli(*args)
    assert result.code == 2
    assert says in result.err, result.err
    lines = result.err.splitlines()
    if args != ["build", "--out"]:  # Click knows no command there: no usage line
        assert lines[0].startswith("Utilisation\u00a0: ") and lines[1].startswith("Pour l’aide, tapez «\u00a0")


def test_usage_errors_in_english_are_clicks(cli):
    result = cli("build", "--bleed", "20")
    usage, hint = result.err.splitlines()[:2]
    assert usage.startswith("Usage: ") and usage.endswith("newsletter build [OPTIONS] [ISSUE]...")
    assert hint.startswith("Try '") and hint.endswith("newsletter build --help' for help.")
    assert "Error: Invalid value for '--bleed': 20.0 is not in the range 0<=x<=10." in result.err


def test_a_message_no_pattern_knows_is_left_as_it_is():
    assert translated("Something new in Click.") == "Something new in Click."


def test_each_pattern_reads_the_message_click_writes(french):
    samples = {
        "No such option: --x": "Option inconnue\u00a0: --x",
        "Missing option '--date'.": "Option manquante\u00a0: '--date'.",
        "Missing parameter 'x'.": "Paramètre manquant\u00a0: 'x'.",
        "Option '--verify' does not take a value.": "L’option '--verify' ne prend pas de valeur.",
        "Invalid value for '--x': 'maybe' is not a valid boolean. Recognized values: yes, no": (
            "Valeur incorrecte pour '--x'\u00a0: 'maybe' n’est ni oui ni non."
        ),
    }
    for english, french_text in samples.items():
        assert translated(english) == french_text


def test_every_word_typer_passes_to_gettext_is_translated():
    core = Path(chrome.typer.core.__file__)  # Typer imported by the CLI, as it sets Typer's settings first
    words, _ = messages_in(core, core.parent)
    assert {word.msgid for word in words} <= set(TYPER_WORDS)


def test_the_language_option_may_follow_the_command(cli, workspace):
    workspace.write("001.yaml", "number: 1\n")
    result = cli("--root", workspace.root, "check", "--lang", "fr")
    assert result.code == 1
    assert result.err.splitlines()[-1].endswith(" erreurs, 0 avertissement")
