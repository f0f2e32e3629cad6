"""Plain-text exports: the e-mail text (72 columns, every section, no markup) and the SMS (480 characters)."""

from __future__ import annotations

import re

import pytest

from conftest import MINIMAL_ISSUE, REPO
from newsletter.build.plan import plan
from newsletter.model.sections import SECTIONS
from newsletter.render import text
from newsletter.render.gsm import measure
from newsletter.text import typography
from newsletter.text.labels import LABELS

NBSP = "\u00a0"

FULL_ISSUE = (
    MINIMAL_ISSUE
    + """\
time: "17:30"
edition: Spécial cyberattaque
lead: |
  Le **réseau** est coupé depuis ce matin. Un calcul : 5 * 3 reste tel quel.

  - première puce
  - seconde puce
essentials:
  - Laissez votre ordinateur *éteint*.
  - Appelez le 0261914000 pour toute question sur la paie, les congés, les heures supplémentaires ou le télétravail.
situation:
  known: [Les serveurs sont bloqués.]
  unknown: [Si des données ont été copiées.]
  doing: [La DSI restaure les sauvegardes.]
status:
  - system: Messagerie
    state: down
    since: "2021-02-04"
    note: Retour prévu fin février.
do: [Signez la feuille d'émargement.]
dont: [Ne branchez aucune clé USB.]
news:
  - title: La paie est prête
    body: Les salaires seront versés le 26 février.
    image: ../assets/logo.png
    caption: Le logo.
tips:
  - Notez vos rendez-vous sur papier.
  - title: Photocopier
    body: Les photocopieurs fonctionnent.
faq:
  - q: Dois-je venir lundi ?
    a: |
      Oui.

      - à vos horaires ;
      - sans ordinateur.
testimonials:
  - quote: On a tenu bon.
    name: Sandrine Pelletier
    role: Accueil
"""
)


def load(root, number: str = "1"):
    result = plan(root, [number], [], render_checks=False)
    assert not result.errors, [str(d) for d in result.errors]
    return result.documents[0]


@pytest.fixture
def full(workspace):
    workspace.write("001.yaml", FULL_ISSUE)
    return load(workspace.root)


def test_every_section_has_its_title_and_content(full):
    email = text.render(full)
    # every heading of the registry (the next issue is a line, not a heading)
    headings = [key for section in SECTIONS if section.name != "next_issue" for key in section.labels]
    for key in headings:
        title = typography.fine_spaces(LABELS["fr"][key], "fr").upper()
        assert f"{title}\n{'=' * len(title)}" in email, key
    for expected in (
        "Lettre de crise — N°\u00a01 — vendredi 5\u00a0février\u00a02021",
        "Spécial cyberattaque",
        "Les téléphones fonctionnent\n===",
        "Point à 17\u00a0h\u00a030",
        "Les serveurs sont bloqués.",
        "ARRÊTÉ",
        "Messagerie — depuis 4\u00a0février\u00a02021",
        "Retour prévu fin février.",
        "[Illustration\u00a0: Le logo.]",
        "- Notez vos rendez-vous sur papier.",
        "Photocopier\n----",
        "Question\u00a0: Dois-je venir lundi\u202f?\nRéponse\u00a0: Oui.",
        "- à vos horaires\u202f;",
        "«\u00a0On a tenu bon.\u00a0»\n— Sandrine Pelletier, Accueil",
        "Numéro d’appel\u00a0: Numéro unique agents, 02\u00a061\u00a091\u00a040\u00a000",
        "Prochain numéro\u00a0: vendredi 12\u00a0février\u00a02021",
        "Document interne — ne pas afficher à l’accueil",
    ):
        assert expected in email, expected


def test_do_and_dont_are_told_apart_by_words(full):
    email = text.render(full)
    assert (
        email.index("À FAIRE\n")
        < email.index("- Signez la feuille d’émargement.")
        < email.index("À NE PAS FAIRE\n")
        < email.index("- Ne branchez aucune clé USB.")
    )


def test_no_markup_is_left_but_a_lone_star_is_text(full):
    email = text.render(full)
    assert "**" not in email and "*éteint*" not in email
    assert "Le réseau est coupé" in email and "votre ordinateur éteint." in email
    assert "5 * 3 reste tel quel" in email


def test_lines_fit_72_columns_and_never_break_a_phone_number(full):
    email = text.render(full)
    assert max(len(line) for line in email.splitlines()) <= 72
    phones = re.findall(r"0\d(?:\u00a0\d\d)+", email)
    assert "02\u00a061\u00a091\u00a040\u00a000" in phones and all(len(phone) == 14 for phone in phones)
    lines = email.splitlines()
    second = next(index for index, line in enumerate(lines) if line.startswith("2. Appelez"))
    assert re.match(r"   \S", lines[second + 1])  # the item goes on under its own text


@pytest.mark.parametrize("number", ["1", "2", "3", "4", "5", "6"])
def test_the_sample_issues_fit_72_columns(number):
    email = text.render(load(REPO, number))
    assert max(len(line) for line in email.splitlines()) <= 72
    assert email.endswith("\n") and "\n\n\n" not in email


def test_english_labels_and_colons(workspace):
    publication = (workspace.issues / "publication.yaml").read_text(encoding="utf-8")
    workspace.write("publication.yaml", publication.replace("language: fr", "language: en"))
    workspace.write("001.yaml", FULL_ISSUE)
    email = text.render(load(workspace.root))
    assert "DO\n==" in email and "DON’T\n=====" in email
    assert "Question: Dois-je venir lundi ?\nAnswer: Oui." in email
    assert "Friday 5\u00a0February\u00a02021" in email and "DOWN" in email


def test_french_gets_the_narrow_no_break_space_of_print_and_english_none(workspace):
    workspace.write("001.yaml", FULL_ISSUE.replace("Un calcul : 5 * 3", "Vraiment ? Oui ; un calcul : 5 * 3 !"))
    email = text.render(load(workspace.root))
    assert "Vraiment\u202f? Oui\u202f; un calcul\u00a0: 5 * 3\u202f!" in email.replace("\n", " ")  # lines wrapped
    assert not re.search("[\u00a0 ][;!?]", email)  # every one of them narrow, none ordinary
    publication = (workspace.issues / "publication.yaml").read_text(encoding="utf-8")
    workspace.write("publication.yaml", publication.replace("language: fr", "language: en"))
    assert "Vraiment ? Oui ; un calcul : 5 * 3 !" in text.render(load(workspace.root)).replace("\n", " ")


# --- SMS -----------------------------------------------------------------------------------------


def test_the_sms_carries_headline_essentials_and_hotline(full):
    sms = text.render_sms(full)
    assert sms.cut == [] and len(sms.text) <= text.SMS_LIMIT
    assert sms.text.splitlines()[:2] == ["Lettre de crise No 1 - 5 février 2021", "Les téléphones fonctionnent"]
    assert "1. Laissez votre ordinateur éteint." in sms.text
    assert "Numéro unique agents : 02 61 91 40 00" in sms.text
    assert NBSP not in sms.text and "’" not in sms.text and "*" not in sms.text


def test_a_long_sms_says_what_it_left_out(workspace):
    long_essentials = "".join(f"  - Message essentiel numéro {n}, {'très long ' * 14}\n" for n in range(1, 4))
    workspace.write("001.yaml", MINIMAL_ISSUE + "essentials:\n" + long_essentials)
    sms = text.render_sms(load(workspace.root))
    assert len(sms.text) <= text.SMS_LIMIT
    assert sms.cut[0] == "the hotline's hours" and "essential 3" in sms.cut
    assert "02 61 91 40 00" in sms.text and "Les téléphones fonctionnent" in sms.text


def test_what_a_long_sms_left_out_is_said_in_french(workspace, french):
    long_essentials = "".join(f"  - Message essentiel numéro {n}, {'très long ' * 14}\n" for n in range(1, 4))
    workspace.write("001.yaml", MINIMAL_ISSUE + "essentials:\n" + long_essentials)
    cut = text.render_sms(load(workspace.root)).cut
    assert cut[0] == "les horaires de la ligne d’information" and "le point essentiel 3" in cut


def test_a_huge_headline_is_shortened_at_a_word_and_the_hotline_stays(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("Les téléphones fonctionnent", "Mot " * 300))
    sms = text.render_sms(load(workspace.root))
    assert len(sms.text) <= text.SMS_LIMIT and "Mot Mot..." in sms.text and "Mo..." not in sms.text
    assert sms.text.endswith("Numéro unique agents : 02 61 91 40 00")
    assert "the end of the headline" in sms.cut


def test_the_sms_has_plain_spaces_where_print_has_no_break_ones_and_stays_gsm_7(workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("Les téléphones fonctionnent", "Tout va bien ? Oui !"))
    document = load(workspace.root)
    gsm7, unicode = text.render_sms(document), text.render_sms(document, gsm7=False)
    assert "Tout va bien ? Oui !" in gsm7.text and measure(gsm7.text).encoding == "GSM-7"
    assert "Tout va bien ? Oui !" in unicode.text and "N° 1" in unicode.text  # what every phone shows


def test_a_status_since_typed_with_its_word_says_it_once(cli, workspace):
    status = "status:\n  - system: Messagerie\n    state: restored\n    since: depuis le 3 décembre\n"
    workspace.write("001.yaml", MINIMAL_ISSUE + status)
    for format in ("text", "markdown"):
        exported = cli("--root", workspace.root, "export", "1", "--format", format).out
        assert "— depuis le 3\u00a0décembre" in exported or ", depuis le 3\u00a0décembre" in exported, format
        assert "depuis depuis" not in exported
