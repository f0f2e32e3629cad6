"""The Typer application, the options several commands share, and how diagnostics are presented."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core

from newsletter import __version__, i18n
from newsletter.cli.chrome import LANG_HELP
from newsletter.errors import Diagnostic, in_file_order
from newsletter.i18n import N_, _, ngettext
from newsletter.paths import is_address

app = typer.Typer(
    name="newsletter",
    help=N_("Crisis newsletter: YAML issues to print-ready PDF journals, posters and more."),
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
        raise typer.BadParameter(_("{value} is an address (URL); give a folder or file on this computer", value=value))
    return value


Layouts = Annotated[
    list[str], typer.Option("--layout", "-l", metavar=N_("LAYOUT"), help=N_("Layout name or file; repeat for several."))
]


def in_a_folder_that_exists(context: typer.Context, value: Path | None) -> Path | None:
    """``--out``: on this computer, and in a folder that exists: a mistyped path (or a USB key not plugged
    in) is refused rather than made on the laptop; only its last level may be new, and the command then
    says it made it."""
    value = on_this_computer(value)
    if value is None or value.exists():
        return value
    if not value.absolute().parent.is_dir():
        raise typer.BadParameter(
            _(
                "{path}: the folder {folder} does not exist; check the path (a typing mistake? a USB key not "
                "plugged in?): --out makes only the last folder of a path",
                path=value,
                folder=value.absolute().parent,
            )
        )

    def say_made() -> None:
        if value.is_dir():
            typer.echo(_("created the folder {path}", path=value), err=True)

    context.call_on_close(say_made)
    return value


def out_option(help: str, metavar: str = N_("FOLDER")) -> Any:
    """``--out``/``-o``, never an address, in a folder that exists: where a command writes (``help`` and
    ``metavar`` marked with ``N_``), for an ``Annotated`` parameter."""
    return typer.Option("--out", "-o", metavar=metavar, callback=in_a_folder_that_exists, help=help)


OutFolder = Annotated[Path | None, out_option(N_("Output folder (default: out/ in the workspace)."))]


class Language(str, Enum):
    fr = "fr"
    en = "en"


def _option_value(args: Sequence[str], name: str) -> str | None:
    """The value of ``name`` (``--lang fr`` or ``--lang=fr``) in the command line, the last one given."""
    value = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith(name + "="):
            value = arg.partition("=")[2]
    return value


def choose_language(args: Sequence[str]) -> str:
    """Speak the language the command line, the environment or the workspace asks for (``i18n.choose``):
    decided before the arguments are parsed, so that their help and errors are in it."""
    root = _option_value(args, "--root")
    language = i18n.choose(_option_value(args, "--lang"), Path(root) if root else Path("."))
    i18n.use(language)
    return language


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsletter {__version__}")
        raise typer.Exit()


ROOT_HELP = N_("The workspace folder (holds issues/ and layouts/).")


@app.callback()
def main_options(
    root: Path = typer.Option(Path("."), "--root", metavar=N_("FOLDER"), callback=on_this_computer, help=ROOT_HELP),
    debug: bool = typer.Option(False, "--debug", help=N_("Show the full error report of an internal error.")),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help=N_("Show the version.")),
    lang: Language | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    State.root = root
    State.debug = debug


def root_option() -> typer.core.TyperOption:
    """``--root`` after the command (``newsletter check --root ws``), as before it: the last one given wins."""

    def chosen(_context: Any, _parameter: Any, value: str | None) -> None:
        if value is not None:
            State.root = on_this_computer(Path(value)) or State.root

    return typer.core.TyperOption(
        param_decls=["--root"], metavar=_("FOLDER"), callback=chosen, expose_value=False, help=_(ROOT_HELP)
    )


def report(diagnostics: list[Diagnostic]) -> int:
    """Print every diagnostic to stderr, each file's in line order, with a one-line summary; return the exit code."""
    for diagnostic in in_file_order(diagnostics):
        typer.echo(str(diagnostic), err=True)
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        summary = _(
            "{errors}, {warnings}",
            errors=ngettext("{count} error(s)", "{count} error(s)", errors),
            warnings=ngettext("{count} warning(s)", "{count} warning(s)", warnings),
        )
        typer.echo(summary, err=True)
    return 1 if errors else 0
