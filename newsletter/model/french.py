"""The French words a comms team types for the keys and the states of these files (``titre`` for
``headline``, ``en panne`` for ``down``; a few English ones too, ``title`` for ``headline``): "did you
mean" suggests the real one, and ``check --fix``
renames a key typed so, since the word says which key it is: nothing is guessed.

A word may name several keys (``titre`` is the issue's ``headline``, an article's ``title``): the
first one the record being read has is meant. Words are compared folded (any case, with or without
accents, ``-`` ``_`` or a space between words).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

_KEYS: dict[str, tuple[str, ...]] = {
    # the issue
    "titre": ("headline", "title"),
    "gros titre": ("headline",),
    "titre principal": ("headline",),
    "une": ("headline",),
    "numero": ("number", "phone"),
    "n°": ("number",),
    "heure": ("time",),
    "surtitre": ("edition",),
    "edition": ("edition",),
    "chapo": ("lead",),
    "chapeau": ("lead",),
    "introduction": ("lead",),
    "intro": ("lead",),
    "accroche": ("lead",),
    "essentiel": ("essentials",),
    "l'essentiel": ("essentials",),
    "a retenir": ("essentials",),
    "messages cles": ("essentials",),
    "ce que l'on sait": ("known",),
    "ce qu'on sait": ("known",),
    "on sait": ("known",),
    "connu": ("known",),
    "ce que l'on ne sait pas": ("unknown",),
    "ce qu'on ne sait pas": ("unknown",),
    "on ne sait pas": ("unknown",),
    "inconnu": ("unknown",),
    "ce qui est fait": ("doing",),
    "actions": ("doing",),
    "etat": ("state", "status"),
    "etat des outils": ("status",),
    "statut": ("state", "status"),
    "outils": ("status",),
    "systeme": ("system",),
    "outil": ("system",),
    "application": ("system",),
    "logiciel": ("system",),
    "depuis": ("since",),
    "remarque": ("note",),
    "precision": ("note",),
    "commentaire": ("note",),
    "actualites": ("news",),
    "actus": ("news",),
    "nouvelles": ("news",),
    "articles": ("news",),
    "texte": ("body",),
    "corps": ("body",),
    "contenu": ("body",),
    "photo": ("image",),
    "illustration": ("image",),
    "legende": ("caption",),
    "a faire": ("do",),
    "consignes": ("do",),
    "a ne pas faire": ("dont",),
    "ne pas faire": ("dont",),
    "interdits": ("dont",),
    "astuces": ("tips",),
    "conseils": ("tips",),
    "bons reflexes": ("tips",),
    "questions": ("faq",),
    "questions reponses": ("faq",),
    "foire aux questions": ("faq",),
    "question": ("q",),
    "reponse": ("a",),
    "temoignages": ("testimonials",),
    "citation": ("quote",),
    "nom": ("name",),
    "fonction": ("role",),
    "role": ("role",),
    "qui appeler": ("contacts",),
    "telephone": ("phone",),
    "tel": ("phone",),
    "courriel": ("email",),
    "mail": ("email",),
    "e mail": ("email",),
    "adresse mail": ("email",),
    "prochain numero": ("next_issue",),
    "prochaine parution": ("next_issue",),
    "affiche": ("poster",),
    # the publication
    "sous titre": ("tagline",),
    "slogan": ("tagline",),
    "organisme": ("organisation",),
    "collectivite": ("organisation",),
    "langue": ("language",),
    "mise en page": ("layout",),
    "gabarit": ("layout",),
    "pied de page": ("footer",),
    "numero vert": ("hotline",),
    "permanence": ("hotline",),
    "cellule": ("hotline",),
    "libelle": ("label",),
    "horaires": ("hours",),
    # English words an English-speaking team types for the same keys
    "title": ("headline",),
    "answer": ("a",),
    "key points": ("essentials",),
    "summary": ("essentials",),
    "dos": ("do",),
    "don't": ("dont",),
    "donts": ("dont",),
    "do not": ("dont",),
    "questions and answers": ("faq",),
    "telephone number": ("phone",),
    "phone number": ("phone",),
}

# Each word as typed by someone describing a tool's state (the printed labels, `Rétabli`, are read too).
STATE_WORDS: dict[str, str] = {
    **dict.fromkeys(["en panne", "panne", "hors service", "hs", "coupe", "coupee", "arrete", "arretee"], "down"),
    **dict.fromkeys(["indisponible", "ne fonctionne pas", "inaccessible", "bloque", "bloquee"], "down"),
    **dict.fromkeys(["degrade", "degradee", "perturbe", "perturbee", "partiel", "partielle"], "degraded"),
    **dict.fromkeys(["ralenti", "ralentie", "lent", "lente", "instable"], "degraded"),
    **dict.fromkeys(["en test", "test", "tests", "en essai", "pilote", "en cours de test"], "testing"),
    **dict.fromkeys(["retabli", "retablie", "fonctionne", "operationnel", "operationnelle"], "restored"),
    **dict.fromkeys(["en service", "disponible", "restaure", "restauree", "ok", "repare", "reparee"], "restored"),
}

# The names of the publication's languages, as people write them.
LANGUAGE_WORDS = {
    **dict.fromkeys(["francais", "french", "fr fr", "fra"], "fr"),
    **dict.fromkeys(["anglais", "english", "en gb", "en us", "eng"], "en"),
}


def folded(word: str) -> str:
    """``word`` as compared: lower case, no accents, words separated by one space, ``’`` as ``'``."""
    word = unicodedata.normalize("NFD", word.strip().lower().replace("’", "'"))
    word = "".join(character for character in word if not unicodedata.combining(character))
    return re.sub(r"[\s_-]+", " ", word)


def key_for(word: str, keys: Container[str]) -> str | None:
    """The key of ``keys`` (a record's fields) that the French ``word`` names, if it names one."""
    return next((key for key in _KEYS.get(folded(word), ()) if key in keys), None)
