"""The phone message script: what is read, how symbols and numbers are spelled, how long it lasts."""

from __future__ import annotations

import re

import pytest

from conftest import MINIMAL_ISSUE, REPO
from newsletter.build.plan import plan
from newsletter.render import phone

NBSP = "\u00a0"


def load(root, number: str = "1"):
    result = plan(root, [number], [], render_checks=False)
    assert not result.errors, [str(d) for d in result.errors]
    return result.documents[0]


@pytest.mark.parametrize(
    "number, words",
    [
        (0, "zéro"),
        (1, "un"),
        (16, "seize"),
        (17, "dix-sept"),
        (21, "vingt et un"),
        (22, "vingt-deux"),
        (40, "quarante"),
        (61, "soixante et un"),
        (70, "soixante-dix"),
        (71, "soixante et onze"),
        (77, "soixante-dix-sept"),
        (80, "quatre-vingts"),
        (81, "quatre-vingt-un"),
        (91, "quatre-vingt-onze"),
        (99, "quatre-vingt-dix-neuf"),
    ],
)
def test_french_numbers(number, words):
    assert phone.french_number(number) == words


@pytest.mark.parametrize(
    "typed, lang, spoken",
    [
        (
            f"02{NBSP}61{NBSP}91{NBSP}40{NBSP}00",
            "fr",
            "zéro deux, soixante et un, quatre-vingt-onze, quarante, zéro zéro",
        ),
        (
            f"+33{NBSP}(0)6{NBSP}12{NBSP}34{NBSP}56{NBSP}78",
            "fr",
            "plus trente-trois, six, douze, trente-quatre, cinquante-six, soixante-dix-huit",
        ),
        ("0241054000", "fr", "zéro deux, quarante et un, zéro cinq, quarante, zéro zéro"),
        (f"02{NBSP}61{NBSP}91{NBSP}40{NBSP}00", "en", "zero two, six one, nine one, four zero, zero zero"),
        (
            f"+44{NBSP}20{NBSP}7946{NBSP}0958",
            "en",
            "plus four four, two zero, seven nine, four six, zero nine, five eight",
        ),
    ],
)
def test_phone_numbers_are_read_in_pairs(typed, lang, spoken):
    assert phone.spoken_phone(typed, lang) == spoken


@pytest.mark.parametrize(
    "typed, spoken",
    [
        (f"Réunion à 14{NBSP}h{NBSP}30.", "Réunion à 14 heures 30."),
        (f"De 8{NBSP}h à 18{NBSP}h, puis 1{NBSP}h de pause.", "De 8 heures à 18 heures, puis 1 heure de pause."),
        ("Rendez-vous à 17:05.", "Rendez-vous à 17 heures 5."),
        (f"Une hausse de 12{NBSP}%.", f"Une hausse de 12{NBSP}pour cent."),
        (f"Le ticket coûte 1,50{NBSP}€, la carte 20{NBSP}€.", "Le ticket coûte 1,50 euro, la carte 20 euros."),
        (f"La lettre n°{NBSP}3 et le N°{NBSP}4.", "La lettre numéro 3 et le numéro 4."),
        ("Lundi 1er mars.", "Lundi premier mars."),
        (
            f"Appelez le 02{NBSP}61{NBSP}91{NBSP}40{NBSP}60.",
            "Appelez le zéro deux, soixante et un, quatre-vingt-onze, quarante, soixante.",
        ),
        (
            f"4{NBSP}500 personnes, 3{NBSP}800 postes, version 1.10.",
            f"4{NBSP}500 personnes, 3{NBSP}800 postes, version 1.10.",
        ),
    ],
)
def test_french_spelling_for_speech(typed, spoken):
    assert phone.speakable(typed, "fr") == spoken


@pytest.mark.parametrize(
    "typed, spoken",
    [
        ("A 12% rise.", "A 12 percent rise."),
        ("It costs €5, or 1 €.", "It costs 5 euros, or 1 euro."),
        ("Issue No. 3 and n° 4.", "Issue number 3 and number 4."),
        ("R&D: Tom & Jerry", "R&D: Tom and Jerry"),
    ],
)
def test_english_spelling_for_speech(typed, spoken):
    assert phone.speakable(typed, "en") == spoken


FAQ_ISSUE = (
    MINIMAL_ISSUE
    + """\
essentials:
  - Laissez votre ordinateur **éteint**.
  - Appelez le 0261914000 en cas de doute.
faq:
  - q: Dois-je venir lundi ?
    a: |
      Oui, à *9 h 30*.

      - avec votre badge
      - sans ordinateur
  - q: Et la paie ?
    a: Elle augmente de 2 %.
"""
)


def test_the_script_reads_the_issue_as_a_dialogue(workspace):
    workspace.write("001.yaml", FAQ_ISSUE)
    script = phone.script(load(workspace.root)).text
    paragraphs = script.split("\n\n")
    assert paragraphs[0].startswith("[Durée estimée\u00a0: ")
    assert paragraphs[1] == "Bonjour, ici «\u00a0Lettre de crise\u00a0», le point du vendredi 5\u00a0février\u00a02021."
    assert paragraphs[2] == "Les téléphones fonctionnent."
    assert paragraphs[3] == (
        "Voici l’essentiel.\nLaissez votre ordinateur éteint.\nAppelez le zéro deux, soixante "
        "et un, quatre-vingt-onze, quarante, zéro zéro en cas de doute."
    )
    assert paragraphs[4] == "Voici les réponses à vos questions."
    assert paragraphs[5] == (
        "Question\u00a0: Dois-je venir lundi\u00a0?\nRéponse\u00a0: Oui, à 9 heures 30.\n"
        "avec votre badge.\nsans ordinateur."
    )
    assert paragraphs[6] == "Question\u00a0: Et la paie\u00a0?\nRéponse\u00a0: Elle augmente de 2\u00a0pour cent."
    assert paragraphs[7] == (
        "Pour toute question, appelez le numéro unique agents au zéro deux, soixante et un, "
        "quatre-vingt-onze, quarante, zéro zéro.\nDu lundi au vendredi, de 8 heures à 18 heures."
    )
    assert paragraphs[8] == "Merci de votre écoute. Prochain point\u00a0: vendredi 12\u00a0février\u00a02021.\n"
    assert not re.search(r"[*%€°]|\d{2}\u00a0h", script)


def test_the_duration_is_counted_at_150_words_a_minute(workspace):
    workspace.write("001.yaml", FAQ_ISSUE)
    script = phone.script(load(workspace.root))
    body = script.text.split("\n\n", 1)[1]
    assert script.words == len(body.split())
    assert script.seconds == round(script.words * 60 / 150)
    minutes, seconds = divmod(script.seconds, 60)
    assert script.text.startswith(
        f"[Durée estimée\u00a0: {minutes}\u00a0min {seconds:02d}\u00a0s "
        f"({script.words}\u00a0mots à 150\u00a0mots par minute)]\n\n"
    )
    assert not script.too_long and "Attention" not in script.text


def test_a_message_over_three_minutes_is_flagged(workspace, cli):
    questions = "".join(
        f"  - q: Question numéro {n} ?\n    a: {'Une réponse assez longue. ' * 10}\n" for n in range(1, 15)
    )
    workspace.write("001.yaml", MINIMAL_ISSUE + "faq:\n" + questions)
    script = phone.script(load(workspace.root))
    assert script.too_long and script.seconds > 180
    assert script.text.splitlines()[1] == (
        "[Attention\u00a0: plus de 3\u00a0minutes. Beaucoup raccrochent avant la fin\u00a0: raccourcissez le message.]"
    )
    result = cli("--root", workspace.root, "export", "1", "--format", "phone")
    assert result.code == 0 and result.out == script.text
    assert re.search(r"warning: the message lasts about \d+ min \d\d s; past 3 minutes", result.err)


def test_an_issue_without_faq_or_next_date_still_says_goodbye(workspace):
    workspace.write("001.yaml", "number: 1\ndate: 2021-02-05\nheadline: Bonjour\n")
    script = phone.script(load(workspace.root)).text
    assert "Voici les réponses" not in script and script.endswith("Merci de votre écoute.\n")


@pytest.mark.parametrize("number", ["1", "2", "3", "4", "5", "6"])
def test_the_sample_scripts_stay_under_three_minutes_and_spell_everything(number):
    script = phone.script(load(REPO, number))
    # N° 2 (seven FAQ answers on pay and leave) goes 11 s over since do and don't are read: the warning is true.
    assert script.too_long == (number == "2") and script.seconds < 200
    body = script.text.split("\n\n", 1)[1]
    assert not re.search(r"[*%€]|[nN]°|\d\u00a0h\b|0\d\u00a0\d\d", body), number


def test_the_script_reads_what_to_do_and_not_to_do_the_poster_s_short_lists_first(workspace):
    workspace.write(
        "001.yaml",
        MINIMAL_ISSUE
        + "do:\n  - Signez la feuille d'émargement à l'arrivée et au départ, avec l'heure.\n"
        + "dont:\n  - N'allumez pas votre ordinateur.\n"
        + "poster:\n  do:\n    - Signez la feuille d'émargement\n",
    )
    script = phone.script(load(workspace.root)).text
    assert "Ce qu’il faut faire.\nSignez la feuille d’émargement.\n\n" in script
    assert "Ce qu’il ne faut pas faire.\nN’allumez pas votre ordinateur.\n\n" in script


@pytest.mark.parametrize(
    ("label", "said"),
    [
        ("Numéro unique agents", "numéro unique agents"),
        ("DSI", "DSI"),
        ("SAMU social", "SAMU social"),
        ("iPhone", "iPhone"),
    ],
)
def test_a_label_said_mid_sentence_loses_only_a_sentence_capital(label, said):
    assert phone.mid_sentence(label) == said
