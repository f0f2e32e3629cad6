"""YAML syntax errors in plain words: what the parser stumbled on, where it was typed, and how to fix it
(often by quoting the text)."""

from __future__ import annotations

import re

import yaml

from newsletter.errors import Diagnostic, Mend
from newsletter.i18n import _
from newsletter.read.slips import (
    FIX_BY_QUOTING,
    KEY_WITHOUT_SPACE,
    MENDED_BY_QUOTING,
    STARTS_WITH,
    after_head,
    block_line,
    indentation,
    no_break_space,
    quote_not_closed,
    quote_rest,
    quoted,
    quoting,
    single_quoted,
    spacing,
)

_KEY_AND_TEXT = re.compile(r"([a-z_][a-z0-9_]*) +(\S.*)")  # `q Mes fichiers…`: a key as these files write them
_INDENTATION_PROBLEMS = ("expected <block end>", "did not find expected key", "did not find expected '-'")

# Where the slip is (0-based line and column), the message and the hint.
_Explanation = tuple[int, int, str, str]


class SyntaxExplainer:
    """Turns a YAML parser error into a message a non-programmer can act on."""

    def __init__(self, text: str, lines: list[str], error: yaml.YAMLError):
        self.text = text
        self.lines = lines
        self.problem: str = getattr(error, "problem", None) or str(error)
        self.context: str = getattr(error, "context", None) or ""
        self.problem_mark: yaml.Mark | None = getattr(error, "problem_mark", None)
        self.context_mark: yaml.Mark | None = getattr(error, "context_mark", None)
        self.mend: Mend | None = None  # set by an explanation whose fix `check --fix` can make

    @property
    def mark(self) -> yaml.Mark:
        """Where the parser stopped. Only an error that has this mark is explained (``diagnostic`` words
        the others as they are), so every explanation can rely on it."""
        assert self.problem_mark is not None, "only an error with a problem mark is explained"
        return self.problem_mark

    def diagnostic(self, file: str) -> Diagnostic:
        if self.problem_mark is None:
            return Diagnostic(file=file, message=_("YAML cannot read this file ({problem})", problem=self.problem))
        for explain in (
            self._tab,
            self._no_break_space,
            self._first_key_without_colon,
            self._missing_space_after_colon,
            self._unclosed_or_escape,
            self._special_first_character,
            self._quote_inside_quotes,
            self._colon_in_text,
            self._line_without_key,
            self._dash_after_key,
            self._misaligned,
        ):
            found = explain()
            if found:
                break
        else:
            found = (
                self.mark.line,
                self.mark.column,
                _("YAML cannot read this line ({problem})", problem=self.problem),
                _("check the quotes, the colons and the indentation of this line and of the line above"),
            )
        line, column, message, hint = found
        return Diagnostic(file=file, line=line + 1, column=column + 1, message=message, hint=hint, mend=self.mend)

    def _line(self, number: int) -> str:
        return self.lines[number] if number < len(self.lines) else ""

    def _previous_content_line(self, number: int) -> int | None:
        for previous in range(number - 1, -1, -1):
            content = self.lines[previous].strip()
            if content and not content.startswith("#"):
                return previous
        return None

    def _tab(self) -> _Explanation | None:
        if "'\\t'" not in self.problem:
            return None
        line, column = self.mark.line, self.mark.column
        if self._line(line)[:column].strip():
            message = _("a tab character is used here; YAML needs spaces")
        else:
            message = _("a tab character is used for indentation; YAML needs spaces")
        self.mend = spacing(self.lines, line) if line < len(self.lines) else None
        return line, column, message, _("replace the tab by spaces")

    def _no_break_space(self) -> _Explanation | None:
        """A no-break space where YAML needs a space: in the indentation, or after a key's colon. YAML
        reads it as text, and stops a line or two further on."""
        first = self._previous_content_line(self.mark.line)
        if self.context_mark is not None:
            first = min(self.context_mark.line, self.mark.line if first is None else first)
        for number in range(self.mark.line if first is None else first, self.mark.line + 1):
            found = no_break_space(self._line(number))
            if found is not None:
                self.mend = spacing(self.lines, number)
                return (number, *found)
        return None

    def _first_key_without_colon(self) -> _Explanation | None:
        """`- q Mes fichiers…` then `a: …` under it: the colon of the item's first key is missing, so the
        item is a text, and the key below it cannot follow a text. So too for the first key of a group
        (`number 3` at the top of the file, then `date: …`)."""
        if not self.problem.startswith("mapping values are not allowed") or not self._starts_with_key_at_problem():
            return None
        above = self._previous_content_line(self.mark.line)
        if above is None:
            return None
        item = block_line(self.lines[above])
        words = _KEY_AND_TEXT.fullmatch(item["value"].rstrip())
        if item["key"] or not words:
            return None
        if item.start("value") != block_line(self._line(self.mark.line)).start("key"):
            return None
        key, text = words.groups()
        if item["dashes"]:
            message = _(
                "the colon after `{key}` is missing: YAML reads this list item as a text, not as `key: value` lines",
                key=key,
            )
        else:
            message = _(
                "the colon after `{key}` is missing: YAML reads this line as a text, not as a `key: value` line",
                key=key,
            )
        return (
            above,
            item.start("value") + len(key),
            message,
            _("add the colon after the key: `{line}`", line=after_head(item["dashes"], f"{key}: {text}")),
        )

    def _missing_space_after_colon(self) -> _Explanation | None:
        candidates = [self.mark.line]
        if self.context_mark is not None:
            candidates.append(self.context_mark.line)
        if self._starts_with_key_at_problem():
            previous = self._previous_content_line(self.mark.line)
            if previous is not None:
                candidates.append(previous)
        for number in candidates:
            parts = block_line(self._line(number))
            if parts["key"]:
                continue
            match = KEY_WITHOUT_SPACE.fullmatch(parts["value"].rstrip())
            if match:
                key, rest = match.groups()
                return (
                    number,
                    parts.start("value") + len(key),
                    _(
                        "`{key}:{rest}` has no space after the colon, so YAML does not read it as a key",
                        key=key,
                        rest=rest,
                    ),
                    _("add a space after the colon: `{key}: {rest}`", key=key, rest=rest),
                )
        return None

    def _starts_with_key_at_problem(self) -> bool:
        """Whether the problem is the colon right after the key that starts its line."""
        parts = block_line(self._line(self.mark.line))
        return bool(parts["key"]) and parts.end("key") == self.mark.column

    def _unclosed_or_escape(self) -> _Explanation | None:
        if "quoted scalar" not in self.context or self.context_mark is None:
            return None
        opening = self.context_mark
        quote = self._line(opening.line)[opening.column]
        if "escape" in self.problem:
            line = self._line(self.mark.line)
            hint = _("write \\\\ for a backslash, or put the text in single quotes instead of double quotes")
            text = line[opening.column :].strip() if opening.line == self.mark.line else ""
            if len(text) > 1 and text.endswith('"'):
                hint += ": " + after_head(line[: opening.column], single_quoted(text[1:-1]))
            return (
                self.mark.line,
                line.rfind("\\", 0, self.mark.column),
                _("inside double quotes, a backslash \\ starts an escape sequence, and this one is not valid"),
                hint,
            )
        return (
            opening.line,
            opening.column,
            _("this quote is never closed"),
            _("add the closing {quote} at the end of the text", quote=quote),
        )

    def _special_first_character(self) -> _Explanation | None:
        """A value starting with a character YAML reserves (`*`, `&`, `[`, `|` …)."""
        line_number = self.mark.line
        parts = block_line(self._line(line_number))
        candidates = [(line_number, self.mark.column), (line_number, parts.start("value"))]
        if self.context_mark is not None:
            candidates.insert(0, (self.context_mark.line, self.context_mark.column))
        for number, column in candidates:
            line = self._line(number)
            if line[column : column + 1] in STARTS_WITH and column == block_line(line).start("value"):
                if number == line_number and column > self.mark.column:
                    continue
                message = _(STARTS_WITH[line[column]])
                self.mend = quoting(self.lines, number, column) if line[column] in MENDED_BY_QUOTING else None
                return number, column, message, _(FIX_BY_QUOTING, text=quote_rest(line, column))
        return None

    def _quote_inside_quotes(self) -> _Explanation | None:
        """Text left over after a quote: an inner quote, or a quote opened lines above and never closed."""
        if not self.problem.startswith(("expected", "did not find expected")):
            return None
        line = self._line(self.mark.line)
        before = line[: self.mark.column].rstrip()
        if not before or before[-1] not in "'\"":
            return None
        quote = before[-1]
        closing = self._offset(self.mark.line, len(before) - 1)
        opening = self._opening_quote(quote, closing)
        if opening is None:
            return None
        open_line, open_column = self._line_and_column(opening)
        if open_line != self.mark.line:
            return (open_line, open_column, *quote_not_closed(quote, self.mark.line))
        head = line[:open_column]
        text = line[open_column:].strip()
        if text.endswith(quote) and len(text) > 1:
            text = text[1:-1]
        if quote == "'":
            message = _("this apostrophe ends the text in single quotes, and the rest of the line is left")
            doubled = after_head(head, single_quoted(text))
            if '"' not in text and "\\" not in text:
                hint = _(
                    "inside '…' write each apostrophe twice: {doubled}, or use double quotes: {quoted}",
                    doubled=doubled,
                    quoted=after_head(head, quoted(text)),
                )
            else:
                hint = _("inside '…' write each apostrophe twice: {doubled}", doubled=doubled)
        else:
            message = _("this double quote ends the text in double quotes, and the rest of the line is left")
            hint = _("use single quotes around the text: {text}", text=after_head(head, single_quoted(text)))
        return self.mark.line, len(before) - 1, message, hint

    def _offset(self, line: int, column: int) -> int:
        return sum(len(text) + 1 for text in self.lines[:line]) + column

    def _line_and_column(self, offset: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, offset)
        return line, offset - (self.text.rfind("\n", 0, offset) + 1)

    def _opening_quote(self, quote: str, closing: int) -> int | None:
        """Offset of the quote that the quote at ``closing`` closes (skipping escaped or doubled ones)."""
        position = closing
        while True:
            position = self.text.rfind(quote, 0, position)
            if position < 0:
                return None
            if quote == "'" and self.text[position - 1 : position] == "'":
                position -= 1  # '' is an apostrophe inside single quotes
                continue
            backslashes = 0
            while quote == '"' and self.text[position - 1 - backslashes] == "\\":
                backslashes += 1
            if backslashes % 2 == 0:
                return position

    def _colon_in_text(self) -> _Explanation | None:
        if not self.problem.startswith("mapping values are not allowed"):
            return None
        number, column = self.mark.line, self.mark.column
        line = self._line(number)
        parts = block_line(line)
        if self._starts_with_key_at_problem():
            key, indent = parts["key"], len(parts["indent"])
            above = self._previous_content_line(number) or 0
            return (
                number,
                indent,
                _(
                    "`{key}` is indented more than the line above, so YAML reads this line as more of the text "
                    "of line {line}",
                    key=key,
                    line=above + 1,
                ),
                _(
                    "lines of the same level must start at the same column: "
                    "start `{key}` at column {column}, like the other keys of its level",
                    key=key,
                    column=self._key_column_above(number, indent) + 1,
                ),
            )
        message = _("the text contains ': ', which YAML reads as the start of a new `key: value`")
        if parts["key"] and parts.start("value") < column:
            self.mend = quoting(self.lines, number, parts.start("value"))
            return number, column, message, _(FIX_BY_QUOTING, text=quote_rest(line, parts.start("value")))
        return number, column, message, _("put the whole text in quotes, from its first line to its end")

    def _key_column_above(self, number: int, indent: int) -> int:
        """Column (0-based) of the nearest key above ``number`` that starts left of ``indent``: a list item's
        keys start after its `- `."""
        for previous in range(number - 1, -1, -1):
            parts = block_line(self.lines[previous])
            if parts["key"] and parts.start("key") < indent:
                return parts.start("key")
        return 0

    def _line_without_key(self) -> _Explanation | None:
        if "could not find expected ':'" not in self.problem or self.context_mark is None:
            return None
        number = self.context_mark.line
        return (
            number,
            indentation(self._line(number)),
            _("this line is neither a `key: value` line nor a `- ` list item"),
            _(
                "if it continues the text above, indent it more than its key; if it is a list item, start it "
                "with `- `; if it is a key, add ': ' after it"
            ),
        )

    def _dash_after_key(self) -> _Explanation | None:
        if not self.problem.startswith("sequence entries are not allowed"):
            return None
        line = self._line(self.mark.line)
        return (
            self.mark.line,
            self.mark.column,
            _("a `- ` list item cannot be on the same line as its key, nor be indented under a text"),
            _(
                "put each `- ` item on its own line, under its key and indented more than it; if the dash "
                "belongs to the text, put the whole text in quotes: {text}",
                text=quote_rest(line, self.mark.column),
            ),
        )

    def _misaligned(self) -> _Explanation | None:
        if not self.problem.startswith(_INDENTATION_PROBLEMS):
            return None
        number = self.mark.line
        own = indentation(self._line(number))
        if self._line(number)[own:].startswith(":"):
            return number, own, _("this line starts with ':' but has no key"), _("write its key before the ':'")
        message = _("the indentation of this line does not match the lines above it")
        hint = _("lines of the same level must start at the same column")
        above = self._previous_content_line(number)
        if above is not None:
            parts = block_line(self.lines[above])
            column = parts.start("key") if parts["key"] else len(parts["indent"])
            if column != own:
                if parts["key"]:
                    what = _("`{key}` on line {line}", key=parts["key"], line=above + 1)
                else:
                    what = _("line {line}", line=above + 1)
                hint = _(
                    "lines of the same level must start at the same column: "
                    "this line starts at column {own}, {what} at column {column}",
                    own=own + 1,
                    what=what,
                    column=column + 1,
                )
                return number, own, message, hint
        hint = _(
            "lines of the same level must start at the same column; "
            "check the indentation and the `- ` marks of this line and of the line above"
        )
        return number, own, message, hint
