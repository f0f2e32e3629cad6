"""The commands that make the team's files: a workspace (`init`, from a crisis kit or not, `kits`), the next
issue (`new`), the JSON Schemas editors complete with (`schema`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from newsletter.cli.app import State, app, on_this_computer, out_option
from newsletter.i18n import N_, _


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
                "next: in the two files of {folder}, replace each placeholder (« À ÉCRIRE : … » or [TO WRITE: …]) "
                "with the local detail it asks for, then run `newsletter check` in {workspace} (not in its issues "
                "folder): it lists those left",
                folder=root / "issues",
                workspace=root,
            ),
            err=True,
        )
        return
    typer.echo(
        _(
            'next: in the two files of {folder}, replace each text starting with "À ÉCRIRE", '
            "then run `newsletter check` in {workspace} (not in its issues folder)",
            folder=root / "issues",
            workspace=root,
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


SCHEMAS_FOLDER = N_("Folder to write the schema files in (default: issues/ in the workspace).")


@app.command()
def schema(
    out: Annotated[
        Path | None, out_option(N_("Folder to write the schema files in (default: issues/ in the workspace)."))
    ] = None,
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
