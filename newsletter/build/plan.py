"""Planning: which issues and layouts a command works on, loaded and checked, every problem at once.

A command reads the workspace (``newsletter.model.load``), keeps the issues it was given, resolves its
layouts and runs the checks (``newsletter.checks``): `check`, `build`, `archive`, `export` and `watch`
all start from the same :func:`plan`, so they find the same problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from newsletter.build.incremental import sha256_of
from newsletter.checks import check_files, check_layout, check_print_resolution, check_rendering
from newsletter.checks.placeholders import placeholder_problems
from newsletter.errors import Diagnostic, InputError, Problem, as_errors
from newsletter.i18n import _, ngettext
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
from newsletter.paths import refuse_archive_output
from newsletter.read.locate import locate

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
    notes: list[str] = field(default_factory=list)  # issues passed over as in progress, posters not made
    refused: list[str] = field(default_factory=list)  # issue files left out for their own errors
    optional_poster: str | None = None  # the default poster's layout: made only for issues with a `poster:`
    posterless: set[Path] = field(default_factory=set)  # issues the optional poster is not made for

    @property
    def errors(self) -> list[Diagnostic]:
        """The errors that stop the command (those of the issues it refused are reported, not blocking)."""
        return [d for d in self.diagnostics if d.is_error and d.file not in self.refused]

    def layouts_for(self, document: IssueDocument) -> list[tuple[LayoutRef, Loaded[Layout]]]:
        """The layouts the issue is made in: all of the plan's, but the optional poster when it has none."""
        if document.issue_path not in self.posterless:
            return self.layouts
        return [(ref, layout) for ref, layout in self.layouts if ref.name != self.optional_poster]

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
    workspace.misread = [source for source in workspace.misread if source.file not in others]
    found_numbers = {issue.model.number for issue in workspace.issues}
    missing = [
        Diagnostic(
            _("issue {number}", number=number),
            _("not found: no file in issues/ has `number: {number}`", number=number),
            hint=_("`newsletter list` shows the issues and their numbers"),
        )
        for number in sorted(numbers - found_numbers)
        if not any(p.stem.isdecimal() and int(p.stem) == number for p in broken)
    ]
    missing += [
        Diagnostic(
            typed[path], _("no such issue file"), hint=_("give an issue number (3) or the path of its YAML file")
        )
        for path in sorted(paths)
        if not path.is_file()
    ]
    extra = [path for path in paths if path.is_file() and path not in loaded and path not in broken]
    for path in extra:  # an issue file outside the workspace's issues/ folder
        issue, problems = load_model(Issue, path, root, workspace.misread)
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
    partial: bool = False,
    upto: int | None = None,
    check_drafts: bool = False,
) -> Plan:
    """Load and check everything a command needs; rendering starts only if ``plan.errors`` is empty.

    With no ``layout_names``: the publication's layout, and the poster too ``with_poster`` (what `list`,
    `check` and `archive` cover), for the issues that have a `poster:` section. ``render_checks=False``
    leaves out the checks that load fonts (see :func:`add_render_checks`). With no ``selectors`` (nor
    ``upto``: the issues numbered up to it), the issues in progress are passed over with a note (see
    :func:`pass_over_drafts`); ``partial`` (`build`, `archive`): an issue with errors of its own is
    refused, and the others go on (see :func:`refuse_invalid`); ``check_drafts`` (`check`): the problems
    of the issues in progress are warnings, as a build would leave them out.
    """
    if selectors and not any(s.isdecimal() for s in selectors):  # files named: read only those
        workspace = load_workspace(root, [Path(s) for s in selectors if Path(s).is_file()])
    else:
        workspace = load_workspace(root)
    series = [issue.model for issue in workspace.issues]
    if upto is not None:
        selectors = [*selectors, *(str(number) for number in sorted({m.number for m in series}) if number <= upto)]
        selectors = selectors or [str(upto)]  # none that low: said as for a number that is not there
    result = Plan(workspace)
    if not selectors and partial:
        result.notes += pass_over_drafts(workspace)
    drafts = [] if selectors or partial or not check_drafts else in_progress_files(workspace)
    missing = _select(workspace, selectors) if selectors else []
    result.diagnostics += workspace.diagnostics + missing
    publication = result.workspace.publication
    names = layout_names or default_layouts(root, publication, with_poster)
    if not layout_names and with_poster and POSTER_LAYOUT in names:
        result.optional_poster = POSTER_LAYOUT
        result.posterless = {issue.path for issue in workspace.issues if issue.model.poster is None}
    for name in names:
        try:
            ref = resolve_layout(name, root)
            loaded_layout = load_layout(ref, root)
            result.layouts.append((ref, loaded_layout))
            result.diagnostics += check_layout(ref, loaded_layout, root)
        except InputError as error:
            named = not layout_names and publication is not None and name == publication.model.layout
            result.diagnostics += [_at_layout_key(d, publication) if named else d for d in error.diagnostics]
    if publication is None:
        return result
    result.documents = [
        IssueDocument(publication.model, issue.model, issue.path, publication.path) for issue in result.workspace.issues
    ]
    result.diagnostics += check_files(result.workspace, whole_series=not selectors, series=series)
    result.diagnostics += check_print_resolution(result.workspace, result.layouts)
    if strict:
        result.diagnostics = as_errors(result.diagnostics)
    if drafts:  # `check`: what a build leaves out is told, not blocking
        result.notes += [note for _file, note in drafts]
        shown = {file for file, _note in drafts}
        result.diagnostics = [replace(d, severity="warning") if d.file in shown else d for d in result.diagnostics]
    if partial:
        refuse_invalid(result)
    if render_checks:
        add_render_checks(result, strict, partial)
    return result


def add_render_checks(result: Plan, strict: bool = False, partial: bool = False) -> None:
    """Characters the fonts cannot draw, poster text that cannot fit: these may load reportlab, so a build
    runs them only when something will be rendered. The optional poster of an issue whose text does not
    fit is not made, with a warning."""
    if result.workspace.publication is None or result.errors:
        return
    found = check_rendering(
        result.workspace, result.layouts, result.documents, result.optional_poster, result.posterless
    )
    result.diagnostics += as_errors(found) if strict else found
    if partial:
        refuse_invalid(result)


def pass_over_drafts(workspace: Workspace) -> list[str]:
    """Leave out the issues still being written (``draft: yes``, or a placeholder text left), their
    problems with them; a note for each. Named on the command line, an issue is worked on whatever its state."""
    drafts = in_progress_files(workspace)
    shown = {file for file, _note in drafts}
    workspace.issues = [issue for issue in workspace.issues if display_path(issue.path, workspace.root) not in shown]
    workspace.diagnostics = [d for d in workspace.diagnostics if d.file not in shown]
    return [note for _file, note in drafts]


def in_progress_files(workspace: Workspace) -> list[tuple[str, str]]:
    """Each issue in progress: its file as shown, and the note that says it is left out."""
    found = []
    for issue in workspace.issues:
        why = in_progress(issue)
        if why is not None:
            shown = display_path(issue.path, workspace.root)
            note = _(
                "{file} is in progress ({why}): a build or archive of the whole workspace leaves it out; "
                "name it to work on it alone, e.g. `{number}`",
                file=shown,
                why=why,
                number=issue.model.number,
            )
            found.append((shown, note))
    return found


def in_progress(issue: Loaded[Issue]) -> str | None:
    """Why the issue is still being written, or None when it is not."""
    if issue.model.draft:
        return _("marked as a draft")
    left = placeholder_problems(issue.source.data, Issue)
    if left:
        return ngettext("{count} placeholder text left", "{count} placeholder texts left", len(left))
    return None


def refuse_invalid(result: Plan) -> None:
    """Leave out each issue with errors in its own file, so that the others are made; when an error is
    elsewhere (the publication, a layout, an issue named that is not there), nothing is left out: the
    whole command stops, as every issue depends on it."""
    errors = result.errors
    if not errors:
        return
    root = result.workspace.root
    issue_files_shown = {display_path(path, root) for path in issue_files(result.workspace.issues_dir)}
    issue_files_shown |= {display_path(issue.path, root) for issue in result.workspace.issues}
    if any(d.file not in issue_files_shown for d in errors):
        return
    refused = {d.file for d in errors}
    result.refused += sorted(refused)
    kept = [
        (issue, document)
        for issue, document in zip(result.workspace.issues, result.documents, strict=True)
        if display_path(issue.path, root) not in refused
    ]
    result.workspace.issues = [issue for issue, _document in kept]
    result.documents = [document for _issue, document in kept]


def _at_layout_key(diagnostic: Diagnostic, publication: Loaded[Publication] | None) -> Diagnostic:
    """A layout the publication names that cannot be found: said at its `layout:` line."""
    assert publication is not None
    return locate(Problem(("layout",), diagnostic.message, diagnostic.hint), publication.source)


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
    """No output may replace a file the command reads (an issue, the publication, a layout), nor be in an archive."""
    inputs = input_files(result)
    for path in outputs:
        refuse_archive_output(path, result.workspace.root)
        if path.resolve() in inputs:
            raise InputError([Diagnostic(str(path), _("the output would overwrite one of the input files"), hint=hint)])
