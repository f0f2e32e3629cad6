"""`newsletter export`: one issue as text for another channel (e-mail, SMS, Markdown, the intranet, the
recorded phone message), with what the user should know about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsletter.build.plan import Plan, plan, refuse_overwriting_inputs
from newsletter.files import write_atomic
from newsletter.model.document import IssueDocument
from newsletter.render import html, markdown, phone, text

# The formats that are the issue's text as it is; the SMS and the phone script also say what to know.
RENDERERS = {"text": text.render, "markdown": markdown.render, "html": html.render}


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
    if out is not None:
        refuse_overwriting_inputs(result.result, [out], hint="choose another file name with --out")
    result.text, result.warnings = _exported(result.result.documents[0], format)
    if out is not None:
        write_atomic(out, result.text.encode("utf-8"))
    return result


def _exported(document: IssueDocument, format: str) -> tuple[str, list[str]]:
    if format == "sms":
        sms = text.render_sms(document)
        cut = f"to fit in {text.SMS_LIMIT} characters the SMS leaves out: {', '.join(sms.cut)}"
        return sms.text + "\n", [cut] if sms.cut else []
    if format == "phone":
        spoken = phone.script(document)
        long = (
            f"the message lasts about {spoken.seconds // 60} min {spoken.seconds % 60:02d} s; past "
            f"{phone.LONGEST_SECONDS // 60} minutes many callers hang up: shorten the essentials or the FAQ"
        )
        return spoken.text, [long] if spoken.too_long else []
    return RENDERERS[format](document), []
