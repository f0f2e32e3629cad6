"""Typography: French rules, normalization, dates, times, phone numbers, and reportlab line breaks."""

from __future__ import annotations

import datetime
import re
import time
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsletter.text.typography import (
    NBSP,
    apply,
    fine_spaces,
    format_date,
    format_phone,
    format_short_date,
    format_time,
    normalize,
    superscripts,
)

N = NBSP


def fr(text: str) -> str:
    return apply(text, "fr")


def en(text: str) -> str:
    return apply(text, "en")


# --- normalize ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("e\u0301te\u0301", "été"),  # decomposed accents composed
        ("a\u200bb\u200cc\u200dd\u2060e", "abcde"),  # zero-width characters
        ("\ufeffdébut\ufeff", "début"),  # BOM anywhere
        ("sta\u00adtion", "station"),  # soft hyphen
        ("\u200eA\u200f \u202aB\u202c \u202bC\u202d\u202e \u2066D\u2069 \u2067E\u2068", "A B C D E"),  # bidi
        ("Attention\u202f:", f"Attention{N}:"),
        ("1\u2007000", f"1{N}000"),
        ("a\tb", "a b"),
        ("a    b  c", "a b c"),
        (f"a {N} b", f"a{N}b"),  # a run holding a no-break space stays unbreakable
        ("un\n\ndeux\n- trois\n- quatre", "un\n\ndeux\n- trois\n- quatre"),  # newlines kept
    ],
)
def test_normalize(raw, clean):
    assert normalize(raw) == clean


def test_normalize_runs_first_in_both_languages():
    assert en("cafe\u0301\u200b  ok") == "café ok"
    assert fr("cafe\u0301\u200b  ok") == "café ok"


# --- French rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Attention!", f"Attention{N}!"),
        ("Attention !", f"Attention{N}!"),
        ("Pourquoi?", f"Pourquoi{N}?"),
        ("Note: lisez", f"Note{N}: lisez"),
        ("Note : lisez", f"Note{N}: lisez"),
        ("un ; deux", f"un{N}; deux"),
        ("un;deux", "un;deux"),  # not the end of a word: left alone
        (f"déjà{N}?", f"déjà{N}?"),
        ("Quoi?!", f"Quoi{N}?!"),  # one space, before the first sign
        ("Quoi ?!", f"Quoi{N}?!"),
        ("un mot (?) ici", "un mot (?) ici"),  # nothing after an opening parenthesis
        ("(!)", "(!)"),
        ("? au début", "? au début"),  # nothing at a line start
        ("ligne\n: suite", "ligne\n: suite"),
        ("Réunion à 14:30 et 9:05.", "Réunion à 14:30 et 9:05."),  # times typed with a colon
        ("Score 3:2", "Score 3:2"),  # nothing for ":" between digits
        ("Voir https://x.fr ou http://ville.fr/a?b=1;c=2 !", f"Voir https://x.fr ou http://ville.fr/a?b=1;c=2{N}!"),
        ("Site: www.ville.fr/faq?id=3", f"Site{N}: www.ville.fr/faq?id=3"),
    ],
)
def test_no_break_space_before_high_punctuation(typed, printed):
    assert fr(typed) == printed


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ('Il a dit "bonjour".', f"Il a dit «{N}bonjour{N}»."),
        ('"bonjour"', f"«{N}bonjour{N}»"),
        ('" bonjour "', f"«{N}bonjour{N}»"),
        ("« bonjour »", f"«{N}bonjour{N}»"),
        ("«bonjour»", f"«{N}bonjour{N}»"),
        ('"Pourquoi?"', f"«{N}Pourquoi{N}?{N}»"),
        ('un 5" de diamètre', 'un 5" de diamètre'),  # a lone quote stays as typed
    ],
)
def test_guillemets(typed, printed):
    assert fr(typed) == printed


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("l'État", "l’État"),
        ("aujourd'hui qu'il", "aujourd’hui qu’il"),
        ("'entre' guillemets", "'entre' guillemets"),  # not between letters
        ("les années '80", "les années '80"),
        ("l'**état civil**", "l’**état civil**"),  # markup after it
        ("**l'**état, *aujourd*'hui", "**l’**état, *aujourd*’hui"),  # markup before it
        ("'**gras**'", "'**gras**'"),
    ],
)
def test_apostrophe(typed, printed):
    assert fr(typed) == printed


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("12%", f"12{N}%"),
        ("12 %", f"12{N}%"),
        ("1,5 %", f"1,5{N}%"),
        ("50€", f"50{N}€"),
        ("20 $", f"20{N}$"),
        ("-5°C", f"-5{N}°C"),
        ("3 km", f"3{N}km"),
        ("8m", f"8{N}m"),
        ("120 m²", f"120{N}m²"),
        ("2 kg", f"2{N}kg"),
        ("30 min", f"30{N}min"),
        ("10 s", f"10{N}s"),
        ("48 h", f"48{N}h"),
        ("4 Go", f"4{N}Go"),
        ("500 Mo", f"500{N}Mo"),
        ("12Ko", f"12{N}Ko"),
        ("35 ans", f"35{N}ans"),
        ("1 000 €", f"1{N}000{N}€"),
        ("12 000 agents", f"12{N}000 agents"),
        ("3 mois", "3 mois"),  # not a unit
        ("v2 min", "v2 min"),  # not a number
        ("4 s’il", "4 s’il"),
    ],
)
def test_number_and_unit(typed, printed):
    assert fr(typed) == printed


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("14h30", f"14{N}h{N}30"),
        ("14 h 30", f"14{N}h{N}30"),
        ("14H30", f"14{N}h{N}30"),
        ("9h05", f"9{N}h{N}05"),
        ("17h", f"17{N}h"),
        ("de 9h à 17h.", f"de 9{N}h à 17{N}h."),
        ("24h/24", f"24{N}h/24"),
        ("à 14:30", "à 14:30"),  # ambiguous: as typed
    ],
)
def test_times(typed, printed):
    assert fr(typed) == printed


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("n°3", f"n°{N}3"),
        ("n° 3", f"n°{N}3"),
        ("N°3", f"N°{N}3"),  # the capital is kept: it may start a sentence
        ("le nº 12", f"le nº{N}12"),
        ("un°3", "un°3"),
    ],
)
def test_numero(typed, printed):
    assert fr(typed) == printed


PAIRS = f"02{N}41{N}05{N}40{N}00"
INTERNATIONAL = f"+33{N}2{N}41{N}05{N}40{N}00"


@pytest.mark.parametrize("typed", ["0241054000", "02 41 05 40 00", "02.41.05.40.00", "02-41-05-40-00", PAIRS])
def test_french_phone_in_prose(typed):
    assert fr(f"Appelez le {typed}.") == f"Appelez le {PAIRS}."


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("+33 2 41 05 40 00", INTERNATIONAL),
        ("+33241054000", INTERNATIONAL),
        ("+33 (0)2 41 05 40 00", f"+33{N}(0)2{N}41{N}05{N}40{N}00"),
        ("3117", "3117"),
        ("15", "15"),
        ("SIRET 21490007800012", "SIRET 21490007800012"),  # a longer digit run is not a phone
        ("réf. 102410540001", "réf. 102410540001"),
        ("02.41.05.40.00.12", "02.41.05.40.00.12"),
        ("+44 20 7946 0958", f"+44{N}20{N}7946{N}0958"),  # kept as typed, on one line
    ],
)
def test_phone_numbers(typed, printed):
    assert fr(typed) == printed


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Bon...", "Bon…"),
        ("Lisez - puis signez", "Lisez – puis signez"),
        ("- un point - et un tiret", "- un point – et un tiret"),  # the bullet stays a bullet
        ("arc-en-ciel", "arc-en-ciel"),
        ("le 1er mars, le 2e étage", f"le 1er{N}mars, le 2e étage"),
    ],
)
def test_ellipsis_dash_and_ordinals(typed, printed):
    assert fr(typed) == printed


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("**Attention** : lisez", f"**Attention**{N}: lisez"),
        ("**Attention**!", f"**Attention**{N}!"),
        ("**Attention !**", f"**Attention{N}!**"),
        ("*Pourquoi ?*", f"*Pourquoi{N}?*"),
        ("- Appelez le 0241054000 !\n- Attendez", f"- Appelez le {PAIRS}{N}!\n- Attendez"),
        ('**"Fermé"** : voir', f"**«{N}Fermé{N}»**{N}: voir"),
        ("Un\n\n- deux : trois\n- quatre", f"Un\n\n- deux{N}: trois\n- quatre"),
        ("- » fin\n- ?\n• !", "- » fin\n- ?\n• !"),  # a sign right after a bullet: still a bullet
    ],
)
def test_markup_markers_survive(typed, printed):
    assert fr(typed) == printed


def test_urls_and_emails_stay_as_typed():
    text = "Écrivez à jean.dupont42@ville.fr : https://ville.fr/aide/17h?q=0241054000 ..."
    assert fr(text) == f"Écrivez à jean.dupont42@ville.fr{N}: https://ville.fr/aide/17h?q=0241054000{N}…"


# --- English -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Don't panic!", "Don’t panic!"),
        ("Why? Because: see", "Why? Because: see"),  # no space added before punctuation
        ('He said "hello".', "He said “hello”."),
        ("Wait...", "Wait…"),
        ("Call 02 41 05 40 00 now", f"Call {PAIRS} now"),
        ("Call 0241054000", "Call 0241054000"),  # as typed
        ("Call 02.41.05.40.00", "Call 02.41.05.40.00"),
        ("Call +44 20 7946 0958", f"Call +44{N}20{N}7946{N}0958"),
        ("Call (555) 123 4567", f"Call (555){N}123{N}4567"),
        ("12% at 14h30 n°3", "12% at 14h30 n°3"),
        ("« bonjour »", "« bonjour »"),
    ],
)
def test_english(typed, printed):
    assert en(typed) == printed


@pytest.mark.parametrize(
    ("typed", "french", "english"),
    [
        ("le 3 février 2021", f"le 3{N}février{N}2021", "le 3 février 2021"),
        ("Le 1er Mars, puis en mai 2021.", f"Le 1er{N}Mars, puis en mai{N}2021.", "Le 1er Mars, puis en mai 2021."),
        ("on 5 February 2021", "on 5 February 2021", f"on 5{N}February{N}2021"),
        ("February 5, 2021", "February 5, 2021", f"February{N}5,{N}2021"),
        ("you may 2021 and 12 agents", "you may 2021 and 12 agents", "you may 2021 and 12 agents"),
        ("écrivez à 3.mars@x.fr", "écrivez à 3.mars@x.fr", "écrivez à 3.mars@x.fr"),
    ],
)
def test_a_date_is_never_broken(typed, french, english):
    assert (fr(typed), en(typed)) == (french, english)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_closing_sign_typed_after_a_space_never_starts_a_line(lang):
    assert apply("écrivez à x@y.fr . Puis , enfin ( voir ) et ...", lang) == (
        f"écrivez à x@y.fr{N}. Puis{N}, enfin ( voir{N}) et{N}…"
    )
    assert apply("la version .NET et .5,\n- puce\n. point", lang) == "la version .NET et .5,\n- puce\n. point"


def test_fine_spaces_before_semicolon_exclamation_and_question_marks_in_french_print():
    printed = fine_spaces(fr("Note : oui ; non ! Pourquoi ? « bien »"), "fr")
    assert printed == f"Note{N}: oui\u202f; non\u202f! Pourquoi\u202f? «{N}bien{N}»"
    assert fine_spaces(en("Why? 12\u00a0000"), "en") == "Why? 12\u00a0000"


@pytest.mark.parametrize(
    ("text", "raised"),
    [
        ("le 1er mars, la 1re fois, les 1ers, les 1res", ["er", "re", "ers", "res"]),
        ("2e étage, 21es, XIXe siècle, XXIe, François Ier, la Ve République", ["e", "es", "e", "e", "er", "e"]),
        ("Le De Ce Me 3ème 2e5 a2e x1er", []),  # words, a wrong form, numbers: as typed
        ("https://x.fr/2e/ et 2e@x.fr puis www.x.fr/1er", []),
    ],
)
def test_french_ordinals_are_superscripts(text, raised):
    pieces = superscripts(text, "fr")
    assert "".join(piece for piece, _ in pieces) == text
    assert [piece for piece, up in pieces if up] == raised
    assert superscripts(text, "en") == [(text, False)]


# --- properties --------------------------------------------------------------------------------

TYPED_PIECES = [
    " ",
    N,
    "\u202f",
    "\t",
    "\n",
    "\n- ",
    "- ",
    "• ",
    '"',
    "'",
    "«",
    "»",
    ":",
    ";",
    "!",
    "?",
    "(",
    ")",
    ".",
    "...",
    ",",
    "-",
    " - ",
    "*",
    "**",
    "%",
    "€",
    "°",
    "°C",
    "h",
    "H",
    "min",
    "km",
    "m",
    "s",
    "n°",
    "N°",
    "e",
    "é",
    "Attention",
    "0",
    "1",
    "2",
    "3",
    "9",
    "14h30",
    "02 41 05 40 00",
    "0241054000",
    "+33 ",
    "(0)",
    "https://x.fr/",
    "www.",
    "a@b.fr",
    "\u0301",
    "\u200b",
]
typed_text = st.one_of(st.text(), st.lists(st.sampled_from(TYPED_PIECES), max_size=40).map("".join))
languages = st.sampled_from(["fr", "en"])


@settings(max_examples=1000, deadline=None)
@given(typed_text, languages)
def test_apply_is_idempotent_and_never_raises(text, lang):
    once = apply(text, lang)
    assert apply(once, lang) == once
    assert "\u202f" not in once


@pytest.mark.parametrize(
    "text",
    [  # found by hypothesis along the way
        "0241054000h",
        "0h 14h30",
        "14h30 000",
        "0 h 0241054000",
        "0241054000 000%",
        "14h30 0241054000",
        "02 41 05 40 0002 41 05 40 00",
        "02 41 05 40 00h02 41 05 40 00",
        "- »",
        '"a "b" c"',
        "a - - b",
    ],
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_apply_is_idempotent_on_tricky_text(text, lang):
    once = apply(text, lang)
    assert apply(once, lang) == once


@settings(max_examples=300, deadline=None)
@given(typed_text)
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


BULLET = re.compile(r"\s*[-•]\s")  # how the markup tells a bullet line


def digits(text: str) -> list[str]:
    return [c for c in text if c.isdigit()]


@settings(max_examples=500, deadline=None)
@given(typed_text, languages)
def test_apply_never_changes_a_digit_a_line_or_a_marker(text, lang):
    text = normalize(text)
    printed = apply(text, lang)
    assert digits(printed) == digits(text)
    assert printed.count("*") == text.count("*")
    assert [bool(BULLET.match(line)) for line in printed.split("\n")] == [
        bool(BULLET.match(line)) for line in text.split("\n")
    ]


@settings(max_examples=300, deadline=None)
@given(typed_text, languages)
def test_format_phone_keeps_digits_and_is_idempotent(number, lang):
    printed = format_phone(number, lang)
    assert digits(printed) == digits(normalize(number))
    assert " " not in printed
    assert format_phone(printed, lang) == printed


def test_apply_never_gets_stuck_on_a_long_text():
    """A guard against a rule whose regular expression backtracks (minutes on 50 KB), not a speed
    target: speed is measured by bench/run.py."""
    paragraph = (
        "Depuis lundi, les équipes travaillent jour et nuit : la messagerie reste arrêtée, "
        "n'essayez pas de vous connecter. Vous avez une question ? Appelez le 02 41 05 40 00 "
        'de 8h30 à 17h, ou écrivez à cellule@ville.fr. Merci de votre "engagement"... 12% des '
        "postes sont rétablis !\n- Ne branchez aucune clé USB - même personnelle.\n\n"
    )
    text = (paragraph * 200)[:50_000]
    for lang in ("fr", "en"):
        took = _duration(apply, text, lang)
        assert took < 1, f"{lang}: {took:.1f} s for 50 KB"


def _duration(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def test_unknown_language():
    with pytest.raises(ValueError, match="fr, en"):
        apply("texte", "de")
    with pytest.raises(ValueError, match="fr, en"):
        format_date(datetime.date(2021, 2, 5), "de")


# --- phone fields ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("0241054000", PAIRS),
        ("02 41 05 40 00", PAIRS),
        (" 02.41.05.40.00 ", PAIRS),
        ("02-41-05-40-00", PAIRS),
        ("+33 2 41 05 40 00", INTERNATIONAL),
        ("+33241054000", INTERNATIONAL),
        ("+33 (0)2 41 05 40 00", f"+33{N}(0)2{N}41{N}05{N}40{N}00"),
        ("3117", "3117"),
        ("15", "15"),
        ("+44 20 7946 0958", f"+44{N}20{N}7946{N}0958"),
        ("02 41 05 40 00 poste 12", f"{N.join(['02', '41', '05', '40', '00', 'poste', '12'])}"),
        ("024105400", "024105400"),  # nine digits: not a French number, never "fixed"
    ],
)
def test_format_phone(typed, printed, lang):
    assert format_phone(typed, lang) == printed


# --- dates and times ---------------------------------------------------------------------------


def test_format_date():
    assert format_date(datetime.date(2021, 2, 5), "fr") == f"vendredi 5{N}février{N}2021"
    assert format_date(datetime.date(2021, 3, 1), "fr") == f"lundi 1er{N}mars{N}2021"
    assert format_date(datetime.date(2021, 2, 5), "en") == f"Friday 5{N}February{N}2021"
    assert format_date(datetime.date(2021, 3, 1), "en") == f"Monday 1{N}March{N}2021"


def test_format_short_date():
    assert format_short_date(datetime.date(2021, 2, 5), "fr") == f"5{N}février{N}2021"
    assert format_short_date(datetime.date(2021, 3, 1), "fr") == f"1er{N}mars{N}2021"
    assert format_short_date(datetime.date(2021, 2, 5), "en") == f"5{N}February{N}2021"


FRENCH_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
ENGLISH_MONTHS = "January February March April May June July August September October November December".split()


@pytest.mark.parametrize(
    ("month", "fr_name", "en_name"), list(zip(range(1, 13), FRENCH_MONTHS, ENGLISH_MONTHS, strict=True))
)
def test_every_month(month, fr_name, en_name):
    day = datetime.date(2022, month, 15)
    assert format_short_date(day, "fr") == f"15{N}{fr_name}{N}2022"
    assert format_short_date(day, "en") == f"15{N}{en_name}{N}2022"


@pytest.mark.parametrize(
    ("day", "fr_name", "en_name"),
    [
        (1, "lundi", "Monday"),
        (2, "mardi", "Tuesday"),
        (3, "mercredi", "Wednesday"),
        (4, "jeudi", "Thursday"),
        (5, "vendredi", "Friday"),
        (6, "samedi", "Saturday"),
        (7, "dimanche", "Sunday"),
    ],
)
def test_every_weekday(day, fr_name, en_name):
    date = datetime.date(2021, 3, day)  # 1 March 2021 was a Monday
    assert format_date(date, "fr").split(" ")[0] == fr_name
    assert format_date(date, "en").split(" ")[0] == en_name


def test_first_of_the_month_in_french_only():
    assert all(format_short_date(datetime.date(2021, m, 1), "fr").startswith(f"1er{N}") for m in range(1, 13))
    assert format_short_date(datetime.date(2021, 3, 11), "fr").startswith(f"11{N}")
    assert format_short_date(datetime.date(2021, 3, 21), "fr").startswith(f"21{N}")


@pytest.mark.parametrize(
    ("hhmm", "french", "english"),
    [
        ("17:00", f"17{N}h", "17:00"),
        ("14:30", f"14{N}h{N}30", "14:30"),
        ("09:05", f"9{N}h{N}05", "09:05"),
        ("9:05", f"9{N}h{N}05", "09:05"),
        ("00:00", f"0{N}h", "00:00"),
        ("23:59", f"23{N}h{N}59", "23:59"),
    ],
)
def test_format_time(hhmm, french, english):
    assert format_time(hhmm, "fr") == french
    assert format_time(hhmm, "en") == english


@pytest.mark.parametrize("bad", ["24:00", "12:60", "1730", "17h", "", "midi"])
def test_format_time_rejects_what_is_not_hh_mm(bad):
    with pytest.raises(ValueError, match="HH:MM"):
        format_time(bad, "fr")


# --- line breaking in reportlab ----------------------------------------------------------------


@pytest.fixture(scope="module")
def body_style():
    """The bundled font as the PDFs register it (reportlab keeps the first font registered for a face)."""
    from reportlab.lib.styles import ParagraphStyle

    from newsletter.render.pdf.fonts import BUNDLED_DIR, register_family

    family = register_family(
        *(BUNDLED_DIR / f"DejaVuSans{style}.ttf" for style in ("", "-Bold", "-Oblique", "-BoldOblique"))
    )
    return ParagraphStyle("body", fontName=family.regular, fontSize=11, leading=13)


def printed_lines(text: str, style, width: float) -> list[str]:
    """The lines reportlab sets ``text`` on, words joined by one space."""
    from reportlab.platypus import Paragraph

    paragraph = Paragraph(escape(text), style)
    return [" ".join(words) for _, words in paragraph.breakLines(width).lines]


SENTENCE = 'Il a dit "bonjour" à tout le monde. Pourquoi ? Appelez le 0241054000 sans tarder.'


def widths(style):
    """Every width from the longest unbreakable piece up to the whole text, by 2 pt."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    printed = fr(SENTENCE)
    longest = max(stringWidth(word, style.fontName, style.fontSize) for word in printed.split(" "))
    whole = stringWidth(printed, style.fontName, style.fontSize)
    return [longest + 1 + 2 * step for step in range(int((whole - longest) / 2))]


def test_reportlab_never_breaks_inside_guillemets_before_a_question_mark_or_in_a_phone(body_style):
    for width in widths(body_style):
        lines = printed_lines(fr(SENTENCE), body_style, width)
        assert not any(line.startswith(("?", "»")) or line.endswith("«") for line in lines), (width, lines)
        assert sum(f"«{N}bonjour{N}»" in line for line in lines) == 1, (width, lines)
        assert sum(PAIRS in line for line in lines) == 1, (width, lines)


def test_reportlab_would_break_there_without_typography(body_style):
    """Proves the test above can fail: with plain spaces, some width breaks before "?"."""
    plain = SENTENCE.replace('"bonjour"', "« bonjour »").replace("0241054000", "02 41 05 40 00")
    broken = [printed_lines(plain, body_style, width) for width in widths(body_style)]
    assert any(line.startswith("?") for lines in broken for line in lines)
    assert any(line.startswith("»") or line.endswith("«") for lines in broken for line in lines)
    assert not all(any("02 41 05 40 00" in line for line in lines) for lines in broken)


def test_reportlab_breaks_at_a_narrow_no_break_space(body_style):
    """Why normalize() turns U+202F into U+00A0: reportlab breaks lines at U+202F."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = stringWidth("Pourquoi", body_style.fontName, body_style.fontSize) + 1
    assert printed_lines("Pourquoi\u202f?", body_style, width) == ["Pourquoi", "?"]
    assert printed_lines(fr("Pourquoi\u202f?"), body_style, width + 10) == [f"Pourquoi{N}?"]
