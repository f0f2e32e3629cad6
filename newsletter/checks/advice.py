"""Plain-language writing advice (CERC message mapping, FALC): warnings, never errors."""

from __future__ import annotations

from newsletter.errors import Problem
from newsletter.model.formats import MAX_POSTER_HEADLINE_WORDS, Issue, Publication
from newsletter.text.markup import plain

MAX_HEADLINE_WORDS = 12
MAX_INSTRUCTION_WORDS = 20
MAX_ESSENTIALS = 3


def _words(text: str) -> int:
    return len(plain(text).split())


def warn(path: tuple, message: str, hint: str) -> Problem:
    return Problem(path, message, hint, severity="warning")


def advise_publication(model: Publication) -> list[Problem]:
    if model.hotline is None:
        return [warn((), "no hotline: staff will not know whom to call", "add a `hotline:` with label and phone")]
    return []


def advise(model: Issue) -> list[Problem]:
    found = []
    if _words(model.headline) > MAX_HEADLINE_WORDS:
        found.append(
            warn(
                ("headline",),
                f"the headline has {_words(model.headline)} words; readers take in about {MAX_HEADLINE_WORDS}",
                "shorten it; move details to the lead",
            )
        )
    if len(model.essentials) > MAX_ESSENTIALS:
        found.append(
            warn(
                ("essentials",),
                f"{len(model.essentials)} key messages; people remember {MAX_ESSENTIALS} at most",
                "keep the three that matter most",
            )
        )
    for key in ("do", "dont"):
        for index, text in enumerate(getattr(model, key)):
            if _words(text) > MAX_INSTRUCTION_WORDS:
                found.append(
                    warn(
                        (key, index),
                        f"this instruction has {_words(text)} words",
                        f"keep instructions under {MAX_INSTRUCTION_WORDS} words, starting with a verb",
                    )
                )
    if model.poster and model.poster.headline and _words(model.poster.headline) > MAX_POSTER_HEADLINE_WORDS:
        found.append(
            warn(
                ("poster", "headline"),
                f"the poster headline has {_words(model.poster.headline)} words",
                f"a poster is read from two metres: {MAX_POSTER_HEADLINE_WORDS} words at most",
            )
        )
    for index, item in enumerate(model.news):
        if item.caption and not item.image:
            found.append(
                warn(
                    ("news", index, "caption"),
                    "this caption has no image: it is not printed",
                    "add the photo with `image:`, or move the text into the article's body",
                )
            )
    if model.next_issue is None:
        found.append(
            warn(
                ("number",),
                "no `next_issue` date: say when staff will hear more",
                "add a line `next_issue: YYYY-MM-DD`",
            )
        )
    return found
