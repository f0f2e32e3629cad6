"""Typography for printed text: French rules, clean characters, dates, times and phone numbers.

Everything here returns text ready for reportlab. Reportlab breaks lines at any Unicode space
except U+00A0 (it even breaks at the narrow no-break space U+202F), so every no-break space
:func:`apply` emits is U+00A0; the PDF turns the one before ``; ! ?`` into a narrow no-break space
itself (:func:`fine_spaces`), as the other formats have no use for it.

Rules are idempotent (``apply(apply(t)) == apply(t)``) and never raise. They are regular
expressions compiled once, at their first use; most start with the character they are about and check what
precedes it with a lookbehind placed after it, which lets the regex engine skip ahead quickly
(50 KB of text in a few milliseconds).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from functools import cache

NBSP = "\u00a0"
LANGUAGES = ("fr", "en")

_SPACE = "[ \u00a0]"  # a space as the rules see it: typed, or already made unbreakable


def _check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(LANGUAGES)}")


def _unglued(first: str, before: str) -> str:
    """Pattern for the one-character ``first`` when not preceded by ``before``."""
    return rf"{first}(?<!{before}{first})"


# --- normalize ---------------------------------------------------------------------------------

_REPLACEMENTS = {
    # invisible characters: zero-width space, non-joiner and joiner, word joiner, BOM, soft
    # hyphen, bidi marks, embeddings, overrides and isolates; the noncharacters the PDF uses inside
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\ufdd0\ufdd1", ""),
    **dict.fromkeys("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", ""),
    # no-break spaces reportlab would break at
    "\u202f": NBSP,
    "\u2007": NBSP,
    # breakable spaces anyway: as plain spaces the rules see them
    **dict.fromkeys("\t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000", " "),
}
_ODD_CHARACTER = re.compile("[" + "".join(_REPLACEMENTS) + "]")
_SPACE_RUN = re.compile(_SPACE + "{2,}")


def normalize(text: str) -> str:
    """Characters that print reliably: composed accents, no invisible marks, one space at a time.

    Invisible characters turn into boxes or stray breaks in a PDF; U+202F and U+2007 become
    U+00A0, the only no-break space reportlab honours; a run of spaces holding a no-break space
    stays unbreakable. Newlines are kept: the markup relies on them.
    """
    text = _ODD_CHARACTER.sub(lambda m: _REPLACEMENTS[m.group()], text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _SPACE_RUN.sub(lambda m: NBSP if NBSP in m.group() else " ", text)


# --- numbers and phone numbers -----------------------------------------------------------------

_UNITS = "%|€|\\$|°C|min|km²|km|kg|m²|m|s|h|Go|Mo|Ko|ans"
_NUMBER_START = _unglued(r"\d", r"[\w.,]")  # the first digit of a number, not of "v2" or "1,5"
# "0241054000 h" or "14h30 15 h" is a quantity: no phone number, no minutes there
_NO_UNIT_AFTER = rf"(?!{_SPACE}?(?:{_UNITS}|H)(?![\w'’]))"

_SEP = "[ \u00a0.\\-]"  # what people type between the digit groups of a phone number
_PAIRS = rf"(?P<sep>{_SEP}?)\d{{2}}(?:(?P=sep)\d{{2}}){{3}}"  # four pairs, one separator throughout
# the first character of a phone number, not glued to a word or another number
_PLUS, _ZERO, _PHONE_START = (_unglued(first, r"[\w+]") for first in (r"\+", "0", "[+(0]"))
_NOT_LONGER = rf"(?!\w)(?![.\-]\d){_NO_UNIT_AFTER}"  # no digit, letter, ".12" or "-12" glued after
_FR_INTERNATIONAL = re.compile(rf"{_PLUS}33{_SEP}?(?P<trunk>\(0\){_SEP}?)?(?P<number>[1-9]{_PAIRS}){_NOT_LONGER}")
_FR_NATIONAL = re.compile(rf"(?P<number>{_ZERO}(?<!\d[.\-]0)[1-9]{_PAIRS}){_NOT_LONGER}")
# Any other run of digit groups that starts like a phone number: "+44 20", "(555) 123", "020 79".
_PHONE_LIKE = re.compile(
    rf"{_PHONE_START}(?:(?<=\+)\d{{1,3}}|(?<=\()\d{{1,5}}\)\d{{0,5}}|(?<=0)\d{{0,4}})"
    rf"(?:{_SEP}?\(\d{{1,5}}\)\d{{0,5}}|{_SEP}\d{{1,5}})+(?!\w){_NO_UNIT_AFTER}"
)
_NON_DIGIT = re.compile(r"\D")


def _french_phone(match: re.Match[str]) -> str:
    """Digits of a French number in the usual pairs (``02 41 05 40 00``), joined by NBSP."""
    digits = _NON_DIGIT.sub("", match.group("number"))
    head = []
    if match.re is _FR_INTERNATIONAL:
        trunk = (match.group("trunk") or "").rstrip(" \u00a0.-")  # "(0)", kept as typed
        head, digits = ["+33", trunk + digits[0]], digits[1:]
    return NBSP.join(head + [digits[i : i + 2] for i in range(0, len(digits), 2)])


def _unbreakable_phone(match: re.Match[str]) -> str:
    """A phone-sized run of digit groups, as typed but on one line."""
    text = match.group()
    if 8 <= sum(c.isdigit() for c in text) <= 15:
        return text.replace(" ", NBSP)
    return text


def format_phone(number: str, lang: str) -> str:
    """A phone field as printed: French numbers in pairs, anything else never broken.

    French numbers get their pairs in both languages (it is how they are read and dialled);
    digits are never added, dropped or reordered.
    """
    _check_language(lang)
    text = normalize(number).strip()
    for pattern in (_FR_INTERNATIONAL, _FR_NATIONAL):
        match = pattern.fullmatch(text)
        if match:
            return _french_phone(match)
    return text.replace(" ", NBSP)


# --- rules -------------------------------------------------------------------------------------

_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]

# URLs and e-mail addresses are set aside while rules run: "https://x.fr/17h" stays as typed.
_URL = r"(?:https?://|mailto:|www\.)[^\s\"«»“”<>]*[^\s\"«»“”<>.,;:!?)\]'’…]"
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_URLS = re.compile(_URL)
_URLS_AND_EMAILS = re.compile(f"{_URL}|{_EMAIL}")
_HOLD = "\ufeff"  # stands for a protected run; normalize() removes it, so the text never has one

_OPENING_QUOTE = _unglued('"', r"\w")
_NUMERO_N = _unglued("[nN]", r"\w")  # the "n" of "n° 3", not of "un°"


def _no_break_before(signs: str, not_after: str, then: str = "") -> list[_Rule]:
    """NBSP before ``signs`` (followed by ``then``) unless they come after a space, ``not_after``
    or a bullet ("- " at a line start stays a bullet): a typed space becomes one, a missing one
    is added."""

    def after(what: str) -> str:
        return rf"(?<=[^\s{not_after}]{what})(?<!^[-•]{what})(?<!\s[-•]{what})"

    return [
        (re.compile(rf" {after(' ')}(?={signs}{then})", re.MULTILINE), NBSP),
        (re.compile(rf"({signs}){after(signs)}{then}", re.MULTILINE), f"{NBSP}\\1"),
    ]


@cache
def _rules(lang: str) -> tuple[_Rule, ...]:
    """The rules of ``lang``, in the order they run (compiled at their first use: ``check`` needs none)."""
    ellipsis: _Rule = (re.compile(r"\.\.\."), "…")
    # between letters, markup around it or not: l'**état civil**, **l'**état
    apostrophe: _Rule = (
        re.compile(r"'(?:(?<=[^\W\d_]')|(?<=[^\W\d_]\*')|(?<=[^\W\d_]\*\*'))(?=\*{0,2}[^\W\d_])"),
        "’",
    )
    # Only a hyphen with a word on each side: "- " at the start of a line is a bullet.
    spaced_hyphen: _Rule = (re.compile(r"-(?<=\S -)(?= \S)"), "–")
    # A space typed before a closing sign never lets that sign start a line: "à x@y.fr ." keeps its full stop.
    no_lone_sign: _Rule = (re.compile(r"(?<=\S) (?=[,.…)\]](?!\w))"), NBSP)
    # Straight double quotes around a phrase on one line. A phrase holding curly quotes or
    # guillemets is left alone, so that a second pass cannot pair quotes the first one left over.
    quoted = re.compile(rf"{_OPENING_QUOTE}{_SPACE}*([^\"«»“”\n]*?[^\"«»“”\s]){_SPACE}*\"(?!\w)")
    if lang == "en":
        return (
            ellipsis,
            (quoted, "“\\1”"),
            apostrophe,
            spaced_hyphen,
            no_lone_sign,
            (_PHONE_LIKE, _unbreakable_phone),
            *_dates(lang),
        )
    _check_language(lang)
    return (
        *_dates(lang),
        ellipsis,
        (quoted, f"«{NBSP}\\1{NBSP}»"),
        apostrophe,
        spaced_hyphen,
        no_lone_sign,
        # Numbers, in this order: times and phones space out minutes and digit pairs, which the rules
        # after them must see as a second pass would.
        # times: "14h30", "14 H 30", "17h" (not "8 h 30 000" or "0 h 02 41 05 40 00"); "14:30" is left
        # as typed (a ratio? a score?)
        (
            re.compile(
                rf"({_NUMBER_START}\d?){_SPACE}?[hH]"
                rf"(?:{_SPACE}?([0-5]\d)(?![\w'’]){_NO_UNIT_AFTER}(?!{_SPACE}\d))?(?![\w'’])"
            ),
            lambda m: NBSP.join(filter(None, (m.group(1), "h", m.group(2)))),
        ),
        (_FR_INTERNATIONAL, _french_phone),
        (_FR_NATIONAL, _french_phone),
        (_PHONE_LIKE, _unbreakable_phone),
        # thousands: "12 000"
        (re.compile(rf"{_NUMBER_START}\d{{0,2}}(?:{_SPACE}\d{{3}})+(?!\d)"), lambda m: m.group().replace(" ", NBSP)),
        # a number and its unit: "12 %", "3 km"
        (re.compile(rf"({_NUMBER_START}\d*(?:[.,]\d+)?){_SPACE}?({_UNITS})(?![\w'’])"), f"\\1{NBSP}\\2"),
        # "n° 3"
        (re.compile(rf"([°º])(?<={_NUMERO_N}[°º]){_SPACE}?(?=\d)"), f"\\1{NBSP}"),
        # ": ; ! ?" when the sign ends a word (not "14:30", "https://"), except at a line start, after
        # "(" and after another sign ("?!" gets one space, before the "?")
        *_no_break_before("[:;!?]", r"(\[{«:;!?", r"(?![^\s*)\]}»\"'’.,:;!?…])"),
        *_no_break_before("»", "«"),
        (re.compile(rf"«{_SPACE}?(?=\S)"), f"«{NBSP}"),
    )


def _dates(lang: str) -> tuple[_Rule, ...]:
    """A date never breaks: "3 février 2021", "1er mars", "février 2021", "5 February 2021", "February 5, 2021"."""
    months = "|".join(_MONTHS[lang])
    flags = re.IGNORECASE if lang == "fr" else 0  # "May" is a month, "may" a verb
    day = r"(?<![\w.,])(1er|[0-3]?\d)"
    month = rf"(?<![\w])({months})(?![\w'’])"
    year = r"(\d{4})(?!\w)"
    rules: list[_Rule] = [
        (re.compile(rf"{day}{_SPACE}(?={month})", flags), f"\\1{NBSP}"),
        (re.compile(rf"{month}{_SPACE}(?={year})", flags), f"\\1{NBSP}"),
    ]
    if lang == "en":
        rules += [
            (re.compile(rf"{month}{_SPACE}(?=[0-3]?\d(?!\w))", flags), f"\\1{NBSP}"),
            (re.compile(rf"(?<=[\s\u00a0]\d),{_SPACE}(?={year})|(?<=[\s\u00a0]\d\d),{_SPACE}(?={year})"), f",{NBSP}"),
        ]
    return tuple(rules)


def apply(text: str, lang: str) -> str:
    """Typography for ``lang`` on user text that may hold the tiny markup (``**``, ``*``, ``- ``).

    French: no-break spaces before ``: ; ! ?`` and inside « », in numbers with units, times,
    "n° 3" and phone numbers (French ones in pairs). English: curly quotes, phone numbers kept
    on one line. Both: ``’`` between letters, ``...`` → ``…``, a spaced hyphen → en dash.
    """
    _check_language(lang)
    text = normalize(text)
    protected = _URLS_AND_EMAILS if "@" in text else _URLS  # e-mails cost a look at every word
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(match.group())
        return _HOLD

    text = protected.sub(hold, text)
    for pattern, replacement in _rules(lang):
        text = pattern.sub(replacement, text)
    if held:
        parts = text.split(_HOLD)
        text = parts[0] + "".join(item + part for item, part in zip(held, parts[1:], strict=True))
    return text


# --- for print only --------------------------------------------------------------------------------

FINE_NBSP = "\u202f"
_BEFORE_FINE = re.compile("\u00a0(?=[;!?])")
# French ordinals: 1er, 1re, 1ers, 1res, 2e, 21es, Ier, XIXe (a roman numeral of I, V and X only: "Le",
# "De" and "Ce" are words)
_ORDINAL = re.compile(
    r"(?<![\w.,/@'’\-])(?:1(?=(?:er|re)s?)|(?!1e)\d+(?=es?)|I(?=er|re)|(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})(?=es?))"
    r"((?:er|re|e)s?)(?![\w'’@/\-])"
)


def fine_spaces(text: str, lang: str) -> str:
    """French print sets a narrow no-break space (U+202F) before ``; ! ?`` where :func:`apply` puts U+00A0."""
    _check_language(lang)
    return _BEFORE_FINE.sub(FINE_NBSP, text) if lang == "fr" else text


def superscripts(text: str, lang: str) -> list[tuple[str, bool]]:
    """``text`` in pieces, each with whether it is printed as a superscript: the letters of French
    ordinals (``1er``, ``2e``, ``XIXe``), outside addresses. English text is one piece."""
    _check_language(lang)
    if lang != "fr" or not any(c in text for c in "IVXe"):
        return [(text, False)]
    addresses = (
        [m.span() for m in _URLS_AND_EMAILS.finditer(text)] if ("@" in text or "/" in text or "www." in text) else []
    )
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _ORDINAL.finditer(text):
        start, end = match.span(1)
        if any(low <= start < high for low, high in addresses):
            continue
        pieces += [(text[position:start], False), (text[start:end], True)]
        position = end
    pieces.append((text[position:], False))
    return [piece for piece in pieces if piece[0]]


def quoted(text: str, lang: str) -> str:
    """A quotation in the marks of ``lang``: « … » held by no-break spaces, or “…”."""
    return f"«{NBSP}{text}{NBSP}»" if lang == "fr" else f"“{text}”"


# --- dates and times ---------------------------------------------------------------------------

_WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def format_short_date(d: datetime.date, lang: str) -> str:
    """``5 février 2021``, ``1er mars 2021`` / ``5 February 2021``, on one line."""
    _check_language(lang)
    day = "1er" if lang == "fr" and d.day == 1 else str(d.day)
    return f"{day}{NBSP}{_MONTHS[lang][d.month - 1]}{NBSP}{d.year}"


def format_date(d: datetime.date, lang: str) -> str:
    """``vendredi 5 février 2021``, ``lundi 1er mars 2021`` / ``Friday 5 February 2021``."""
    short = format_short_date(d, lang)
    return f"{_WEEKDAYS[lang][d.weekday()]} {short}"


_HHMM = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def format_time(hhmm: str, lang: str) -> str:
    """``17:00`` → ``17 h``, ``14:30`` → ``14 h 30`` (NBSP) in French; ``14:30`` in English."""
    _check_language(lang)
    match = _HHMM.fullmatch(hhmm.strip())
    if not match:
        raise ValueError(f"time {hhmm!r} is not HH:MM (for example 17:00 or 09:30)")
    hours, minutes = int(match.group(1)), match.group(2)
    if lang == "en":
        return f"{hours:02d}:{minutes}"
    return f"{hours}{NBSP}h" + ("" if minutes == "00" else f"{NBSP}{minutes}")
