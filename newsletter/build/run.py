"""Running a build: which PDFs to make, rendering them (in a pool of processes), writing each whole,
recording what was made; and the answer to a build where nothing changed, without reading any YAML.

That answer must stay quick (bench/run.py), so the planning machinery (the YAML reader, the model, the
checks) is imported only where a plan is made, and reportlab only where a PDF is rendered.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsletter.build import incremental
from newsletter.build.incremental import LAST_BUILD_FILE, UP_TO_DATE, BuildState, fingerprint, input_paths, inputs_of
from newsletter.errors import Diagnostic
from newsletter.files import remove_abandoned, write_atomic
from newsletter.i18n import _, ngettext
from newsletter.lock import exclusive, process_alive
from newsletter.model.print_options import RenderOptions
from newsletter.paths import display_path, refuse_archive_output

if TYPE_CHECKING:
    from newsletter.build.plan import Plan
    from newsletter.model.document import IssueDocument
    from newsletter.model.layout import Layout
    from newsletter.model.load import LayoutRef, Loaded
    from newsletter.render.pdf import Rendered


@dataclass(frozen=True)
class Built:
    path: Path
    pages: int
    sheets: int | None = None  # imposed as a booklet: the sheets, each printed on both sides
    warnings: tuple[Diagnostic, ...] = ()  # what rendering found (a journal that cannot fit its pages)

    def describe(self) -> str:
        """What was written, as the user will print it: its pages, or its booklet's sheets and sides."""
        pages = ngettext("{count} page", "{count} pages", self.pages)
        if self.sheets is None:
            return pages
        return ngettext(
            "{pages} of A5 on {count} A4 sheet printed on both sides: {sides} sides",
            "{pages} of A5 on {count} A4 sheets printed on both sides: {sides} sides",
            self.sheets,
            pages=pages,
            sides=2 * self.sheets,
        )


@dataclass(frozen=True)
class Target:
    """One PDF to make: an issue in a layout, its file, the fingerprint of its inputs, whether it is up to date."""

    document: IssueDocument
    ref: LayoutRef
    layout: Loaded[Layout]
    path: Path
    fingerprint: str
    status: str
    options: RenderOptions = RenderOptions()


@dataclass
class BuildRun:
    """A `build` command, decided: the PDFs to make, or the answer that nothing changed since the last
    whole build (``unchanged``: how many PDFs are up to date, when no YAML needed reading)."""

    out_dir: Path
    options: RenderOptions
    layout_names: list[str]
    whole: bool
    unchanged: int | None = None
    result: Plan | None = None
    todo: list[Target] = field(default_factory=list)
    up_to_date: int = 0

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.result.diagnostics if self.result else []

    @property
    def notes(self) -> list[str]:
        return self.result.notes if self.result else []

    @property
    def blocked(self) -> bool:
        """Errors that stop the whole build (not those of an issue it refused), or every issue refused."""
        return bool(self.result and (self.result.errors or (self.result.refused and not self.result.documents)))

    @property
    def refused(self) -> list[str]:
        return self.result.refused if self.result else []

    @property
    def built_issues(self) -> int:
        return len(self.result.documents) if self.result else 0

    def write(self) -> Iterator[Built]:
        """Render and write each PDF to make, yielding it; after a whole build, record what it read and left.

        The output folder is locked meanwhile: two builds at once would each record a state the other's
        PDFs do not match."""
        if self.result is None:  # nothing changed
            return
        # Not when an issue was left out: the next build must say so again, not "up to date".
        record = self.whole and not self.result.refused and not self.result.notes
        if not self.todo and not record:  # nothing to write: the output folder is not even made
            return
        refuse_archive_output(self.out_dir, self.result.workspace.root)
        with exclusive(self.out_dir, "build", _("the output folder")):
            remove_abandoned(self.out_dir)
            yield from build_all(self.result, self.out_dir, self.options, self.todo)
            if record:
                record_whole_build(self.result, self.out_dir, self.layout_names, self.options)


def prepare_build(
    root: Path,
    issues: list[str],
    layout_names: list[str],
    out_dir: Path,
    options: RenderOptions = RenderOptions(),
    force: bool = False,
    strict: bool = False,
) -> BuildRun:
    """What `build` has to do. With no issue named, only the missing and outdated PDFs are made, and a build
    with nothing changed since the last whole build is answered by hashing files (``--strict`` always
    checks, ``--force`` always renders)."""
    run = BuildRun(out_dir, options, layout_names, whole=not issues)
    if run.whole and not force and not strict:
        run.unchanged = incremental.unchanged_outputs(out_dir, root, layout_names, dataclasses.asdict(options))
        if run.unchanged is not None:
            return run
    from newsletter.build.plan import plan

    run.result = plan(root, issues, layout_names, strict, render_checks=False, partial=True)
    if options.impose == "booklet":
        run.result.diagnostics += not_for_a_booklet(run.result)
    run.todo, run.up_to_date = to_render(run.result, out_dir, options, everything=force or bool(issues), strict=strict)
    if not options.proof:
        run.result.notes += drafts_as_proofs(run.result, run.todo)
    return run


def drafts_as_proofs(result: Plan, todo: list[Target]) -> list[str]:
    """One line for each issue marked ``draft: yes`` that is about to be printed: as a proof."""
    drafts = dict.fromkeys(target.document.issue_path for target in todo if target.document.issue.draft)
    return [
        _(
            "{file} says `draft: yes`: printed as a proof, every page marked not to distribute "
            "(write `draft: no` to print it for distribution)",
            file=display_path(path, result.workspace.root),
        )
        for path in drafts
    ]


def not_for_a_booklet(result: Plan) -> list[Diagnostic]:
    """A booklet folds A5 portrait journal pages two by two on A4 sheets: any other layout is refused
    (a poster imposed would be a plain page under a booklet's name)."""
    found = []
    for ref, layout in result.layouts:
        page = layout.model.page
        if layout.model.kind != "journal" or page.size != "A5" or page.orientation != "portrait":
            found.append(
                Diagnostic(
                    f"--layout {ref.name}",
                    _(
                        "--impose booklet folds the pages of an A5 journal two by two on A4 sheets; "
                        "{layout} is a {kind} on {size} {orientation}",
                        layout=ref.name,
                        kind=layout.model.kind,
                        size=page.size,
                        orientation=page.orientation,
                    ),
                    hint=_(
                        "build the booklet with --layout journal-a5 --impose booklet, and {layout} without --impose",
                        layout=ref.name,
                    ),
                )
            )
    return found


def pdf_states(root: Path, layout_names: list[str], out_dir: Path) -> tuple[Plan, dict[Path, list[Target]]]:
    """`newsletter list`: each issue's PDFs in these layouts (default: journal and poster) and whether each
    is missing, outdated or up to date, found by hashing files (nothing is rendered). The problems of an
    issue in progress are warnings, as for `check`."""
    from newsletter.build.plan import plan

    result = plan(root, [], layout_names, render_checks=False, with_poster=True, check_drafts=True)
    states: dict[Path, list[Target]] = {}
    for target in targets(result, out_dir):
        states.setdefault(target.document.issue_path, []).append(target)
    return result, states


def render(
    document: IssueDocument, ref: LayoutRef, layout: Loaded[Layout], options: RenderOptions = RenderOptions()
) -> Rendered:
    """The PDF bytes and page count of one issue in one layout, and the warnings of its rendering."""
    # reportlab only when something is rendered, and the renderer of this layout only
    if layout.model.kind == "poster":
        from newsletter.render.pdf.poster import PosterRenderer

        return PosterRenderer(document, layout.model, ref.path.parent, options).render()
    from newsletter.render.pdf.journal import JournalRenderer

    return JournalRenderer(document, layout.model, ref.path.parent, options).render()


def output_path(
    out_dir: Path, document: IssueDocument, ref: LayoutRef, options: RenderOptions = RenderOptions()
) -> Path:
    return out_dir / document.file_name(ref.name, options.for_issue(document.issue.draft))


def targets(result: Plan, out_dir: Path, options: RenderOptions = RenderOptions()) -> list[Target]:
    """Every PDF of the plan and its state, found by hashing files only (nothing is rendered)."""
    state = BuildState.load(out_dir)
    found = []
    for document in result.documents:
        for ref, layout in result.layouts_for(document):
            own = options.for_issue(document.issue.draft)
            path = output_path(out_dir, document, ref, own)
            current = fingerprint(inputs_of(document, ref, layout.model, result.workspace.root, result.sha256), own)
            found.append(Target(document, ref, layout, path, current, state.status(path, current), own))
    return found


def record_whole_build(result: Plan, out_dir: Path, layouts: list[str], options: RenderOptions) -> None:
    """After a build of the whole workspace: what it read and left, so that the same build with
    nothing changed is answered by hashing files (see :mod:`newsletter.build.incremental`).

    The inputs' hashes are those taken before rendering (a file saved during the build is then seen
    as changed next time), the PDFs' those the output folder's state recorded for them."""
    root = result.workspace.root
    inputs = {
        path: result.sha256(path)
        for document in result.documents
        for ref, layout in result.layouts_for(document)
        for _, path in input_paths(document, ref, layout.model, root)
    }
    recorded = BuildState.load(out_dir).entries
    outputs = {
        name: recorded.get(name, {}).get("sha256", incremental.ABSENT)
        for name in (
            output_path(out_dir, document, ref, options).name
            for document in result.documents
            for ref, _ in result.layouts_for(document)
        )
    }
    write_atomic(
        out_dir / LAST_BUILD_FILE, incremental.record(root, layouts, dataclasses.asdict(options), inputs, outputs)
    )


def to_render(
    result: Plan,
    out_dir: Path,
    options: RenderOptions = RenderOptions(),
    everything: bool = False,
    strict: bool = False,
) -> tuple[list[Target], int]:
    """The PDFs to render (all with ``everything``, else the missing and outdated) and how many are up to date.

    The checks that load fonts run only when there is something to render: a build with nothing
    changed reads and hashes files, and never loads reportlab.
    """
    if result.errors:
        return [], 0
    work = targets(result, out_dir, options)
    todo = work if everything else [target for target in work if target.status != UP_TO_DATE]
    if todo:
        from newsletter.build.plan import add_render_checks

        add_render_checks(result, strict, partial=True)
        if result.refused:  # an issue refused for what only rendering checks: its PDFs are not made
            kept = {document.issue_path for document in result.documents}
            todo = [target for target in todo if target.document.issue_path in kept]
    return todo, len(work) - len(todo)


def build_all(
    result: Plan,
    out_dir: Path,
    options: RenderOptions = RenderOptions(),
    only: list[Target] | None = None,
    workers: int | None = None,
):
    """Render the plan's PDFs (or ``only`` these), recording each in the output folder's state.

    Several PDFs are rendered by a pool of processes (one per core; ``workers`` overrides), but
    written, recorded and yielded in the same order as a serial build, and the first failure is
    raised at the same place. Yields each :class:`Built` as it is written.
    """
    work = targets(result, out_dir, options) if only is None else only
    from newsletter.build.plan import refuse_overwriting_inputs

    refuse_overwriting_inputs(result, [target.path for target in work], hint=_("choose another --out folder"))
    state = BuildState.load(out_dir)
    jobs = [(target.document, target.ref, target.layout, target.options) for target in work]
    with closing(_rendered(jobs, workers)) as rendered:  # a failed write stops the pool at once
        for target, (data, pages, warnings) in zip(work, rendered, strict=True):
            write_atomic(target.path, data)
            state.record(target.path, target.fingerprint, data)
            write_atomic(state.path, state.to_bytes())
            sheets = -(-pages // 4) if options.impose == "booklet" else None
            yield Built(target.path, pages, sheets, rendering_warnings(result, target, warnings))


def rendering_warnings(result: Plan, target: Target, warnings: tuple[str, ...]) -> tuple[Diagnostic, ...]:
    """The warnings of a rendering, at the issue's file, each naming the layout it was rendered in (and
    the booklet, whose page count is not the plain layout's)."""
    shown = display_path(target.document.issue_path, result.workspace.root)
    name = target.ref.name
    if target.options.impose == "booklet":
        name = _("{layout} (booklet)", layout=name)
    return tuple(
        Diagnostic(shown, _("{layout}: {warning}", layout=name, warning=warning), severity="warning")
        for warning in warnings
    )


def _render_job(job: tuple) -> Rendered:
    return render(*job)


def _rendered(jobs: list[tuple], workers: int | None):
    """Each job's PDF, in order; in parallel when there is more than one job and more than one core."""
    count = min(workers or os.cpu_count() or 1, len(jobs))
    if count <= 1:
        yield from map(_render_job, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(max_workers=count, initializer=bind_to_parent, initargs=(os.getpid(),))
    try:
        yield from executor.map(_render_job, jobs)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_WATCH_SECONDS = 0.5


def bind_to_parent(parent: int) -> None:
    """Run first in each worker: it must never outlive the command, however the command ends (Ctrl-C,
    `kill`, a closed terminal), nor keep its output open (`newsletter build | cat` must end with it).

    The worker's output goes nowhere (its results come back through the pool); on Linux the system
    kills it when its parent ends; elsewhere a thread watches the parent and ends the worker.
    ``parent`` is the command's process number, taken before the fork: asked in the worker, it would
    be the adopter's when the command ended first, and the worker would live on."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for stream in (0, 1):  # stdin and stdout; stderr stays, for Python's own last words
        os.dup2(devnull, stream)
    os.close(devnull)
    if not _die_with_parent():
        import threading

        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()
    if not _parent_alive(parent):  # it ended before the line above took effect
        os._exit(1)


def _die_with_parent() -> bool:
    """Linux: ask the system to kill this process when its parent ends (prctl PR_SET_PDEATHSIG)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _parent_alive(parent: int) -> bool:
    """Whether the process that started this worker is still there (on POSIX systems an orphan is
    adopted by another process, so its parent's number changes)."""
    return process_alive(parent) and (sys.platform == "win32" or os.getppid() == parent)


def _watch_parent(parent: int, interval: float = _WATCH_SECONDS) -> None:
    """Where the system cannot kill a worker with its parent: end it as soon as the parent is gone."""
    import time

    while _parent_alive(parent):
        time.sleep(interval)
    os._exit(1)
