"""Dates that cannot be right: a year typed short, a next issue announced before this one, a year far
from today.

The first two print without a word otherwise ("Prochain numéro : mardi 1er décembre" in an issue of the
4th; a file named ``00261204_…``), so they are errors, at the date to correct. A date more than two years
from today is a warning (``2062`` for ``2026``), unless another issue of the series is dated within two
years of it: a series checked years later, or the sample series, is old as a whole, not mistyped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from newsletter.errors import Problem
from newsletter.i18n import _
from newsletter.model.formats import Issue

EARLIEST_YEAR = 1990  # no crisis newsletter of this tool's users is older
WINDOW = dt.timedelta(days=2 * 365 + 1)  # two years either side of today


def today() -> dt.date:
    """Today's date, from which a date's distance is measured (the tests live in February 2021)."""
    return dt.date.today()


def date_problems(issue: Issue, on: dt.date | None = None, series: Iterable[dt.date] = ()) -> list[Problem]:
    """The issue's date problems, checked ``on`` a day (default: today); ``series``: the dates of the
    workspace's other issues."""
    found = []
    for key in ("date", "next_issue"):
        when = getattr(issue, key)
        if when is not None and when.year < EARLIEST_YEAR:
            found.append(
                Problem(
                    (key,),
                    _("{date} is before {year}: the year looks typed short", date=when.isoformat(), year=EARLIEST_YEAR),
                    _(
                        "write the year in full, like {date}",
                        date=when.replace(year=2000 + when.year % 100).isoformat(),
                    ),
                )
            )
    if found:
        return found
    if issue.next_issue is not None and issue.next_issue < issue.date:
        found.append(
            Problem(
                ("next_issue",),
                _(
                    "the next issue is announced for {next}, before this issue's date ({date})",
                    next=issue.next_issue.isoformat(),
                    date=issue.date.isoformat(),
                ),
                _("write the date the next issue will come out, after this one's"),
            )
        )
    day = on or today()
    if abs(issue.date - day) > WINDOW and not any(abs(issue.date - other) <= WINDOW for other in series):
        found.append(
            Problem(
                ("date",),
                _(
                    "{date} is more than two years from today ({today}): is the year right?",
                    date=issue.date.isoformat(),
                    today=day.isoformat(),
                ),
                _("write this issue's date, like {today}", today=day.isoformat()),
                severity="warning",
            )
        )
    elif issue.next_issue is not None and issue.next_issue - issue.date > WINDOW:
        found.append(
            Problem(
                ("next_issue",),
                _(
                    "the next issue is announced for {next}, more than two years after this one: is the year right?",
                    next=issue.next_issue.isoformat(),
                ),
                _("write the date the next issue will come out"),
                severity="warning",
            )
        )
    return found
