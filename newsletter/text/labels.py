"""Every fixed word printed in a document, per language.

French strings already carry French typography (U+00A0 before ``: ; ! ?``, ’ for apostrophes):
they are printed as they are. Some are format strings: ``label("fr", "page").format(page=1,
pages=4)``; both languages use the same placeholders. To add a label, add its key to every
language (a test checks that the key sets match).
"""

from __future__ import annotations

from difflib import get_close_matches

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "issue_number": "N°\u00a0{number}",
        "essentials": "L’essentiel",
        "recap": "À retenir",
        "situation_known": "Ce que l’on sait",
        "situation_unknown": "Ce que l’on ne sait pas encore",
        "situation_doing": "Ce qui est fait",
        "status": "Où en sont les outils\u00a0?",
        "status_system": "Outil",
        "status_state": "État",
        "catalogue_heading": "Catalogue des numéros",
        "catalogue_number": "N°",
        "catalogue_date": "Date",
        "catalogue_headline": "Titre",
        "catalogue_pages": "Pages",
        "catalogue_correction": "version corrigée",
        "catalogue_approved": "Validé par {by}, {date}",
        "catalogue_not_approved": "Non validé",
        "status_since": "Depuis",
        "status_note": "Précisions",
        "state_down": "Arrêté",
        "state_degraded": "Perturbé",
        "state_testing": "En test",
        "state_restored": "Rétabli",
        "do": "À faire",
        "dont": "À ne pas faire",
        "news": "Actualités",
        "tips": "Conseils pratiques",
        "testimonials": "Témoignages",
        "faq": "Vos questions",
        "faq_question": "Question",
        "faq_answer": "Réponse",
        "contacts": "Contacts",
        "hotline": "Numéro d’appel",
        "next_issue": "Prochain numéro\u00a0: {date}",
        "page": "Page {page}/{pages}",
        "written_at": "Point à {time}",
        "updated": "Mis à jour le {date}",
        "phone_greeting": "Bonjour, ici «\u00a0{title}\u00a0», le point du {date}.",
        "phone_end": "Merci de votre écoute. Prochain point\u00a0: {date}.",
        "minutes": "{minutes}\u00a0min",
        "contact_phone": "Tél.",
        "contact_email": "Courriel",
        "image": "Illustration",
        "all_issues": "Tous les numéros",
        "skip_to_content": "Aller au contenu",
        "faq_all": "Toutes vos questions",
        "faq_source": "Réponse du n°\u00a0{number}, {date}",
        "phone_duration": "Durée estimée\u00a0: {duration} ({words}\u00a0mots à {rate}\u00a0mots par minute)",
        "phone_too_long": "Attention\u00a0: plus de {limit}\u00a0minutes. Beaucoup raccrochent avant la fin\u00a0: "
        "raccourcissez le message.",
        "duration": "{minutes}\u00a0min {seconds}\u00a0s",
        "phone_essentials": "Voici l’essentiel.",
        "phone_faq": "Voici les réponses à vos questions.",
        "phone_do": "Ce qu’il faut faire.",
        "phone_dont": "Ce qu’il ne faut pas faire.",
        "phone_hotline": "Pour toute question, appelez le {label} au {phone}.",
        "phone_goodbye": "Merci de votre écoute.",
        "faq_book": "Questions et réponses",
        "proof_mark": "ÉPREUVE — NE PAS DIFFUSER",
        "faq_book_as_of": "À jour du n°\u00a0{number}, {date}",
        "faq_updated": "mis à jour dans le n°\u00a0{number}",
        "faq_source_updated": "Réponse mise à jour dans le n°\u00a0{number}, {date}",
        "faq_other_questions": "Autres questions",
        "faq_index": "Index des questions",
        "phone_faq_greeting": "Bonjour, ici «\u00a0{title}\u00a0». Voici les réponses aux questions les plus "
        "fréquentes, à jour du {date}.",
    },
    "en": {
        "issue_number": "No.\u00a0{number}",
        "essentials": "Key points",
        "recap": "Remember",
        "situation_known": "What we know",
        "situation_unknown": "What we don’t know yet",
        "situation_doing": "What is being done",
        "status": "Which tools are working?",
        "status_system": "Tool",
        "status_state": "Status",
        "catalogue_heading": "Catalogue of issues",
        "catalogue_number": "No.",
        "catalogue_date": "Date",
        "catalogue_headline": "Headline",
        "catalogue_pages": "Pages",
        "catalogue_correction": "corrected version",
        "catalogue_approved": "Approved by {by}, {date}",
        "catalogue_not_approved": "Not approved",
        "status_since": "Since",
        "status_note": "Details",
        "state_down": "Down",
        "state_degraded": "Disrupted",
        "state_testing": "Testing",
        "state_restored": "Restored",
        "do": "Do",
        "dont": "Don’t",
        "news": "News",
        "tips": "Practical tips",
        "testimonials": "In their words",
        "faq": "Your questions",
        "faq_question": "Question",
        "faq_answer": "Answer",
        "contacts": "Contacts",
        "hotline": "Helpline",
        "next_issue": "Next issue: {date}",
        "page": "Page {page} of {pages}",
        "written_at": "As of {time}",
        "updated": "Updated {date}",
        "phone_greeting": "Hello, this is “{title}”, the update of {date}.",
        "phone_end": "Thank you for listening. Next update: {date}.",
        "minutes": "{minutes}\u00a0min",
        "contact_phone": "Tel.",
        "contact_email": "Email",
        "image": "Image",
        "all_issues": "All issues",
        "skip_to_content": "Skip to content",
        "faq_all": "All your questions",
        "faq_source": "Answer from issue No.\u00a0{number}, {date}",
        "phone_duration": "Estimated duration: {duration} ({words} words at {rate} words a minute)",
        "phone_too_long": "Warning: over {limit} minutes. Many callers hang up before the end: shorten the message.",
        "duration": "{minutes}\u00a0min {seconds}\u00a0s",
        "phone_essentials": "Here are the key points.",
        "phone_faq": "Here are the answers to your questions.",
        "phone_do": "What to do.",
        "phone_dont": "What not to do.",
        "phone_hotline": "For any question, call {label} on {phone}.",
        "phone_goodbye": "Thank you for listening.",
        "faq_book": "Questions and answers",
        "proof_mark": "PROOF — DO NOT DISTRIBUTE",
        "faq_book_as_of": "Up to date with issue No.\u00a0{number}, {date}",
        "faq_updated": "updated in issue No.\u00a0{number}",
        "faq_source_updated": "Answer updated in issue No.\u00a0{number}, {date}",
        "faq_other_questions": "Other questions",
        "faq_index": "Index of questions",
        "phone_faq_greeting": "Hello, this is “{title}”. Here are the answers to the most frequent questions, "
        "as of {date}.",
    },
}


def label(lang: str, key: str) -> str:
    """The fixed text ``key`` in ``lang``; a typo in a key fails loudly rather than printing nothing."""
    try:
        labels = LABELS[lang]
    except KeyError:
        raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(LABELS)}") from None
    try:
        return labels[key]
    except KeyError:
        close = get_close_matches(key, labels, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise KeyError(f"no label {key!r} for language {lang!r}{hint}") from None
