"""Slips YAML accepts without a word: a text cut at ` #`, a `- ` line joined to the text above, a
`key:value` read as a text, a quote left open that swallows the lines below. Also what YAML makes of
a value's first character, and the quoting that fixes most misread texts: the syntax explanations
(``explain``) and the refused YAML features (``tree``) word their advice with them too.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import yaml

from newsletter.errors import Mend, Severity
from newsletter.i18n import N_, _

NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})  # plain texts that YAML reads as no value
FIX_BY_QUOTING = N_("put the whole text in quotes: {text}")
FIX_BY_QUOTING_COMMENT = N_("put the whole text in quotes if the # is part of it: {text}")
KEY_WITHOUT_SPACE = re.compile(r"([A-Za-z_][\w-]*):(?!//)(\S.*)")
# A block line: indentation, list dashes, an optional `key: `, then the value as typed.
_BLOCK_LINE = re.compile(r"(?P<indent> *)(?P<dashes>(?:- +)*)(?:(?P<key>\w(?:[\w .-]*\w)?):(?: +|$))?(?P<value>.*)")
_COMMENT_AFTER_TEXT = re.compile(r"[ \t]+(#)(\S?)")
# What YAML makes of a value that starts with these characters: mostly a slip, fixed by quoting the text.
STARTS_WITH = {
    "*": N_("a value starting with `*` is read by YAML as a reference to something else"),
    "&": N_("a value starting with `&` is read by YAML as a name given to the value (an anchor)"),
    "!": N_("a value starting with `!` is read by YAML as a tag"),
    "|": N_("a value starting with `|` is read by YAML as the start of a block of text on the lines below"),
    ">": N_("a value starting with `>` is read by YAML as the start of a block of text on the lines below"),
    "[": N_("a value starting with `[` is read by YAML as a list written on one line"),
    "{": N_("a value starting with `{` is read by YAML as a group of `key: value` written on one line"),
    "]": N_("a value cannot start with `]` in YAML"),
    "}": N_("a value cannot start with `}` in YAML"),
    ",": N_("a value cannot start with `,` in YAML"),
    "@": N_("a value cannot start with `@` in YAML"),
    "`": N_("a value cannot start with a backquote (`) in YAML"),
    "?": N_("a value starting with `? ` is read by YAML as the start of a complex key"),
    "%": N_("a value cannot start with `%` in YAML"),
}


MENDED_BY_QUOTING = "*&!%@`|>[{"  # the first characters whose text `check --fix` puts in quotes


class Slip(NamedTuple):
    """A problem at a 0-based ``line`` and ``column`` of the text, like the parser's marks."""

    line: int
    column: int
    message: str
    hint: str
    severity: Severity = "error"
    mend: Mend | None = None


def block_line(line: str) -> re.Match[str]:
    """The parts of ``line`` as a block line (``indent``, ``dashes``, ``key``, ``value``). Every part may be
    empty, so every line has them."""
    parts = _BLOCK_LINE.match(line)
    assert parts is not None, "every part of a block line may be empty"
    return parts


def cut_by_comment(lines: list[str], node: yaml.ScalarNode) -> Slip | None:
    """Plain text followed by ` #…` on its line: YAML dropped that part as a comment."""
    start, end = node.start_mark, node.end_mark
    line = lines[end.line]
    match = _COMMENT_AFTER_TEXT.match(line, end.column)
    if not match:
        return None
    if node.value in NULL_WORDS and not (node.value == "" and match.group(2)):
        return None  # `key:  # note` or `key: ~ # note` is a deliberate comment; `key: #3` is not
    if _note_after(match.group(0)):  # `salle 3 # au fond`: maybe a note meant as a comment
        hint = _("put the whole text in quotes if the # is part of it")
        if start.line == end.line:
            hint = _(FIX_BY_QUOTING_COMMENT, text=quote_rest(line, start.column))
        message = _("the text after ' #' is a YAML comment and will not be printed")
        return Slip(end.line, match.start(1), message, hint, "warning")
    # `salle #3`, `poste #4012`: text, not a comment; `key: #3`: the text is the comment alone, and the value
    # YAML read (nothing) starts at the colon
    column = match.start(1) if node.value == "" else start.column
    mend = quoting(lines, start.line, column, keep_comment=True) if start.line == end.line else None
    comment = line[match.start(1) :].rstrip()
    message = _("YAML reads ' #' as the start of a comment, so `{comment}` would not be printed", comment=comment)
    if mend is not None:
        hint = _(FIX_BY_QUOTING, text=quote_rest(line, column))
    else:
        hint = _("put the whole text in quotes, from its first line to its end, or write `|` after its key")
    return Slip(end.line, match.start(1), message, hint, "error", mend)


def joined_list_item(lines: list[str], node: yaml.ScalarNode) -> Slip | None:
    """A `- item` line indented too far is silently joined to the text above it."""
    for number in range(node.start_mark.line + 1, node.end_mark.line + 1):
        content = lines[number].lstrip(" ")
        if content == "-" or content.startswith("- "):
            return Slip(
                number,
                len(lines[number]) - len(content),
                _(
                    "this `- ` line is joined to the text above it: YAML reads it as more of that text, "
                    "not as a new list item"
                ),
                _(
                    "for a new item, start its `-` at the same column as the item above; "
                    "for a bulleted text, write `|` after the key and indent the lines under it"
                ),
                "warning",
            )
    return None


def no_space_after_colon(lines: list[str], node: yaml.ScalarNode) -> Slip | None:
    """A text typed as `key:value`: the space after the colon was forgotten, so it is not a key."""
    mark = node.start_mark
    match = KEY_WITHOUT_SPACE.match(lines[mark.line], mark.column)
    if not match:
        return None
    key, rest = match.groups()
    return Slip(
        mark.line,
        match.end(1),
        _(
            "`{key}:{rest}` has no space after the colon, so YAML reads it as a text, not as a key and its value",
            key=key,
            rest=rest.strip(),
        ),
        _("add a space after the colon: `{key}: {rest}`", key=key, rest=rest.strip()),
    )


def quote_running_on(lines: list[str], node: yaml.ScalarNode, parent_column: int) -> Slip | None:
    """A quoted text running over lines that are not indented under its key: an unclosed quote."""
    start, end = node.start_mark, node.end_mark
    for number in range(start.line + 1, end.line + 1):
        line = lines[number]
        if line.strip() and indentation(line) <= parent_column:
            return Slip(start.line, start.column, *quote_not_closed(node.style, end.line))
    return None


def quote_not_closed(quote: str, last_line: int) -> tuple[str, str]:
    """Message and hint for a quote that runs on past its line (``last_line`` is 0-based)."""
    return (
        _(
            "the quote opened here is not closed on its line: YAML reads the text on to line {line}",
            line=last_line + 1,
        ),
        _(
            "add the closing {quote} at the end of the text; if the text really goes on over several lines, "
            "indent them more than its key",
            quote=quote,
        ),
    )


# Spaces that are not spaces for YAML, typed by word processors (and by French typography, before `:`).
_NO_BREAK_SPACES = "\u00a0\u202f\u2007"
_INDENT_WITH_NO_BREAK_SPACE = re.compile(f"[ {_NO_BREAK_SPACES}]*(?:-[ {_NO_BREAK_SPACES}]+)*")
_KEY_THEN_NO_BREAK_SPACE = re.compile(f"[ ]*(?:- +)*(\\w[\\w .-]*?)[ {_NO_BREAK_SPACES}]*:([{_NO_BREAK_SPACES}])")


def space_name(character: str) -> str:
    """How a message names a no-break space: ``a no-break space (U+00A0)``."""
    names = {"\u00a0": _("a no-break space"), "\u202f": _("a narrow no-break space"), "\u2007": _("a figure space")}
    return f"{names[character]} (U+{ord(character):04X})"


def no_break_space(line: str) -> tuple[int, str, str] | None:
    """A no-break space that YAML reads as text where a space was meant: in the indentation (or between a
    `-` and its item), or right after a key's colon. Its column (0-based), the message and the hint."""
    head = _INDENT_WITH_NO_BREAK_SPACE.match(line)
    assert head is not None, "every part of the pattern may be empty"
    where = next((column for column in range(head.end()) if line[column] in _NO_BREAK_SPACES), None)
    if where is not None:
        message = _("{space} is used for indentation; YAML needs ordinary spaces", space=space_name(line[where]))
        return where, message, _("replace it by an ordinary space")
    after_key = _KEY_THEN_NO_BREAK_SPACE.match(line)
    if after_key is not None:
        where, key = after_key.start(2), after_key.group(1)
        message = _(
            "{space} follows the colon of `{key}`; YAML needs an ordinary space there",
            space=space_name(line[where]),
            key=key,
        )
        return where, message, _("replace it by an ordinary space")
    return None


def no_break_space_in_key(lines: list[str], node: yaml.ScalarNode) -> Slip | None:
    """A key typed after no-break spaces, or followed by one before its colon (French typography puts one
    there): YAML reads the spaces as part of the key, and no key has them."""
    key, mark = node.value, node.start_mark
    if node.style or not key.strip(_NO_BREAK_SPACES):
        return None
    if key[0] in _NO_BREAK_SPACES:
        message = _("{space} is used for indentation; YAML needs ordinary spaces", space=space_name(key[0]))
        return Slip(
            mark.line, mark.column, message, _("replace it by an ordinary space"), mend=spacing(lines, mark.line)
        )
    name = key.rstrip(_NO_BREAK_SPACES + " ")
    if name == key:
        return None
    message = _(
        "{space} is typed between `{key}` and its colon, so YAML reads it as part of the key",
        space=space_name(key[len(name) :].strip(" ")[0]),
        key=name,
    )
    return Slip(
        mark.line, mark.column + len(name), message, _("remove it: `{key}:`", key=name), mend=spacing(lines, mark.line)
    )


def indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def quoted(text: str) -> str:
    """``text`` in YAML quotes: double ones unless the text needs escapes there."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return single_quoted(text)


def single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def after_head(head: str, text: str) -> str:
    """``text`` after the ``key:`` or ``-`` that starts its line, as a line to type."""
    head = head.strip()
    return f"{head} {text}" if head else text


def quote_rest(line: str, column: int) -> str:
    """``line`` with its text from ``column`` on put in quotes: the usual fix for a misread text."""
    return after_head(line[:column], quoted(line[column:].strip()))


def quoting(lines: list[str], number: int, column: int, keep_comment: bool = False) -> Mend | None:
    """Line ``number`` (0-based) with its text from ``column`` on put in quotes: the mend of a text YAML
    misreads, when the whole text is on that line (not when it runs on below, nor when it is followed by
    a ` # comment`, unless ``keep_comment``: the ` #` is then part of the text)."""
    line = lines[number]
    text = line[column:].strip()
    if not text or (not keep_comment and _note_after(text)) or _runs_on(lines, number):
        return None
    return Mend(number + 1, line, line[:column] + quoted(text))


def _note_after(text: str) -> bool:
    """Whether ``text`` holds a ` # ` that may be a note meant as a comment; a `#` right against a word
    (`salle #3`) is text, as :func:`cut_by_comment` reads it."""
    return any(not match.group(2) or match.group(2).isspace() for match in _COMMENT_AFTER_TEXT.finditer(text))


def _runs_on(lines: list[str], number: int) -> bool:
    """Whether the value typed on line ``number`` goes on over the next lines (indented more than its key)."""
    parts = block_line(lines[number])
    level = parts.start("key") if parts["key"] else indentation(lines[number])
    for line in lines[number + 1 :]:
        if line.strip() and not line.strip().startswith("#"):
            return indentation(line) > level
    return False


_SPACING = re.compile(
    f"(?P<head>[ \t{_NO_BREAK_SPACES}]*(?:-[ \t{_NO_BREAK_SPACES}]+)*)"
    f"(?:(?P<key>\\w[\\w .-]*?)[ {_NO_BREAK_SPACES}]*:(?P<after>[\t{_NO_BREAK_SPACES}]?))?"
)


def spacing(lines: list[str], number: int) -> Mend | None:
    """Line ``number`` (0-based) with ordinary spaces where a tab or a no-break space was typed: in its
    indentation and after its `- ` (a tab as wide as the file's indentation step, a no-break space as one
    space; a key indented with tabs where a key above it is: see ``_column_meant``), and around the colon
    of its key. Nothing after the key's colon changes; None when the column meant is not certain."""
    line = lines[number]
    parts = _SPACING.match(line)
    assert parts is not None, "every part of the pattern may be empty"
    step = " " * _indentation_step(lines)
    head = re.sub("-\t", "- ", parts["head"]).replace("\t", step)  # a tab after a dash: the space of the `- `
    for space in _NO_BREAK_SPACES:
        head = head.replace(space, " ")
    if parts["key"] is None:
        mended = head + line[parts.end("head") :]
    else:
        if "\t" in parts["head"] and "-" not in head:
            column = _column_meant(lines, number, len(head))
            if column is None:
                return None
            head = " " * column
        mended = head + parts["key"] + ":" + (" " if parts["after"] else "") + line[parts.end() :]
    return Mend(number + 1, line, mended) if mended != line else None


def _column_meant(lines: list[str], number: int, column: int) -> int | None:
    """The column a key indented with tabs is meant at: ``column`` (its tabs as wide as the file's step) when
    a key above starts there (a sibling, or a key of an outer level), else the column of the key on the line
    above, when that key has its value (the next key is its sibling); None when unsure."""
    above = [block_line(line) for line in reversed(lines[:number]) if line.strip() and line.strip()[0] != "#"]
    columns, limit = set(), len(lines[number])
    for parts in above:
        start = parts.start("key") if parts["key"] else parts.end("dashes")
        if start < limit:
            columns.add(start)
            limit = len(parts["indent"])
    if not above or column in columns:
        return column
    if above[0]["key"] and above[0]["value"].strip():
        return above[0].start("key")
    return None


def _indentation_step(lines: list[str]) -> int:
    """The fewest spaces a line of the file is indented with (2 when none is)."""
    return min((indentation(line) for line in lines if line.startswith(" ") and line.strip()), default=2)


def as_typed(tag: str) -> str:
    """A resolved tag the way it was typed: ``tag:yaml.org,2002:binary`` → ``!!binary``."""
    standard = "tag:yaml.org,2002:"
    return "!!" + tag[len(standard) :] if tag.startswith(standard) else tag
