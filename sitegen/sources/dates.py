"""Dates as the sources write them: YYYY-MM-DD, a real day, from the year 1000 on."""

from __future__ import annotations

import re
from datetime import date

from sitegen.core.errors import Problems

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


MIN_YEAR = 1000  # (archives and feeds write four-digit years)


def parse_date(value: str, where: str, line: int, problems: Problems) -> date | None:
    """A YYYY-MM-DD date, or None with a problem that says what is wrong."""
    match = _ISO_DATE.fullmatch(value)
    if not match:
        problems.add(
            where,
            f'the date "{value}" is not written as YYYY-MM-DD',
            line,
            "write it like 2025-09-03",
        )
        return None
    try:
        day = date(*(int(g) for g in match.groups()))
    except ValueError:
        problems.add(
            where,
            f'the date "{value}" is not a real day',
            line,
            "write an existing date as YYYY-MM-DD",
        )
        return None
    if day.year < MIN_YEAR:  # '0001-01-01' would be archived as /0001/ and dated /1/
        problems.add(
            where,
            f'the date "{value}" is before the year {MIN_YEAR}',
            line,
            "write the year in full, e.g. 2025",
        )
        return None
    return day
