"""Reading the workspace's files into validated models, with every problem located in its file, and
finding layouts (built-in or the workspace's own).

Each problem the declarations find (see ``declare``) becomes a :class:`Diagnostic` that names the
file, line, column and field, says what is expected, and suggests a fix.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from newsletter.errors import Diagnostic, InputError, Problem, in_file_order
from newsletter.i18n import _
from newsletter.model.declare import Invalid, Record
from newsletter.model.formats import Issue, Publication
from newsletter.model.layout import Layout
from newsletter.paths import YAML_SUFFIXES, display_path, is_inside, is_left_by_a_system, yaml_files
from newsletter.read import SlipsFound, Source, read_yaml
from newsletter.read.locate import beside_slips, locate, locate_all

Model = TypeVar("Model", bound=Record)

PUBLICATION_FILE = "publication.yaml"


@dataclass(frozen=True)
class Loaded(typing.Generic[Model]):
    """A validated model with the file it came from (for locating later warnings)."""

    model: Model
    path: Path
    source: Source


@dataclass
class Workspace:
    """The team's folder: ``issues/publication.yaml``, ``issues/NNN.yaml``, ``layouts/``, ``assets/``."""

    root: Path
    publication: Loaded[Publication] | None = None
    issues: list[Loaded[Issue]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The issues YAML misreads, as read around their slips: what they hold is checked all the same.
    misread: list[Source] = field(default_factory=list)

    @property
    def issues_dir(self) -> Path:
        return self.root / "issues"

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def issue(self, number: int) -> Loaded[Issue] | None:
        return next((item for item in self.issues if item.model.number == number), None)


def load_model(
    model: type[Model], path: Path, root: Path, recovered: list[Source] | None = None
) -> tuple[Loaded[Model] | None, list[Diagnostic]]:
    """Read and validate one file; never raises for bad input. Like pictures and fonts, only a file of
    the workspace (or a built-in layout) is read: never one a link or a path leads out of it. The tree
    read around the slips of a file YAML misreads goes to ``recovered``, for its contents to be checked."""
    display = display_path(path, root)
    if not is_inside(path, root) and not is_inside(path, builtin_dir()):
        return None, [
            Diagnostic(
                display,
                _("this file is outside the workspace folder (a link, or a path leading out of it): it is not read"),
                hint=_("copy the file into the workspace instead of linking to it, then run the command again"),
            )
        ]
    try:
        source = read_yaml(path, display)
    except SlipsFound as error:
        if recovered is not None and error.recovered is not None:
            recovered.append(error.recovered)
        return None, beside(model, error)
    except InputError as error:
        return None, error.diagnostics
    except OSError as error:
        return None, [Diagnostic(display, _("cannot read the file: {reason}", reason=error.strerror or error))]
    try:
        instance = model.parse(source.data)
    except Invalid as error:
        return None, in_file_order(source.warnings + locate_all(error.problems, source))
    return Loaded(instance, path, source), list(source.warnings)


def beside(model: type[Model], slips: SlipsFound) -> list[Diagnostic]:
    """The slips of a file YAML misreads, and the problems of the keys and values read around them (a
    misspelt key, a wrong state), but for those that only follow from a slip: one run reports both."""
    found = slips.diagnostics
    if slips.recovered is not None:
        try:
            model.parse(slips.recovered.data)
        except Invalid as error:
            found = found + beside_slips(error.problems, slips.recovered)
    return in_file_order(found)


def publication_file(issues_dir: Path) -> Path:
    """``publication.yaml``, or ``publication.yml`` when only that one is there."""
    typed = issues_dir / PUBLICATION_FILE
    other = typed.with_suffix(".yml")
    return other if other.is_file() and not typed.is_file() else typed


def issue_files(issues_dir: Path) -> list[Path]:
    """The issue files of a folder: every ``.yaml`` or ``.yml`` file but the publication, in name order."""
    return [path for path in yaml_files(issues_dir) if path.stem != Path(PUBLICATION_FILE).stem]


def _not_issues(root: Path, issues_dir: Path) -> list[Diagnostic]:
    """A file of ``issues/`` that is neither YAML nor left by a system is named: it may be an issue saved
    under a wrong name, and is not read. The schemas ``newsletter schema`` writes there are expected."""
    if not issues_dir.is_dir():
        return []
    return [
        Diagnostic(
            display_path(path, root),
            _("this file is not read: issues are .yaml or .yml files"),
            hint=_("if it is an issue, rename it NNN.yaml; otherwise move it out of the issues folder"),
            severity="warning",
        )
        for path in sorted(issues_dir.iterdir())
        if path.is_file()
        and path.suffix.lower() not in YAML_SUFFIXES
        and not path.name.endswith(".schema.json")
        and not is_left_by_a_system(path.name)
    ]


def load_workspace(root: Path, paths: list[Path] | None = None) -> Workspace:
    """Load the publication and the issues (all of them, or ``paths``), collecting every problem."""
    workspace = Workspace(root)
    publication_path = publication_file(workspace.issues_dir)
    if publication_path.is_file():
        workspace.publication, found = load_model(Publication, publication_path, root)
        workspace.diagnostics += found
    else:
        in_issues = publication_file(root).is_file()  # run in the workspace's issues/ folder
        hint = _("run `newsletter init` to create a workspace, or use --root to point at one")
        if in_issues:
            hint = _(
                "this is the issues folder of the workspace {workspace}: run the command in the folder above "
                "(cd ..), or give it with --root",
                workspace=root.resolve().parent,
            )
        workspace.diagnostics.append(
            Diagnostic(display_path(publication_path, root), _("the publication file is missing"), hint=hint)
        )
    if paths is None:
        workspace.diagnostics += _not_issues(root, workspace.issues_dir)
    for path in paths if paths is not None else issue_files(workspace.issues_dir):
        loaded, found = load_model(Issue, path, root, workspace.misread)
        workspace.diagnostics += found
        if loaded is not None:
            workspace.issues.append(loaded)
    workspace.issues.sort(key=lambda item: item.model.number)
    workspace.diagnostics += _duplicate_numbers(workspace.issues, root)
    return workspace


def _duplicate_numbers(issues: list[Loaded[Issue]], root: Path) -> list[Diagnostic]:
    """Two files with the same number would print two different issues under one number (an old copy,
    ``004 - Copie.yaml``, beside the issue being edited): each is refused, at its number, naming the others,
    so that neither is built nor archived as that number until one file is left."""
    by_number: dict[int, list[Loaded[Issue]]] = {}
    for item in issues:
        by_number.setdefault(item.model.number, []).append(item)
    found = []
    for number, items in by_number.items():
        named = [item for item in items if item.path.stem.isdecimal() and int(item.path.stem) == number]
        for item in items if len(items) > 1 else []:
            others = [display_path(other.path, root) for other in items if other is not item]
            if len(named) == 1 and named[0] is item:
                hint = _(
                    "if {others} is an old copy, delete it or move it out of the issues folder; otherwise "
                    "give it its own number (the next one, usually)",
                    others=", ".join(others),
                )
            else:
                hint = _(
                    "if this file is an old copy, delete it or move it out of the issues folder; otherwise "
                    "give it its own number (the next one, usually)"
                )
            problem = Problem(
                ("number",),
                _(
                    "issue number {number} is also the number of {others}: neither file is built nor archived "
                    "while two files have it",
                    number=number,
                    others=", ".join(others),
                ),
                hint,
            )
            found.append(locate(problem, item.source))
    return found


def builtin_dir() -> Path:
    """Built-in layouts: they ship inside the package."""
    return Path(__file__).parents[1] / "data" / "layouts"


@dataclass(frozen=True)
class LayoutRef:
    name: str
    path: Path
    origin: str  # "built-in", "workspace" or "file"


def available_layouts(root: Path) -> dict[str, LayoutRef]:
    """Every layout by name; a workspace layout overrides the built-in of the same name."""
    found = {p.stem: LayoutRef(p.stem, p, "built-in") for p in yaml_files(builtin_dir())}
    workspace = root / "layouts"
    if workspace.resolve() != builtin_dir().resolve():
        found.update({p.stem: LayoutRef(p.stem, p, "workspace") for p in yaml_files(workspace)})
    return found


def resolve_layout(name_or_path: str, root: Path) -> LayoutRef:
    """A layout given by name (``journal-a4``) or by the path of its file."""
    layouts = available_layouts(root)
    if name_or_path in layouts:
        return layouts[name_or_path]
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return LayoutRef(path.stem, path, "file")
    # `A4` is a part of a layout's name: `journal-a4`
    parts = [name for name in layouts if name_or_path.lower() in name.split("-")]
    close = difflib.get_close_matches(name_or_path, list(layouts), n=1) or parts[:1]
    names = ", ".join(layouts)
    if close:
        hint = _("did you mean `{choice}`? available: {names}", choice=close[0], names=names)
    else:
        hint = _("available: {names}", names=names)
    raise InputError([Diagnostic(name_or_path, _("no layout of this name or path"), hint=hint)])


def load_layout(ref: LayoutRef, root: Path) -> Loaded[Layout]:
    loaded, diagnostics = load_model(Layout, ref.path, root)
    if loaded is None:
        raise InputError(diagnostics)
    return loaded
