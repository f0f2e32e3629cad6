"""The `newsletter` command: parses arguments, calls one function of the library, presents the result.

``app`` defines the application and its shared options; ``commands`` the commands that check, build and
archive the issues, ``workspace`` those that make the team's files, ``outputs`` the layouts and exports;
this module is the entry point. Exit codes: 0 success, 1 the input has errors, 2 usage error.
"""

from __future__ import annotations

import os
import sys

# Plain help and error text: readable in any terminal (Windows cmd included), and the start is
# twice as fast without Rich's import (measured with bench/run.py). Set before Typer is imported.
os.environ.setdefault("TYPER_USE_RICH", "0")

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer.exceptions import Abort

from newsletter.cli import commands, outputs, workspace  # noqa: F401 - registers the commands on the app
from newsletter.cli.app import app, choose_language, report, root_option
from newsletter.cli.chrome import command, show_usage_error
from newsletter.errors import InputError
from newsletter.i18n import _

__all__ = ["app", "main", "report", "run"]


INTERRUPTED = 130  # the exit code of a command stopped by Ctrl-C


def _interrupted() -> None:
    typer.echo(
        _(
            "interrupted: the files written before Ctrl-C are complete, and no half-written file was left; "
            "run the command again to finish"
        ),
        err=True,
    )
    sys.exit(INTERRUPTED)


def main() -> None:
    """Entry point: no traceback ever reaches a user unless they ask with --debug."""
    choose_language(sys.argv[1:])
    try:
        _run()
    except InputError as error:
        sys.exit(report(error.diagnostics))
    except KeyboardInterrupt:
        _interrupted()
    except SystemExit as exiting:
        if exiting.code == INTERRUPTED:  # Typer turns a Ctrl-C during a command into this code, silently
            _interrupted()
        raise
    except Exception as error:
        if "--debug" in sys.argv:
            raise
        typer.echo(
            _(
                "internal error: {kind}: {error} (rerun with --debug for details)",
                kind=type(error).__name__,
                error=error,
            ),
            err=True,
        )
        sys.exit(1)


def _run() -> None:
    """The command line parsed and run, as Typer's ``app()`` does, with its usage errors in the language."""
    try:
        result = command(app, root_option).main(standalone_mode=False)
    except NoArgsIsHelpError as error:  # no command: the help
        error.show()
        sys.exit(error.exit_code)
    except ClickException as error:
        show_usage_error(error)
        sys.exit(error.exit_code)
    except Abort:
        typer.echo(_("Aborted!"), err=True)
        sys.exit(1)
    sys.exit(result if isinstance(result, int) else 0)


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
