"""`newsletter export`: one issue as text for another channel (e-mail, SMS, Markdown, the intranet, the
recorded phone message), with what the user should know about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from newsletter.build.plan import Plan, input_files, plan
from newsletter.errors import Diagnostic, InputError
from newsletter.files import write_atomic
from newsletter.model.document import IssueDocument

FORMATS = ("text", "sms", "markdown", "html", "phone")


@dataclass
class Export:
    result: Plan
    text: str = ""
    warnings: list[str] = field(default_factory=list)  # what an SMS left out, a message too long to listen to


def export(root: Path, issue: str, format: str, out: Path | None = None) -> Export:
    """The issue in ``format``, written to ``out`` when given; nothing is made if the issue has errors."""
    result = Export(plan(root, [issue], [], render_checks=False))
    if result.result.errors:
        return result
    if out is not None and out.resolve() in input_files(result.result):
        raise InputError(
            [
                Diagnostic(
                    str(out),
                    "the output would overwrite one of the input files",
                    hint="choose another file name with --out",
                )
            ]
        )
    result.text, result.warnings = _exported(result.result.documents[0], format)
    if out is not None:
        write_atomic(out, result.text.encode("utf-8"))
    return result


def _exported(document: IssueDocument, format: str) -> tuple[str, list[str]]:
    if format == "sms":
        from newsletter.render.text import SMS_LIMIT, render_sms

        sms = render_sms(document)
        cut = f"to fit in {SMS_LIMIT} characters the SMS leaves out: {', '.join(sms.cut)}"
        return sms.text + "\n", [cut] if sms.cut else []
    if format == "phone":
        from newsletter.render.phone import LONGEST_SECONDS, script

        spoken = script(document)
        long = (
            f"the message lasts about {spoken.seconds // 60} min {spoken.seconds % 60:02d} s; past "
            f"{LONGEST_SECONDS // 60} minutes many callers hang up: shorten the essentials or the FAQ"
        )
        return spoken.text, [long] if spoken.too_long else []
    return import_module(f"newsletter.render.{format}").render(document), []
