"""What an SMS costs: the GSM-7 alphabet phones send 160 characters a part in, and the characters
that force the whole message into UCS-2, at 70 characters a part.

A single character outside GSM-7 (``°``, ``’``, ``«``, ``œ``, ``ç``) makes the phone or the gateway
send every part as UCS-2: a 390-character SMS goes from 3 parts to 6. :func:`to_gsm7` replaces such
characters with their plain GSM-7 equivalents (``N°`` → ``No``, ``’`` → ``'``, ``ç`` → ``c``);
:func:`measure` says the length, the encoding and the number of parts as a phone counts them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# GSM 03.38: the basic alphabet, and the extension table (each of those counts two septets).
BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
    "abcdefghijklmnopqrstuvwxyzäöñüà"
)
EXTENSION = set("^{}\\[~]|€\f")

SINGLE = {"GSM-7": 160, "UCS-2": 70}
PART = {"GSM-7": 153, "UCS-2": 67}  # a part of a long SMS gives 7 septets (3 characters in UCS-2) to its header

_EQUIVALENTS = str.maketrans(
    {
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "’": "'",
        "‘": "'",
        "‚": "'",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "…": "...",
        "–": "-",
        "—": "-",
        "‑": "-",
        "•": "-",
        "°": "o",
        "º": "o",
        "œ": "oe",
        "Œ": "OE",
        "ç": "c",  # GSM-7 has Ç alone
        "\u00ad": "",
        "\u200b": "",
    }
)
_GUILLEMETS = re.compile(r"«[ \u00a0\u202f]*|[ \u00a0\u202f]*»")  # French quotes and their spaces: "…"
_NUMERO = re.compile(r"(?<!\w)([nN])[°º]\s?(?=\d)")


def to_gsm7(text: str) -> str:
    """``text`` with the characters outside GSM-7 replaced by their plain equivalents, accents removed
    from the letters GSM-7 lacks (``ê`` → ``e``; ``é``, ``è``, ``à`` stay); what has no equivalent stays."""
    text = _GUILLEMETS.sub('"', _NUMERO.sub(lambda match: f"{match.group(1)}o ", text)).translate(_EQUIVALENTS)
    return "".join(character if _in_gsm7(character) else _unaccented(character) for character in text)


def _in_gsm7(character: str) -> bool:
    return character in BASIC or character in EXTENSION


def _unaccented(character: str) -> str:
    base = unicodedata.normalize("NFD", character)[0]
    return base if _in_gsm7(base) else character


@dataclass(frozen=True)
class Measure:
    """An SMS as phones count it: its length in characters, its encoding, and its number of parts."""

    length: int
    encoding: str  # "GSM-7" or "UCS-2"
    parts: int
    forcing: str = ""  # the characters that make it UCS-2, in the order they come


def measure(text: str) -> Measure:
    forcing = "".join(dict.fromkeys(character for character in text if not _in_gsm7(character)))
    if forcing:
        encoding, units = "UCS-2", len(text.encode("utf-16-le")) // 2
    else:
        encoding, units = "GSM-7", sum(2 if character in EXTENSION else 1 for character in text)
    parts = 1 if units <= SINGLE[encoding] else -(-units // PART[encoding])
    return Measure(len(text), encoding, parts, forcing)
