"""Checking and building a workspace: which issues, which layouts, every problem at once, safe writes."""

from __future__ import annotations

import dataclasses
import errno
import os
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from newsletter.model import layout as layout_registry
from newsletter.build import uptodate
from newsletter.checks.advice import advise, advise_publication
from newsletter.errors import Diagnostic, InputError
from newsletter.model.document import IssueDocument
from newsletter.files import replace_whole
from newsletter.render.pdf.fonts import family_files, glyphs
from newsletter.model.formats import Issue
from newsletter.model.layout import Layout, LayoutRef
from newsletter.model.load import (
    Loaded,
    Workspace,
    display_path,
    issue_files,
    load_model,
    load_workspace,
)
from newsletter.model.print_options import RenderOptions
from newsletter.checks.placeholders import placeholder_problems
from newsletter.checks.resources import check_glyphs, check_image
from newsletter.checks.series import numbering_problems
from newsletter.build.incremental import UP_TO_DATE, BuildState, fingerprint, input_paths, inputs_of
from newsletter.build.uptodate import LAST_BUILD_FILE, sha256_of


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


@dataclass(frozen=True)
class Built:
    path: Path
    pages: int


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
    broken = {path.resolve() for path in issue_files(workspace.issues_dir) if path.resolve() not in loaded
              and chosen(path, int(path.stem) if path.stem.isdecimal() else None)}
    kept = {display_path(p, root) for p in broken | {i.path for i in workspace.issues}}
    others = {display_path(p, root) for p in issue_files(workspace.issues_dir)} - kept
    workspace.diagnostics = [d for d in workspace.diagnostics if d.file not in others]
    found_numbers = {issue.model.number for issue in workspace.issues}
    missing = [Diagnostic(f"issue {number}", f"no issue has the number {number}",
                          hint="`newsletter list` shows the issues and their numbers")
               for number in sorted(numbers - found_numbers)
               if not any(p.stem.isdecimal() and int(p.stem) == number for p in broken)]
    missing += [Diagnostic(typed[path], "no such issue file",
                           hint="give an issue number (3) or the path of its YAML file")
                for path in sorted(paths) if not path.is_file()]
    extra = [path for path in paths if path.is_file() and path not in loaded and path not in broken]
    for path in extra:  # an issue file outside the workspace's issues/ folder
        issue, problems = load_model(Issue, path, root)
        workspace.diagnostics += problems
        if issue is not None:
            workspace.issues.append(issue)
    return missing


def plan(root: Path, selectors: list[str], layout_names: list[str], strict: bool = False,
         render_checks: bool = True) -> Plan:
    """Load and check everything a build needs; rendering starts only if ``plan.errors`` is empty.

    ``render_checks=False`` leaves out the checks that load fonts (see :func:`add_render_checks`).
    """
    if selectors and not any(s.isdecimal() for s in selectors):  # files named: read only those
        workspace = load_workspace(root, [Path(s) for s in selectors if Path(s).is_file()])
    else:
        workspace = load_workspace(root)
    missing = _select(workspace, selectors) if selectors else []
    result = Plan(workspace)
    result.diagnostics += workspace.diagnostics + missing
    publication = result.workspace.publication
    names = layout_names or [publication.model.layout if publication else "journal-a4"]
    for name in names:
        try:
            ref = layout_registry.resolve(name, root)
            loaded_layout = layout_registry.load(ref, root)
            result.layouts.append((ref, loaded_layout))
            result.diagnostics += layout_registry.contrast_warnings(loaded_layout)
            result.diagnostics += layout_registry.hyphenation_warnings(loaded_layout)
            result.diagnostics += layout_registry.font_problems(loaded_layout, ref.path.parent)
        except InputError as error:
            result.diagnostics += error.diagnostics
    if publication is None:
        return result
    result.diagnostics += _image_problems(publication, "logo", root) + placeholder_problems(publication.source)
    result.diagnostics += advise_publication(publication)
    for issue in result.workspace.issues:
        result.documents.append(IssueDocument(publication.model, issue.model, issue.path, publication.path))
        result.diagnostics += advise(issue)
        result.diagnostics += _image_problems(issue, "news", root) + placeholder_problems(issue.source)
    if not selectors:
        result.diagnostics += numbering_problems(result.workspace.issues, root)
    if render_checks:
        add_render_checks(result, strict)
    if strict:
        result.diagnostics = _as_errors(result.diagnostics)
    return result


def add_render_checks(result: Plan, strict: bool = False) -> None:
    """Characters the fonts cannot draw, poster text that cannot fit: these may load reportlab, so a build
    runs them only when something will be rendered."""
    publication = result.workspace.publication
    layouts = result.layouts if publication and not result.errors else []
    found = []
    # Each font family once: layouts that share one (a journal and its poster) would say it twice.
    for family in dict.fromkeys(family_files(layout.model.fonts, ref.path.parent) for ref, layout in layouts):
        for loaded in [publication, *result.workspace.issues]:
            found += check_glyphs(loaded.source, glyphs(family), strict)
    for ref, layout in layouts:
        if layout.model.kind == "poster":
            found += _poster_problems(result, ref, layout)
    found = list(dict.fromkeys(found))  # families lacking the same character: one warning
    result.diagnostics += _as_errors(found) if strict else found


def _as_errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [Diagnostic(**{**d.__dict__, "severity": "error"}) for d in diagnostics]


def _image_problems(loaded: Loaded, key: str, root: Path) -> list[Diagnostic]:
    base = loaded.path.parent
    if key == "logo":
        paths = [("logo",)] if loaded.model.logo else []
    else:
        paths = [("news", index, "image") for index, item in enumerate(loaded.model.news) if item.image]
    return [problem for path in paths if (problem := check_image(loaded.source, path, base, root))]


def _poster_problems(result: Plan, ref: LayoutRef, layout: Loaded[Layout]) -> list[Diagnostic]:
    """Text too long for the poster, located where it was typed (measuring it needs the fonts' metrics)."""
    from newsletter.render.pdf.poster import fit_problems

    publication = result.workspace.publication.source
    return [problem for document, issue in zip(result.documents, result.workspace.issues)
            for problem in fit_problems(document, layout.model, ref.path.parent, issue.source, publication)]


def render(document: IssueDocument, ref: LayoutRef, layout: Loaded[Layout],
           options: RenderOptions = RenderOptions()) -> tuple[bytes, int]:
    """The PDF bytes and page count of one issue in one layout."""
    from newsletter.render.pdf.journal import JournalRenderer
    from newsletter.render.pdf.poster import PosterRenderer

    renderers = {"journal": JournalRenderer, "poster": PosterRenderer}
    return renderers[layout.model.kind](document, layout.model, ref.path.parent, options).render()


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename: a failure leaves the old file intact.

    File-system failures (folder is a file, no permission, disk full, a PDF locked by a viewer on
    Windows) become an :class:`InputError` that says what to do.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_whole(path, data)
    except OSError as error:
        raise InputError([_write_problem(path, error)]) from error


def _write_problem(path: Path, error: OSError) -> Diagnostic:
    reason = error.strerror or str(error)
    in_the_way = _file_in_the_way(path.parent)
    if in_the_way is not None:
        return Diagnostic(str(in_the_way), "the output folder is a file, not a folder",
                          hint="choose another folder with --out, or move or rename this file")
    if isinstance(error, PermissionError) and path.exists():
        hint = "if the file is open in a PDF viewer, close the PDF and retry"
    elif isinstance(error, PermissionError):
        hint = "choose a folder you can write to with --out"
    elif error.errno == errno.ENOSPC:
        hint = "free some disk space and retry; the previous file is intact"
    else:
        hint = "check that the output folder exists and is a folder, or choose another with --out"
    return Diagnostic(str(path), f"cannot write the file: {reason}", hint=hint)


def _file_in_the_way(folder: Path) -> Path | None:
    """The file standing where ``folder`` or one of its parents should be a folder, if any."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None


def input_files(result: Plan) -> set[Path]:
    files = {issue.path.resolve() for issue in result.workspace.issues}
    if result.workspace.publication:
        files.add(result.workspace.publication.path.resolve())
    files.update(ref.path.resolve() for ref, _ in result.layouts)
    return files


def output_path(out_dir: Path, document: IssueDocument, ref: LayoutRef,
                options: RenderOptions = RenderOptions()) -> Path:
    return out_dir / document.file_name(ref.name, options)


@dataclass(frozen=True)
class Target:
    """One PDF to make: an issue in a layout, its file, the fingerprint of its inputs, whether it is up to date."""

    document: IssueDocument
    ref: LayoutRef
    layout: Loaded[Layout]
    path: Path
    fingerprint: str
    status: str


def targets(result: Plan, out_dir: Path, options: RenderOptions = RenderOptions()) -> list[Target]:
    """Every PDF of the plan and its state, found by hashing files only (nothing is rendered)."""
    state = BuildState.load(out_dir)
    found = []
    for document in result.documents:
        for ref, layout in result.layouts:
            path = output_path(out_dir, document, ref, options)
            current = fingerprint(inputs_of(document, ref, layout.model, result.workspace.root, result.sha256),
                                  options)
            found.append(Target(document, ref, layout, path, current, state.status(path, current)))
    return found


def record_whole_build(result: Plan, out_dir: Path, layouts: list[str], options: RenderOptions) -> None:
    """After a build of the whole workspace: what it read and left, so that the same build with
    nothing changed is answered by hashing files (see :mod:`newsletter.build.uptodate`).

    The inputs' hashes are those taken before rendering (a file saved during the build is then seen
    as changed next time), the PDFs' those the output folder's state recorded for them."""
    root = result.workspace.root
    inputs = {path: result.sha256(path) for document in result.documents for ref, layout in result.layouts
              for _, path in input_paths(document, ref, layout.model, root)}
    recorded = BuildState.load(out_dir).entries
    outputs = {name: recorded.get(name, {}).get("sha256", uptodate.ABSENT)
               for name in (output_path(out_dir, document, ref, options).name for document in result.documents
                            for ref, _ in result.layouts)}
    write_atomic(out_dir / LAST_BUILD_FILE,
                 uptodate.record(root, layouts, dataclasses.asdict(options), inputs, outputs))


def to_render(result: Plan, out_dir: Path, options: RenderOptions = RenderOptions(),
              everything: bool = False, strict: bool = False) -> tuple[list[Target], int]:
    """The PDFs to render (all with ``everything``, else the missing and outdated) and how many are up to date.

    The checks that load fonts run only when there is something to render: a build with nothing
    changed reads and hashes files, and never loads reportlab.
    """
    if result.errors:
        return [], 0
    work = targets(result, out_dir, options)
    todo = work if everything else [target for target in work if target.status != UP_TO_DATE]
    if todo:
        add_render_checks(result, strict)
    return todo, len(work) - len(todo)


def build_all(result: Plan, out_dir: Path, options: RenderOptions = RenderOptions(),
              only: list[Target] | None = None, workers: int | None = None):
    """Render the plan's PDFs (or ``only`` these), recording each in the output folder's state.

    Several PDFs are rendered by a pool of processes (one per core; ``workers`` overrides), but
    written, recorded and yielded in the same order as a serial build, and the first failure is
    raised at the same place. Yields each :class:`Built` as it is written.
    """
    work = targets(result, out_dir, options) if only is None else only
    inputs = input_files(result)
    for target in work:
        if target.path.resolve() in inputs:
            raise InputError([Diagnostic(str(target.path), "the output would overwrite one of the input files",
                                         hint="choose another --out folder")])
    state = BuildState.load(out_dir)
    jobs = [(target.document, target.ref, target.layout, options) for target in work]
    with closing(_rendered(jobs, workers)) as rendered:  # a failed write stops the pool at once
        for target, (data, pages) in zip(work, rendered):
            write_atomic(target.path, data)
            state.record(target.path, target.fingerprint, data)
            write_atomic(state.path, state.to_bytes())
            yield Built(target.path, pages)


def _render_job(job: tuple) -> tuple[bytes, int]:
    return render(*job)


def _rendered(jobs: list[tuple], workers: int | None):
    """Each job's PDF, in order; in parallel when there is more than one job and more than one core."""
    count = min(workers or os.cpu_count() or 1, len(jobs))
    if count <= 1:
        yield from map(_render_job, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(max_workers=count)
    try:
        yield from executor.map(_render_job, jobs)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
