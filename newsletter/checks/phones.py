"""Phone numbers that cannot be dialled: a digit missing or extra is printed on every poster otherwise.

Each number typed in a `phone` field (the hotline, the contacts of the publication and of an issue) is
checked for the publication's language:

- ``fr``: ten digits starting with 0 (``02 41 05 40 00``), ``+33`` and nine digits, a short number
  (15, 17, 18, 112, 114, 115, 119, 116 000, 3919, 3114 and the other 3xxx services), or a foreign
  number written with its ``+`` country code. Anything else is an error.
- ``en``: a UK number (eleven digits starting with 0, ``+44`` and ten digits, 999, 111, 101 …) or a
  North American one (ten digits, ``+1`` or ``1`` and ten digits, 911, 988 …), or any number with its
  ``+`` country code. Other numbers are printed as typed, with a warning: conventions vary too much
  to call them wrong.

In French texts, a number written in pairs (``02 41 05 40``) is checked too: pairs are how French
numbers are written, so a run of pairs starting with 0 that is not ten digits long lost or gained one.
An extension may follow a number (``02 61 91 40 00 poste 12``).
"""

from __future__ import annotations

import re
from typing import Any

from newsletter.checks.placeholders import holds_placeholder
from newsletter.errors import Problem, Severity
from newsletter.i18n import _, ngettext
from newsletter.read.texts import walk_text

FRENCH_SHORT = frozenset({"15", "17", "18", "112", "114", "115", "119", "116000", "116006", "116111", "116117"})
UK_SHORT = frozenset({"999", "112", "111", "101", "105", "116123", "116111", "116117"})
US_SHORT = frozenset({"911", "988", "211", "311", "411", "511", "711", "811"})

_SEPARATORS = re.compile(r"[\s\u00a0\u202f.\-/()]")
_EXTENSION = re.compile(r"\s*(?:,|;)?\s*(?:poste|p\.|ext\.?|extension|x)\s*\d{1,6}\s*$", re.IGNORECASE)
# In a French text: a run of at least three digit pairs starting with 0 (``02 41 05 40``), maybe
# ending with a shorter or longer group (``02 41 05 40 0``); the groups are joined by one separator,
# never by a comma (``2, 4 et 6`` is not a number).
_PAIRS_IN_TEXT = re.compile(r"(?<![\w+.,/\-])0[1-9](?:[ \u00a0.\-]\d\d){2,}(?:[ \u00a0.\-]\d{1,3})?(?![\w.,]?\d)")

EXAMPLE = {"fr": "02 41 05 40 00", "en": "020 7946 0958"}


def phone_problems(data: Any, lang: str) -> list[Problem]:
    """The numbers of a file's `phone` fields (its text tree: ``data``), and in French of its texts,
    that cannot be dialled, in the order they were typed."""
    found = []
    for path, text in walk_text(data):
        if path[-1:] == ("phone",):
            if holds_placeholder(text):  # said by the placeholders' check
                continue
            if (problem := _field_problem(text, lang)) is not None:
                message, hint, severity = problem
                found.append(Problem(path, message, hint, severity=severity))
        elif lang == "fr":
            for match in _PAIRS_IN_TEXT.finditer(text):
                count = sum(character.isdecimal() for character in match.group())
                if count != 10:
                    message, hint, _ = _french_wrong_length(match.group(), count)
                    found.append(Problem(path, message, hint, typed=match.group()))
    return found


def _field_problem(number: str, lang: str) -> tuple[str, str, Severity] | None:
    typed = _EXTENSION.sub("", number).replace("(0)", "").strip()  # +33 (0)2…: the 0 is not dialled
    digits = _SEPARATORS.sub("", typed)
    if digits.startswith("00") and len(digits) > 10:  # 0033 …: the + dialled from a French line
        digits = "+" + digits[2:]
    if digits.startswith("+") and digits[1:].isdecimal() and 8 <= len(digits) - 1 <= 15:
        country = digits[1:]
        if lang == "fr" and country.startswith("33") and len(country) != 11:
            return _french_wrong_length(number, len(country) - 2, international=True)
        if lang == "en" and country.startswith("44") and len(country) != 12:
            return _english_unsure(number)
        return None
    if not digits.isdecimal():
        return (
            _(
                "{number} is not a phone number: only digits, spaces, dots and a leading + belong in a number",
                number=repr(number.strip()),
            ),
            _(
                "type the number alone, like {example}; put other words in the contact's role or the hotline's label",
                example=EXAMPLE[lang],
            ),
            "error",
        )
    if lang == "fr":
        if (len(digits) == 10 and digits[0] == "0" and digits[1] != "0") or digits in FRENCH_SHORT:
            return None
        if len(digits) == 4 and digits[0] == "3":  # 3919, 3114, 3975: national service numbers
            return None
        return _french_wrong_length(number, len(digits))
    if _is_english(digits):
        return None
    return _english_unsure(number)


def _is_english(digits: str) -> bool:
    uk = len(digits) == 11 and digits[0] == "0" and digits[1] != "0"
    north_american = len(digits) == 10 and digits[0] in "23456789" and digits[3] in "23456789"
    with_one = len(digits) == 11 and digits[0] == "1" and _is_english(digits[1:])
    return uk or north_american or with_one or digits in UK_SHORT | US_SHORT


def _french_wrong_length(number: str, count: int, international: bool = False) -> tuple[str, str, Severity]:
    typed = repr(number.strip())
    if international:
        message = ngettext(
            "{number} has {count} digit after +33: a French number has 9 there (like +33 2 41 05 40 00)",
            "{number} has {count} digits after +33: a French number has 9 there (like +33 2 41 05 40 00)",
            count,
            number=typed,
        )
    else:
        message = ngettext(
            "{number} has {count} digit: a French number has 10 digits starting with 0 (like 02 41 05 40 00)",
            "{number} has {count} digits: a French number has 10 digits starting with 0 (like 02 41 05 40 00)",
            count,
            number=typed,
        )
    hint = _(
        "check the number and type it in full; short numbers (15, 17, 18, 112, 114, 115, 119, 3919, 3114) "
        "and numbers from abroad with their + country code are accepted too"
    )
    return message, hint, "error"


def _english_unsure(number: str) -> tuple[str, str, Severity]:
    return (
        _(
            "{number} is neither a UK number (11 digits starting with 0) nor a North American one (10 digits): "
            "it is printed as typed",
            number=repr(number.strip()),
        ),
        _("check it; write a number from elsewhere with its + country code, like +33 2 41 05 40 00"),
        "warning",
    )
