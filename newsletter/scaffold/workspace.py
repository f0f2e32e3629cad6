"""Starting a workspace (`init`) and the next issue (`new`), as commented files non-programmers can fill.

The files are written in French, comments included: the people who fill them are French. What they
must still write is a placeholder text starting with ``À ÉCRIRE``; ``check`` reports each one left,
with its line and column, so a half-filled issue is never printed by mistake.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from newsletter.files import write_atomic
from newsletter.errors import Diagnostic, InputError
from newsletter.model.formats import Issue
from newsletter.model.load import PUBLICATION_FILE, Loaded, display_path, issue_files, load_workspace
from newsletter.checks.placeholders import todo
from newsletter.model.schema import modeline, write_schemas

# What recurs from one issue to the next (copied, to update) and what is written anew each time.
_RECURRING = ("situation", "status", "do", "dont", "tips", "contacts", "poster")
_ONE_OFF = ("headline", "lead", "essentials")

GITIGNORE = """\
# Fichiers produits par `newsletter build` : ils se refont à tout moment, inutile de les garder.
out/
# Le dossier archive/ n'est PAS ignoré : c'est la trace de ce qui a été diffusé. Gardez-le.
"""

USAGE = """\
# Mode d'emploi
#   - Chaque ligne « clé: valeur » donne une information. Ne changez pas le mot avant les deux-points.
#   - Les lignes qui commencent par # sont des commentaires : elles ne sont pas imprimées.
#     Pour utiliser un exemple en commentaire, enlevez le # et l'espace qui le suit, sur chacune de ses lignes.
#   - Remplacez chaque texte « À ÉCRIRE » par le vôtre : `newsletter check` montre ceux qui restent.
#   - Les retraits comptent : des espaces (jamais de tabulation), alignés comme dans les exemples.
#   - Mettez le texte entre guillemets "…" s'il contient deux-points suivis d'une espace, ou un #.
"""

TEXT_RULES = """\
#   - Dans les textes : une ligne vide sépare deux paragraphes ; **gras**, *italique* ;
#     une ligne qui commence par « - » fait une liste à puces.
"""


# --- newsletter init ---------------------------------------------------------------------------

PUBLICATION_TEMPLATE = f"""\
# Le journal : ce qui est commun à tous les numéros (titre, éditeur, numéro d'appel, contacts).
# Les numéros eux-mêmes sont les fichiers 001.yaml, 002.yaml… de ce dossier.
#
{USAGE}
# Nom du journal, imprimé en grand en haut de la première page.
title: "{todo("le nom du journal, par exemple Lettre de crise")}"

# Ligne sous le titre (facultatif).
tagline: Journal interne des agents

# Qui publie le journal (facultatif) ; c'est aussi l'auteur inscrit dans le PDF.
organisation: "{todo("le nom de votre collectivité")}"

# Langue : fr (français) ou en (anglais). Elle règle les mots imprimés, les dates et la typographie.
language: fr

# Mise en page par défaut (la liste : newsletter layouts).
layout: journal-a4

# Logo (facultatif) : un fichier PNG ou JPEG. Le chemin part de ce dossier : ../assets/ est le
# dossier assets/ du classeur. Déposez-y le logo, puis enlevez le # de la ligne suivante.
# logo: ../assets/logo.png

# Le numéro d'appel des agents, imprimé sur chaque numéro et chaque affiche.
# Le numéro de téléphone est imprimé tel quel, par paires : 02 41 05 40 00.
hotline:
  label: Numéro unique agents
  phone: "{todo("le numéro de téléphone")}"
  hours: Du lundi au vendredi, de 8 h à 18 h

# Ligne imprimée en bas de chaque page (facultatif).
footer: Document interne — ne pas afficher à l'accueil

# Les contacts imprimés dans chaque numéro qui n'a pas ses propres contacts (facultatif).
# Chaque contact commence par « - name: » ; role, phone et email sont facultatifs.
contacts:
  - name: "{todo("prénom et nom")}"
    role: Pilote de la cellule de crise
    phone: "{todo("son numéro de téléphone")}"
"""


@dataclass(frozen=True)
class Created:
    """What `init` or `new` wrote, for the command to tell the user."""

    paths: list[Path]
    number: int
    copied_from: int | None = None
    copied: tuple[str, ...] = ()
    to_write: tuple[str, ...] = ()


def init_workspace(directory: Path, today: dt.date) -> Created:
    """A new workspace: the publication and a first issue to fill, ``layouts/``, ``assets/``; never over one."""
    issues_dir = directory / "issues"
    existing = [p for p in [issues_dir / PUBLICATION_FILE, *issue_files(issues_dir)] if p.exists()]
    if existing:
        raise InputError([Diagnostic(
            str(existing[0]), "a workspace already exists here: nothing was changed",
            hint="run `newsletter new` to start the next issue, or give `newsletter init` another folder",
        )])
    files = {
        issues_dir / PUBLICATION_FILE: _for_editors("publication", issues_dir, PUBLICATION_TEMPLATE),
        issues_dir / "001.yaml": _for_editors("issue", issues_dir, issue_text(1, today, None)),
        directory / ".gitignore": GITIGNORE,
    }
    for path, text in files.items():
        write_atomic(path, text.encode("utf-8"))
    for folder in ("layouts", "assets"):
        (directory / folder).mkdir(exist_ok=True)
    return Created([*files, *write_schemas(issues_dir)], 1, to_write=_ONE_OFF)


def _for_editors(kind: str, issues_dir: Path, text: str) -> str:
    """The file's text after the line that points editors at its JSON Schema (written next to the issues)."""
    return f"{modeline(kind, issues_dir, issues_dir)}\n{text}"


# --- newsletter new ----------------------------------------------------------------------------

def new_issue(root: Path, date: dt.date) -> Created:
    """``issues/NNN.yaml`` with the next free number, prefilled from the latest issue."""
    workspace = load_workspace(root)
    if workspace.errors:
        raise InputError([*workspace.errors, Diagnostic(
            display_path(workspace.issues_dir, root), "no new issue was created: fix the errors above first",
            hint="the new issue is copied from the latest one, which must be readable",
        )])
    numbers = [item.model.number for item in workspace.issues]
    numbers += [int(p.stem) for p in issue_files(workspace.issues_dir) if p.stem.isdecimal()]
    number = max(numbers, default=0) + 1
    path = workspace.issues_dir / f"{number:03d}.yaml"
    latest = workspace.issues[-1] if workspace.issues else None
    write_atomic(path, _for_editors("issue", workspace.issues_dir, issue_text(number, date, latest)).encode("utf-8"))
    write_schemas(workspace.issues_dir)  # the schema the first line names, for the tool's version in use
    return Created([path], number, latest.model.number if latest else None, tuple(recurring(latest)), _ONE_OFF)


# --- the issue file ----------------------------------------------------------------------------

_EXAMPLES = {
    "time": 'time: "17:30"',
    "edition": "edition: Spécial cyberattaque — étape 1",
    "situation": """\
situation:
  known:
    - Les serveurs ont été chiffrés dans la nuit de jeudi à vendredi.
  unknown:
    - La date du retour de la messagerie.
  doing:
    - Les sauvegardes sont vérifiées une à une.""",
    "status": """\
status:
  - system: Messagerie
    state: down
    since: 5 février
    note: Retour prévu la semaine prochaine.""",
    "news": """\
news:
  - title: Le titre de l'article
    body: |
      Le premier paragraphe de l'article.

      Le deuxième paragraphe.
    image: ../assets/photo.jpg
    caption: La légende de la photo.""",
    "tips": """\
tips:
  - title: Notez vos heures sur papier
    body: Une feuille par semaine, signée par votre responsable.
  - Un conseil peut aussi tenir en une seule ligne.""",
    "faq": """\
faq:
  - q: Ma paie de février sera-t-elle versée à la date habituelle ?
    a: Oui. Les virements sont préparés sur papier avec la trésorerie.""",
    "testimonials": """\
testimonials:
  - quote: On a ressorti les registres et les stylos, et personne n'est reparti sans réponse.
    name: Sandrine Pelletier
    role: Agente d'accueil""",
    "contacts": """\
contacts:
  - name: Support informatique
    role: Postes, messagerie et mots de passe
    phone: 02 41 05 40 25
    email: support@exemple.fr""",
    "poster": """\
poster:
  headline: Ne branchez aucune clé USB
  do:
    - Appelez le numéro unique
  dont:
    - N'allumez pas les ordinateurs""",
}

_PLACEHOLDERS = {
    "headline": f'headline: "{todo("le titre principal")}"',
    "lead": f"lead: |\n  {todo('deux ou trois phrases qui résument où en est la situation.')}",
    "essentials": f'essentials:\n  - "{todo("le premier message clé")}"',
    "do": f'do:\n  - "{todo("une consigne qui commence par un verbe")}"',
    "dont": f'dont:\n  - "{todo("ce qu’il ne faut pas faire")}"',
}

_EXPLANATIONS = {
    "number": "Le numéro : un nombre entier ; chaque numéro a le sien.",
    "date": "Date de parution : année-mois-jour.",
    "time": "Heure du point (facultatif), entre guillemets ; imprimée « Point à 17 h 30 ».",
    "edition": "Surtitre au-dessus du titre (facultatif).",
    "headline": "Le titre principal : une phrase courte, 12 mots au plus.",
    "lead": "Le chapeau, sous le titre (facultatif) : après « lead: | », chaque ligne commence par deux espaces.",
    "essentials": "L'essentiel : trois messages clés au plus, chacun sur une ligne qui commence par « - ».",
    "situation": "Ce que l'on sait, ce que l'on ne sait pas encore, ce qui est fait (facultatif).",
    "status": "L'état des outils (facultatif). state : down (arrêté), degraded (perturbé), testing (en test) "
              "ou restored (rétabli).",
    "do": "À faire : des consignes courtes qui commencent par un verbe.",
    "dont": "À ne pas faire : des consignes courtes.",
    "news": "Les actualités (facultatif) : un titre et un texte ; image (PNG ou JPEG) et légende facultatives.",
    "tips": "Conseils pratiques (facultatif) : un titre et un texte, ou une simple ligne.",
    "faq": "Vos questions (facultatif) : q la question, a la réponse.",
    "testimonials": "Témoignages (facultatif) : la citation, le nom, la fonction.",
    "contacts": "Les contacts de ce numéro (facultatif) ; sans cette rubrique, ceux de publication.yaml "
                "sont imprimés.",
    "next_issue": "Date du prochain numéro, année-mois-jour : dites toujours aux agents quand ils en sauront plus.",
    "poster": "Le texte de l'affiche (facultatif) : un titre de 7 mots au plus et des consignes plus courtes ; "
              "sans titre d'affiche, le titre principal est repris.",
}


def recurring(latest: Loaded[Issue] | None) -> dict[str, Any]:
    """What the next issue takes from ``latest``, as typed: the sections that recur (the poster's headline does not)."""
    previous = latest.source.data if latest else {}
    found = {key: previous[key] for key in _RECURRING if previous.get(key)}
    if isinstance(found.get("poster"), dict):
        found["poster"] = {key: value for key, value in found["poster"].items() if key in ("do", "dont") and value}
    return {key: value for key, value in found.items() if value}


def issue_text(number: int, date: dt.date, latest: Loaded[Issue] | None) -> str:
    """The commented file of issue ``number``; with ``latest``, what recurs is copied from it to update."""
    copied = recurring(latest)
    origin = f" (préparé à partir du numéro {latest.model.number})" if latest else ""
    parts = [f"# Numéro {number}{origin}. Pour préparer le numéro suivant : newsletter new\n#\n{USAGE}{TEXT_RULES}"]

    def section(key: str, body: str, note: str = "") -> None:
        parts.append(f"# {_EXPLANATIONS[key]}{note}\n{body}\n")

    def copied_or(key: str, fallback: str) -> None:
        if key in copied:
            section(key, _yaml(key, copied[key]), f"\n# Repris du numéro {latest.model.number} : à mettre à jour.")
        else:
            section(key, fallback)

    section("number", f"number: {number}")
    section("date", f"date: {date.isoformat()}")
    section("time", _commented(_EXAMPLES["time"]))
    edition = latest.source.data.get("edition") if latest else None
    if edition:
        edition = _next_edition(edition, latest.model.number, number)
        section("edition", _yaml("edition", edition), "\n# Repris du numéro précédent : vérifiez-le.")
    else:
        section("edition", _commented(_EXAMPLES["edition"]))
    for key in _ONE_OFF:
        section(key, _PLACEHOLDERS[key])
    copied_or("situation", _commented(_EXAMPLES["situation"]))
    copied_or("status", _commented(_EXAMPLES["status"]))
    copied_or("do", _PLACEHOLDERS["do"])
    copied_or("dont", _PLACEHOLDERS["dont"])
    section("news", _commented(_EXAMPLES["news"]))
    copied_or("tips", _commented(_EXAMPLES["tips"]))
    section("faq", _commented(_EXAMPLES["faq"]))
    section("testimonials", _commented(_EXAMPLES["testimonials"]))
    copied_or("contacts", _commented(_EXAMPLES["contacts"]))
    section("next_issue", _commented(f"next_issue: {(date + dt.timedelta(days=7)).isoformat()}"))
    copied_or("poster", _commented(_EXAMPLES["poster"]))
    return "\n".join(parts)


def _commented(text: str) -> str:
    return "\n".join("# " + line if line else "#" for line in text.splitlines())


def _next_edition(edition: str, previous_number: int, number: int) -> str:
    """``Spécial cyberattaque — étape 6`` becomes ``… étape 7`` when 6 was the previous issue's number."""
    return re.sub(rf"(?<![0-9]){previous_number}(?=[^0-9]*$)", str(number), edition, count=1)


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key and several-line text as a ``|`` block, as the sample files are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


# Text that other YAML readers (editors) would take for a number, a boolean or nothing: kept in quotes.
_LOOKS_TYPED = re.compile(r"[-+]?[0-9][0-9_.:]*|true|false|yes|no|on|off|y|n|null|~", re.IGNORECASE)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else '"' if _LOOKS_TYPED.fullmatch(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def _yaml(key: str, value: Any) -> str:
    """``key: value`` as YAML our reader gives back exactly (every value is text to it)."""
    return yaml.dump({key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1_000_000).rstrip("\n")
