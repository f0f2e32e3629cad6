"""Plain-language writing advice (CERC message mapping, FALC): warnings, never errors."""

from __future__ import annotations

from newsletter.errors import Problem
from newsletter.i18n import _
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
        return [warn((), _("no hotline: staff will not know whom to call"), _("add a `hotline:` with label and phone"))]
    return []


def advise(model: Issue) -> list[Problem]:
    found = []
    if _words(model.headline) > MAX_HEADLINE_WORDS:
        found.append(
            warn(
                ("headline",),
                _(
                    "the headline has {count} words; readers take in about {most}",
                    count=_words(model.headline),
                    most=MAX_HEADLINE_WORDS,
                ),
                _("shorten it; move details to the lead"),
            )
        )
    if len(model.essentials) > MAX_ESSENTIALS:
        found.append(
            warn(
                ("essentials",),
                _(
                    "{count} key messages; people remember {most} at most",
                    count=len(model.essentials),
                    most=MAX_ESSENTIALS,
                ),
                _("keep the three that matter most"),
            )
        )
    for key in ("do", "dont"):
        for index, text in enumerate(getattr(model, key)):
            if _words(text) > MAX_INSTRUCTION_WORDS:
                found.append(
                    warn(
                        (key, index),
                        _("this instruction has {count} words", count=_words(text)),
                        _("keep instructions under {most} words, starting with a verb", most=MAX_INSTRUCTION_WORDS),
                    )
                )
    if model.poster and model.poster.headline and _words(model.poster.headline) > MAX_POSTER_HEADLINE_WORDS:
        found.append(
            warn(
                ("poster", "headline"),
                _("the poster headline has {count} words", count=_words(model.poster.headline)),
                _("a poster is read from two metres: {most} words at most", most=MAX_POSTER_HEADLINE_WORDS),
            )
        )
    for index, item in enumerate(model.news):
        if item.caption and not item.image:
            found.append(
                warn(
                    ("news", index, "caption"),
                    _("this caption has no image: it is not printed"),
                    _("add the photo with `image:`, or move the text into the article's body"),
                )
            )
    if model.next_issue is None:
        found.append(
            warn(
                ("next_issue",),  # at its line when it is there but empty, else at the file's first key
                _("no `next_issue` date: say when staff will hear more"),
                _("add a line `next_issue: YYYY-MM-DD`"),
            )
        )
    return found
