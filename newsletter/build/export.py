"""`newsletter export`: one issue as text for another channel (e-mail, SMS, Markdown, the intranet, the
recorded phone message), with what the user should know about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsletter.build.plan import Plan, plan, refuse_overwriting_inputs
from newsletter.files import write_atomic
from newsletter.i18n import _, decimal, ngettext
from newsletter.model.document import IssueDocument
from newsletter.render import gsm, html, markdown, phone, text, web_images

# The formats that are the issue's text as it is; the SMS and the phone script also say what to know.
RENDERERS = {"text": text.render, "markdown": markdown.render, "html": html.render}


@dataclass
class Export:
    result: Plan
    text: str = ""
    warnings: list[str] = field(default_factory=list)  # what an SMS left out, a message too long to listen to
    notes: list[str] = field(default_factory=list)  # what the export measured: an SMS's length, encoding and parts


def export(root: Path, issue: str, format: str, out: Path | None = None, unicode: bool = False) -> Export:
    """The issue in ``format``, written to ``out`` when given; nothing is made if the issue has errors.
    ``unicode``: an SMS keeps the characters outside GSM-7 (and is sent as UCS-2)."""
    result = Export(plan(root, [issue], [], render_checks=False))
    if result.result.errors:
        return result
    if out is not None:
        refuse_overwriting_inputs(result.result, [out], hint=_("choose another file name with --out"))
    document = result.result.documents[0]
    if format == "sms":
        result.text, result.warnings, result.notes = _sms(document, unicode)
    else:
        result.text, result.warnings = _exported(document, format)
    if format == "html":
        size = len(result.text.encode("utf-8"))
        result.notes.append(
            _(
                "the page weighs {size} (pictures at most {side} pixels on their long side)",
                size=_weight(size),
                side=web_images.LONG_SIDE,
            )
        )
    if out is not None:
        write_atomic(out, result.text.encode("utf-8"))
    return result


def _sms(document: IssueDocument, unicode: bool) -> tuple[str, list[str], list[str]]:
    sms = text.render_sms(document, gsm7=not unicode)
    cut = _(
        "to fit in {limit} characters the SMS leaves out: {left_out}", limit=text.SMS_LIMIT, left_out=", ".join(sms.cut)
    )
    size = gsm.measure(sms.text)
    parts = ngettext("{count} part", "{count} parts", size.parts)
    notes = [
        _(
            "SMS: {length} characters, {encoding}, {parts} ({per} characters a part)",
            length=size.length,
            encoding=size.encoding,
            parts=parts,
            per=gsm.SINGLE[size.encoding] if size.parts == 1 else gsm.PART[size.encoding],
        )
    ]
    warnings = [cut] if sms.cut else []
    if size.encoding == "UCS-2":
        warnings.append(
            _(
                "these characters make phones send the SMS as UCS-2, at {per} characters a part: {characters}",
                per=gsm.PART["UCS-2"],
                characters=" ".join(size.forcing),
            )
        )
    return sms.text + "\n", warnings, notes


def _exported(document: IssueDocument, format: str) -> tuple[str, list[str]]:
    if format == "phone":
        spoken = phone.script(document)
        long = _(
            "the message lasts about {minutes} min {seconds} s; past "
            "{longest} minutes many callers hang up: shorten the essentials or the FAQ",
            minutes=spoken.seconds // 60,
            seconds=f"{spoken.seconds % 60:02d}",
            longest=phone.LONGEST_SECONDS // 60,
        )
        return spoken.text, [long] if spoken.too_long else []
    return RENDERERS[format](document), []


def _weight(size: int) -> str:
    """A file's size as people read it: ``820 KB``, ``1.4 MB``."""
    if size < 1_000_000:
        return _("{count} KB", count=max(1, round(size / 1000)))
    return _("{count} MB", count=decimal(size / 1_000_000))
