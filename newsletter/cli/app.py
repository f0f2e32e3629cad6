"""The Typer application, the options several commands share, and how diagnostics are presented."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsletter import __version__
from newsletter.errors import Diagnostic
from newsletter.paths import is_address

app = typer.Typer(
    name="newsletter",
    help="Crisis newsletter: YAML issues to print-ready PDF journals, posters and more.",
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
)


class State:
    root = Path(".")
    debug = False


def on_this_computer(value: Path | None) -> Path | None:
    """A folder or file named on the command line: never an address, since nothing is fetched or sent."""
    if value is not None and is_address(str(value)):
        raise typer.BadParameter(f"{value} is an address (URL); give a folder or file on this computer")
    return value


Layouts = Annotated[
    list[str], typer.Option("--layout", "-l", metavar="LAYOUT", help="Layout name or file; repeat for several.")
]
OutFolder = Annotated[
    Path | None,
    typer.Option("--out", "-o", callback=on_this_computer, help="Output folder (default: out/ in the workspace)."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsletter {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    root: Path = typer.Option(
        Path("."), "--root", callback=on_this_computer, help="The workspace folder (holds issues/ and layouts/)."
    ),
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
