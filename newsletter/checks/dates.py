"""Dates that cannot be right: a year typed short, a next issue announced before this one.

Both print without a word otherwise ("Prochain numéro : mardi 1er décembre" in an issue of the 4th;
a file named ``00261204_…``), so they are errors, at the date to correct.
"""

from __future__ import annotations

from newsletter.errors import Problem
from newsletter.model.formats import Issue

EARLIEST_YEAR = 1990  # no crisis newsletter of this tool's users is older


def date_problems(issue: Issue) -> list[Problem]:
    found = []
    for key in ("date", "next_issue"):
        when = getattr(issue, key)
        if when is not None and when.year < EARLIEST_YEAR:
            found.append(
                Problem(
                    (key,),
                    f"{when.isoformat()} is before {EARLIEST_YEAR}: the year looks typed short",
                    f"write the year in full, like {when.replace(year=2000 + when.year % 100).isoformat()}",
                )
            )
    if issue.next_issue is not None and issue.next_issue < issue.date and not found:
        found.append(
            Problem(
                ("next_issue",),
                f"the next issue is announced for {issue.next_issue.isoformat()}, before this issue's date "
                f"({issue.date.isoformat()})",
                "write the date the next issue will come out, after this one's",
            )
        )
    return found
