"""How the file formats are declared: records of typed fields that read text, report located problems
and describe themselves as JSON Schema.

Each format (publication, issue, layout) is declared once, as a :class:`Record` whose fields name a
:class:`Kind` and a description; that declaration validates the files, words the messages, and
generates the JSON Schemas. Every value arrives as text (see ``newsletter.read``), so each kind reads
text itself: ``0241054000`` or ``12:30`` can never be reinterpreted on the way.

Written here rather than with pydantic because ``newsletter check`` must answer in about a tenth of a
second, and importing pydantic alone took longer than that (measured: 0.115 s of a 0.13 s budget).
"""

from __future__ import annotations

import difflib
import inspect
from typing import Any, ClassVar, TypeVar

from newsletter.errors import Loc, Problem, field_path
from newsletter.i18n import N_, _
from newsletter.model.french import folded, key_for
from newsletter.read.slips import quoted
from newsletter.text.typography import normalize

FAILED = object()  # a kind's answer when the value is refused (its problem is already recorded)
_REQUIRED = object()

R = TypeVar("R", bound="Record")


class Invalid(ValueError):
    """Raised by :meth:`Record.parse` with every problem of the data, in the order met."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{field_path(p.loc) or '(file)'}: {p.message}" for p in problems))


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
    may write for a choice (the printed label, ``Rétabli``) to it, for the hint of a refused value."""

    def __init__(self, *choices: str, meaning: dict[str, str] | None = None):
        self.choices = choices
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


class Boolean(Kind):
    def read(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        word = value.lower() if isinstance(value, str) else None
        if word in _BOOLEAN_WORDS:
            return _BOOLEAN_WORDS[word]
        found = repr(value) if isinstance(value, str) else describe(value)
        problems.append(Problem(loc, _("expected true or false; found {found}", found=found)))
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


class Group(Kind):
    """A nested record: ``key: value`` lines indented under the field."""

    def __init__(self, record: type[Record]):
        self.record = record

    def read(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        return self.record.read(value, loc, problems)

    def schema(self, defs: dict[str, dict]) -> dict:
        name = self.record.__name__
        if name not in defs:
            defs[name] = {}  # reserved first: a record may contain itself
            defs[name] = self.record.object_schema(defs)
        return {"$ref": f"#/$defs/{name}"}


class Field:
    """A field of a record: its kind, the description editors and the docs show, and its default."""

    def __init__(self, kind: Kind, description: str, default: Any = _REQUIRED, factory: Any = None):
        self.kind, self.description, self.default, self.factory = kind, description, default, factory
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED and self.factory is None

    def default_value(self) -> Any:
        return self.factory() if self.factory is not None else self.default

    def schema(self, defs: dict[str, dict]) -> dict:
        found = {**self.kind.schema(defs), "description": _(self.description)}
        if self.factory is None and not self.required:
            found["default"] = self.default
        return found


def field(kind: Kind, description: str, default: Any = _REQUIRED, factory: Any = None) -> Any:
    """Declare a field (typed ``Any`` so that the annotation beside it says what the value is)."""
    return Field(kind, description, default, factory)


class Record:
    """A group of fields read from a ``key: value`` mapping. Unknown keys are problems: they are
    usually typos. Instances are immutable."""

    fields: ClassVar[dict[str, Field]] = {}

    def __init_subclass__(cls) -> None:
        cls.fields = {name: value for name, value in vars(cls).items() if isinstance(value, Field)}

    def __init__(self, **values: Any):
        """Build from values already read (defaults fill the rest); :meth:`parse` reads the user's data."""
        unknown = set(values) - set(self.fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)}")
        for name, declared in self.fields.items():
            object.__setattr__(self, name, values[name] if name in values else declared.default_value())

    @classmethod
    def parse(cls: type[R], data: Any) -> R:
        """Read a whole file's data; raise :class:`Invalid` with every problem found."""
        problems: list[Problem] = []
        record = cls.read(data, (), problems)
        if problems:
            raise Invalid(problems)
        return record

    @classmethod
    def read(cls, data: Any, loc: Loc, problems: list[Problem]) -> Any:
        if not isinstance(data, dict):
            problems.append(
                Problem(
                    loc,
                    _("expected a group of `key: value` lines, found {found}", found=describe(data)),
                    _("indent the keys under this one, each on its own line"),
                )
            )
            return FAILED
        values, failed = {}, False
        for name, declared in cls.fields.items():
            if name in data:
                values[name] = declared.kind.read(data[name], (*loc, name), problems)
                failed = failed or values[name] is FAILED
            elif declared.required and not cls._typed_in_french(name, data):
                if loc:
                    hint = _("add a line `{name}: ...` inside `{parent}`", name=name, parent=field_path(loc))
                else:
                    hint = _("add a line `{name}: ...`", name=name)
                problems.append(Problem((*loc, name), _("the required key `{name}` is missing", name=name), hint))
                failed = True
        unknown = [key for key in data if key not in cls.fields]
        meant = [key_for(str(key), cls.fields) for key in unknown]
        for key, meaning in zip(unknown, meant, strict=True):
            # Not renamed when the key would then be there twice: the user chooses which one to keep.
            rename = None if meaning in data or meant.count(meaning) > 1 else meaning
            hint = _("did you mean `{choice}`?", choice=meaning) if meaning else cls._key_hint(str(key))
            problems.append(Problem((*loc, key), _("unknown key `{key}`", key=key), hint, at_key=True, rename=rename))
            failed = True
        if failed:
            return FAILED
        record = cls(**values)
        return FAILED if record.refuse(loc, problems) else record

    def refuse(self, loc: Loc, problems: list[Problem]) -> bool:
        """Checks across fields, once each field is valid: record problems and say whether there were any."""
        return False

    @classmethod
    def _typed_in_french(cls, name: str, data: dict) -> bool:
        """Whether the missing key ``name`` is typed in French (its own message says which key it is)."""
        return any(key_for(str(key), cls.fields) == name for key in data if key not in cls.fields)

    @classmethod
    def _key_hint(cls, key: str) -> str:
        close = difflib.get_close_matches(key.lower(), list(cls.fields), n=1, cutoff=0.6)
        if close:
            return _("did you mean `{choice}`?", choice=close[0])
        return _("the keys allowed here are: {keys}", keys=", ".join(cls.fields))

    @classmethod
    def object_schema(cls, defs: dict[str, dict]) -> dict:
        found = {
            "additionalProperties": False,
            "properties": {name: declared.schema(defs) for name, declared in cls.fields.items()},
        }
        required = [name for name, declared in cls.fields.items() if declared.required]
        if required:
            found["required"] = required
        if doc := vars(cls).get("__doc__"):
            described = inspect.cleandoc(doc)  # the record's docstring: an id (newsletter/translations.py)
            found["description"] = _(described)
        return {**found, "title": cls.__name__, "type": "object"}

    @classmethod
    def json_schema(cls) -> dict:
        """The JSON Schema of a file holding this record, keys sorted (field order kept) for stable files."""
        defs: dict[str, dict] = {}
        found = cls.object_schema(defs)
        if defs:
            found["$defs"] = defs
        return _sorted(found)

    def dump(self) -> dict[str, Any]:
        """The values as plain dicts and lists."""
        return {name: _dumped(getattr(self, name)) for name in self.fields}

    def replace(self: R, **changes: Any) -> R:
        return type(self)(**{**{name: getattr(self, name) for name in self.fields}, **changes})

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.dump() == other.dump()

    __hash__ = None  # type: ignore[assignment]  # records hold lists

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{name}={getattr(self, name)!r}' for name in self.fields)})"


def _dumped(value: Any) -> Any:
    if isinstance(value, Record):
        return value.dump()
    if isinstance(value, list):
        return [_dumped(item) for item in value]
    return value


def _sorted(schema: Any, in_properties: bool = False) -> Any:
    """Keys in alphabetical order, except the fields of a record, which keep the declaration's order."""
    if isinstance(schema, list):
        return [_sorted(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    keys = schema if in_properties else sorted(schema)
    return {key: _sorted(schema[key], key == "properties" and not in_properties) for key in keys}
