"""Where a word longer than its line may be cut: an address after "@", "." or "/", a number between its groups.

reportlab's paragraphs break lines at spaces; a word wider than the whole line (with ``splitLongWords``,
on by default) goes to ``paragraph._splitWord`` (plain text) or ``paragraph._splitFragWord`` (styled
text), which fill each line with as many characters as fit: "lettre.crise@lorvannes.e" / "xample", and
the first piece in what is left of the current line ("à sec" / "urite.numerique@…"). Its hyphenation
hooks cannot help there: ``hyphenationLang`` is only given words made of letters, and ``uriWasteReduce``
only cuts after "/" in URLs that start with a scheme.

:func:`install` wraps both functions. A long word is cut only where it may be: an e-mail address or a
URL after "@", "." or "/" and before a letter or digit (so no line starts with the full stop that
ends the sentence), with nothing added; a number, a date or a phone number between the groups that a
no-break space holds together. The wrapper chooses the cuts, then lets reportlab's own function make
the pieces, telling it each line's width as the width of its piece. A piece that still does not fit
its line (a run of 40 letters without a break) is cut where reportlab would; a word with no such
places is left to reportlab entirely.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, wraps
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph

# What this module uses of reportlab beyond its documented API (tests/test_dependencies.py).
REPORTLAB_INTERNALS = {"reportlab.platypus.paragraph": ("_splitWord", "_splitFragWord", "_fragWordIter", "_hy_pfx_pat")}

_ADDRESS = re.compile(r"@|://|\bwww\.|\w\.[^\W\d_]{2,}(?:[/:?#]|\b)")
_AFTER = "@./"
_EPSILON = 1e-6


def cut_points(text: str) -> list[int]:
    """Indexes where ``text`` (one word: no breaking space) may be cut.

    An address: after "@", "." or "/", before a letter or a digit, not in "https://". Else, after each no-break space
    (a phone number, "12 000", "5 février 2021"). Else, a long word of letters: between two letters
    (never inside a number, never before a punctuation mark). Empty: nowhere (reportlab decides).
    """
    if _ADDRESS.search(text):
        scheme = text.find("://") + 3 if "://" in text else 0  # "https://" stays with what follows it
        return [i for i in range(scheme + 1, len(text)) if text[i - 1] in _AFTER and text[i].isalnum()]
    groups = [i for i in range(1, len(text)) if text[i - 1] == "\u00a0" and not text[i].isspace()]
    return groups or [i for i in range(1, len(text)) if text[i - 1].isalpha() and text[i].isalpha()]


def pieces(
    widths: Sequence[float], cuts: Sequence[int], room: float, line: Callable[[int], float], empty_line: bool
) -> list[int]:
    """Where each line's piece of a word ends, the word being ``widths`` (one per character).

    The first piece fills ``room``, what is left of the current line (it may be empty: the word
    starts on the next line, unless the line is empty); the n-th next line is ``line(n)`` wide. Each
    piece ends at the last cut that fits, else (no cut fits) where the characters stop fitting.
    """
    ends: list[int] = []
    start, width, number = 0, room, 0
    while True:
        used, fits = 0.0, start
        for index in range(start, len(widths)):
            used += widths[index]
            if used > width + _EPSILON:
                break
            fits = index + 1
        if fits == len(widths):
            return ends
        cut = max((c for c in cuts if start < c <= fits), default=None)
        if cut is None:
            cut = start if number == 0 and not empty_line else max(fits, start + 1)  # move on, or cut as it must
        ends.append(cut)
        start, number = cut, number + 1
        width = line(number)


def _line_widths(
    widths: Sequence[float], cuts: Sequence[int], start: float, first: float, later: list, lineno: int
) -> list:
    """The line widths that make reportlab's character-filling cut the word at its chosen :func:`pieces`,
    ``start`` into line ``lineno`` (``first`` wide; the next ones as in ``later``): the running total of
    each piece, summed in reportlab's order."""
    last = len(later) - 1
    empty_line = start <= _EPSILON and first >= later[min(last, lineno)] - _EPSILON
    ends = pieces(widths, cuts, first - start, lambda n: later[min(last, lineno + n)], empty_line)
    limits: list[float] = []
    index, running = 0, start
    for end in ends:
        while index < end:
            running += widths[index]
            index += 1
        limits.append(running + _EPSILON if limits or end else start)
        running = 0.0
    return [0.0] * lineno + limits + [max(later[min(last, lineno + len(ends)) :] or [0.0])]


def _split_word(original: Callable) -> Callable:
    @wraps(original)
    def split(w: Any, lineWidth: float, maxWidths: list, lineno: int, fontName: str, fontSize: float, *rest) -> Any:
        cuts = cut_points(str(w))
        if not cuts:
            return original(w, lineWidth, maxWidths, lineno, fontName, fontSize, *rest)
        widths = [stringWidth(c, fontName, fontSize) for c in str(w)]
        first = maxWidths[min(len(maxWidths) - 1, lineno)]
        lines = _line_widths(widths, cuts, lineWidth, first, maxWidths, lineno)
        return original(w, lineWidth, lines, lineno, fontName, fontSize, *rest)

    return split


def _split_frag_word(original: Callable, characters: Callable) -> Callable:
    @wraps(original)
    def split(w: Any, maxWidth: float, maxWidths: list, lineno: int) -> Any:
        drawn = list(characters(w))  # (frag, width, character); an image is one "character" too
        text = "".join(c if isinstance(c, str) and len(c) == 1 else "\ufffc" for _, _, c in drawn)
        cuts = cut_points(text) if len(text) == len(drawn) else []
        if not cuts:
            return original(w, maxWidth, maxWidths, lineno)
        lines = _line_widths([width for _, width, _ in drawn], cuts, 0.0, maxWidth, maxWidths, lineno)
        return original(w, lines[lineno], lines, lineno)

    return split


def install() -> None:
    """Wrap reportlab's long-word cutting, and let an elided word be hyphenated (once per process)."""
    if getattr(paragraph._splitWord, "__wrapped__", None) is None:
        paragraph._splitWord = _split_word(paragraph._splitWord)
        paragraph._splitFragWord = _split_frag_word(paragraph._splitFragWord, paragraph._fragWordIter)
        paragraph._hy_pfx_pat = _elided(paragraph._hy_pfx_pat)


def _elided(prefix: re.Pattern[str]) -> re.Pattern[str]:
    """reportlab's pattern of what it sets aside at a word's start (opening quotes and brackets) before
    offering the rest to the hyphenation hook, extended to elided words ("l’", "d’", "qu’", "jusqu’"):
    "l’administration" is offered as "administration", so it may break after its apostrophe part, never
    at the apostrophe. Only styles with a hyphenation hook or ``embeddedHyphenation`` (``hyphenation``
    below) use what is set aside."""
    return re.compile(f"^(?:{prefix.pattern.removeprefix('^')})?(?:[^\\W\\d_]+[’'])*")


def unbroken_width(paragraphs: Sequence[Any]) -> float:
    """The narrowest text width that sets each of ``paragraphs`` without cutting a word (an address, a
    number): their widest word. A column that holds addresses is at least this wide plus its padding."""
    return max((paragraph.minWidth() for paragraph in paragraphs), default=0.0)


# pyphen's dictionaries for the publication's languages; French typography wants two letters at least
# before the hyphen and three after it
_DICTIONARIES = {"fr": "fr", "en": "en_GB"}


@cache
def hyphenation(lang: str) -> dict[str, Any]:
    """Paragraph style settings that hyphenate running text in ``lang`` through reportlab's own hook.

    reportlab offers a hyphenation point only for a word of letters that does not fit (never an address
    or a number; after its elided part a word with an apostrophe, see :func:`_elided`); the words given
    here are hyphenated unless they start with a capital (a name, an acronym). A word with a hyphen of
    its own may break after it, with nothing added.
    """
    import pyphen  # here: only a layout that hyphenates loads the dictionaries

    dictionary = pyphen.Pyphen(lang=_DICTIONARIES[lang], left=2, right=3)

    def points(word: str) -> Any:
        return dictionary.iterate(word) if word[:1].islower() else ()

    return {"hyphenationLang": points, "embeddedHyphenation": 1}
