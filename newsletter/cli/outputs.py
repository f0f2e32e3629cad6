"""What the issues can be made into beside `build`'s PDFs: the layouts to build with (`layouts`), and the
exports for e-mail, SMS, Markdown, the intranet and the recorded phone message (`export`)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from newsletter.cli.app import State, app, out_option, report
from newsletter.errors import InputError
from newsletter.i18n import N_, _


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
    out: Annotated[Path | None, out_option(N_("Write to this file (default: print it)."), N_("FILE"))] = None,
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
