"""Typer's own words in the user's language: "Usage:", the help's sections, the help option, usage errors.

Typer (0.27 and 0.28) carries its own copy of Click, which writes its words as plain English strings
(no gettext). So the command is built from the app here (:func:`command`): the help of every command
and option translated (written in English with ``N_`` or as docstrings), ``--lang`` added to every
command, and the application's options given to :func:`command` (``--root``), a help formatter that
says "Usage:" in the language; Typer's own module (which does call gettext) gets our ``_``; and a usage
error is shown by :func:`show_usage_error`, its message translated by the patterns of
:data:`USAGE_ERRORS`. ``tests/cli/test_chrome.py`` checks that no English sentence is left in the
French help of any command.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import typer
import typer.core
import typer.main
from typer._click.core import Context
from typer._click.exceptions import ClickException, UsageError
from typer._click.formatting import HelpFormatter
from typer._types import TyperChoice

from newsletter.i18n import N_, _, decimal

LANG_HELP = N_(
    "Language of the messages: fr or en (default: NEWSLETTER_LANG, else the system's language,"
    " else the publication's, else English)."
)

# The words Typer's core module passes to gettext (tests/cli/test_chrome.py finds them all there).
TYPER_WORDS = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("(dynamic)"),
    N_("Aborted!"),
    N_("Missing command."),
    N_("No such command {name!r}."),
)

# What Click's copy says as plain strings, as a pattern and the message that says it in the language.
Pattern = tuple["re.Pattern[str]", str]
USAGE_ERRORS: list[Pattern] = [
    (re.compile(r"No such option: (?P<option>\S+)"), N_("No such option: {option}")),
    (
        re.compile(r"No such option: (?P<option>\S+) \(Possible options: (?P<options>.+)\)"),
        N_("No such option: {option} (did you mean {options}?)"),
    ),
    (re.compile(r"Missing argument (?P<name>.+)\."), N_("Missing argument {name}.")),
    (re.compile(r"Missing option (?P<name>.+)\.", re.DOTALL), N_("Missing option {name}.")),
    (re.compile(r"Missing parameter (?P<name>.+)\."), N_("Missing parameter {name}.")),
    (
        re.compile(r"Invalid value for (?P<name>.+?): (?P<reason>.+)", re.DOTALL),
        N_("Invalid value for {name}: {reason}"),
    ),
    (re.compile(r"Option (?P<option>'.+') requires an argument\."), N_("Option {option} requires a value.")),
    (re.compile(r"Option (?P<option>'.+') does not take a value\."), N_("Option {option} does not take a value.")),
    (
        re.compile(r"Got unexpected extra argument\(s\) \((?P<values>.*)\)"),
        N_("Unexpected extra argument(s): {values}"),
    ),
]
# Why a value is refused (after "Invalid value for --x:"); a reason of ours is already translated.
REASONS: list[Pattern] = [
    (re.compile(r"(?P<value>.+) is not one of (?P<choices>.+)\."), N_("{value} is not one of {choices}.")),
    (re.compile(r"(?P<value>.+) is not in the range (?P<range>.+)\."), N_("{value} is not in the range {range}.")),
    (
        re.compile(r"(?P<number>[\d.]+) is not in the range (?P<low>[\d.]+)<=x<=(?P<high>[\d.]+)\."),
        N_("{number} is not between {low} and {high}."),
    ),
    (re.compile(r"(?P<value>.+) is not a valid int(?:eger)?(?: range)?\."), N_("{value} is not a whole number.")),
    (re.compile(r"(?P<value>.+) is not a valid float(?: range)?\."), N_("{value} is not a number.")),
    (re.compile(r"(?P<value>.+) is not a valid boolean\..*", re.DOTALL), N_("{value} is not yes or no.")),
]


def translated(message: str, patterns: list[Pattern] = USAGE_ERRORS) -> str:
    """``message``, one of Click's, in the language (the last pattern that matches it whole wins); in
    English, Click's own words."""
    for pattern, template in reversed(patterns):
        found = pattern.fullmatch(message)
        if found and _(template) == template:
            return message
        if found:
            values = found.groupdict()
            if "reason" in values:
                values["reason"] = translated(values["reason"], REASONS)
            if "number" in values:
                values = {name: _as_written(text) for name, text in values.items()}
            return _(template, **values)
    return message


def _as_written(number: str) -> str:
    """One of Click's numbers as the language writes it: ``30.0`` → ``30``, ``2.5`` → ``2,5`` in French."""
    fraction = number.partition(".")[2].rstrip("0")
    return decimal(float(number), len(fraction))


class _Formatter(HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(" " * self.current_indent + _("{heading}:", heading=heading) + "\n")


class _Context(Context):
    formatter_class = _Formatter


def _lang_option() -> typer.core.TyperOption:
    # The language is chosen before the arguments are parsed (app.choose_language): the option only
    # shows in the help and refuses another language.
    return typer.core.TyperOption(
        param_decls=["--lang"], type=TyperChoice(["fr", "en"]), expose_value=False, help=_(LANG_HELP)
    )


def _translate(
    command: typer.core.TyperCommand | typer.core.TyperGroup, is_group: bool, shared: list[typer.core.TyperOption]
) -> None:
    command.context_class = _Context
    if command.help:
        command.help = _(command.help)
    if command.options_metavar:
        command.options_metavar = _("[OPTIONS]")
    for parameter in command.params:
        if isinstance(parameter, (typer.core.TyperOption, typer.core.TyperArgument)) and parameter.help:
            parameter.help = _(parameter.help)
        if parameter.metavar:
            parameter.metavar = _(parameter.metavar)
    if not is_group:
        command.params += [_lang_option(), *shared]
    help_option = command.get_help_option(_Context(command))
    if help_option is not None:
        help_option.help = _("Show this message and exit.")


def _typer_word(message: str) -> str:
    return _(message)


def command(app: typer.Typer, *shared: Callable[[], typer.core.TyperOption]) -> typer.core.TyperGroup:
    """The application's command, every word of it in the language chosen; each command also takes the
    ``shared`` options of the application (made here, in the language) after its name."""
    typer.core._ = _typer_word  # Typer's words go to gettext by this name
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    group.subcommand_metavar = _("COMMAND [ARGS]...")
    _translate(group, is_group=True, shared=[])
    for subcommand in group.commands.values():
        assert isinstance(subcommand, typer.core.TyperCommand)
        _translate(subcommand, is_group=False, shared=[option() for option in shared])
    return group


def show_usage_error(error: ClickException, echo: Callable[..., None] = typer.echo) -> None:
    """What Click shows for a usage error, in the language: the usage, where to find help, the error."""
    context = getattr(error, "ctx", None)
    if isinstance(error, UsageError) and context is not None:
        hint = ""
        if context.command.get_help_option(context) is not None:
            hint = _("Try '{command} {option}' for help.", command=context.command_path, option="--help") + "\n"
        echo(f"{context.get_usage()}\n{hint}", err=True)
    echo(_("Error: {message}", message=translated(error.format_message())), err=True)
