"""The file formats users write: one declaration each, used for validation, messages and the JSON Schema.

Every value arrives as text (see ``yamlreader``); the types below turn that text into numbers and
dates themselves, so that ``0241054000`` or ``12:30`` can never be reinterpreted by YAML.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from .typography import normalize

STATES = ("down", "degraded", "testing", "restored")
LANGUAGES = ("fr", "en")


def _require_text(what: str):
    """Refuse blank text, and a key left with nothing after it (``a:``), with the same message; text made
    only of invisible characters (a zero-width space) is blank too, since they are not printed."""

    def check(value: Any) -> Any:
        if value is None or _blank(value):
            raise PydanticCustomError("empty_text", f"this {what} is empty")
        return value

    return BeforeValidator(check)


def _blank(value: Any) -> bool:
    return isinstance(value, str) and not normalize(value).strip()


def _absent_if_blank(value: Any) -> Any:
    """An optional text left blank (or made only of invisible characters) is as if it were absent:
    there is nothing to print, and no renderer should draw an empty title or box for it."""
    return None if _blank(value) else value


def _parse_positive_int(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"[0-9]+", text) or int(text) == 0:
            raise PydanticCustomError(
                "positive_number", "expected a whole number above zero, like 3; found {found}",
                {"found": repr(value)},
            )
        return int(text)
    return value


def _parse_date(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = value.strip()
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text)
    if not match:
        raise PydanticCustomError(
            "date_format", "expected a date written YYYY-MM-DD, like 2021-02-05; found {found}",
            {"found": repr(value)},
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "date_impossible", "{found} is not a date on the calendar (check the month and day)",
            {"found": text},
        ) from None


def _parse_time(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        match = re.fullmatch(r"([01]?[0-9]|2[0-3])[:hH]([0-5][0-9])", text)
        if not match:
            raise PydanticCustomError(
                "time_format", "expected a time written HH:MM, like 17:30; found {found}",
                {"found": repr(value)},
            )
        return f"{int(match.group(1)):02d}:{match.group(2)}"
    return value


def _tip_from_text(value: Any) -> Any:
    return {"body": value} if isinstance(value, str) else value


@dataclass(frozen=True)
class SchemaHint:
    """What the JSON Schema should say about a value that a before-validator reads: never validates.

    Validators here read text, so the declared type does not tell editors what is accepted: add the
    bounds of a number, the pattern of a text, or (``or_text``) that a group may also be written
    as plain text.
    """

    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    or_text: bool = False

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        generated = handler(schema)
        if self.or_text:
            generated = {"anyOf": [generated, handler(core_schema.str_schema())]}
        hints = {"minimum": self.minimum, "maximum": self.maximum, "pattern": self.pattern}
        return {**generated, **{key: value for key, value in hints.items() if value is not None}}


Text = Annotated[str, _require_text("text")]
OptionalText = Annotated[str | None, BeforeValidator(_absent_if_blank)]
PositiveInt = Annotated[int, BeforeValidator(_parse_positive_int), SchemaHint(minimum=1)]
Date = Annotated[_dt.date, BeforeValidator(_parse_date)]
Time = Annotated[str, BeforeValidator(_parse_time), SchemaHint(pattern=r"^\s*([01]?[0-9]|2[0-3])[:hH][0-5][0-9]\s*$")]


class Strict(BaseModel):
    """Base of every format: unknown keys are errors (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Hotline(Strict):
    label: Text = Field(description="What the number is for, e.g. 'Cellule d'information des agents'.")
    phone: Text = Field(description="The number, kept exactly as typed and printed in pairs.")
    hours: OptionalText = Field(None, description="When someone answers, e.g. 'du lundi au vendredi, 8 h 30 – 17 h 30'.")


class Contact(Strict):
    name: Annotated[str, _require_text("name")] = Field(description="Person or service to call.")
    role: OptionalText = Field(None, description="What they handle.")
    phone: OptionalText = Field(None, description="Telephone number, kept exactly as typed.")
    email: OptionalText = Field(None, description="E-mail address.")


class Publication(Strict):
    title: Text = Field(description="The journal's name, printed in the masthead.")
    tagline: OptionalText = Field(None, description="Line under the title, e.g. 'Journal interne des agents'.")
    organisation: OptionalText = Field(None, description="Who publishes it; also the PDF's author.")
    language: Literal["fr", "en"] = Field("fr", description="Labels, date format and typography: fr or en.")
    layout: str = Field("journal-a4", description="Default layout name, e.g. journal-a4.")
    logo: OptionalText = Field(None, description="PNG or JPEG file, path relative to this file.")
    hotline: Hotline | None = Field(None, description="Number shown on every issue and poster.")
    footer: OptionalText = Field(None, description="A line printed on every page.")
    contacts: list[Contact] = Field(default_factory=list, description="Used when an issue has no contacts of its own.")


class Situation(Strict):
    known: list[Text] = Field(default_factory=list, description="What is known.")
    unknown: list[Text] = Field(default_factory=list, description="What is not known yet.")
    doing: list[Text] = Field(default_factory=list, description="What is being done.")


class SystemStatus(Strict):
    system: Annotated[str, _require_text("system name")] = Field(description="Tool or service, e.g. 'Messagerie'.")
    state: Literal["down", "degraded", "testing", "restored"] = Field(
        description="One of: down, degraded, testing, restored."
    )
    since: OptionalText = Field(None, description="Since when, as text: '8 février' or '2021-02-08'.")
    note: OptionalText = Field(None, description="A short precision.")


class NewsItem(Strict):
    title: Annotated[str, _require_text("title")] = Field(description="Title of the article.")
    body: Annotated[str, _require_text("article")] = Field(description="Text of the article (markup allowed).")
    image: OptionalText = Field(None, description="PNG or JPEG file, path relative to the issue file.")
    caption: OptionalText = Field(None, description="Caption under the image.")


class Tip(Strict):
    title: OptionalText = Field(None, description="Short title of the tip.")
    body: Annotated[str, _require_text("tip")] = Field(description="The tip itself.")


class Question(Strict):
    q: Annotated[str, _require_text("question")] = Field(description="The question, as staff ask it.")
    a: Annotated[str, _require_text("answer")] = Field(description="The answer (markup allowed).")


class Testimonial(Strict):
    quote: Annotated[str, _require_text("quote")] = Field(description="What the person said.")
    name: Annotated[str, _require_text("name")] = Field(description="Who said it.")
    role: OptionalText = Field(None, description="Their job or service.")


class Poster(Strict):
    headline: Text | None = Field(None, description="Short poster headline (7 words at most).")
    do: list[Text] = Field(default_factory=list, description="Short instructions to follow.")
    dont: list[Text] = Field(default_factory=list, description="Short instructions: what not to do.")


class Issue(Strict):
    number: PositiveInt = Field(description="Issue number: a whole number, unique in the folder.")
    date: Date = Field(description="Date of the issue, YYYY-MM-DD.")
    time: Time | None = Field(None, description="Time of writing, HH:MM.")
    headline: Annotated[str, _require_text("headline")] = Field(description="The main title.")
    edition: OptionalText = Field(None, description="Kicker above the headline, e.g. 'Spécial cyberattaque — étape 3'.")
    lead: OptionalText = Field(None, description="Standfirst paragraph under the headline.")
    essentials: list[Text] = Field(default_factory=list, description="Up to three key messages.")
    situation: Situation | None = Field(None, description="What is known, not yet known, and being done.")
    status: list[SystemStatus] = Field(default_factory=list, description="State of each tool or service.")
    news: list[NewsItem] = Field(default_factory=list, description="Articles.")
    do: list[Text] = Field(default_factory=list, description="Instructions: what to do (start with a verb).")
    dont: list[Text] = Field(default_factory=list, description="Instructions: what not to do.")
    tips: list[Annotated[Tip, BeforeValidator(_tip_from_text), SchemaHint(or_text=True)]] = Field(
        default_factory=list, description="Practical tips: plain text or {title, body}."
    )
    faq: list[Question] = Field(default_factory=list, description="Questions and answers.")
    testimonials: list[Testimonial] = Field(default_factory=list, description="Quotes from staff.")
    contacts: list[Contact] | None = Field(None, description="Replaces the publication's contacts for this issue.")
    next_issue: Date | None = Field(None, description="Date of the next issue, YYYY-MM-DD.")
    poster: Poster | None = Field(None, description="Shorter text for posters.")
