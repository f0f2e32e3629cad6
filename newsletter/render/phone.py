"""The script of the recorded phone message, written as it is to be read aloud.

A greeting with the journal's name and the full date, the headline and the essentials, what to do
and not to do, the FAQ as a dialogue between two voices, the hotline (its label in lower case
mid-sentence), the date of the next update. The markup is gone and
what a reader would stumble on is spelled out: ``%``, ``€``, ``n°``, ``14 h 30``, and phone numbers
read in pairs ("zéro deux, soixante et un, …"). The estimated duration (150 words a minute) heads
the script, with a warning past three minutes: callers hang up before the end of long messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from newsletter.model.document import IssueDocument
from newsletter.model.sections import SECTION_NAMES
from newsletter.render import IssueWriter, introducing
from newsletter.text import markup, typography
from newsletter.text.labels import label

WORDS_PER_MINUTE = 150
LONGEST_SECONDS = 180

# --- numbers as words --------------------------------------------------------------------------

_FRENCH_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
_FRENCH_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_ENGLISH_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def french_number(number: int) -> str:
    """0 to 99 in French words: ``soixante et un``, ``soixante-dix``, ``quatre-vingts``, ``quatre-vingt-onze``."""
    if number < 20:
        return _FRENCH_UNITS[number]
    tens, unit = divmod(number, 10)
    if tens in (7, 9):
        base = "soixante" if tens == 7 else "quatre-vingt"
        joiner = " et " if number == 71 else "-"
        return base + joiner + _FRENCH_UNITS[10 + unit]
    if tens == 8:
        return "quatre-vingts" if unit == 0 else "quatre-vingt-" + _FRENCH_UNITS[unit]
    if unit == 0:
        return _FRENCH_TENS[tens]
    return _FRENCH_TENS[tens] + (" et un" if unit == 1 else "-" + _FRENCH_UNITS[unit])


def _spoken_group(digits: str, lang: str) -> str:
    """A group of at most two digits as people say it in a phone number."""
    if lang == "en":
        return " ".join(_ENGLISH_DIGITS[int(digit)] for digit in digits)
    if len(digits) == 2 and digits[0] == "0":
        return "zéro " + _FRENCH_UNITS[int(digits[1])]
    return french_number(int(digits))


def spoken_phone(number: str, lang: str) -> str:
    """``02 61 91 40 00`` → ``zéro deux, soixante et un, quatre-vingt-onze, quarante, zéro zéro``.

    The groups are the ones written; a longer group is read two digits at a time. A ``+`` is read,
    a ``(0)`` (not dialled from abroad) is not.
    """
    parts = []
    for group in re.findall(r"\+?\d+", number.replace("(0)", "")):
        prefix = "plus " if group.startswith("+") else ""
        digits = group.lstrip("+")
        pairs = [digits[i : i + 2] for i in range(0, len(digits), 2)]
        spoken = [_spoken_group(pair, lang) for pair in pairs]
        spoken[0] = prefix + spoken[0]
        parts += spoken
    return ", ".join(parts)


# --- spelling for speech -----------------------------------------------------------------------

_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]
_SEPARATOR = "[ \u00a0]?"
# A phone number once typography has set it: digit groups joined by no-break spaces, dots or
# hyphens (an ordinary space separates two numbers), starting with + or 0.
_PHONE = re.compile(r"(?<![\w+.,])(?:\+\d+|0\d*)(?:[\u00a0.\-]?\(0\)|[\u00a0.\-]\d+)*(?![\w])")
_AMOUNT = r"(\d+(?:[.,]\d+)?)"


def _phone(lang: str) -> Callable[[re.Match[str]], str]:
    def speak(match: re.Match[str]) -> str:
        digits = sum(character.isdigit() for character in match.group())
        return spoken_phone(match.group(), lang) if 8 <= digits <= 15 else match.group()

    return speak


def _euros(singular: Callable[[float], bool]) -> Callable[[re.Match[str]], str]:
    """``1,50 €`` → ``1,50 euro``, ``€20`` → ``20 euros``: the amount first, as it is said."""

    def speak(match: re.Match[str]) -> str:
        amount = match.group(1) or match.group(2)
        return f"{amount} euro{'' if singular(float(amount.replace(',', '.'))) else 's'}"

    return speak


def _hours(match: re.Match[str]) -> str:
    hours, minutes = int(match.group(1)), match.group(2)
    spoken = f"{hours} heure{'s' if hours > 1 else ''}"
    return spoken + (f" {int(minutes)}" if minutes and minutes != "00" else "")


_FRENCH: list[_Rule] = [
    (_PHONE, _phone("fr")),
    (re.compile(r"(?<![\w,.])(\d{1,2})\u00a0h(?:\u00a0(\d{2}))?(?![\w'’])"), _hours),
    (re.compile(r"(?<![\w,.:])([01]?\d|2[0-3]):([0-5]\d)(?![\w:])"), _hours),
    (re.compile(rf"{_SEPARATOR}%"), "\u00a0pour cent"),
    (re.compile(rf"{_AMOUNT}{_SEPARATOR}€|€{_SEPARATOR}{_AMOUNT}"), _euros(lambda value: value < 2)),
    (re.compile("€"), "euros"),
    (re.compile(rf"(?<!\w)[nN][°º]{_SEPARATOR}"), "numéro "),
    (re.compile(r"(?<!\w)1er(?!\w)"), "premier"),
    (re.compile(r"(?<!\w)1(?:re|ère)(?!\w)"), "première"),
    (re.compile(r"(?<!\w)Mme(?!\w)"), "Madame"),
    (re.compile(rf"{_SEPARATOR}°C(?!\w)"), " degrés"),
    (re.compile(r" & "), " et "),
]

_ENGLISH: list[_Rule] = [
    (_PHONE, _phone("en")),
    (re.compile(rf"{_SEPARATOR}%"), " percent"),
    (re.compile(rf"{_AMOUNT}{_SEPARATOR}€|€{_SEPARATOR}{_AMOUNT}"), _euros(lambda value: value == 1)),
    (re.compile("€"), "euros"),
    (re.compile(rf"(?<!\w)(?:[nN][°º]|No\.){_SEPARATOR}(?=\d)"), "number "),
    (re.compile(rf"{_SEPARATOR}°C(?!\w)"), " degrees"),
    (re.compile(r" & "), " and "),
]

_RULES = {"fr": _FRENCH, "en": _ENGLISH}


def speakable(text: str, lang: str) -> str:
    """Typeset text with its symbols and numbers spelled as they are said."""
    for pattern, replacement in _RULES[lang]:
        text = pattern.sub(replacement, text)
    return text


# --- the script --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhoneScript:
    text: str
    words: int
    seconds: int

    @property
    def too_long(self) -> bool:
        return self.seconds > LONGEST_SECONDS


def _sentence(text: str) -> str:
    """A line that ends like a sentence, so that the reader (or the voice) pauses after it."""
    text = text.strip()
    ending = text.rstrip('»”"’)\u00a0 ')
    return text if not ending or ending[-1] in ".!?…:;" else text + "."


def say(text: str, lang: str) -> str:
    """User text (markup allowed) as lines to read: one per paragraph or list item."""
    lines = []
    for block in markup.parse(typography.apply(text, lang)):
        runs = [block.runs] if isinstance(block, markup.Paragraph) else block.items
        lines += [_sentence(speakable(markup.plain_line(line), lang)) for line in runs]
    return "\n".join(lines)


def timed(paragraphs: list[str], lang: str) -> PhoneScript:
    """The script of these paragraphs, headed by its estimated duration (and a warning when too long)."""
    body = "\n\n".join(paragraphs)
    words = len(body.split())
    seconds = round(words * 60 / WORDS_PER_MINUTE)
    duration = label(lang, "duration").format(minutes=seconds // 60, seconds=f"{seconds % 60:02d}")
    header = [f"[{label(lang, 'phone_duration').format(duration=duration, words=words, rate=WORDS_PER_MINUTE)}]"]
    if seconds > LONGEST_SECONDS:
        header.append(f"[{label(lang, 'phone_too_long').format(limit=LONGEST_SECONDS // 60)}]")
    return PhoneScript("\n".join(header) + "\n\n" + body + "\n", words, seconds)


def mid_sentence(label: str) -> str:
    """A label as said inside a sentence: "appelez le numéro unique agents", not "le Numéro unique agents".

    Only a capital that starts a sentence is lowered: an acronym ("DSI", "SAMU") or a name whose next
    letter is a capital too keeps its case."""
    first = label.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        return label[0].lower() + label[1:]
    return label


class _Script(IssueWriter):
    """The recorded message, built part by part."""

    def say(self, text: str) -> str:
        return say(text, self.lang)

    def paragraphs(self) -> list[str]:
        issue, publication = self.issue, self.document.publication
        when = typography.format_date(issue.date, self.lang)
        found = [
            speakable(
                self.label("phone_greeting", title=typography.apply(publication.title, self.lang), date=when), self.lang
            ),
            self.say(issue.headline),
        ]
        for name in SECTION_NAMES:
            found += self.section(name)
        return found + self._closing()

    def _essentials(self) -> list[str]:
        if not self.issue.essentials:
            return []
        return ["\n".join([self.label("phone_essentials"), *map(self.say, self.issue.essentials)])]

    def _do_dont(self) -> list[str]:
        """What to do and not to do, each list under its spoken heading: the instructions a caller acts on.

        The poster's lists when the issue has them: written to be taken in at a glance, they are what a
        caller can remember too (and keep the message under three minutes)."""
        poster = self.issue.poster
        lists = [
            (key, getattr(poster, key) if poster and getattr(poster, key) else getattr(self.issue, key))
            for key in ("do", "dont")
        ]
        return ["\n".join([self.label(f"phone_{key}"), *map(self.say, items)]) for key, items in lists if items]

    def _faq(self) -> list[str]:
        if not self.issue.faq:
            return []
        question, answer = (introducing(self.label(key), self.lang) for key in ("faq_question", "faq_answer"))
        return [self.label("phone_faq")] + [
            f"{question}{self.say(item.q)}\n{answer}{self.say(item.a)}" for item in self.issue.faq
        ]

    def _hotline(self) -> list[str]:
        """Of the contacts, the hotline alone: one number to remember is what a caller can take away."""
        hotline = self.document.hotline
        if hotline is None:
            return []
        phone = spoken_phone(typography.format_phone(hotline.phone, self.lang), self.lang)
        name = mid_sentence(typography.apply(hotline.label, self.lang))
        call = self.label("phone_hotline", label=name, phone=phone)
        return ["\n".join([speakable(call, self.lang)] + ([self.say(hotline.hours)] if hotline.hours else []))]

    def _closing(self) -> list[str]:
        """A recorded message ends with the date of the next update (its section read out last) and goodbye."""
        if self.issue.next_issue is None:
            return [self.label("phone_goodbye")]
        return [
            speakable(self.label("phone_end", date=typography.format_date(self.issue.next_issue, self.lang)), self.lang)
        ]

    def _not_read_aloud(self) -> list[str]:
        """A recorded message keeps to what a caller needs: the rest of the issue is for reading."""
        return []

    SECTION_DRAWERS: ClassVar[dict[str, Callable]] = {
        "essentials": _essentials,
        "situation": _not_read_aloud,
        "status": _not_read_aloud,
        "do_dont": _do_dont,
        "news": _not_read_aloud,
        "tips": _not_read_aloud,
        "testimonials": _not_read_aloud,
        "faq": _faq,
        "contacts": _hotline,
        "next_issue": _not_read_aloud,  # read out at the end, with goodbye: see _closing
    }

    def render(self) -> PhoneScript:
        return timed(self.paragraphs(), self.lang)


def script(document: IssueDocument) -> PhoneScript:
    """The phone message's script with its word count and estimated duration."""
    return _Script(document).render()


def render(document: IssueDocument) -> str:
    return script(document).text
