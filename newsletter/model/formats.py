"""The file formats users write: one declaration each, used for validation, messages and the JSON Schema.

Every value arrives as text (see ``newsletter.read``); the types below turn that text into numbers and
dates themselves, so that ``0241054000`` or ``12:30`` can never be reinterpreted by YAML.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import Any

from newsletter.errors import Loc, Problem
from newsletter.i18n import N_, _
from newsletter.model.declare import Group, Record, field
from newsletter.model.french import LANGUAGE_WORDS, STATE_WORDS
from newsletter.model.kinds import DIGITS_PATTERN, FAILED, Boolean, Choice, ListOf, Nullable, Text
from newsletter.text.labels import label

LANGUAGES = ("fr", "en")
STATES = ("down", "degraded", "testing", "restored")
# What each state prints as (`Rétabli`, `Disrupted`): the word a user may write instead.
PRINTED_STATES = {label(lang, f"state_{state}"): state for lang in LANGUAGES for state in STATES}
STATE_MEANINGS = {**PRINTED_STATES, **STATE_WORDS}  # and the French words for them (model/french.py)


class PositiveNumber(Text):
    """A whole number above zero, typed as digits (``number: 3``; ``010`` is 10)."""

    def __init__(self) -> None:
        super().__init__(blank="text")

    def convert(self, text: str, loc: Loc, problems: list[Problem]) -> Any:
        digits = text.strip()
        if re.fullmatch(r"[0-9]+", digits) and int(digits) > 0:
            return int(digits)
        problems.append(self.mismatch(loc, repr(text)))
        return FAILED

    def mismatch(self, loc: Loc, found: str) -> Problem:
        return Problem(
            loc,
            _("expected a whole number above zero, like 3; found {found}", found=found),
            _("write the issue number as digits only, e.g. number: 3"),
        )

    def schema(self, defs: dict[str, dict]) -> dict:
        return {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": DIGITS_PATTERN}], "minimum": 1}


class Date(Text):
    """A date written YYYY-MM-DD, and on the calendar."""

    def __init__(self) -> None:
        super().__init__(blank="text")

    def convert(self, text: str, loc: Loc, problems: list[Problem]) -> Any:
        match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text.strip())
        if not match:
            problems.append(self.mismatch(loc, repr(text)))
            return FAILED
        year, month, day = (int(part) for part in match.groups())
        try:
            return _dt.date(year, month, day)
        except ValueError:
            problems.append(self.not_on_calendar(loc, text.strip(), year, month))
            return FAILED

    @staticmethod
    def not_on_calendar(loc: Loc, date: str, year: int, month: int) -> Problem:
        """The problem of a date written right whose month or day does not exist: which one, and the fix."""
        if year == 0:
            return Problem(
                loc,
                _("{date} is not a date on the calendar: there is no year 0000", date=date),
                _("write the year in four digits, e.g. 2021-02-05"),
            )
        if not 1 <= month <= 12:
            return Problem(
                loc,
                _("{date} is not a date on the calendar: there is no month {month:02d}", date=date, month=month),
                _("write the month between the dashes, from 01 to 12: year-month-day, e.g. 2021-02-05"),
            )
        days = calendar.monthrange(year, month)[1]
        return Problem(
            loc,
            _(
                "{date} is not a date on the calendar: month {month:02d} has {days} days",
                date=date,
                month=month,
                days=days,
            ),
            _("write the day after the last dash, from 01 to {days}", days=days),
        )

    def mismatch(self, loc: Loc, found: str) -> Problem:
        return Problem(
            loc,
            _("expected a date written YYYY-MM-DD, like 2021-02-05; found {found}", found=found),
            _("write the date as year-month-day, e.g. 2021-02-05"),
        )

    def schema(self, defs: dict[str, dict]) -> dict:
        return {"format": "date", "type": "string"}


class Time(Text):
    """A time of day, HH:MM (``17h30`` and ``9:05`` too), kept as ``17:30``."""

    def __init__(self) -> None:
        super().__init__(blank="text", pattern=r"^\s*([01]?[0-9]|2[0-3])[:hH][0-5][0-9]\s*$")

    def convert(self, text: str, loc: Loc, problems: list[Problem]) -> Any:
        match = re.fullmatch(r"([01]?[0-9]|2[0-3])[:hH]([0-5][0-9])", text.strip())
        if not match:
            problems.append(self.mismatch(loc, repr(text)))
            return FAILED
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    def mismatch(self, loc: Loc, found: str) -> Problem:
        return Problem(
            loc,
            _("expected a time written HH:MM, like 17:30; found {found}", found=found),
            _('write the time as hours:minutes in quotes, e.g. "17:30"'),
        )


class TipOrText(Group):
    """A tip as a group (title, body), or as plain text (its body)."""

    def read(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        return super().read({"body": value} if isinstance(value, str) else value, loc, problems)

    def schema(self, defs: dict[str, dict]) -> dict:
        return {"anyOf": [super().schema(defs), Text().schema(defs)]}


TEXT = Text()
OPTIONAL_TEXT = Text(blank="absent")
TEXTS = ListOf(TEXT)


class Hotline(Record):
    label: str = field(TEXT, "What the number is for, e.g. 'Cellule d'information des agents'.")
    phone: str = field(TEXT, "The number, kept exactly as typed and printed in pairs.")
    hours: str | None = field(
        OPTIONAL_TEXT, "When someone answers, e.g. 'du lundi au vendredi, 8 h 30 – 17 h 30'.", None
    )


class Contact(Record):
    name: str = field(Text(N_("name")), "Person or service to call.")
    role: str | None = field(OPTIONAL_TEXT, "What they handle.", None)
    phone: str | None = field(OPTIONAL_TEXT, "Telephone number, kept exactly as typed.", None)
    email: str | None = field(OPTIONAL_TEXT, "E-mail address.", None)


class Publication(Record):
    title: str = field(TEXT, "The journal's name, printed in the masthead.")
    tagline: str | None = field(OPTIONAL_TEXT, "Line under the title, e.g. 'Journal interne des agents'.", None)
    organisation: str | None = field(OPTIONAL_TEXT, "Who publishes it; also the PDF's author.", None)
    language: str = field(
        Choice(*LANGUAGES, meaning=LANGUAGE_WORDS, mended=True), "Labels, date format and typography: fr or en.", "fr"
    )
    layout: str = field(Text(blank="text"), "Default layout name, e.g. journal-a4.", "journal-a4")
    logo: str | None = field(OPTIONAL_TEXT, "PNG or JPEG file, path relative to this file.", None)
    hotline: Hotline | None = field(Nullable(Group(Hotline)), "Number shown on every issue and poster.", None)
    footer: str | None = field(OPTIONAL_TEXT, "A line printed on every page of the journal.", None)
    poster_footer: str | None = field(
        OPTIONAL_TEXT, "A line printed at the foot of posters (none by default: `footer` is not).", None
    )
    contacts: list[Contact] = field(
        ListOf(Group(Contact)), "Used when an issue has no contacts of its own.", factory=list
    )


class Situation(Record):
    known: list[str] = field(TEXTS, "What is known.", factory=list)
    unknown: list[str] = field(TEXTS, "What is not known yet.", factory=list)
    doing: list[str] = field(TEXTS, "What is being done.", factory=list)


class SystemStatus(Record):
    system: str = field(Text(N_("system name")), "Tool or service, e.g. 'Messagerie'.")
    state: str = field(Choice(*STATES, meaning=STATE_MEANINGS), "One of: down, degraded, testing, restored.")
    since: str | None = field(OPTIONAL_TEXT, "Since when, as text: '8 février' or '2021-02-08'.", None)
    note: str | None = field(OPTIONAL_TEXT, "A short precision.", None)


class NewsItem(Record):
    title: str = field(Text(N_("title")), "Title of the article.")
    body: str = field(Text(N_("article")), "Text of the article (markup allowed).")
    image: str | None = field(OPTIONAL_TEXT, "PNG or JPEG file, path relative to the issue file.", None)
    caption: str | None = field(OPTIONAL_TEXT, "Caption under the image.", None)


class Tip(Record):
    title: str | None = field(OPTIONAL_TEXT, "Short title of the tip.", None)
    body: str = field(Text(N_("tip")), "The tip itself.")


class Question(Record):
    q: str = field(Text(N_("question")), "The question, as staff ask it.")
    a: str = field(Text(N_("answer")), "The answer (markup allowed).")
    id: str | None = field(
        OPTIONAL_TEXT, "Names the question across issues (the FAQ book matches by it, else by wording).", None
    )
    theme: str | None = field(OPTIONAL_TEXT, "Groups questions in the FAQ book, e.g. 'Paie et congés'.", None)
    retired: bool = field(Boolean(), "yes: the question no longer applies and leaves the FAQ book.", False)


class Testimonial(Record):
    quote: str = field(Text(N_("quote")), "What the person said.")
    name: str = field(Text(N_("name")), "Who said it.")
    role: str | None = field(OPTIONAL_TEXT, "Their job or service.", None)


class Approval(Record):
    by: str = field(Text("name"), "Who approved the issue for distribution, e.g. 'Claire Dubois, DGS'.")
    on: _dt.date = field(Date(), "The day they approved it, YYYY-MM-DD.")


MAX_POSTER_HEADLINE_WORDS = 7  # a poster is read from two metres


class Poster(Record):
    headline: str | None = field(Nullable(TEXT), "Short poster headline (7 words at most).", None)
    do: list[str] = field(TEXTS, "Short instructions to follow.", factory=list)
    dont: list[str] = field(TEXTS, "Short instructions: what not to do.", factory=list)


class Issue(Record):
    number: int = field(PositiveNumber(), "Issue number: a whole number, unique in the folder.")
    date: _dt.date = field(Date(), "Date of the issue, YYYY-MM-DD.")
    time: str | None = field(Nullable(Time()), "Time of writing, HH:MM.", None)
    headline: str = field(Text(N_("headline")), "The main title.")
    edition: str | None = field(
        OPTIONAL_TEXT, "Kicker above the headline, e.g. 'Spécial cyberattaque — étape 3'.", None
    )
    lead: str | None = field(OPTIONAL_TEXT, "Standfirst paragraph under the headline.", None)
    essentials: list[str] = field(TEXTS, "Up to three key messages.", factory=list)
    situation: Situation | None = field(
        Nullable(Group(Situation)), "What is known, not yet known, and being done.", None
    )
    status: list[SystemStatus] = field(ListOf(Group(SystemStatus)), "State of each tool or service.", factory=list)
    news: list[NewsItem] = field(ListOf(Group(NewsItem)), "Articles.", factory=list)
    do: list[str] = field(TEXTS, "Instructions: what to do (start with a verb).", factory=list)
    dont: list[str] = field(TEXTS, "Instructions: what not to do.", factory=list)
    tips: list[Tip] = field(ListOf(TipOrText(Tip)), "Practical tips: plain text or {title, body}.", factory=list)
    faq: list[Question] = field(ListOf(Group(Question)), "Questions and answers.", factory=list)
    testimonials: list[Testimonial] = field(ListOf(Group(Testimonial)), "Quotes from staff.", factory=list)
    contacts: list[Contact] | None = field(
        Nullable(ListOf(Group(Contact))), "Replaces the publication's contacts for this issue.", None
    )
    next_issue: _dt.date | None = field(Nullable(Date()), "Date of the next issue, YYYY-MM-DD.", None)
    poster: Poster | None = field(Nullable(Group(Poster)), "Shorter text for posters.", None)
    draft: bool = field(
        Boolean(), "yes: still being written; check, build and archive of the whole workspace leave it out.", False
    )
    approved: Approval | None = field(
        Nullable(Group(Approval)), "The sign-off before distribution (by, on); the archive records it.", None
    )
