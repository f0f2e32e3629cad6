"""The `newsletter` command: parses arguments, calls the library, presents results. Nothing else.

Exit codes: 0 success, 1 the input has errors, 2 usage error.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .diagnostics import Diagnostic, InputError

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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsletter {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    root: Path = typer.Option(Path("."), "--root", help="The workspace folder (holds issues/ and layouts/)."),
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
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
) -> None:
    """Validate the publication and issues: every error and warning at once."""
    from .build import plan

    result = plan(State.root, paths or [], [], strict)
    code = report(result.diagnostics)
    if code == 0:
        typer.echo(f"ok: {len(result.documents)} issue(s) checked", err=True)
    raise typer.Exit(code)


@app.command()
def build(
    issues: list[str] = typer.Argument(None, help="Issue numbers or files; none: all issues."),
    layout: list[str] = typer.Option([], "--layout", "-l", help="Layout name or file; repeat for several."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output folder (default: out/ in the workspace)."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
    grayscale: bool = typer.Option(False, "--grayscale", help="Greys only, for black-and-white copiers."),
    bleed: float = typer.Option(0.0, "--bleed", min=0, max=10, metavar="MM",
                                help="For print shops: bleed in mm (typically 3), with crop marks."),
    impose: Optional[Imposition] = typer.Option(None, "--impose",
                                                help="booklet: pages two by two on A4 landscape sheets, "
                                                     "in folding order, for a duplex printer."),
) -> None:
    """Render the issues as PDF files."""
    from .build import build_all, plan
    from .document import RenderOptions

    options = RenderOptions(grayscale=grayscale, bleed_mm=bleed, impose=impose.value if impose else None)
    result = plan(State.root, issues or [], layout, strict)
    code = report(result.diagnostics)
    if code:
        typer.echo("nothing was built: fix the errors above and run the command again", err=True)
        raise typer.Exit(code)
    out_dir = out if out is not None else State.root / "out"
    for built in build_all(result, out_dir, options):
        typer.echo(f"wrote {built.path} ({built.pages} page{'s' if built.pages > 1 else ''})")


@app.command("list")
def list_issues() -> None:
    """The issues of the workspace: number, date, headline, and their PDFs."""
    from .build import output_path, plan

    result = plan(State.root, [], [])
    out_dir = State.root / "out"
    for document in result.documents:
        issue = document.issue
        built = [ref.name for ref, _ in result.layouts if output_path(out_dir, document, ref).is_file()]
        state = ("built: " + ", ".join(built)) if built else "not built"
        typer.echo(f"{issue.number:>3}  {issue.date:%Y-%m-%d}  {issue.headline}  [{state}]")
    raise typer.Exit(report(result.errors))


@app.command("layouts")
def list_layouts() -> None:
    """The layouts you can build with: name, paper, and where each comes from."""
    from . import layouts as registry

    for ref in registry.available(State.root).values():
        try:
            page = registry.load(ref, State.root).model.page
            paper = f"{page.size} {page.orientation}"
        except InputError as error:
            report(error.diagnostics)
            paper = "invalid (see above)"
        typer.echo(f"{ref.name:<18} {paper:<18} {ref.origin:<10} {ref.path}")


def main() -> None:
    """Entry point: no traceback ever reaches a user unless they ask with --debug."""
    try:
        app()
    except InputError as error:
        sys.exit(report(error.diagnostics))
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the one place where any failure becomes one line
        if "--debug" in sys.argv:
            raise
        typer.echo(f"internal error: {type(error).__name__}: {error} (rerun with --debug for details)", err=True)
        sys.exit(1)
