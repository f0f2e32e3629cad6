"""Properties of the whole pipeline, on issues hypothesis writes: any text, any valid shape.

An issue file is written the way a user could write it (block YAML, every text double-quoted: a
JSON string is a valid YAML double-quoted scalar) and goes through the real command, in-process:
either a PDF is built that shows every printable word of the input, or the command answers with
a located error; nothing else ever leaves the CLI. The exports never raise, and the HTML export
never turns user text into a script or an event attribute.

"Printable words" are the input's words after the project's normalisation (``typography.apply``:
NFC, invisible characters removed, French no-break spaces, ’ « » …) without the characters the
font cannot draw (left out, each with a warning), as the journal frames them (a testimonial in
quotes, the kicker in capitals but in large print). Words are compared whitespace-split, occurrence by occurrence,
ignoring the markup's asterisks and bullet dashes. Where extraction cannot give a word back as
typed, the comparison is narrowed, never dropped: a word may come out in pieces (see
``printed_in_pieces``); characters beyond U+FFFF are left out of the comparison (``extractable``);
a PDF holding right-to-left letters is compared by characters (``right_to_left``).
"""

from __future__ import annotations

import io
import itertools
import json
import re
import shutil
import sys
import unicodedata
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, assume, event, given, note, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from conftest import REPO
from newsletter.cli import main
from newsletter.model.document import IssueDocument
from newsletter.model.formats import STATES, Issue, Publication
from newsletter.read import parse_yaml
from newsletter.render.pdf.fonts import BUNDLED_DIR, Glyphs, read_coverage
from newsletter.text import typography
from newsletter.text.labels import label

PIPELINE = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
DEJAVU = ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique")
# What every style of the bundled font can draw, read from the TTF files themselves (not from the
# coverage data the tool ships): the ground truth for "no tofu box".
FONT = Glyphs(frozenset.intersection(*(read_coverage(BUNDLED_DIR / f"{name}.ttf") for name in DEJAVU)))
# The invisible characters the tool removes (decision of issue 6): zero-width space, joiners, word
# joiner, BOM, soft hyphen, bidi marks, embeddings, overrides and isolates.
INVISIBLE = set(
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
TITLE = "Lettre de crise"  # of the sample publication every workspace here copies
LOCATED = re.compile(r"^issues/(001|publication)\.yaml:\d+:\d+: ")


# --- writing a workspace -----------------------------------------------------------------------


def yaml_lines(value, indent: int = 0, ascii_only: bool = False) -> list[str]:
    """Block YAML for nested dicts and lists of strings; every string double-quoted by json.dumps."""
    pad = " " * indent

    def scalar(item) -> str:
        if isinstance(item, str):
            return json.dumps(item, ensure_ascii=ascii_only)
        return "[]" if isinstance(item, list) else "{}"

    lines = []
    for key, item in value.items() if isinstance(value, dict) else enumerate(value):
        head = f"{pad}{key}:" if isinstance(value, dict) else f"{pad}-"
        if isinstance(item, (dict, list)) and item:
            nested = yaml_lines(item, indent + 2, ascii_only)
            if isinstance(value, dict):
                lines += [head, *nested]
            else:
                lines += [f"{head} {nested[0].lstrip()}", *nested[1:]]
        else:
            lines.append(f"{head} {scalar(item)}")
    return lines


def write_workspace(root: Path, issue: dict, lang: str, ascii_only: bool = False) -> Path:
    (root / "issues").mkdir(parents=True)
    (root / "assets").mkdir()
    shutil.copy(REPO / "assets" / "logo.png", root / "assets")
    publication = (REPO / "issues" / "publication.yaml").read_text(encoding="utf-8")
    (root / "issues" / "publication.yaml").write_text(
        publication.replace("language: fr", f"language: {lang}"), encoding="utf-8"
    )
    text = "\n".join(yaml_lines(issue, ascii_only=ascii_only)) + "\n"
    (root / "issues" / "001.yaml").write_text(text, encoding="utf-8")
    return root


def run_cli(*args) -> tuple[int, str, str]:
    """``newsletter ARGS…`` through the real entry point, in-process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with mock.patch.object(sys, "argv", ["newsletter", *map(str, args)]), redirect_stdout(out), redirect_stderr(err):
        try:
            main()
            code = 0
        except SystemExit as exited:
            code = exited.code if isinstance(exited.code, int) else (0 if exited.code is None else 1)
    return code, out.getvalue(), err.getvalue()


# --- what the user typed, and what the PDF must show -------------------------------------------


def typeset(text: str, lang: str) -> str:
    """The text as the PDF prints it: the project's normalisation, then only what the font draws."""
    return FONT.drawable(typography.apply(text, lang))


def words(text: str) -> list[str]:
    """Whitespace-split words, without the asterisks (the markup takes some of them)."""
    return text.replace("*", "").split()


def typed_words(text: str) -> list[str]:
    """The words of user text, without the dashes that start a bullet (printed as a drawn •)."""
    return [word for word in words(text) if word.strip("-•")]


def unprinted(expected: list[tuple[str, str]], pages: list[list[str]]) -> list[tuple[str, str]]:
    """The expected (field, word) pairs that the words extracted from the ``pages`` do not show.

    Whole words are counted: a word typed twice and printed once is missing, unless its second
    occurrence comes out in pieces.
    """
    whole = Counter(piece for page in pages for piece in page)
    missing = []
    for field, word in expected:
        if whole[word]:
            whole[word] -= 1
        elif not printed_in_pieces(word, pages):
            missing.append((field, word))
    return missing


def printed_in_pieces(word: str, pages: list[list[str]]) -> bool:
    """A word wider than its column comes out in consecutive pieces, one a line (so does a word
    with a bold run inside: pypdf puts a space where the font changes). When the row of a table
    breaks across pages inside such a word, the row's other cells come between its two parts."""
    pieces = [piece for page in pages for piece in page]
    return run_of(word, pieces) or any(
        run_of(word[:cut], before) and run_of(word[cut:], after)
        for before, after in itertools.pairwise(pages)
        for cut in range(1, len(word))
    )


def run_of(text: str, pieces: list[str]) -> bool:
    """``text`` is the concatenation of consecutive ``pieces``."""
    for start, first in enumerate(pieces):
        joined = first
        for piece in pieces[start + 1 :] if first and text.startswith(first) else []:
            if joined == text:
                break
            joined += piece
            if not text.startswith(joined):
                break
        if joined == text:
            return True
    return False


def right_to_left(text: str) -> bool:
    """Hebrew, Arabic…: the PDF draws them in typed order (the tool warns that they read reversed);
    pypdf reorders them on extraction by its own rules, which also move the spaces, digits and
    punctuation around them and carry over to the next lines. A PDF holding them is compared by
    characters only."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def letters_and_digits(text: str) -> Counter:
    """Letters and digits, the hour's "H" counted as "h" (French typography writes "14 H 30" as "14 h 30")."""
    return Counter("h" if c == "H" else c for c in text if unicodedata.category(c)[0] in "LN")


def printed_texts(issue: dict, lang: str) -> list[tuple[str, str, str]]:
    """(field, text as typed, how the journal frames it) for every user text of the issue it prints
    (fields named as the tool's messages name them: ``faq[1].a``).

    The frame is what the journal glues to the text: a testimonial between quotes, a comma after
    the name of someone whose role follows. A caption is printed only under its image.
    """
    texts = [(key, issue[key], "{}") for key in ("headline", "lead") if key in issue]
    for key in ("essentials", "do", "dont"):
        texts += [(f"{key}[{i}]", item, "{}") for i, item in enumerate(issue.get(key, []), start=1)]
    for key, items in issue.get("situation", {}).items():
        texts += [(f"situation.{key}[{i}]", item, "{}") for i, item in enumerate(items, start=1)]
    frames = {"quote": "« {} »" if lang == "fr" else "“{}”"}
    for key in ("status", "news", "faq", "testimonials", "contacts", "tips"):
        for i, entry in enumerate(issue.get(key) or [], start=1):
            entry = {"body": entry} if isinstance(entry, str) else entry
            shown = [name for name in entry if name not in ("state", "since", "image", "phone", "email", "caption")]
            shown += ["caption"] if "caption" in entry and "image" in entry else []
            # the invisible characters are dropped when the file is read: a role of only those is no role
            comma = key == "testimonials" and any(c not in INVISIBLE for c in entry.get("role", "").strip())
            texts += [
                (f"{key}[{i}].{name}", entry[name], "{}," if comma and name == "name" else frames.get(name, "{}"))
                for name in shown
            ]
    return texts


def extractable(word: str) -> str:
    """The word without characters beyond U+FFFF: reportlab prints them, but writes their entry
    of the PDF's ToUnicode map as a bare code point (``<1F600>``) instead of UTF-16, so no text
    extractor can read them back (pypdf: "Odd-length string")."""
    return "".join(c for c in word if ord(c) <= 0xFFFF)


def expected_words(issue: dict, lang: str, capitals: bool = True) -> list[tuple[str, str]]:
    shown = [(field, frame.format(typeset(text, lang))) for field, text, frame in printed_texts(issue, lang)]
    if "edition" in issue and not capitals:  # large print has no line in capitals
        shown.append(("edition", typeset(issue["edition"], lang)))
    elif "edition" in issue:  # the kicker is printed in capitals, where the font has them
        shown.append(
            (
                "edition",
                "".join(
                    capital if FONT.drawable(capital := c.upper()) == capital else c
                    for c in typeset(issue["edition"], lang)
                ),
            )
        )
    return [(field, extractable(word)) for field, text in shown for word in typed_words(text) if extractable(word)]


# --- strategies --------------------------------------------------------------------------------

# Any text a UTF-8 file can hold (no surrogates): format characters, any script, emoji; and, less
# often, with control characters (which the tool refuses: they would otherwise dominate).
any_text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"], include_characters="\n\t"), min_size=1, max_size=25
)
with_controls = st.text(st.characters(codec="utf-8"), max_size=25)
PIECES = [
    "Les",
    "agents",
    "réseau",
    "Œuvre",
    "à",
    "déjà",
    "l'accueil",
    "aujourd'hui",
    "naïve",
    "STRASSE",
    "straße",
    "e\u0301t\u0301e\u0301",
    "14h30",
    "17h",
    "12%",
    "n°3",
    "02 41 05 40 00",
    "+33 2 41 05 40 00",
    "0241054000",
    "https://x.fr/a?b=1",
    "a@b.fr",
    "**gras**",
    "*italique*",
    "**",
    "*",
    "\n",
    "\n\n",
    "\n- ",
    "- ",
    "• ",
    " - ",
    '"cité"',
    "«",
    "»",
    ":",
    ";",
    "!",
    "?",
    "...",
    "(",
    ")",
    "&",
    "<b>",
    "</i>",
    "<font name=x>",
    "&amp;",
    "&#x110000;",
    "\u200b",
    "\u00ad",
    "\u2060",
    "\u200f",
    "\u202e",
    "\ufeff",
    "\u202f",
    "\u00a0",
    "\t",
    "\u2009",
    "😀",
    "👩‍💻",
    "漢字",
    "עברית",
    "العربية",
    "Ελληνικά",
    "Кириллица",
    "საქართველო",
    "ɡɪ",
    "x" * 60,
    " ",
    "<script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "[lien](javascript:alert(1))",
    "<!--",
    "]]>",
    "{{7*7}}",
]
typed_text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(" ".join)
text = st.one_of(any_text, typed_text)
# Text the font can draw and that is never blank: such an issue must always build.
LETTERS = "abcdefghijklmnopqrstuvwxyzéèêàçôùœABCDEFGHIJKLMNOPQRSTUVWXYZÉÀÇ0123456789'’-.,;:!?()%€«»\"&<>/"
printable_word = st.text(st.sampled_from(LETTERS), min_size=1, max_size=14)
printable_text = st.lists(printable_word, min_size=1, max_size=8).map(" ".join)


SHORT_LIST_LENGTH = st.integers(0, 3)


def issues(text_strategy, short=SHORT_LIST_LENGTH):
    """Valid shapes of an issue: every optional section present or absent, lists of 0 to 3 entries."""

    def listed(strategy):
        return short.flatmap(lambda n: st.lists(strategy, min_size=n, max_size=n))

    status = st.fixed_dictionaries(
        {"system": text_strategy, "state": st.sampled_from(STATES)},
        optional={"since": st.sampled_from(["8 février", "2021-02-08", "depuis lundi"]), "note": text_strategy},
    )
    news = st.fixed_dictionaries(
        {"title": text_strategy, "body": text_strategy},
        optional={"image": st.just("../assets/logo.png"), "caption": text_strategy},
    )
    tip = st.one_of(text_strategy, st.fixed_dictionaries({"body": text_strategy}, optional={"title": text_strategy}))
    contact = st.fixed_dictionaries(
        {"name": text_strategy},
        optional={
            "role": text_strategy,
            "email": st.just("cellule@ville.example"),
            "phone": st.sampled_from(["02 61 91 40 01", "0261914001", "+44 20 7946 0000"]),
        },
    )
    situation = st.fixed_dictionaries(
        {}, optional={key: listed(text_strategy) for key in ("known", "unknown", "doing")}
    )
    return st.fixed_dictionaries(
        {"number": st.just("1"), "date": st.just("2021-02-05"), "headline": text_strategy},
        optional={
            "time": st.sampled_from(["17:30", "8h05", "09:00"]),
            "edition": text_strategy,
            "lead": text_strategy,
            "essentials": listed(text_strategy),
            "situation": situation,
            "status": listed(status),
            "news": listed(news),
            "do": listed(text_strategy),
            "dont": listed(text_strategy),
            "tips": listed(tip),
            "faq": listed(st.fixed_dictionaries({"q": text_strategy, "a": text_strategy})),
            "testimonials": listed(
                st.fixed_dictionaries({"quote": text_strategy, "name": text_strategy}, optional={"role": text_strategy})
            ),
            "contacts": listed(contact),
            "next_issue": st.just("2021-02-12"),
            "poster": st.fixed_dictionaries({}, optional={"headline": text_strategy, "do": listed(text_strategy)}),
        },
    )


languages = st.sampled_from(["fr", "en"])
journals = st.sampled_from(["journal-a4", "large-print-a4", "journal-a5"])
EXPORTS = ["text", "sms", "markdown", "html", "phone"]


# --- the pipeline ------------------------------------------------------------------------------


def build(tmp_path_factory, issue: dict, lang: str, layout: str, ascii_only: bool = False):
    root = write_workspace(tmp_path_factory.mktemp("ws"), issue, lang, ascii_only)
    note((root / "issues" / "001.yaml").read_text(encoding="utf-8"))
    code, out, err = run_cli("--root", root, "build", "1", "--layout", layout, "--out", root / "out")
    note(err)
    assert "internal error" not in err and "Traceback" not in err + out
    assert code in (0, 1), (code, err)
    return root, code, err, sorted((root / "out").glob("*.pdf")) if (root / "out").is_dir() else []


def reading_order(pdf: Path, lang: str) -> tuple[str, list[list[str]]]:
    """The PDF's text, and the words of each page without what repeats at page breaks (the
    footer, the status table's header row)."""
    header = {label(lang, key) for key in ("status_state", "status_system", "status_since", "status_note")}
    pages = [page.extract_text().splitlines() for page in PdfReader(pdf).pages]
    bodies = []
    for number, lines in enumerate(pages):
        footer = max(i for i, line in enumerate(lines) if line.startswith(f"{TITLE} · "))
        lines = lines[:footer]
        while number and lines and lines[0].strip() in header:
            lines = lines[1:]
        bodies.append(words("\n".join(lines)))
    return "\n".join(line for lines in pages for line in lines), bodies


def assert_no_tofu(extracted: str) -> None:
    tofu = {c for c in extracted if not c.isspace() and ord(c) not in FONT.codepoints}
    assert not tofu, f"characters drawn without a glyph: {tofu}"


def assert_shows_every_word(pdf: Path, issue: dict, lang: str, layout: str) -> None:
    extracted, pages = reading_order(pdf, lang)
    assert_no_tofu(extracted)
    expected = expected_words(issue, lang, capitals=layout != "large-print-a4")
    if right_to_left(extracted):
        missing = [(field, word) for field, word in expected if not set(word) <= set(extracted)]
    else:
        missing = unprinted(expected, pages)
    assert not missing, f"words typed but not printed: {missing}\n--- extracted:\n{extracted}"


def assert_every_loss_is_warned(err: str, issue: dict, lang: str) -> None:
    """What the PDF leaves out is said: each character the font cannot draw, a caption with no image."""
    for field, typed, _ in printed_texts(issue, lang):
        for char in set(typography.apply(typed, lang)) - set(typeset(typed, lang)):
            assert f"the character {char!r}" in err, (field, char)
    for i, item in enumerate(issue.get("news", [])):
        # a caption of spaces or invisible characters is no caption: nothing is lost
        if any(c not in INVISIBLE for c in item.get("caption", "").strip()) and "image" not in item:
            assert f"news[{i + 1}].caption: this caption has no image: it is not printed" in err


def assert_located_errors(err: str) -> None:
    """Every error names the file, line and column (a warning, a hint or the summary may follow)."""
    problems = [
        line
        for line in err.splitlines()
        if line
        and not line.startswith("    ")
        and "warning:" not in line
        and not re.fullmatch(r"\d+ error\(s\), \d+ warning\(s\)|nothing was (built|exported): .*", line)
    ]
    assert problems and all(LOCATED.match(line) for line in problems), err


@PIPELINE
@given(
    issue=st.one_of(issues(text), issues(st.one_of(text, with_controls))),
    lang=languages,
    layout=st.one_of(journals, st.just("poster-a3")),
    ascii_only=st.booleans(),
    export=st.sampled_from(EXPORTS),
)
def test_any_text_builds_a_pdf_showing_its_words_or_a_located_error(
    tmp_path_factory, issue, lang, layout, ascii_only, export
):
    root, code, err, pdfs = build(tmp_path_factory, issue, lang, layout, ascii_only)
    event("refused" if code else "built")
    if code:
        assert not pdfs
        assert_located_errors(err)
    elif layout == "poster-a3":  # a poster prints its own short texts: no word check, but no tofu box either
        assert_no_tofu("\n".join(page.extract_text() for page in PdfReader(pdfs[0]).pages))
    else:
        assert_shows_every_word(pdfs[0], issue, lang, layout)
        assert_every_loss_is_warned(err, issue, lang)

    exported, out, err = run_cli("--root", root, "export", "1", "--format", export)
    assert "internal error" not in err and exported in (0, 1), err
    # the same answer as the build (a poster may refuse text too long for it, the export does not)
    assert exported == code or (layout == "poster-a3" and exported < code), err
    if exported:
        assert_located_errors(err)
    else:
        assert out.strip()


@PIPELINE
@given(issue=issues(printable_text), lang=languages, layout=journals)
def test_every_valid_shape_with_printable_text_builds(tmp_path_factory, issue, lang, layout):
    _, code, err, pdfs = build(tmp_path_factory, issue, lang, layout)
    assert code == 0, err
    [pdf] = pdfs
    assert_shows_every_word(pdf, issue, lang, layout)


@settings(max_examples=300, deadline=None)
@given(typed=text, lang=languages)
def test_normalisation_keeps_every_letter_and_digit_the_font_draws(typed, lang):
    """The oracle above trusts ``typography.apply`` only for spaces and punctuation: letters and
    digits must survive it, composed (NFC), with the invisible characters gone."""
    visible = unicodedata.normalize("NFC", "".join(c for c in typed if c not in INVISIBLE))
    assert letters_and_digits(typeset(typed, lang)) == letters_and_digits(FONT.drawable(visible))


def test_normalisation_writes_the_hour_sign_in_lower_case():
    assert typeset("0H", "fr") == "0\u00a0h"


# --- the exports -------------------------------------------------------------------------------

URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href")


class _Markup(HTMLParser):
    """Every tag of an HTML page, with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))


def document_of(issue: dict, lang: str) -> IssueDocument | None:
    """The validated document, as the CLI would make it; None when the text is refused."""
    from newsletter.errors import InputError

    publication = Publication.parse(
        parse_yaml((REPO / "issues" / "publication.yaml").read_text(encoding="utf-8"), "publication.yaml").data
    )
    publication = publication.replace(language=lang)
    try:
        source = parse_yaml("\n".join(yaml_lines(issue)) + "\n", "001.yaml")
        model = Issue.parse(source.data)
    except (InputError, ValueError):
        return None
    return IssueDocument(publication, model, REPO / "issues" / "001.yaml", REPO / "issues" / "publication.yaml")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issue=issues(text), lang=languages)
def test_exports_never_raise_and_html_never_runs_user_text(issue, lang):
    from newsletter.render import html, markdown, phone
    from newsletter.render import text as plain_text

    document = document_of(issue, lang)
    assume(document is not None)
    for render in (plain_text.render, markdown.render, html.render, phone.render):
        assert isinstance(render(document), str)
    sms = plain_text.render_sms(document)
    assert len(sms.text) <= plain_text.SMS_LIMIT
    web_page = html.render(document)
    assert "<script" not in web_page.lower()
    page = _Markup()
    page.feed(web_page)
    page.close()
    for tag, attributes in page.tags:
        assert tag not in ("script", "iframe", "object", "embed", "svg", "form", "base", "meta") or (
            tag == "meta" and all(name in ("charset", "name", "content") for name, _ in attributes)
        ), tag
        for name, value in attributes:
            assert not name.startswith("on"), (tag, name)
            if name in URL_ATTRIBUTES:
                assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)
