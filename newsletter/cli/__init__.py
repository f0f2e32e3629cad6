"""The `newsletter` command: parses arguments, calls the library, presents results. Nothing else.

Exit codes: 0 success, 1 the input has errors, 2 usage error.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

# Plain help and error text: readable in any terminal (Windows cmd included), and the start is
# twice as fast without Rich's import (measured with bench/run.py).
os.environ.setdefault("TYPER_USE_RICH", "0")

import typer  # noqa: E402

from newsletter import __version__
from newsletter.errors import Diagnostic, InputError

app = typer.Typer(
    name="newsletter",
    help="Crisis newsletter: YAML issues to print-ready PDF journals, posters and more.",
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
)


class Imposition(str, Enum):
    booklet = "booklet"


class State:
    root = Path(".")
    debug = False


def _on_this_computer(value: Optional[Path]) -> Optional[Path]:
    """A folder or file named on the command line: never an address, since nothing is fetched or sent."""
    from newsletter.read.paths import is_address

    if value is not None and is_address(str(value)):
        raise typer.BadParameter(f"{value} is an address (URL); give a folder or file on this computer")
    return value


Layouts = Annotated[list[str], typer.Option("--layout", "-l", metavar="LAYOUT",
                                            help="Layout name or file; repeat for several.")]
OutFolder = Annotated[Optional[Path], typer.Option("--out", "-o", callback=_on_this_computer,
                                                   help="Output folder (default: out/ in the workspace).")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsletter {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    root: Path = typer.Option(Path("."), "--root", callback=_on_this_computer,
                              help="The workspace folder (holds issues/ and layouts/)."),
    debug: bool = typer.Option(False, "--debug", help="Show the full error report of an internal error."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    State.root = root
    State.debug = debug


def report(diagnostics: list[Diagnostic]) -> int:
    """Print every diagnostic to stderr with a one-line summary; return the exit code."""
    for diagnostic in diagnostics:
        typer.echo(str(diagnostic), err=True)
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        typer.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
    return 1 if errors else 0


@app.command()
def check(
    paths: list[str] = typer.Argument(None, help="Issue numbers or files; none: the whole workspace."),
    layout: list[str] = typer.Option([], "--layout", "-l", metavar="LAYOUT",
                                     help="Also check against this layout (e.g. poster-a3: does the text fit?)."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
) -> None:
    """Validate the publication and issues: every error and warning at once."""
    from newsletter.build.plan import plan

    result = plan(State.root, paths or [], layout, strict)
    code = report(result.diagnostics)
    if code == 0:
        typer.echo(f"ok: {len(result.documents)} issue(s) checked", err=True)
    raise typer.Exit(code)


@app.command()
def build(
    issues: list[str] = typer.Argument(None, help="Issue numbers or files; none: all issues."),
    layout: Layouts = [],  # noqa: B006 - Typer reads the default, never mutates it
    out: OutFolder = None,
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
    grayscale: bool = typer.Option(False, "--grayscale", help="Greys only, for black-and-white copiers."),
    bleed: float = typer.Option(0.0, "--bleed", min=0, max=10, metavar="MM",
                                help="For print shops: bleed in mm (typically 3), with crop marks."),
    impose: Optional[Imposition] = typer.Option(None, "--impose",
                                                help="booklet: pages two by two on A4 landscape sheets, "
                                                     "in folding order, for a duplex printer."),
    force: bool = typer.Option(False, "--force", help="Rebuild every PDF, even those up to date."),
) -> None:
    """Render the issues as PDF files (with no ISSUE: only those whose sources changed)."""
    from newsletter.model.print_options import RenderOptions
    from newsletter.build.uptodate import unchanged_outputs

    options = RenderOptions(grayscale=grayscale, bleed_mm=bleed, impose=impose.value if impose else None)
    out_dir = out if out is not None else State.root / "out"
    whole = not issues
    if whole and not force and not strict:
        unchanged = unchanged_outputs(out_dir, State.root, layout, dataclasses.asdict(options))
        if unchanged is not None:
            typer.echo(f"up to date: {unchanged} (--force rebuilds them)")
            return
    from newsletter.build.plan import build_all, plan, record_whole_build, to_render

    result = plan(State.root, issues or [], layout, strict, render_checks=False)
    todo, up_to_date = to_render(result, out_dir, options, everything=force or bool(issues), strict=strict)
    code = report(result.diagnostics)
    if code:
        typer.echo("nothing was built: fix the errors above and run the command again", err=True)
        raise typer.Exit(code)
    for count, built in enumerate(build_all(result, out_dir, options, todo), start=1):
        progress = f" [{count}/{len(todo)}]" if len(todo) > 1 else ""
        typer.echo(f"wrote {built.path} ({built.pages} page{'s' if built.pages > 1 else ''}){progress}")
    if up_to_date:
        typer.echo(f"up to date: {up_to_date} (--force rebuilds them)")
    if whole:
        record_whole_build(result, out_dir, layout, options)


@app.command("list")
def list_issues(
    layout: list[str] = typer.Option([], "--layout", "-l", metavar="LAYOUT",
                                     help="Layout name or file; repeat for several (default: journal and poster)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", callback=_on_this_computer,
                                       help="Output folder (default: out/ in the workspace)."),
) -> None:
    """The issues: number, date, headline, and per layout whether its PDF is missing, outdated or up to date."""
    from newsletter.archive.record import archive_layouts
    from newsletter.build.plan import plan, targets

    result = plan(State.root, [], layout or archive_layouts(State.root), render_checks=False)
    states: dict[Path, list[str]] = {}
    for target in targets(result, out if out is not None else State.root / "out"):
        states.setdefault(target.document.issue_path, []).append(f"{target.ref.name}: {target.status}")
    for document in result.documents:
        issue, built = document.issue, ", ".join(states.get(document.issue_path, []))
        typer.echo(f"{issue.number:>3}  {issue.date:%Y-%m-%d}  {issue.headline}  [{built}]")
    raise typer.Exit(report(result.errors))


def _date_option(value: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(value) if value is not None else None
    except ValueError:
        raise typer.BadParameter(f"expected a date written YYYY-MM-DD, like 2021-02-05; found {value!r}") from None


@app.command()
def init(
    directory: Optional[Path] = typer.Argument(None, callback=_on_this_computer,
                                               help="Folder of the new workspace (default: --root, or here)."),
) -> None:
    """Create a workspace: a publication and a first issue to fill, every key explained in comments."""
    from newsletter.scaffold.workspace import init_workspace

    root = directory if directory is not None else State.root
    created = init_workspace(root, dt.date.today())
    for path in created.paths:
        typer.echo(f"wrote {path}")
    typer.echo(f"next: in {root / 'issues'}, replace each text starting with \"À ÉCRIRE\" in both files, "
               "then run `newsletter check` there", err=True)


@app.command()
def new(
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD", callback=_date_option,
                                       help="Date of the new issue (default: today)."),
) -> None:
    """Create the next issue's file: next number, the date, what recurs copied from the latest issue."""
    from newsletter.scaffold.workspace import new_issue

    created = new_issue(State.root, date or dt.date.today())
    typer.echo(f"wrote {created.paths[0]} (n° {created.number})")
    if created.copied:
        typer.echo(f"copied from n° {created.copied_from}, to update: {', '.join(created.copied)}", err=True)
    typer.echo(f"to write: {', '.join(created.to_write)}; then run `newsletter check`", err=True)


@app.command()
def archive(
    out: Optional[Path] = typer.Option(None, "--out", "-o", callback=_on_this_computer,
                                       help="Archive folder (default: archive/ in the workspace)."),
    supersede: list[int] = typer.Option([], "--supersede", metavar="N",
                                        help="Issue whose archived PDFs a correction replaces (the old files are "
                                             "kept as -superseded-K); repeat for several."),
    verify: bool = typer.Option(False, "--verify",
                                help="Hash every recorded file again; report each one missing or changed."),
    layout: list[str] = typer.Option([], "--layout", "-l", metavar="LAYOUT",
                                     help="Layout name or file; repeat for several (default: journal and poster)."),
) -> None:
    """The record of what was distributed: PDFs, catalogue, collection, manifest of SHA-256; never overwrites."""
    from newsletter.archive import record as archiving
    from newsletter.archive.verify import verify as verify_archive
    from newsletter.build.plan import plan

    archive_dir = out if out is not None else State.root / "archive"
    if verify:
        problems, matching = verify_archive(archive_dir)
        code = report(problems)
        if code == 0:
            typer.echo(f"ok: {matching} file(s) match the manifest", err=True)
        raise typer.Exit(code)
    result = plan(State.root, [], layout or archiving.archive_layouts(State.root))
    code = report(result.diagnostics)
    if code:
        typer.echo("nothing was archived: fix the errors above and run the command again", err=True)
        raise typer.Exit(code)
    done = archiving.make_archive(result, archive_dir, supersede,
                                  progress=lambda message: typer.echo(message, err=True))
    for name in done.written:
        typer.echo(f"archived {archive_dir / name}")
    for name, kept_as in done.superseded:
        typer.echo(f"correction: {name} is recorded as a correction; the previous file is kept as {kept_as}")
    for name in done.restored:
        typer.echo(f"restored {name}: it no longer matched its record and was made again identically")
    for note in done.notes:
        typer.echo(note, err=True)
    typer.echo(f"unchanged: {done.unchanged}")


@app.command("layouts")
def list_layouts() -> None:
    """The layouts you can build with: name, paper, and where each comes from."""
    from newsletter.model import layout as registry

    for ref in registry.available(State.root).values():
        try:
            page = registry.load(ref, State.root).model.page
            paper = f"{page.size} {page.orientation}"
        except InputError as error:
            report(error.diagnostics)
            paper = "invalid (see above)"
        typer.echo(f"{ref.name:<18} {paper:<18} {ref.origin:<10} {ref.path}")


class ExportFormat(str, Enum):
    text = "text"
    sms = "sms"
    markdown = "markdown"
    html = "html"
    phone = "phone"


@app.command()
def export(
    issue: str = typer.Argument(..., help="Issue number or file."),
    format: ExportFormat = typer.Option(ExportFormat.text, "--format", "-f",
                                        help="text (e-mail), sms, markdown, html (intranet page) "
                                             "or phone (script of the recorded message)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", callback=_on_this_computer,
                                       help="Write to this file (default: print it)."),
) -> None:
    """The issue for e-mail, SMS, Markdown tools, the intranet or the recorded phone message."""
    from newsletter.build.plan import input_files, plan, write_atomic

    result = plan(State.root, [issue], [], render_checks=False)
    code = report(result.diagnostics)
    if code:
        typer.echo("nothing was exported: fix the errors above and run the command again", err=True)
        raise typer.Exit(code)
    if out is not None and out.resolve() in input_files(result):
        raise InputError([Diagnostic(str(out), "the output would overwrite one of the input files",
                                     hint="choose another file name with --out")])
    text, warnings = _exported(result.documents[0], format)
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    if out is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(out, text.encode("utf-8"))
        typer.echo(f"wrote {out}", err=True)


def _exported(document, format: ExportFormat) -> tuple[str, list[str]]:
    """The exported text and what the user should know about it (what an SMS left out, a long message)."""
    if format is ExportFormat.sms:
        from newsletter.render.text import SMS_LIMIT, render_sms

        sms = render_sms(document)
        cut = f"to fit in {SMS_LIMIT} characters the SMS leaves out: {', '.join(sms.cut)}"
        return sms.text + "\n", [cut] if sms.cut else []
    if format is ExportFormat.phone:
        from newsletter.render.phone import LONGEST_SECONDS, script

        spoken = script(document)
        long = (f"the message lasts about {spoken.seconds // 60} min {spoken.seconds % 60:02d} s; past "
                f"{LONGEST_SECONDS // 60} minutes many callers hang up: shorten the essentials or the FAQ")
        return spoken.text, [long] if spoken.too_long else []
    from importlib import import_module

    return import_module(f"newsletter.render.{format.value}").render(document), []


@app.command()
def schema(
    out: Optional[Path] = typer.Option(None, "--out", "-o", callback=_on_this_computer,
                                       help="Folder to write the schema files in (default: issues/ in the workspace)."),
) -> None:
    """Write the JSON Schemas of the publication, issue and layout files, for editor completion (offline)."""
    from newsletter.model.schema import modeline, write_schemas

    folder = out if out is not None else State.root / "issues"
    if out is None and not folder.is_dir():
        raise InputError([Diagnostic(str(folder), "no issues/ folder here",
                                     hint="run the command in a workspace (or use --root), or choose a folder with --out")])
    for path in write_schemas(folder):
        typer.echo(f"wrote {path}")
    typer.echo(f"editors complete and check a YAML file that starts with a line like:\n"
               f"  {modeline('issue', folder, folder)}", err=True)


@app.command()
def watch(
    issue: Optional[str] = typer.Argument(None, help="Issue number or file (default: the newest issue, and the "
                                                     "next one as soon as `newsletter new` makes it)."),
    layout: Layouts = [],  # noqa: B006 - Typer reads the default, never mutates it
    out: OutFolder = None,
) -> None:
    """Rebuild the issue's PDFs each time its file, the publication, the layout or an image is saved."""
    from newsletter.build.watch import Watcher, newest_issue

    selected = issue or newest_issue(State.root)
    if selected is None:
        raise InputError([Diagnostic(str(State.root / "issues"), "no issue file to watch",
                                     hint="run `newsletter new` to create one, or give the issue's file")])
    watcher = Watcher(State.root, selected, layout, out if out is not None else State.root / "out",
                      say=typer.echo, problems=report, follow_newest=issue is None)
    try:
        watcher.run()
    except KeyboardInterrupt:
        typer.echo("stopped watching", err=True)


INTERRUPTED = 130  # the exit code of a command stopped by Ctrl-C


def _interrupted() -> None:
    typer.echo("interrupted: the files written before Ctrl-C are complete, and no half-written file was left; "
               "run the command again to finish", err=True)
    sys.exit(INTERRUPTED)


def main() -> None:
    """Entry point: no traceback ever reaches a user unless they ask with --debug."""
    try:
        app()
    except InputError as error:
        sys.exit(report(error.diagnostics))
    except KeyboardInterrupt:
        _interrupted()
    except SystemExit as exiting:
        if exiting.code == INTERRUPTED:  # Typer turns a Ctrl-C during a command into this code, silently
            _interrupted()
        raise
    except Exception as error:  # noqa: BLE001 - the one place where any failure becomes one line
        if "--debug" in sys.argv:
            raise
        typer.echo(f"internal error: {type(error).__name__}: {error} (rerun with --debug for details)", err=True)
        sys.exit(1)


def run() -> None:
    """The installed command: :func:`main`, then an exit without the interpreter's teardown.

    Unloading the libraries a command has loaded takes Python 10 to 20 ms, longer than ``check``
    takes to read and validate a workspace (measured with bench/run.py); every file is already
    written and closed when ``main`` returns, so the output is flushed and the process ends at once,
    as mypy's command does. Tests call :func:`main`, which exits normally.
    """
    try:
        main()
        code = 0
    except SystemExit as exiting:
        if exiting.code is None or isinstance(exiting.code, int):
            code = exiting.code or 0
        else:
            print(exiting.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # a reader that went away (`| head`): nothing more can reach it
            pass
        except OSError:  # output lost (a full disk): say so by the exit code, as Python does
            code = code or 120
    os._exit(code)
