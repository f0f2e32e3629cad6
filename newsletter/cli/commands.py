"""The commands: each parses its arguments, calls one function of the library and presents the result."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path

import typer

from newsletter.cli.app import Layouts, OutFolder, State, app, on_this_computer, report
from newsletter.errors import InputError
from newsletter.i18n import N_, _, ngettext
from newsletter.paths import output_folder


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
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        metavar=N_("FOLDER"),
        callback=on_this_computer,
        help=N_("Output folder (default: out/ in the workspace)."),
    ),
) -> None:
    """The issues: number, date, headline, and per layout whether its PDF is missing, outdated or up to date."""
    from newsletter.build.run import pdf_states

    result, states = pdf_states(State.root, layout, output_folder(State.root, out))
    for document in result.documents:
        issue = document.issue
        built = ", ".join(f"{target.ref.name}: {_(target.status)}" for target in states.get(document.issue_path, []))
        typer.echo(f"{issue.number:>3}  {issue.date:%Y-%m-%d}  {issue.headline}  [{built}]")
    raise typer.Exit(report(result.errors))


def _date_option(value: str | None) -> str | None:
    """``--date``, read and refused as a date in an issue file is (a month without that day is named)."""
    if value is None:
        return None
    from newsletter.model.formats import Date

    problems: list = []
    date = Date().convert(value, ("--date",), problems)
    if problems:
        raise typer.BadParameter(problems[0].message)
    return date.isoformat()


@app.command()
def init(
    directory: Path | None = typer.Argument(
        None,
        metavar=N_("FOLDER"),
        callback=on_this_computer,
        help=N_("Folder of the new workspace (default: --root, or here)."),
    ),
    kit: str | None = typer.Option(
        None,
        "--kit",
        metavar=N_("NAME"),
        help=N_("Start from a crisis kit: a built-in one (`newsletter kits`) or a kit's folder."),
    ),
) -> None:
    """Create a workspace: a publication and a first issue to fill, every key explained in comments."""
    from newsletter.scaffold import init_workspace
    from newsletter.scaffold.kits import find_kit

    root = directory if directory is not None else State.root
    chosen = find_kit(kit) if kit is not None else None
    created = init_workspace(root, dt.date.today(), chosen, dt.datetime.now())
    for path in created.paths:
        typer.echo(_("wrote {path}", path=path))
    if chosen is not None:
        typer.echo(
            _(
                "next: in {folder}, replace each placeholder (« À ÉCRIRE : … » or [TO WRITE: …]) in both files "
                "with the local detail it asks for, then run `newsletter check` there: it lists those left",
                folder=root / "issues",
            ),
            err=True,
        )
        return
    typer.echo(
        _(
            'next: in {folder}, replace each text starting with "À ÉCRIRE" in both files, '
            "then run `newsletter check` there",
            folder=root / "issues",
        ),
        err=True,
    )


@app.command("kits")
def list_kits() -> None:
    """The crisis kits `init --kit` starts from: name, language, what they are written for."""
    from newsletter.scaffold.kits import available_kits

    for kit in available_kits():
        typer.echo(f"{kit.name:<16} {kit.info.language:<4} {kit.info.description}")


@app.command()
def new(
    date: str | None = typer.Option(
        None,
        "--date",
        metavar=N_("YYYY-MM-DD"),
        callback=_date_option,
        help=N_("Date of the new issue (default: the date the latest issue announced, else today)."),
    ),
) -> None:
    """Create the next issue's file: next number, the date, what recurs copied from the latest issue."""
    from newsletter.scaffold import new_issue

    created = new_issue(State.root, dt.date.fromisoformat(date) if date else None, dt.date.today())
    typer.echo(_("wrote {path} (n° {number})", path=created.paths[0], number=created.number))
    if created.announced is not None:
        typer.echo(
            _(
                "dated {date}, the date n° {number} announced for it (--date YYYY-MM-DD chooses another)",
                date=created.announced.isoformat(),
                number=created.copied_from,
            ),
            err=True,
        )
    if created.copied:
        typer.echo(
            _(
                "copied from n° {number}, to update: {fields}",
                number=created.copied_from,
                fields=", ".join(created.copied),
            ),
            err=True,
        )
    typer.echo(_("to write: {fields}; then run `newsletter check`", fields=", ".join(created.to_write)), err=True)


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
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        metavar=N_("FOLDER"),
        callback=on_this_computer,
        help=N_("Archive folder (default: archive/ in the workspace)."),
    ),
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
    done = run.write(progress=lambda message: typer.echo(message, err=True))
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
        refused = run.result.refused
        typer.echo(
            _(
                "archived {count}, refused {refused}: {files}",
                count=len(run.result.documents),
                refused=len(refused),
                files=", ".join(refused),
            ),
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


@app.command("layouts")
def list_layouts() -> None:
    """The layouts you can build with: name, paper, and where each comes from."""
    from newsletter.model.load import available_layouts, load_layout

    for ref in available_layouts(State.root).values():
        try:
            page = load_layout(ref, State.root).model.page
            paper = f"{page.size} {page.orientation}"
        except InputError as error:
            report(error.diagnostics)
            paper = _("invalid (see above)")
        typer.echo(f"{ref.name:<18} {paper:<18} {_(ORIGINS[ref.origin]):<10} {ref.path}")


# Where a layout comes from (``LayoutRef.origin``), as `layouts` says it.
ORIGINS = {"built-in": N_("built-in"), "workspace": N_("workspace"), "file": N_("file")}


class ExportFormat(str, Enum):
    text = "text"
    sms = "sms"
    markdown = "markdown"
    html = "html"
    phone = "phone"


@app.command()
def export(
    issue: str = typer.Argument(..., metavar=N_("ISSUE"), help=N_("Issue number or file.")),
    format: ExportFormat = typer.Option(
        ExportFormat.text,
        "--format",
        "-f",
        help=N_("text (e-mail), sms, markdown, html (intranet page) or phone (script of the recorded message)."),
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        metavar=N_("FILE"),
        callback=on_this_computer,
        help=N_("Write to this file (default: print it)."),
    ),
    unicode: bool = typer.Option(
        False,
        "--unicode",
        help=N_("SMS: keep °, ’, « » and the like as typed (phones then send it as UCS-2: 67 characters a part)."),
    ),
) -> None:
    """The issue for e-mail, SMS, Markdown tools, the intranet or the recorded phone message."""
    from newsletter.build.export import export as exported

    done = exported(State.root, issue, format.value, out, unicode)
    code = report(done.result.diagnostics)
    if code:
        typer.echo(_("nothing was exported: fix the errors above and run the command again"), err=True)
        raise typer.Exit(code)
    for note in done.notes:
        typer.echo(note, err=True)
    for warning in done.warnings:
        typer.echo(_("warning: ") + warning, err=True)
    if out is None:
        typer.echo(done.text, nl=False)
    else:
        typer.echo(_("wrote {path}", path=out), err=True)


@app.command()
def schema(
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        metavar=N_("FOLDER"),
        callback=on_this_computer,
        help=N_("Folder to write the schema files in (default: issues/ in the workspace)."),
    ),
) -> None:
    """Write the JSON Schemas of the publication, issue and layout files, for editor completion (offline)."""
    from newsletter.scaffold.schemas import modeline, write_workspace_schemas

    folder, written = write_workspace_schemas(State.root, out)
    for path in written:
        typer.echo(_("wrote {path}", path=path))
    typer.echo(
        _(
            "editors complete and check a YAML file that starts with a line like:\n  {line}",
            line=modeline("issue", folder, folder),
        ),
        err=True,
    )


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
