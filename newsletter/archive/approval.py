"""Sign-off: who approved each issue for distribution, and when (``approved: {by, on}`` in the issue).

The archive writes the approval into the manifest, beside each of the issue's files, and into the
catalogue; an issue it records without one is a warning (an error with ``--strict``): the record
should say who let each issue out.
"""

from __future__ import annotations

from newsletter.build.plan import Plan
from newsletter.errors import Diagnostic, Problem, as_errors
from newsletter.i18n import _
from newsletter.model.formats import Issue
from newsletter.read.locate import locate


def approval_record(issue: Issue) -> dict:
    """``{"approved": {"by": …, "on": "YYYY-MM-DD"}}`` for the manifest; nothing for an issue never approved."""
    if issue.approved is None:
        return {}
    return {"approved": {"by": issue.approved.by, "on": issue.approved.on.isoformat()}}


def with_approval(record: dict, issue: Issue) -> dict:
    """A file's record in the manifest with the issue's approval as it is now."""
    return {**{key: value for key, value in record.items() if key != "approved"}, **approval_record(issue)}


def unapproved(result: Plan, strict: bool = False) -> list[Diagnostic]:
    """A warning (an error when ``strict``) at the number of each issue that was never approved."""
    found = [
        locate(
            Problem(
                ("number",),
                _(
                    "issue n° {number} was never approved: the archive cannot say who let it out",
                    number=loaded.model.number,
                ),
                _(
                    "once the crisis cell has approved it, add to the issue an `approved` group with `by` "
                    "(who approved it) and `on` (the day, YYYY-MM-DD)"
                ),
                severity="warning",
            ),
            loaded.source,
        )
        for loaded in result.workspace.issues
        if loaded.model.approved is None and not loaded.model.draft  # a draft is refused for what it is
    ]
    return as_errors(found) if strict else found
