"""The commands: each parses its arguments, calls one function of the library and presents the result."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from newsletter.cli.app import Layouts, OutFolder, State, app, out_option, report
from newsletter.errors import InputError
from newsletter.i18n import N_, _, ngettext
from newsletter.paths import display_path, output_folder


class Imposition(str, Enum):
    booklet = "booklet"


@app.command()
def check(
    paths: list[str] = typer.Argument(
        None, metavar=N_("[ISSUE]..."), help=N_("Issue numbers or files; none: the whole workspace.")
    ),
    layout: list[str] = typer.Option(
        [],
        "--layout",
        "-l",
        metavar=N_("LAYOUT"),
        help=N_("Also check against this layout (e.g. poster-a3: does the text fit?)."),
    ),
    strict: bool = typer.Option(False, "--strict", help=N_("Treat warnings as errors.")),
    fix: bool = typer.Option(
        False, "--fix", help=N_("First mend in the files the slips that can be mended for sure; print what changed.")
    ),
    no_backup: bool = typer.Option(False, "--no-backup", help=N_("With --fix: keep no NNN.yaml.bak copy.")),
) -> None:
    """Validate the publication and issues: every error and warning at once."""
    from newsletter.build.plan import issue_file, plan

    if fix:
        from newsletter.build.mend import mend_workspace

        chosen = [issue_file(State.root, selector) for selector in paths] if paths else None
        for mended in mend_workspace(State.root, chosen, backup=not no_backup):
            for line in mended.diff:
                typer.echo(line)
            for note in mended.notes:
                typer.echo(_("{file}: {note}", file=mended.file, note=note), err=True)
            if mended.backup is not None:
                typer.echo(
                    _("mended {file}; the original is kept as {backup}", file=mended.file, backup=mended.backup.name),
                    err=True,
                )
            else:
                typer.echo(_("mended {file}", file=mended.file), err=True)
    result = plan(State.root, paths or [], layout, strict, check_drafts=True)
    for note in result.notes:
        typer.echo(note, err=True)
    code = report(result.diagnostics)
    if code == 0:
        count = len(result.documents)
        typer.echo(ngettext("ok: {count} issue(s) checked", "ok: {count} issue(s) checked", count), err=True)
    raise typer.Exit(code)


@app.command()
def build(
    issues: list[str] = typer.Argument(
        None, metavar=N_("[ISSUE]..."), help=N_("Issue numbers or files; none: all issues.")
    ),
    layout: Layouts = [],  # noqa: B006 - Typer reads the default, never mutates it
    out: OutFolder = None,
    strict: bool = typer.Option(False, "--strict", help=N_("Treat warnings as errors.")),
    grayscale: bool = typer.Option(False, "--grayscale", help=N_("Greys only, for black-and-white copiers.")),
    bleed: float = typer.Option(
        0.0,
        "--bleed",
        min=0,
        max=10,
        metavar=N_("MM"),
        help=N_("For print shops: bleed in mm (typically 3), with crop marks."),
    ),
    impose: Imposition | None = typer.Option(
        None,
        "--impose",
        help=N_("booklet: pages two by two on A4 landscape sheets, in folding order, for a duplex printer."),
    ),
    force: bool = typer.Option(False, "--force", help=N_("Rebuild every PDF, even those up to date.")),
    proof: bool = typer.Option(
        False,
        "--proof",
        help=N_("Proofs for the crisis cell: every page marked not to distribute, the field paths in the margins."),
    ),
) -> None:
    """Render the issues as PDF files (with no ISSUE: only those whose sources changed)."""
    from newsletter.build.run import prepare_build
    from newsletter.model.print_options import RenderOptions

    options = RenderOptions(grayscale=grayscale, bleed_mm=bleed, impose=impose.value if impose else None, proof=proof)
    run = prepare_build(State.root, issues or [], layout, output_folder(State.root, out), options, force, strict)
    if run.unchanged is not None:
        typer.echo(_("up to date: {names} (--force rebuilds them)", names=run.unchanged))
        return
    for note in run.notes:
        typer.echo(note, err=True)
    code = report(run.diagnostics)
    if run.blocked:
        typer.echo(_("nothing was built: fix the errors above and run the command again"), err=True)
        raise typer.Exit(code)
    for count, built in enumerate(run.write(), start=1):
        progress = f" [{count}/{len(run.todo)}]" if len(run.todo) > 1 else ""
        typer.echo(_("wrote {path} ({pages})", path=built.path, pages=built.describe()) + progress)
        for warning in built.warnings:
            typer.echo(str(warning), err=True)
    if run.up_to_date:
        typer.echo(_("up to date: {names} (--force rebuilds them)", names=run.up_to_date))
    if run.refused:
        typer.echo(
            _(
                "built {count}, refused {refused}: {files}",
                count=run.built_issues,
                refused=len(run.refused),
                files=", ".join(run.refused),
            ),
            err=True,
        )
        raise typer.Exit(1)


@app.command()
def faq(
    out: OutFolder = None,
    force: bool = typer.Option(False, "--force", help=N_("Write every file again, even those up to date.")),
) -> None:
    """The FAQ book: every question of the series with its latest answer, as PDF, HTML, phone script, Markdown."""
    from newsletter.build.faqbook import prepare_faq

    run = prepare_faq(State.root, output_folder(State.root, out), force)
    code = report(run.diagnostics)
    if code:
        typer.echo(_("nothing was written: fix the errors above and run the command again"), err=True)
        raise typer.Exit(code)
    if run.book is None or not run.book.entries:
        typer.echo(_("no question in any issue yet: add a `faq:` list to an issue"), err=True)
        return
    for path in run.write():
        typer.echo(_("wrote {path}", path=path))
    if run.up_to_date:
        typer.echo(_("up to date: {count} (--force writes them again)", count=run.up_to_date))
    count = len(run.book.entries)
    typer.echo(ngettext("{count} question in the book", "{count} questions in the book", count), err=True)


@app.command("list")
def list_issues(
    layout: list[str] = typer.Option(
        [],
        "--layout",
        "-l",
        metavar=N_("LAYOUT"),
        help=N_("Layout name or file; repeat for several (default: journal and poster)."),
    ),
    out: OutFolder = None,
) -> None:
    """The issues: number, date, headline, whether each is in progress, and per layout whether its PDF is
    missing, outdated or up to date."""
    from newsletter.build.plan import in_progress
    from newsletter.build.run import pdf_states

    result, states = pdf_states(State.root, layout, output_folder(State.root, out))
    progress = {issue.path: in_progress(issue) for issue in result.workspace.issues}
    for document in result.documents:
        issue = document.issue
        built = [f"{target.ref.name}: {_(target.status)}" for target in states.get(document.issue_path, [])]
        if (why := progress.get(document.issue_path)) is not None:
            built.insert(0, _("in progress ({why})", why=why))
        typer.echo(f"{issue.number:>3}  {issue.date:%Y-%m-%d}  {issue.headline}  [{', '.join(built)}]")
    raise typer.Exit(report(result.errors))


@app.command()
def archive(
    issues: list[str] = typer.Argument(
        None,
        metavar=N_("[ISSUE]..."),
        help=N_("Issue numbers or files to record (with those already recorded); none: every finished issue."),
    ),
    upto: int | None = typer.Option(
        None, "--upto", min=1, metavar="N", help=N_("Record the issues numbered up to N (with those already recorded).")
    ),
    out: Annotated[Path | None, out_option(N_("Archive folder (default: archive/ in the workspace)."))] = None,
    supersede: list[int] = typer.Option(
        [],
        "--supersede",
        metavar=N_("N"),
        help=N_(
            "Issue whose archived PDFs a correction replaces (the old files are "
            "kept as -superseded-K); repeat for several."
        ),
    ),
    verify: bool = typer.Option(
        False,
        "--verify",
        help=N_("Hash every recorded file again; report each one missing or changed, and each file not recorded."),
    ),
    repair: bool = typer.Option(
        False,
        "--repair",
        help=N_("Make the manifest agree with the files present (lost or damaged manifest), changing no file."),
    ),
    layout: list[str] = typer.Option(
        [],
        "--layout",
        "-l",
        metavar=N_("LAYOUT"),
        help=N_("Layout name or file; repeat for several (default: journal and poster)."),
    ),
    strict: bool = typer.Option(
        False, "--strict", help=N_("Treat warnings as errors: an issue never approved is not archived.")
    ),
) -> None:
    """The record of what was distributed: PDFs, catalogue, collection, manifest of SHA-256; never overwrites."""
    if verify:
        from newsletter.archive.verify import verify_workspace

        problems, matching = verify_workspace(State.root, out)
        code = report(problems)
        if code == 0:
            typer.echo(
                ngettext("ok: {count} file(s) match the manifest", "ok: {count} file(s) match the manifest", matching),
                err=True,
            )
        raise typer.Exit(code)
    if repair:
        _repair(out)
        return
    from newsletter.archive.record import prepare_archive

    run = prepare_archive(State.root, layout, out, supersede, issues or [], upto, strict)
    for note in run.result.notes:
        typer.echo(note, err=True)
    code = report(run.result.diagnostics)
    if run.result.errors or (run.result.refused and not run.result.documents):
        typer.echo(_("nothing was archived: fix the errors above and run the command again"), err=True)
        raise typer.Exit(code)
    archive_dir = run.archive_dir
    try:
        done = run.write(progress=lambda message: typer.echo(message, err=True))
    except InputError as error:  # nothing is archived: a recorded PDF would change, or the archive is not as recorded
        issue_files = {display_path(issue.path, State.root) for issue in run.result.workspace.issues}
        changed = {d.file for d in error.diagnostics} & issue_files
        if not changed:
            raise
        report(error.diagnostics)
        _refused(0, sorted(changed | set(run.result.refused)))
    for name in done.written:
        typer.echo(_("archived {path}", path=archive_dir / name))
    for name, kept_as in done.superseded:
        typer.echo(
            _(
                "correction: {name} is recorded as a correction; the previous file is kept as {kept_as}",
                name=name,
                kept_as=kept_as,
            )
        )
    for name in done.restored:
        typer.echo(_("restored {name}: it no longer matched its record and was made again identically", name=name))
    for note in done.notes:
        typer.echo(note, err=True)
    typer.echo(_("unchanged: {count}", count=done.unchanged))
    if run.result.refused:
        _refused(len(run.result.documents), run.result.refused)


def _refused(count: int, refused: list[str]) -> NoReturn:
    """The last line of an `archive` that refused issues: exit 1."""
    typer.echo(
        _("archived {count}, refused {refused}: {files}", count=count, refused=len(refused), files=", ".join(refused)),
        err=True,
    )
    raise typer.Exit(1)


def _repair(out: Path | None) -> None:
    from newsletter.archive.repair import repair_workspace

    done = repair_workspace(State.root, out)
    if done.finished:
        typer.echo(_("finished the `archive` run that was stopped while it moved its files in"))
    if done.kept_aside:
        typer.echo(_("the manifest could not be read: kept aside as {name}, and made again", name=done.kept_aside))
    for name in done.recorded:
        typer.echo(_("recorded {name} as it is (it was in the folder, not in the manifest)", name=name))
    for line in done.dropped:
        typer.echo(_("removed the record of {what}", what=line))
    for line in done.left:
        typer.echo(_("left as recorded: {what}; restore it from a copy of the archive", what=line), err=True)
    if not done.changed:
        typer.echo(_("nothing to repair: the manifest records the files present"))
    if done.left:
        raise typer.Exit(1)


@app.command()
def watch(
    issue: str | None = typer.Argument(
        None,
        metavar=N_("ISSUE"),
        help=N_(
            "Issue number or file (default: the newest issue, and the next one as soon as `newsletter new` makes it)."
        ),
    ),
    layout: Layouts = [],  # noqa: B006 - Typer reads the default, never mutates it
    out: OutFolder = None,
) -> None:
    """Rebuild the issue's PDFs each time its file, the publication, the layout or an image is saved."""
    from newsletter.build.watch import Watcher, issue_to_watch

    watcher = Watcher(
        State.root,
        issue_to_watch(State.root, issue),
        layout,
        output_folder(State.root, out),
        say=typer.echo,
        problems=report,
        follow_newest=issue is None,
    )
    try:
        watcher.run()
    except KeyboardInterrupt:
        typer.echo(_("stopped watching"), err=True)
