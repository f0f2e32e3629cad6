"""What an issue says that is likely a slip of its author, not of YAML: a bold left open (its `**` printed
as typed), the same question asked twice, a sign-off dated after the issue or in the future. Warnings:
each may be meant, and none stops an issue that must go out."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from newsletter.checks.dates import today
from newsletter.errors import Problem
from newsletter.i18n import _
from newsletter.model.formats import Issue
from newsletter.read.texts import walk_text
from newsletter.text import markup

_NOT_LETTERS = re.compile(r"[\W_]+")


def content_problems(data: Any, issue: Issue, on: dt.date | None = None) -> list[Problem]:
    """The warnings of an issue (its tree of texts ``data``, its model ``issue``), checked ``on`` a day
    (default: today)."""
    return _open_bold(data) + _questions_twice(issue) + _approval_date(issue, on or today())


def _open_bold(data: Any) -> list[Problem]:
    found = []
    for path, text in walk_text(data):
        if "**" not in text:
            continue
        for block in markup.parse(text):
            lines = block.items if isinstance(block, markup.BulletList) else (block.runs,)
            if any("**" in run.text for line in lines for run in line):
                found.append(
                    Problem(
                        path,
                        _("`**` is not closed: it prints as typed, and the words after it are not in bold"),
                        _("close the bold with `**` after the last word to stress, or remove the `**`"),
                        severity="warning",
                        typed="**",
                    )
                )
                break
    return found


def _questions_twice(issue: Issue) -> list[Problem]:
    found = []
    asked: dict[str, int] = {}
    for index, item in enumerate(issue.faq):
        words = _NOT_LETTERS.sub(" ", markup.plain(item.q).casefold()).strip()
        if words in asked:
            found.append(
                Problem(
                    ("faq", index, "q"),
                    _("this question is already asked in faq[{first}]", first=asked[words] + 1),
                    _("keep one: merge the two answers into it, then delete the other question"),
                    severity="warning",
                )
            )
        else:
            asked[words] = index
    return found


def _approval_date(issue: Issue, day: dt.date) -> list[Problem]:
    approval = issue.approved
    if approval is None:
        return []
    if approval.on > day:
        message = _(
            "the sign-off is dated {on}, after today ({today})", on=approval.on.isoformat(), today=day.isoformat()
        )
    elif approval.on > issue.date:
        message = _(
            "the sign-off is dated {on}, after the issue's date ({date}): an issue is approved before it goes out",
            on=approval.on.isoformat(),
            date=issue.date.isoformat(),
        )
    else:
        return []
    return [Problem(("approved", "on"), message, _("check the day it was approved"), severity="warning")]
