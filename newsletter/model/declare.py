"""How the file formats are declared: records of typed fields that read text, report located problems
and describe themselves as JSON Schema.

Each format (publication, issue, layout) is declared once, as a :class:`Record` whose fields name a
kind (what the field holds: ``kinds.py``) and a description; that declaration validates the files,
words the messages, and generates the JSON Schemas.

Written here rather than with pydantic because ``newsletter check`` must answer in about a tenth of a
second, and importing pydantic alone took longer than that (measured: 0.115 s of a 0.13 s budget).
"""

from __future__ import annotations

import difflib
import inspect
from typing import Any, ClassVar, TypeVar

from newsletter.errors import Loc, Problem, field_path
from newsletter.i18n import _
from newsletter.model.french import key_for
from newsletter.model.kinds import FAILED, Kind, describe

_REQUIRED = object()

R = TypeVar("R", bound="Record")


class Invalid(ValueError):
    """Raised by :meth:`Record.parse` with every problem of the data, in the order met."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{field_path(p.loc) or '(file)'}: {p.message}" for p in problems))


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
