"""A small series whose FAQ exercises the book: a question reworded under one `id:`, an answer changed,
a question asked again in other spaces and case, one retired, themes given once."""

from __future__ import annotations

from conftest import issue

FAQ_SERIES = {
    "001.yaml": issue(1, "2021-02-05") + "faq:\n"
    "  - q: Ma paie sera-t-elle versée ?\n    id: paie\n    theme: Paie et congés\n    a: Oui, le 25 février.\n"
    "  - q: Dois-je venir lundi ?\n    a: Oui, à 9 h.\n"
    "  - q: Puis-je badger ?\n    a: Non, signez la feuille.\n",
    "002.yaml": issue(2, "2021-02-12", "La messagerie revient") + "faq:\n"
    "  - q: Serai-je payé en février ?\n    id: paie\n    a: Oui, le 25 février.\n"
    "  - q: dois-je  venir LUNDI?\n    a: Non, restez chez vous.\n    theme: Organisation\n",
    "003.yaml": issue(3, "2021-02-19", "Les postes reviennent") + "faq:\n"
    "  - q: Puis-je badger ?\n    a: Oui, la badgeuse fonctionne.\n    retired: yes\n",
}


def write_series(workspace) -> None:
    for name, text in FAQ_SERIES.items():
        workspace.write(name, text)
