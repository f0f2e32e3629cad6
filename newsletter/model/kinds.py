"""What a field holds: the kinds of value a declared field reads (see ``declare.py``), each from the
text the reader gives (see ``newsletter.read``), so that ``0241054000`` or ``12:30`` can never be
reinterpreted on the way; and how JSON Schema describes it.

A kind reads a value, records the located problem of one it refuses and answers :data:`FAILED`.
"""

from __future__ import annotations

import difflib
from typing import Any

from newsletter.errors import Loc, Problem
from newsletter.i18n import N_, _
from newsletter.model.french import folded
from newsletter.read.slips import quoted
from newsletter.text.typography import normalize

FAILED = object()  # a kind's answer when the value is refused (its problem is already recorded)


def describe(value: Any) -> str:
    """A value as the user typed it, in words: for messages."""
    if value is None:
        return _("nothing (the value is empty)")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a group of `key: value` lines")
    return _("the text {value!r}", value=value)


class Kind:
    """What a field holds: how to read it from the YAML tree and how JSON Schema describes it."""

    def read(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        raise NotImplementedError

    def schema(self, defs: dict[str, dict]) -> dict:
        raise NotImplementedError


# Editors read YAML with its own types (`title: 2021` is a number there, `note: yes` a boolean); the
# reader (newsletter.read) keeps every scalar as text, so text accepts all three: a schema must never flag what
# `check` accepts.
TEXT_SCHEMA = {"type": ["string", "number", "boolean"]}
DIGITS_PATTERN = r"^\s*[0-9]+\s*$"  # a whole number typed as text, for the schemas of counts


class Text(Kind):
    """Text. ``what`` names it in the message when it is required and left blank (``this headline is
    empty``); ``blank="absent"`` makes a blank optional text as if it were absent; ``blank="text"``
    keeps whatever text is there. Text made only of invisible characters (a zero-width space) is
    blank, since nothing of it is printed.

    Kinds that read a value out of the text (a date, a colour) subclass it: they define
    :meth:`convert` and word :meth:`mismatch` as what they expect.
    """

    def __init__(self, what: str = N_("text"), blank: str = "error", pattern: str | None = None):
        self.what, self.blank, self.pattern = what, blank, pattern

    def read(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if self.blank != "text" and (value is None or is_blank(value)):
            if self.blank == "absent":
                return None
            problems.append(
                Problem(loc, _("this {what} is empty", what=_(self.what)), _("write the text, or remove the line"))
            )
            return FAILED
        if isinstance(value, dict) and len(value) == 1 and loc and isinstance(loc[-1], int):
            problems.append(self.colon_in_item(loc, *next(iter(value.items()))))
            return FAILED
        if not isinstance(value, str):
            problems.append(self.mismatch(loc, describe(value)))
            return FAILED
        return self.convert(value, loc, problems)

    @staticmethod
    def colon_in_item(loc: Loc, before: str, after: Any) -> Problem:
        """A list item of text typed `- Gardez vos justificatifs : tout sera remboursé`: YAML reads the
        item as a `key: value` line, its words before the colon as the key."""
        text = f"{before}: {after}" if isinstance(after, str) else f"{before}: …"
        return Problem(
            loc,
            _("the text contains ': ', which YAML reads as the start of a new `key: value`"),
            _("put the whole text of the item in quotes: - {text}", text=quoted(text)),
        )

    def convert(self, text: str, loc: Loc, problems: list[Problem]) -> Any:
        return text

    def mismatch(self, loc: Loc, found: str) -> Problem:
        """The problem of a value that is not what this kind reads; ``found`` says what it is."""
        return Problem(
            loc,
            _("expected text, found {found}", found=found),
            _("write the text on the same line as the key, in quotes if it contains ': ' or ' #'"),
        )

    def schema(self, defs: dict[str, dict]) -> dict:
        found: dict[str, Any] = dict(TEXT_SCHEMA)
        if self.pattern:
            found["pattern"] = self.pattern
        return {"anyOf": [found, {"type": "null"}]} if self.blank == "absent" else found


def is_blank(value: Any) -> bool:
    return isinstance(value, str) and not normalize(value).strip()


class Nullable(Kind):
    """The inner kind, or nothing (``~``, ``null`` or an empty value)."""

    def __init__(self, inner: Kind):
        self.inner = inner

    def read(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        return None if value is None else self.inner.read(value, loc, problems)

    def schema(self, defs: dict[str, dict]) -> dict:
        return {"anyOf": [self.inner.schema(defs), {"type": "null"}]}


class Choice(Kind):
    """One of a few words, exactly as written (``down``, ``A4``). ``meaning`` maps other words users
    may write for a choice (the printed label, ``Rétabli``) to it, for the hint of a refused value;
    ``mended``: `check --fix` replaces such a word by its choice (when the choice is never printed)."""

    def __init__(self, *choices: str, meaning: dict[str, str] | None = None, mended: bool = False):
        self.choices = choices
        self.mended = mended
        self.meaning = {
            **{folded(word): choice for word, choice in (meaning or {}).items()},
            **{choice: choice for choice in choices},
        }

    def read(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if value in self.choices:
            return value
        quoted = [repr(choice) for choice in self.choices]
        if len(quoted) > 1:
            expected = _("{choices} or {last}", choices=", ".join(quoted[:-1]), last=quoted[-1])
        else:
            expected = quoted[0]
        word = folded(str(value))
        close = [word] if word in self.meaning else difflib.get_close_matches(word, list(self.meaning), n=1, cutoff=0.5)
        problems.append(
            Problem(
                loc,
                _("expected one of {expected}; found {value!r}", expected=expected, value=value),
                _("did you mean `{choice}`?", choice=self.meaning[close[0]]) if close else None,
                rename=self.meaning[word] if self.mended and word in self.meaning else None,
            )
        )
        return FAILED

    def schema(self, defs: dict[str, dict]) -> dict:
        return {"enum": list(self.choices), "type": "string"}


# The words YAML 1.1 and most people read as yes or no, in the order the schema lists them.
_BOOLEAN_WORDS = {
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
    "on": True,
    "off": False,
    "t": True,
    "f": False,
    "y": True,
    "n": False,
    "1": True,
    "0": False,
}


# French words for yes and no: the values stay exact, but the hint (and `check --fix`) give the word meant.
_FRENCH_BOOLEAN_WORDS = {"oui": "yes", "non": "no", "vrai": "yes", "faux": "no"}


class Boolean(Kind):
    def read(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        word = value.lower() if isinstance(value, str) else None
        if word in _BOOLEAN_WORDS:
            return _BOOLEAN_WORDS[word]
        found = repr(value) if isinstance(value, str) else describe(value)
        meant = _FRENCH_BOOLEAN_WORDS.get(word or "")
        hint = _("write `{meant}` ({typed} → {meant})", meant=meant, typed=value) if meant else None
        problems.append(Problem(loc, _("expected yes or no; found {found}", found=found), hint, rename=meant))
        return FAILED

    def schema(self, defs: dict[str, dict]) -> dict:
        words = "|".join(_any_case(word) for word in _BOOLEAN_WORDS)
        return {"anyOf": [{"type": "boolean"}, {"enum": [0, 1]}, {"type": "string", "pattern": f"^({words})$"}]}

    @staticmethod
    def schema_of(value: bool) -> dict:
        """The schema of the spellings of ``value`` alone (``yes``, ``on``, ``1``… for true)."""
        words = "|".join(_any_case(word) for word, meant in _BOOLEAN_WORDS.items() if meant is value)
        return {"anyOf": [{"const": value}, {"const": int(value)}, {"type": "string", "pattern": f"^({words})$"}]}


def _any_case(word: str) -> str:
    """A regular expression for ``word`` in any case (JSON Schema patterns have no ignore-case flag)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)


class ListOf(Kind):
    def __init__(self, item: Kind):
        self.item = item

    def read(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if not isinstance(value, list):
            problems.append(
                Problem(
                    loc,
                    _("expected a list, found {found}", found=describe(value)),
                    _("write each entry on its own line starting with `- `"),
                )
            )
            return FAILED
        items = [self.item.read(entry, (*loc, index), problems) for index, entry in enumerate(value)]
        return FAILED if any(item is FAILED for item in items) else items

    def schema(self, defs: dict[str, dict]) -> dict:
        return {"items": self.item.schema(defs), "type": "array"}
