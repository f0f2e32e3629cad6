"""Planning: which issues and layouts a command works on, loaded and checked, every problem at once.

A command reads the workspace (``newsletter.model.load``), keeps the issues it was given, resolves its
layouts and runs the checks (``newsletter.checks``): `check`, `build`, `archive`, `export` and `watch`
all start from the same :func:`plan`, so they find the same problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsletter.build.incremental import sha256_of
from newsletter.checks import check_files, check_layout, check_rendering
from newsletter.errors import Diagnostic, InputError, as_errors
from newsletter.model.document import IssueDocument
from newsletter.model.formats import Issue, Publication
from newsletter.model.layout import Layout
from newsletter.model.load import (
    LayoutRef,
    Loaded,
    Workspace,
    available_layouts,
    display_path,
    issue_files,
    load_layout,
    load_model,
    load_workspace,
    resolve_layout,
)

DEFAULT_LAYOUT = "journal-a4"
POSTER_LAYOUT = "poster-a3"


@dataclass
class Plan:
    """What a command works on, and everything found wrong or worth a warning on the way."""

    workspace: Workspace
    documents: list[IssueDocument] = field(default_factory=list)
    layouts: list[tuple[LayoutRef, Loaded[Layout]]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    hashes: dict[Path, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def sha256(self, path: Path) -> str:
        """The file's SHA-256, hashed once for the plan: the publication, a layout and the logo serve
        every issue, and the record of a whole build reuses what deciding the build hashed."""
        if path not in self.hashes:
            self.hashes[path] = sha256_of(path)
        return self.hashes[path]


def issue_file(root: Path, selector: str) -> Path:
    """The file of the issue a user names: its number (whatever the file is called) or its path."""
    if not selector.isdecimal():
        return Path(selector)
    number = int(selector)
    found = [issue.path for issue in load_workspace(root).issues if issue.model.number == number]
    return found[0] if found else root / "issues" / f"{number:03d}.yaml"


def _select(workspace: Workspace, selectors: list[str]) -> list[Diagnostic]:
    """Keep the issues named on the command line, by number (``3``: the issue whose ``number`` is 3,
    whatever its file is called) or by path, and the problems of their files; return what is missing."""
    root = workspace.root
    numbers = {int(s) for s in selectors if s.isdecimal()}  # not isdigit(): int() refuses "³"
    typed = {Path(s).resolve(): s for s in selectors if not s.isdecimal()}
    paths = set(typed)

    def chosen(path: Path, number: int | None) -> bool:
        return path.resolve() in paths or number in numbers

    loaded = {issue.path.resolve() for issue in workspace.issues}
    workspace.issues = [issue for issue in workspace.issues if chosen(issue.path, issue.model.number)]
    # A file that failed to load has no number: NNN.yaml stands for issue NNN.
    broken = {
        path.resolve()
        for path in issue_files(workspace.issues_dir)
        if path.resolve() not in loaded and chosen(path, int(path.stem) if path.stem.isdecimal() else None)
    }
    kept = {display_path(p, root) for p in broken | {i.path for i in workspace.issues}}
    others = {display_path(p, root) for p in issue_files(workspace.issues_dir)} - kept
    workspace.diagnostics = [d for d in workspace.diagnostics if d.file not in others]
    found_numbers = {issue.model.number for issue in workspace.issues}
    missing = [
        Diagnostic(
            f"issue {number}",
            f"no issue has the number {number}",
            hint="`newsletter list` shows the issues and their numbers",
        )
        for number in sorted(numbers - found_numbers)
        if not any(p.stem.isdecimal() and int(p.stem) == number for p in broken)
    ]
    missing += [
        Diagnostic(typed[path], "no such issue file", hint="give an issue number (3) or the path of its YAML file")
        for path in sorted(paths)
        if not path.is_file()
    ]
    extra = [path for path in paths if path.is_file() and path not in loaded and path not in broken]
    for path in extra:  # an issue file outside the workspace's issues/ folder
        issue, problems = load_model(Issue, path, root)
        workspace.diagnostics += problems
        if issue is not None:
            workspace.issues.append(issue)
    return missing


def plan(
    root: Path,
    selectors: list[str],
    layout_names: list[str],
    strict: bool = False,
    render_checks: bool = True,
    with_poster: bool = False,
) -> Plan:
    """Load and check everything a command needs; rendering starts only if ``plan.errors`` is empty.

    With no ``layout_names``: the publication's layout, and the poster too ``with_poster`` (what `list`
    and `archive` cover). ``render_checks=False`` leaves out the checks that load fonts (see
    :func:`add_render_checks`).
    """
    if selectors and not any(s.isdecimal() for s in selectors):  # files named: read only those
        workspace = load_workspace(root, [Path(s) for s in selectors if Path(s).is_file()])
    else:
        workspace = load_workspace(root)
    series = [issue.model for issue in workspace.issues]
    missing = _select(workspace, selectors) if selectors else []
    result = Plan(workspace)
    result.diagnostics += workspace.diagnostics + missing
    publication = result.workspace.publication
    for name in layout_names or default_layouts(root, publication, with_poster):
        try:
            ref = resolve_layout(name, root)
            loaded_layout = load_layout(ref, root)
            result.layouts.append((ref, loaded_layout))
            result.diagnostics += check_layout(ref, loaded_layout)
        except InputError as error:
            result.diagnostics += error.diagnostics
    if publication is None:
        return result
    result.documents = [
        IssueDocument(publication.model, issue.model, issue.path, publication.path) for issue in result.workspace.issues
    ]
    result.diagnostics += check_files(result.workspace, whole_series=not selectors, series=series)
    if render_checks:
        add_render_checks(result, strict)
    if strict:
        result.diagnostics = as_errors(result.diagnostics)
    return result


def add_render_checks(result: Plan, strict: bool = False) -> None:
    """Characters the fonts cannot draw, poster text that cannot fit: these may load reportlab, so a build
    runs them only when something will be rendered."""
    if result.workspace.publication is None or result.errors:
        return
    found = check_rendering(result.workspace, result.layouts, result.documents)
    result.diagnostics += as_errors(found) if strict else found


def default_layouts(root: Path, publication: Loaded[Publication] | None, with_poster: bool) -> list[str]:
    """What the team prints when a command is not told which layouts: the publication's journal layout,
    and the poster when there is one and ``with_poster``."""
    journal = publication.model.layout if publication else DEFAULT_LAYOUT
    poster = [POSTER_LAYOUT] if with_poster and POSTER_LAYOUT in available_layouts(root) else []
    return list(dict.fromkeys([journal, *poster]))


def input_files(result: Plan) -> set[Path]:
    files = {issue.path.resolve() for issue in result.workspace.issues}
    if result.workspace.publication:
        files.add(result.workspace.publication.path.resolve())
    files.update(ref.path.resolve() for ref, _ in result.layouts)
    return files


def refuse_overwriting_inputs(result: Plan, outputs: list[Path], hint: str) -> None:
    """No output may replace a file the command reads (an issue, the publication, a layout)."""
    inputs = input_files(result)
    for path in outputs:
        if path.resolve() in inputs:
            raise InputError([Diagnostic(str(path), "the output would overwrite one of the input files", hint=hint)])
